import type { DocumentModel } from '../model/document';
import type { SpecTask } from '../model/spec';
import { sameNameSpecs } from '../project/crossReads';
import type { RuleContext, RuleFinding } from './context';

/** Task ids shared by two lists, as a share of the shorter one, from which they are one plan. */
const SAME_PLAN = 0.6;
/** Fewer shared tasks than this say nothing of a copy. */
const MIN_SHARED = 3;

/** The tasks of a list by id, ids that occur once only. */
function byId(tasks: readonly SpecTask[]): Map<string, SpecTask> {
  const out = new Map<string, SpecTask>();
  const twice = new Set<string>();
  for (const t of tasks) {
    if (t.id === null) continue;
    if (out.has(t.id)) twice.add(t.id);
    out.set(t.id, t);
  }
  for (const id of twice) out.delete(id);
  return out;
}

/**
 * A spec's task list kept in two spec folders of the same name (a plan copied to `Documentation/specs/`
 * while work went on in `.spec-workflow/specs/`), the copies disagreeing on what is done: most tasks
 * they share are checked in one and open in the other. One finding, on the copy with fewer checked,
 * at its first task the other has checked, with that task of the other copy related; a reader cannot
 * tell which copy is current.
 */
export function specCopyRule(ctx: RuleContext, model: DocumentModel): RuleFinding[] {
  if (model.spec?.part !== 'tasks') return [];
  const mine = byId(model.spec.tasks);
  const findings: RuleFinding[] = [];
  const own = ctx.initiativeOf(model.path);
  for (const copy of own ? sameNameSpecs(own, ctx.initiatives) : []) {
    const path = copy.spec?.tasks;
    const other = path ? ctx.models.get(path)?.spec : null;
    if (!path || !other) continue;
    const theirs = byId(other.tasks);
    const shared = [...mine.keys()].filter((id) => theirs.has(id));
    if (shared.length < MIN_SHARED || shared.length < SAME_PLAN * Math.min(mine.size, theirs.size)) continue;
    const doneHere = shared.filter((id) => mine.get(id)?.checked).length;
    const doneThere = shared.filter((id) => theirs.get(id)?.checked).length;
    const ahead = shared.filter((id) => theirs.get(id)?.checked && !mine.get(id)?.checked);
    if (doneThere <= doneHere || ahead.length < Math.max(2, shared.length / 2)) continue;
    const first = mine.get(ahead[0] ?? '');
    const there = theirs.get(ahead[0] ?? '');
    if (!first || !there) continue;
    findings.push({
      code: 'status-conflict',
      file: model.path,
      range: first.range,
      message: `This task list and ${path} are copies of one plan (${shared.length} tasks in common), but ${doneThere} of those tasks are checked there and ${doneHere} here: one copy is stale. Keep one, or keep both in step.`,
      related: [{ file: path, range: there.range, message: `Task ${there.id ?? ''} is checked in the other copy` }],
    });
  }
  return findings;
}
