import { CHANGELOG_NAME } from '../analyze/releaseNotes';
import type { DocumentRole } from '../model/document';
import { normalisePhase, reportByName } from '../parse/role';
import type { Initiative } from '../model/initiative';
import type { InitiativeMap } from './initiatives';
import { phaseFolderOf, roadmapsOf } from './phaseFolders';

const taskListsOf = new WeakMap<InitiativeMap, readonly string[]>();

/** The task list of every spec folder of the workspace, by file names alone. */
export function specTaskLists(grouping: InitiativeMap): readonly string[] {
  let hit = taskListsOf.get(grouping);
  if (!hit) {
    hit = grouping.initiatives.flatMap((i) => (i.spec?.tasks ? [i.spec.tasks] : []));
    taskListsOf.set(grouping, hit);
  }
  return hit;
}

const requirementsOf = new WeakMap<InitiativeMap, readonly string[]>();

/** The requirements document of every spec folder of the workspace, by file names alone. */
function specRequirements(grouping: InitiativeMap): readonly string[] {
  let hit = requirementsOf.get(grouping);
  if (!hit) {
    hit = grouping.initiatives.flatMap((i) => (i.spec?.requirements ? [i.spec.requirements] : []));
    requirementsOf.set(grouping, hit);
  }
  return hit;
}

/**
 * For a spec's requirements, every spec's requirements: whether the workspace moves its header
 * statuses on at all is read from all of them (rules/specConventions.ts, headerStatusesKept).
 */
export function specHeaderReads(path: string, grouping: InitiativeMap): readonly string[] {
  const key = grouping.byDocument.get(path);
  if (key === undefined || grouping.byKey.get(key)?.spec?.requirements !== path) return [];
  return specRequirements(grouping).filter((p) => p !== path);
}

const copiesOf = new WeakMap<InitiativeMap, ReadonlyMap<string, readonly Initiative[]>>();

function nameOf(folder: string): string {
  return folder.slice(folder.lastIndexOf('/') + 1);
}

/** The other spec folders named like this one (`Documentation/specs/homebrew/` beside `.spec-workflow/specs/homebrew/`): its copies. */
export function sameNameSpecs(initiative: Initiative, grouping: InitiativeMap): readonly Initiative[] {
  if (!initiative.spec) return [];
  let byName = copiesOf.get(grouping);
  if (!byName) {
    const map = new Map<string, Initiative[]>();
    for (const i of grouping.initiatives) if (i.spec) map.set(nameOf(i.key.folder), [...(map.get(nameOf(i.key.folder)) ?? []), i]);
    byName = map;
    copiesOf.set(grouping, byName);
  }
  return (byName.get(nameOf(initiative.key.folder)) ?? []).filter((i) => i !== initiative);
}

/**
 * For a document of a spec folder, the task lists and requirements of its copies (sameNameSpecs):
 * rules/specCopies.ts compares their task lists, rules/specConventions.ts reads a copy of a spec
 * marked historical as a record.
 */
export function specCopies(path: string, grouping: InitiativeMap): readonly string[] {
  const key = grouping.byDocument.get(path);
  const own = key === undefined ? undefined : grouping.byKey.get(key);
  if (!own) return [];
  return sameNameSpecs(own, grouping).flatMap((i) => [i.spec?.tasks ?? null, i.spec?.requirements ?? null].filter((p): p is string => p !== null));
}

/**
 * The spec task lists a report reads: a report that belongs to no spec folder reads every spec's
 * task list, since a report in `docs/archive/` names the spec it closes by its branch, a path or the
 * files its tasks make (rules/specReports.ts).
 */
export function specReportReads(path: string, role: DocumentRole, grouping: InitiativeMap): readonly string[] {
  if (!reportByName(path, role)) return [];
  const key = grouping.byDocument.get(path);
  if (key !== undefined && grouping.byKey.get(key)?.spec) return [];
  return specTaskLists(grouping);
}

