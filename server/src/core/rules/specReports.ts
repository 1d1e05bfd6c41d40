import type { DocumentModel, Heading, LeadLine } from '../model/document';
import type { SpecModel, SpecTask } from '../model/spec';
import { basename } from '../parse/role';
import { specReportReads } from '../project/crossReads';
import type { Range } from '../text/position';
import { lineRangeOf, type RuleContext, type RuleFinding } from './context';
import { contentWords, required, taskLists, tieOf, type Tie } from './specReportTies';
import { DONE_WORDS, reportedAgainst } from './specs';
import { clip } from '../text/clip';

/** A statement of the report that something is done. */
interface DoneClaim {
  readonly line: number;
  readonly range: Range;
  readonly text: string;
  /** What it is about: the lines naming it (its heading, or the report's title and opening). */
  readonly about: string;
}

/** Prose in a report's opening that says its subject is done: "has been completed", "is now complete". */
const PROSE_DONE = /\b(?:has|have)\s+been\s+(?:successfully\s+|fully\s+)?(?:completed|implemented|finished|delivered)\b|\bis\s+(?:now\s+)?(?:complete|completed|done|finished)\b/i;
/** Done said of one side of the work only: "✅ DOCUMENTATION COMPLETE", "Core Implementation Complete". */
const SCOPED = /\b(?:documentation|docs|core|code|design|planning|research|setup|foundation|infrastructure|backend|frontend|ui|api|tests?|testing)\s+(?:[\w&]+\s+){0,2}(?:complete[d]?|done|ready)\b/i;
/** A part of a spec a report names: a user story, or a phase with its number. */
const STORY = /\b(?:User\s+Story\s*|US-?)(\d+)\b/gi;
const PHASE = /\bPhase\s+(\d+(?:\.\d+)?)\b/gi;

/**
 * What the report says is done: its headings with a done status, and its opening (a status field
 * saying done in words, a done title, or a sentence "… has been completed"), about its title.
 */
function doneClaims(model: DocumentModel): { parts: DoneClaim[]; opening: DoneClaim | null } {
  const parts: DoneClaim[] = [];
  // A heading spanning lines (a setext underline below a paragraph) is no title.
  const headings = model.headings.filter((h) => !h.text.includes('\n'));
  const title = headings[0];
  const lastLead = model.lead[model.lead.length - 1]?.line ?? 0;
  for (const h of headings) {
    if (h === title || h.status?.status !== 'done' || SCOPED.test(h.text) || blankChecklist(model, h)) continue;
    parts.push({ line: h.line, range: h.range, text: h.status.text, about: h.text });
  }
  const titleText = title && title.line <= (model.lead[0]?.line ?? 0) ? title.text : '';
  const field = model.statusFields.find((f) => f.line <= lastLead && f.marker.status === 'done' && DONE_WORDS.test(f.marker.text) && !SCOPED.test(f.marker.text));
  const prose = model.lead.find((l: LeadLine) => PROSE_DONE.test(l.text) && !/^#/.test(l.text));
  let opening: DoneClaim | null = null;
  if (field) opening = { line: field.line, range: field.range, text: field.marker.text, about: titleText };
  else if (title && titleText !== '' && title.status?.status === 'done' && DONE_WORDS.test(title.status.text)) opening = { line: title.line, range: title.range, text: title.status.text, about: titleText };
  if (prose) parts.push({ line: prose.line, range: lineRangeOf(prose.line), text: (PROSE_DONE.exec(prose.text)?.[0] ?? '').trim(), about: prose.text });
  return { parts, opening };
}

/** A heading over a checklist whose boxes are all blank: its ✅ decorates a plan ("Data Models (T046-T049) - PARALLEL ✅"), it says nothing done. */
function blankChecklist(model: DocumentModel, h: Heading): boolean {
  const boxes = model.checkboxes.filter((b) => b.line > h.line && b.line <= h.sectionEnd);
  return boxes.length > 0 && boxes.every((b) => !b.checked);
}

/** Words of a text, lower case, markup, emoji and status words dropped (and asides in parentheses, for a phase title's `(Priority: P1)`). */
function words(text: string, asides = true): string {
  return (asides ? text : text.replace(/\([^)]*\)/g, ' '))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\b(?:complete[d]?|done|finished)\b/gi, ' ')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** The phases of a task list a text names: "User Story 2" (the phase of that story), "Phase 9 (Documentation and Final Validation)" (number and title both). */
