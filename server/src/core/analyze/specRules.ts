import type { LocalFinding } from '../model/document';
import type { SpecModel, SpecTask } from '../model/spec';
import { clip } from '../text/clip';

function describe(t: SpecTask): string {
  return t.id !== null ? (t.id.startsWith('T') ? t.id : `task ${t.id}`) : `"${clip(t.text, 40)}"`;
}

function listed(tasks: readonly SpecTask[], max = 5): string {
  const names = tasks.slice(0, max).map(describe);
  return tasks.length > max ? `${names.join(', ')} and ${tasks.length - max} more` : names.join(', ');
}

const openRequired = (t: SpecTask): boolean => !t.checked && !t.optional;

/**
 * A checked task whose subtasks by number are open (`- [x] 4.` with `4.2` open, subtasks written
 * flat, not indented; indented ones are checked by localRules.checkedParentOpen).
 */
function parentsByNumber(spec: SpecModel): LocalFinding[] {
  const out: LocalFinding[] = [];
  const children = new Map<number, SpecTask[]>();
  for (const t of spec.tasks) {
    if (t.parent < 0) continue;
    const parent = spec.tasks[t.parent];
    if (!parent) continue;
    const list = children.get(t.parent) ?? [];
    list.push(t);
    children.set(t.parent, list);
  }
  for (const [p, kids] of children) {
    const parent = spec.tasks[p];
    if (!parent?.checked) continue;
    // Indented children are the generic rule's; flat ones, numbered under this task, are this one's.
    const flat = kids.filter((k) => k.line > parent.line && !isIndentedUnder(k, parent));
    const open = flat.filter(openRequired);
    if (open.length === 0) continue;
    out.push({
      code: 'phase-done-checklist-open',
      range: parent.range,
      message: `${describe(parent)} is checked, but ${open.length} of its ${flat.filter((k) => !k.optional).length} required subtasks ${open.length === 1 ? 'is' : 'are'} open: ${listed(open)}.`,
      related: open.slice(0, 20).map((k) => ({ line: k.line, message: `${describe(k)} is open.` })),
    });
  }
  return out;
}

function isIndentedUnder(kid: SpecTask, parent: SpecTask): boolean {
  return kid.range.start.column > parent.range.start.column;
}

/** A checked checkpoint task (`- [x] 12. Final checkpoint - Ensure all tests pass`) after open required tasks: one finding, at the last such checkpoint. */
function checkpointTasks(spec: SpecModel): LocalFinding[] {
  let last: { task: SpecTask; open: SpecTask[]; earlier: SpecTask[] } | null = null;
  const checkedPoints: SpecTask[] = [];
  for (const t of spec.tasks) {
    if (!t.checkpoint || !t.checked) continue;
    const open = spec.tasks.filter((o) => o.line < t.line && openRequired(o) && !o.checkpoint);
    if (open.length > 0) last = { task: t, open, earlier: [...checkedPoints] };
    checkedPoints.push(t);
  }
  if (!last) return [];
  return [
    {
      code: 'phase-done-checklist-open',
      range: last.task.range,
      message: `Checkpoint ${describe(last.task)} is checked, but ${last.open.length} required task${last.open.length === 1 ? '' : 's'} before it ${last.open.length === 1 ? 'is' : 'are'} open: ${listed(last.open)}.`,
      related: [...last.open.slice(0, 20).map((k) => ({ line: k.line, message: `${describe(k)} is open.` })), ...last.earlier.map((e) => ({ line: e.line, message: `Checkpoint ${describe(e)} is checked too.` }))],
    },
  ];
}

/** A `**Checkpoint**: ✅ …` line closing a phase whose required tasks are open. */
function checkpointLines(spec: SpecModel): LocalFinding[] {
  const out: LocalFinding[] = [];
  const all = spec.tasks.filter((t) => !t.optional);
  const share = all.length === 0 ? 0 : all.filter((t) => t.checked).length / all.length;
  for (const point of spec.checkpoints) {
    if (point.phase < 0) continue;
    const phase = spec.phases[point.phase];
    const inPhase = spec.tasks.filter((t) => t.phase === point.phase && t.line < point.line && !t.optional);
    const open = inPhase.filter(openRequired);
    if (!phase || open.length === 0) continue;
    // A checkpoint without ✅ is what the phase is to deliver, unless the document shows the work as done.
    if (!point.text.includes('✅') && share < 0.8) continue;
    out.push({
      code: 'phase-done-checklist-open',
      range: point.range,
      message: `The checkpoint of Phase ${phase.number} says it is reached, but ${open.length} of the phase's ${inPhase.length} tasks ${open.length === 1 ? 'is' : 'are'} open: ${listed(open)}.`,
      related: open.slice(0, 20).map((k) => ({ line: k.line, message: `${describe(k)} is open.` })),
    });
  }
  return out;
}