const changelogReadsOf = new WeakMap<InitiativeMap, readonly string[]>();

/**
 * A changelog reads every spec's task list and requirements: what a release ships, against the
 * tasks that make it (rules/releaseNotes.ts), and its date against the date each spec was written
 * (rules/releaseDates.ts).
 */
export function changelogReads(path: string, grouping: InitiativeMap): readonly string[] {
  if (!CHANGELOG_NAME.test(path.slice(path.lastIndexOf('/') + 1))) return [];
  let hit = changelogReadsOf.get(grouping);
  if (!hit) {
    hit = [...specTaskLists(grouping), ...specRequirements(grouping)];
    changelogReadsOf.set(grouping, hit);
  }
  return hit;
}

const byFolderOf = new WeakMap<InitiativeMap, ReadonlyMap<string, readonly { path: string; phase: string }[]>>();

/** `PHASE3_FINAL_STATUS.md`, `phase_3-summary.md`: the phase a file name starts with. */
const PHASE_NAME = /^phase[-_ ]?(\d+(?:[._]\d+)?)(?![\d])/i;
/** `phase_2/handoff.md`: a per-phase folder (parse/role.ts), whose documents are that phase's. */
const PHASE_FOLDER = /(?:^|\/)phase[_-]?(\d+(?:\.\d+)?)$/i;

/** The phase a document is named for, by its name or its per-phase folder, or null. */
function namedPhase(path: string): string | null {
  const i = path.lastIndexOf('/');
  const raw = PHASE_NAME.exec(path.slice(i + 1))?.[1] ?? PHASE_FOLDER.exec(path.slice(0, Math.max(0, i)))?.[1];
  return raw === undefined ? null : normalisePhase(raw);
}

/**
 * For a report of a numbered phase, the other documents of its folder named for the same phase
 * (or in the same per-phase folder): rules/phaseReportCounts.ts compares the counts of tasks done
 * they give.
 */
export function phaseReportReads(path: string, role: DocumentRole, grouping: InitiativeMap): readonly string[] {
  if (role.kind !== 'phase-doc') return [];
  let byFolder = byFolderOf.get(grouping);
  if (!byFolder) {
    const map = new Map<string, { path: string; phase: string }[]>();
    for (const p of grouping.paths) {
      const phase = namedPhase(p);
      if (phase === null) continue;
      const folder = p.slice(0, Math.max(0, p.lastIndexOf('/')));
      map.set(folder, [...(map.get(folder) ?? []), { path: p, phase }]);
    }
    byFolder = map;
    byFolderOf.set(grouping, byFolder);
  }
  const folder = path.slice(0, Math.max(0, path.lastIndexOf('/')));
  return (byFolder.get(folder) ?? []).filter((d) => d.path !== path && d.phase === role.phase).map((d) => d.path);
}

/**
 * The documents a document's rules read beyond its own initiative, chosen from file names alone
 * (like the grouping, so that a scoped check, a batch and the server's dependencies all know them
 * before anything is analysed): a report's spec task lists (specReportReads), a task list's copies in
 * other spec folders of the same name (specCopies), a changelog's spec task lists, a spec's requirements
 * every spec's requirements (specHeaderReads), a phase report its folder's other reports of the
 * phase (phaseReportReads), and for a document of
 * a numbered phase folder the roadmaps that check its phase off (project/phaseFolders.ts,
 * rules/phaseFolders.ts).
 */
export function crossReads(path: string, role: DocumentRole, grouping: InitiativeMap): readonly string[] {
  const reports = [...specReportReads(path, role, grouping), ...changelogReads(path, grouping), ...specCopies(path, grouping), ...specHeaderReads(path, grouping), ...phaseReportReads(path, role, grouping)];
  const place = phaseFolderOf(path);
  if (!place) return reports;
  const roadmaps = roadmapsOf(place, (p) => grouping.paths.has(p));
  return roadmaps.length === 0 ? reports : [...reports, ...roadmaps];
}
