import type { DocumentModel, LeadLine } from '../model/document';
import { basename, dirname } from '../parse/role';
import { lineRangeOf, type RuleContext, type RuleFinding } from './context';

/** A report's headline count of a phase's tasks done: `**Tasks Completed**: 46/49 (94%)`, `Completion: 49/49 tasks`. */
export interface TaskCount {
  readonly done: number;
  readonly total: number;
  readonly line: number;
}

/** `43/49 tasks`, `(46/49 tasks)`. */
const COUNT_THEN_TASKS = /\b(\d{1,4})\s*\/\s*(\d{1,4})\s+tasks?\b/i;
/** `**Tasks Completed**: 46/49`, `Tasks done: 12/15`: a label naming tasks, then the count. */
const TASKS_LABEL_THEN_COUNT = /\btasks?\b[^:|]{0,30}:\**\s*(\d{1,4})\s*\/\s*(\d{1,4})(?![\d/])/i;
/** A count of what is left, not of what is done. */
const NOT_DONE = /\b(?:remaining|left|open|pending|to\s+do|blocked|failed|failing|skipped)\b/i;
/** A snapshot by its name (`PHASE6_US5_PROGRESS.md`, `phase3-session2.md`): later reports are meant to supersede it. */
const SNAPSHOT_NAME = /progress|session|update|wip|interim|snapshot|draft|plan|day[-_ ]?\d|week[-_ ]?\d/i;
/** The smallest task list whose counts are compared: a couple of tasks agree or differ by chance. */
const MIN_TOTAL = 5;

/** The first count of tasks done in a report's opening lines (its title, header fields, first paragraph). */
export function leadTaskCount(lead: readonly LeadLine[]): TaskCount | null {
  for (const { line, text } of lead) {
    const m = COUNT_THEN_TASKS.exec(text) ?? TASKS_LABEL_THEN_COUNT.exec(text);
    if (!m) continue;
    const done = Number(m[1]);
    const total = Number(m[2]);
    if (total < MIN_TOTAL || done > total || NOT_DONE.test(text.slice(m.index, m.index + m[0].length + 20))) continue;
    return { done, total, line };
  }
  return null;
}

interface Report {
  readonly model: DocumentModel;
  readonly count: TaskCount;
}

const reportsOf = new WeakMap<RuleContext, ReadonlyMap<string, readonly Report[]>>();

/** The reports of each numbered phase, by folder and phase, with their headline counts (snapshots and documents marked historical left out). */
function phaseReports(ctx: RuleContext): ReadonlyMap<string, readonly Report[]> {
  let hit = reportsOf.get(ctx);
  if (!hit) {
    const map = new Map<string, Report[]>();
    for (const model of ctx.models.values()) {
      const key = keyOf(model);
      if (key === null || model.historical) continue;
      const count = leadTaskCount(model.lead);
      if (count) map.set(key, [...(map.get(key) ?? []), { model, count }]);
    }
    hit = map;
    reportsOf.set(ctx, hit);
  }
  return hit;
}

function keyOf(model: DocumentModel): string | null {
  if (model.role.kind !== 'phase-doc' || !/^\d/.test(model.role.phase) || SNAPSHOT_NAME.test(basename(model.path))) return null;
  return `${dirname(model.path)}\u0000${model.role.phase}`;
}

/**
 * Reports of one phase, side by side in one folder (`PHASE3_COMPLETE.md`, `PHASE3_FINAL_STATUS.md`),
 * that count the same tasks (the same total) but give different numbers of them done: at most one
 * is current, and a reader cannot tell which. A progress report or a session's is a snapshot that
 * later reports supersede, so it is not compared. One finding for the phase, at the report with the
 * highest count, the others as related locations.
 */
export function phaseReportCountRule(ctx: RuleContext, model: DocumentModel): RuleFinding[] {
  const key = keyOf(model);
  const reports = key === null ? [] : (phaseReports(ctx).get(key) ?? []);
  const mine = reports.find((r) => r.model === model)?.count;
  if (!mine) return [];
  const same = reports.filter((r) => r.count.total === mine.total);
  const counts = new Set(same.map((r) => r.count.done));
  if (counts.size < 2) return [];
  // The anchor: the highest count, the first such report by path on a tie.
  const anchor = [...same].sort((a, b) => b.count.done - a.count.done || (a.model.path < b.model.path ? -1 : 1))[0];
  if (anchor?.model !== model) return [];
  const others = same.filter((r) => r.model !== model).sort((a, b) => a.count.done - b.count.done || (a.model.path < b.model.path ? -1 : 1));
  const phase = model.role.kind === 'phase-doc' ? model.role.phase : '';
  const listed = others.slice(0, 6).map((r) => `${r.count.done}/${r.count.total} (${basename(r.model.path)}:${r.count.line})`);
  const more = others.length > listed.length ? `, and ${others.length - listed.length} more` : '';
  return [
    {
      code: 'numbers-inconsistent',
      file: model.path,
      range: lineRangeOf(mine.line),
      message: `This report counts ${mine.done}/${mine.total} tasks of Phase ${phase} done, but ${others.length === 1 ? 'another report' : `${others.length} other reports`} of Phase ${phase} in this folder count${others.length === 1 ? 's' : ''} ${listed.join(', ')}${more}: ${counts.size} different counts of the same ${mine.total} tasks, and at most one is current. Bring the others up to date or mark them superseded.`,
      related: others.map((r) => ({ file: r.model.path, range: lineRangeOf(r.count.line), message: `${r.count.done}/${r.count.total} tasks done` })),
      amongRecords: true,
    },
  ];
}
