import type { Task } from '../model/todo';
import { listedDepths, phaseChecklist, type ChecklistGroup } from './checklist';
import { at, EVIDENCE_SLOT, type HandoffContext } from './context';
import { generated } from './handoffBlocks';
import { inert } from './inert';

/** Copied lines are capped: the TODO stays the place to read the whole plan. */
const MAX_COPIED_LINES = 20;
const CHECKBOX_MARKER = /^(\s*(?:[-*+]|\d+[.)])\s+)\[[ xX]\]\s+/;

/** A copied line made inert, its indentation kept, a task-list box turned into a plain bullet. */
function copiedLine(h: HandoffContext, text: string): string {
  const plain = text.replace(CHECKBOX_MARKER, '$1');
  const indent = /^\s*/.exec(plain)?.[0] ?? '';
  return `${indent}${inert(plain.slice(indent.length), h.c)}`;
}

/**
 * Non-empty lines of a TODO range, without headings, trimmed of blank edges and capped. Checklist
 * items are left out when `withoutBoxes`: the notes list them with their state already.
 */
function copiedLines(h: HandoffContext, from: number, to: number, withoutBoxes = false): string[] | null {
  if (!h.text) return null;
  const boxLines = new Set(withoutBoxes ? h.todo.checkboxes.map((b) => b.line) : []);
  const lines = h.text.range(from, to).filter((l) => !boxLines.has(l.line)).map((l) => l.text);
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') lines.shift();
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  const kept = lines.filter((l) => !/^\s*#{1,6}\s/.test(l) && !/^\s*-{3,}\s*$/.test(l));
  const capped = kept.slice(0, MAX_COPIED_LINES).map((l) => (l.trim() === '' ? '' : copiedLine(h, l)));
  if (kept.length > MAX_COPIED_LINES) capped.push(`… (${kept.length - MAX_COPIED_LINES} more lines in ${at(h, from + MAX_COPIED_LINES)} onwards)`);
  return capped;
}

/** The phase goal: its "Context for Claude" section, else the first paragraph of the phase. */
export function goalBlock(h: HandoffContext): string {
  const { phase, todo } = h;
  const context = todo.headings.find((x) => x.line > phase.line && x.line <= phase.sectionEnd && /^Context for Claude\b/i.test(x.text));
  let from = phase.line + 1;
  let to = phase.sectionEnd;
  if (context) {
    from = context.line + 1;
    to = context.sectionEnd;
  } else {
    const next = todo.headings.find((x) => x.line > phase.line);
    to = Math.min(to, next ? next.line - 1 : to);
  }
  const lines = copiedLines(h, from, to);
  const source = context ? `its "Context for Claude" (${at(h, context.line)})` : `the introduction of Phase ${phase.number} (${at(h, phase.line)})`;
  if (lines === null) return `<!-- the goal of Phase ${phase.number}: see ${source} -->`;
  // Without a "Context for Claude" only the first paragraph is the goal; the rest is the plan.
  const blank = lines.indexOf('');
  const paragraph = context || blank < 0 ? lines : lines.slice(0, blank);
  if (paragraph.length === 0 || paragraph.every((l) => l === '')) return `<!-- the goal of Phase ${phase.number}: the TODO states none at ${at(h, phase.line)} -->`;
  return [`From ${source}:`, '', ...paragraph.map((l) => (l === '' ? '>' : `> ${l}`))].join('\n');
}

function itemLines(h: HandoffContext, indexes: readonly number[], state: boolean): string[] {
  const boxes = h.todo.checkboxes;
  const depths = listedDepths(boxes, indexes);
  return indexes.map((i) => {
    const box = boxes[i];
    if (!box) return '';
    const label = state ? (box.checked ? 'checked — ' : 'open — ') : '';
    return `${'  '.repeat(depths.get(i) ?? 0)}- ${label}${inert(box.text, h.c)} (${at(h, box.line)})`;
  });
}

function groupBlock(h: HandoffContext, group: ChecklistGroup): string {
  const checked = group.items.filter((i) => h.todo.checkboxes[i]?.checked).length;
  return [`Checklist "${inert(group.title, h.c)}" (${at(h, group.line)}), ${checked} of ${group.items.length} checked:`, '', ...itemLines(h, group.items, true)].join('\n');
}

const NOTES_SLOTS = ['**What was done**: <!-- files changed, commands run, what works now -->', `**Evidence**: ${EVIDENCE_SLOT}`].join('\n\n');

/** Notes: one section per task with its checklist groups and their state, then the groups matching no task. */
export function tasksBlock(h: HandoffContext): string {
  const { tasks, others } = phaseChecklist(h.todo, h.phase, h.c);
  const sections: string[] = [];
  for (const { task, groups } of tasks) {
    // The copied items sit in a generated region (read like code); the slots after it are the author's.
    const body = groups.length > 0 ? generated(groups.map((g) => groupBlock(h, g)).join('\n\n')) : `No checklist group of the TODO matches this task (${at(h, task.line)}).`;
    sections.push([`### ${taskTitle(h, task)}`, '', body, '', NOTES_SLOTS].join('\n'));
  }
  for (const group of others) {
    sections.push([`### Checklist group: ${inert(group.title, h.c)}`, '', generated(groupBlock(h, group)), '', NOTES_SLOTS].join('\n'));
  }
  if (sections.length === 0) return `Phase ${h.phase.number} has no tasks and no checklist in ${h.todoName}.\n\n${NOTES_SLOTS}`;
  return sections.join('\n\n');
}

function taskTitle(h: HandoffContext, task: Task): string {
  const title = inert(task.title, h.c);
  return title ? `${task.id}: ${title}` : task.id;
}

/** Decisions: a record per task, its context copied from the task's bullets, the rest left to write. */
export function decisionsBlock(h: HandoffContext): string {
  const tasks = h.phase.tasks;
  const record = (n: number, heading: string, context: string): string =>
    [
      `## Decision ${n} — ${heading}`,
      '',
      context,
      '',
      '**Decision**: <!-- what was chosen, and why -->',
      '',
      '**Alternatives considered**: <!-- each option and why it was not chosen -->',
      '',
      '**Consequences**: <!-- what this makes easier or harder later -->',
      '',
      `**Evidence**: ${EVIDENCE_SLOT}`,
    ].join('\n');
  if (tasks.length === 0) {
    return record(1, `Phase ${h.phase.number}`, `**Context**: <!-- Phase ${h.phase.number} has no tasks in ${h.todoName}; describe the situation that called for a decision -->`);
  }
  return tasks
    .map((task, i) => {
      const lines = copiedLines(h, task.line + 1, task.sectionEnd, true);
      const context =
        lines === null || lines.length === 0
          ? `**Context**: <!-- see ${at(h, task.line)} -->`
          : generated([`**Context** (from ${at(h, task.line)}):`, '', ...lines].join('\n'));
      return record(i + 1, taskTitle(h, task), context);
    })
    .join('\n\n');
}