/**
 * A phase marked done, its own boxes checked, after earlier phases with no task checked at all:
 * either what it builds on is not done, or those boxes were never kept; its claim cannot stand as
 * written. One finding for the list, at the first such phase.
 */
function doneAfterOpenPhases(spec: SpecModel): LocalFinding[] {
  const required = spec.phases.map((_, i) => spec.tasks.filter((t) => t.phase === i && !t.optional));
  const untouched = (i: number): boolean => (required[i]?.length ?? 0) >= 2 && (required[i] ?? []).every((t) => !t.checked);
  const claims: { index: number; open: number[]; checkpoint: number | null }[] = [];
  spec.phases.forEach((p, i) => {
    const own = required[i] ?? [];
    const checkpoint = spec.checkpoints.find((c) => c.phase === i && c.text.includes('✅'))?.line ?? null;
    if ((p.statedDone === null && checkpoint === null) || own.length === 0 || own.some((t) => !t.checked)) return;
    const open = spec.phases.map((_, j) => j).filter((j) => j < i && untouched(j));
    if (open.length > 0) claims.push({ index: i, open, checkpoint });
  });
  const head = claims[0];
  const phase = head ? spec.phases[head.index] : undefined;
  if (!head || !phase) return [];
  const openTasks = head.open.reduce((n, j) => n + (required[j]?.length ?? 0), 0);
  const names = head.open.map((j) => spec.phases[j]?.number ?? '?');
  const phaseList = names.length === 1 ? `Phase ${names[0]}` : `Phases ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const later = claims.slice(1);
  return [
    {
      code: 'claim-contradicted',
      range: { start: { line: phase.line, column: 1 }, end: { line: phase.line, column: 1 } },
      message: `Phase ${phase.number} is marked done and its ${required[head.index]?.length ?? 0} tasks are checked, but ${phaseList} before it ${names.length === 1 ? 'has' : 'have'} none of ${names.length === 1 ? 'its' : 'their'} ${openTasks} tasks checked: either the work it builds on is not done, or those boxes were never kept.${later.length > 0 ? ` ${later.length === 1 ? 'So is Phase' : 'So are Phases'} ${later.map((c) => spec.phases[c.index]?.number ?? '?').join(', ')}.` : ''}`,
      related: [
        ...(head.checkpoint !== null ? [{ line: head.checkpoint, message: `Checkpoint of Phase ${phase.number} marked reached` }] : []),
        ...head.open.map((j) => ({ line: spec.phases[j]?.line ?? 1, message: `Phase ${spec.phases[j]?.number ?? '?'}: none of its ${required[j]?.length ?? 0} tasks checked` })),
        ...later.map((c) => ({ line: spec.phases[c.index]?.line ?? 1, message: `Phase ${spec.phases[c.index]?.number ?? '?'} is marked done too` })),
      ],
    },
  ];
}

/** The same task id twice in one task list. */
function duplicateIds(spec: SpecModel): LocalFinding[] {
  const first = new Map<string, SpecTask>();
  const dups: { task: SpecTask; of: SpecTask }[] = [];
  for (const t of spec.tasks) {
    if (t.id === null) continue;
    const seen = first.get(t.id);
    if (seen) dups.push({ task: t, of: seen });
    else first.set(t.id, t);
  }
  const head = dups[0];
  if (!head) return [];
  const ids = [...new Set(dups.map((d) => d.task.id))];
  return [
    {
      code: 'task-id-duplicate',
      range: head.task.range,
      message: `${ids.length === 1 ? `Task id ${ids[0]} is` : `${ids.length} task ids (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}) are`} used twice in this task list; a trace or a report naming ${ids.length === 1 ? 'it' : 'them'} is ambiguous.`,
      related: dups.slice(0, 20).flatMap((d) => [
        { line: d.of.line, message: `${d.of.id} first used here.` },
        ...(d === head ? [] : [{ line: d.task.line, message: `${d.task.id} used again.` }]),
      ]),
    },
  ];
}

/** `Total Tasks: 126` and `(16 tasks)` phase headings against the list; `121 subtasks` against the numbered subtasks. */
function countStatements(spec: SpecModel): LocalFinding[] {
  const withIds = spec.tasks.filter((t) => t.id !== null);
  const tasks = withIds.length > 0 ? withIds : spec.tasks.filter((t) => t.parent < 0);
  const idTasks = tasks.filter((t) => t.id === null || t.id.startsWith('T') || !t.id.includes('.'));
  const subtasks = withIds.filter((t) => t.id !== null && t.id.includes('.'));
  const wrong: { line: number; message: string }[] = [];
  const anchor = spec.counts.find((s) => s.what === 'tasks') ?? null;
  for (const s of spec.counts) {
    const actual = s.what === 'subtasks' ? subtasks.length : s.what === 'tasks' ? (subtasks.length > 0 && !withIds.some((t) => t.id?.startsWith('T')) ? idTasks.length : tasks.length) : null;
    if (actual === null || actual === 0 || actual === s.stated) continue;
    wrong.push({ line: s.line, message: `States ${s.stated} ${s.what}; the list has ${actual}.` });
  }
  spec.phases.forEach((p, i) => {
    if (p.statedTasks === null) return;
    const actual = tasks.filter((t) => t.phase === i).length;
    if (actual > 0 && actual !== p.statedTasks) wrong.push({ line: p.line, message: `Phase ${p.number} states ${p.statedTasks} tasks; it lists ${actual}.` });
  });
  const head = wrong[0];
  if (!head) return [];
  // The list's total is where a reader checks its counts; the finding stands there when there is one.
  const line = anchor ? anchor.line : head.line;
  const at = spec.counts.find((s) => s.line === line)?.range ?? { start: { line, column: 1 }, end: { line, column: 1 } };
  const main = wrong.find((w) => w.line === line) ?? head;
  const others = wrong.filter((w) => w !== main);
  if (anchor && main === head && head.line !== anchor.line) {
    const stated = spec.phases.reduce((sum, p) => sum + (p.statedTasks ?? 0), 0);
    main.message = `The total here is ${anchor.stated}, but the phase headings' task counts add up to ${stated}. ${head.message}`;
  }
  return [
    {
      code: 'numbers-inconsistent',
      range: at,
      message: `${main.message}${others.length > 0 ? ` ${others.length === 1 ? 'One other count of this list disagrees' : `${others.length} other counts of this list disagree`} too.` : ''}`,
      related: others.slice(0, 20),
    },
  ];
}

