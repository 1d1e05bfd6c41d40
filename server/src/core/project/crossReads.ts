import type { DocumentRole } from '../model/document';
import { reportByName } from '../parse/role';
import type { InitiativeMap } from './initiatives';

const taskListsOf = new WeakMap<InitiativeMap, readonly string[]>();
const requirementsOf = new WeakMap<InitiativeMap, readonly string[]>();

/** The task list of every spec folder of the workspace, by file names alone. */
export function specTaskLists(grouping: InitiativeMap): readonly string[] {
  let hit = taskListsOf.get(grouping);
  if (!hit) {
    hit = grouping.initiatives.flatMap((i) => (i.spec?.tasks ? [i.spec.tasks] : []));
    taskListsOf.set(grouping, hit);
  }
  return hit;
}

/** The requirements document of every spec folder of the workspace, by file names alone. */
export function specRequirements(grouping: InitiativeMap): readonly string[] {
  let hit = requirementsOf.get(grouping);
  if (!hit) {
    hit = grouping.initiatives.flatMap((i) => (i.spec?.requirements ? [i.spec.requirements] : []));
    requirementsOf.set(grouping, hit);
  }
  return hit;
}

/**
 * The documents a document's rules read beyond its own initiative, chosen from file names alone
 * (like the grouping, so that a scoped check, a batch and the server's dependencies all know them
 * before anything is analysed): a report that belongs to no spec folder reads every spec's task
 * list, since a report in `docs/archive/` names the spec it closes by its branch, a path or the
 * files its tasks make (rules/specReports.ts); a spec's requirements document reads every spec's
 * requirements document, since their headers show whether the workspace keeps them and their ids
 * which spec is a copy of another (rules/specConventions.ts).
 */
export function crossReads(path: string, role: DocumentRole, grouping: InitiativeMap): readonly string[] {
  if (role.kind === 'spec' && role.part === 'requirements') return specRequirements(grouping);
  if (!reportByName(path, role)) return [];
  const key = grouping.byDocument.get(path);
  if (key !== undefined && grouping.byKey.get(key)?.spec) return [];
  return specTaskLists(grouping);
}