function phasesNamed(text: string, spec: SpecModel): number[] {
  const found = new Set<number>();
  for (const m of text.matchAll(STORY)) {
    const story = new RegExp(`\\b(?:User\\s+Story\\s*|US-?)${Number(m[1])}\\b`, 'i');
    spec.phases.forEach((p, i) => {
      if (story.test(p.title)) found.add(i);
    });
  }
  const said = ` ${words(text)} `;
  for (const m of text.matchAll(PHASE)) {
    spec.phases.forEach((p, i) => {
      const title = words(p.title.replace(/\bUser\s+Story\s*\d+\b/gi, ''), false);
      if (p.number === String(Number(m[1])) && title.split(' ').length >= 2 && said.includes(` ${title} `)) found.add(i);
    });
  }
  return [...found];
}

/** Task ids a text names (`T030 & T031`, `T032-T036`, ranges of at most 50), as required tasks of the spec. */
function tasksNamed(text: string, spec: SpecModel): SpecTask[] {
  const ids = new Set<number>();
  for (const m of text.matchAll(/\bT(\d{3,4})(?:\s*[-–]\s*T?(\d{3,4}))?\b/g)) {
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from || to - from > 50) continue;
    for (let n = from; n <= to; n++) ids.add(n);
  }
  if (ids.size === 0) return [];
  const tasks = spec.tasks.filter((t) => t.id !== null && /^T\d+$/.test(t.id) && ids.has(Number(t.id.slice(1))) && required(t));
  // "T137: Add XML documentation to all public service APIs" names another list's T137 when this one's T137 says none of it.
  const said = [...contentWords(text.replace(/\bT\d{3,4}\b/g, ' '))].filter((w) => !PART_WORDS.has(w));
  if (said.length < 2) return tasks;
  return tasks.some((t) => {
    const own = contentWords(t.text);
    return said.some((w) => own.has(w));
  })
    ? tasks
    : [];
}

/** Words a heading uses to say which part it reports on, not what the work is. */
const PART_WORDS = new Set(['phase', 'user', 'story', 'session', 'status', 'progress', 'report', 'summary', 'priority', 'final', 'remaining', 'verified', 'already', 'action', 'needed']);

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/** A heading that names a condition or a question, not a status: "When US2 is complete", "How to know it is done". */
const CONDITIONAL = /^\W*(?:when|if|once|after|until|before|how|what|why)\b/i;
/** An opening about a part (a phase, a story, a task), which says nothing of the whole spec. */
const ABOUT_PART = /\b(?:Phase|User\s+Story|US-?|Tasks?)\s*\d/i;
/** A report whose file name names a part (`PHASE6_US2_COMPLETE.md`, `phase5-tactics-complete.md`, `TASK3_COMPLETE.md`). */
const PART_NAME = /(?:^|[^a-z])(?:phase|us|task)s?[_-]?\d/i;

/**
 * A report outside the spec folders that says a spec, one of its stories or phases, or the work
 * behind the files it cites is done, while the boxes of that work are open in the spec's task list
 * ("**Status**: ✅ FULLY IMPLEMENTED" for `001-inventory-system`, whose 45 tasks are all open). The
 * report is tied to one spec by what it says it is about (see tieOf). One finding for the report:
 * the whole spec said done with no task checked, else its first claim of a story or phase whose
 * tasks are open, the others related.
 */