/** What a spec document proves alone. */
export function specFindings(spec: SpecModel): LocalFinding[] {
  if (spec.part !== 'tasks') return [];
  return [...parentsByNumber(spec), ...checkpointTasks(spec), ...checkpointLines(spec), ...duplicateIds(spec), ...countStatements(spec), ...doneOverOpenPhases(spec)];
}

/** One fact, one finding: earlier phases wholly open under done ones (status-conflict), else a done phase over untouched ones (claim-contradicted). */
function doneOverOpenPhases(spec: SpecModel): LocalFinding[] {
  const open = openBeforeDone(spec);
  return open.length > 0 ? open : doneAfterOpenPhases(spec);
}

/** Later phases stated done, at least this many, for earlier phases left wholly open to contradict them. */
const DONE_AFTER = 2;

/**
 * Earlier phases with every task open and no status of their own, while all the phases after them
 * are stated done in their headings (`## Phase 2: … ✅ COMPLETE` … `## Phase 7: … ✅ COMPLETE`):
 * the later work builds on the earlier, so either its boxes were never ticked or the later statuses
 * say too much. One finding, at the first such phase, the others related.
 */
function openBeforeDone(spec: SpecModel): LocalFinding[] {
  const lastOpen = (() => {
    for (let i = spec.phases.length - 1; i >= 0; i--) if (spec.phases[i]?.statedDone === null) return i;
    return -1;
  })();
  const later = spec.phases.slice(lastOpen + 1);
  if (lastOpen < 0 || later.length < DONE_AFTER) return [];
  const open = spec.phases.slice(0, lastOpen + 1).flatMap((p, i) => {
    const tasks = spec.tasks.filter((t) => t.phase === i && !t.optional && !t.checkpoint);
    return tasks.length >= 2 && tasks.every((t) => !t.checked) ? [{ phase: p, tasks }] : [];
  });
  // Every phase before the done ones is wholly open and states nothing.
  const stated = spec.phases.slice(0, lastOpen + 1).filter((p) => p.statedDone !== null || spec.tasks.some((t) => spec.phases[t.phase] === p && t.checked));
  const head = open[0];
  if (!head || stated.length > 0 || open.length !== lastOpen + 1) return [];
  const names = open.map((o) => `Phase ${o.phase.number}`);
  const total = open.reduce((n, o) => n + o.tasks.length, 0);
  const first = later[0];
  return [
    {
      code: 'status-conflict',
      range: { start: { line: head.phase.line, column: 1 }, end: { line: head.phase.line, column: 1 } },
      message: `${names.join(' and ')} ${open.length === 1 ? 'has' : 'have'} all ${total} tasks open, while every later phase (Phase ${first?.number ?? '?'} to ${later[later.length - 1]?.number ?? '?'}) is marked ${first?.statedDone ?? 'done'}: tick the work that was done, or say why it stays open.`,
      related: [...open.slice(1).map((o) => ({ line: o.phase.line, message: `Phase ${o.phase.number}: ${o.tasks.length} tasks open` })), ...later.slice(0, 10).map((p) => ({ line: p.line, message: `Phase ${p.number}: ${p.statedDone ?? 'done'}` }))],
    },
  ];
}