export function specReportRule(ctx: RuleContext, model: DocumentModel): RuleFinding[] {
  if (model.lead.length === 0 || specReportReads(model.path, model.role, ctx.initiatives).length === 0) return [];
  const all = taskLists(ctx);
  if (all.length === 0) return [];
  const { parts, opening } = doneClaims(model);
  if (parts.length === 0 && opening === null) return [];
  const tie = tieOf(ctx, model, all);
  if (!tie) return [];
  const { list } = tie;
  const tieAt = { file: model.path, range: lineRangeOf(tie.line), message: tie.how === 'files' ? `Cites a file that a task of ${basename(list.folder)} makes` : `Names ${basename(list.folder)}` };
  const whole = wholeConflict(model, tie, opening, tieAt);
  if (whole || tie.how === 'files') return whole ? [whole] : [];
  const conflicts: { claim: DoneClaim; phase: number; open: number; total: number }[] = [];
  const seen = new Set<number>();
  let taskConflict: { claim: DoneClaim; named: readonly SpecTask[]; open: readonly SpecTask[] } | null = null;
  const aboutParts = (about: string): boolean => phasesNamed(about, list.spec).length > 0 || tasksNamed(about, list.spec).length > 0;
  const partClaims = [...(opening && aboutParts(opening.about) ? [opening] : []), ...parts.filter((c) => !CONDITIONAL.test(c.about))];
  for (const claim of partClaims) {
    // "T030 & T031 Complete" is about those tasks, not the whole phase of their story.
    const named = tasksNamed(claim.about, list.spec);
    if (named.length > 0) {
      const open = named.filter((t) => !t.checked);
      if (open.length > 0 && taskConflict === null) taskConflict = { claim, named, open };
      continue;
    }
    for (const i of phasesNamed(claim.about, list.spec)) {
      const tasks = list.spec.tasks.filter((t) => t.phase === i && required(t));
      const open = tasks.filter((t) => !t.checked).length;
      if (seen.has(i) || tasks.length < 2 || open === 0) continue;
      seen.add(i);
      conflicts.push({ claim, phase: i, open, total: tasks.length });
    }
  }
  if (conflicts.length === 0 && taskConflict) {
    const { claim, named, open } = taskConflict;
    const ids = named.slice(0, 6).map((t) => t.id ?? '').join(', ') + (named.length > 6 ? ', …' : '');
    const which = open.length === named.length ? (named.length === 1 ? 'it is open' : named.length === 2 ? 'both are open' : `all ${named.length} are open`) : `${open.length} of the ${named.length} are open`;
    return [
      {
        code: 'status-conflict',
        file: model.path,
        range: claim.range,
        message: `This report says ${ids} of ${basename(list.folder)} ${named.length === 1 ? 'is' : 'are'} done ("${claim.text}"), but in ${list.path} ${which}.`,
        related: [...open.slice(0, 10).map((t) => ({ file: list.path, range: t.range, message: `${t.id ?? 'Task'} is open` })), tieAt],
        data: { fact: reportedAgainst(list.path) },
      },
    ];
  }
  const head = conflicts[0];
  const phase = head ? list.spec.phases[head.phase] : undefined;
  if (!head || !phase) return [];
  const openText = (c: { open: number; total: number }): string => (c.open === c.total ? `all ${plural(c.total, 'task')} open` : `${c.open} of its ${c.total} tasks open`);
  const more = conflicts.length > 1 ? ` ${conflicts.length - 1} more of its claims of done meet open phases there too.` : '';
  return [
    {
      code: 'status-conflict',
      file: model.path,
      range: head.claim.range,
      message: `This report says Phase ${phase.number} (${clip(phase.title.trim(), 60)}) of ${basename(list.folder)} is done ("${head.claim.text}"), but that phase of ${list.path} has ${openText(head)}.${more}`,
      related: [
        { file: list.path, range: lineRangeOf(phase.line), message: `Phase ${phase.number}: ${head.total - head.open}/${head.total} checked` },
        tieAt,
        ...conflicts.slice(1, 20).map((c) => ({ file: model.path, range: c.claim.range, message: `Also said done: Phase ${list.spec.phases[c.phase]?.number ?? '?'} has ${openText(c)}` })),
      ],
      data: { fact: reportedAgainst(list.path) },
    },
  ];
}

/** The whole spec (or, tied by files, the work of the files it cites) said done, with none of that work checked. */
function wholeConflict(model: DocumentModel, tie: Tie, opening: DoneClaim | null, tieAt: RuleFinding['related'][number]): RuleFinding | null {
  if (!opening || (tie.how !== 'files' && (ABOUT_PART.test(opening.about) || PART_NAME.test(basename(model.path))))) return null;
  const { list } = tie;
  const work = tie.how === 'files' ? tie.makers : list.spec.tasks.filter(required);
  if (work.length < (tie.how === 'files' ? 2 : 3) || work.some((t) => t.checked)) return null;
  const first = work[0];
  const what =
    tie.how === 'files'
      ? `it cites files that ${plural(work.length, 'task')} of ${list.path} make (${work.slice(0, 4).map((t) => t.id ?? `"${clip(t.text, 30)}"`).join(', ')}${work.length > 4 ? ', …' : ''}), and none of those tasks is checked`
      : `none of the ${work.length} tasks of ${list.path} is checked`;
  return {
    code: 'status-conflict',
    file: model.path,
    range: opening.range,
    message: `This report says the work is done (${opening.text}), but ${what}.`,
    related: [...(first ? [{ file: list.path, range: first.range, message: 'The first open task' }] : []), tieAt],
    data: { fact: reportedAgainst(list.path) },
  };
}
