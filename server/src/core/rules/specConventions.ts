import type { DocumentModel } from '../model/document';
import type { Initiative } from '../model/initiative';
import type { SpecModel } from '../model/spec';
import { basename } from '../parse/role';
import type { Archive, RuleContext } from './context';

/**
 * What a spec's copies in other spec folders of the same name show (project/crossReads.ts,
 * specCopies): whether the spec is a copy of one kept as a record.
 */

/** A header status saying the spec has not been built yet (the template's "Draft", "Specified"). */
export const PLANNED_STATUS = /^(?:[^\p{L}]*)(?:Draft|Proposed|Specified|Ready for (?:planning|implementation|development|review)|Planned|Not Started|In Review)\b/iu;

/** The value of a spec header's status line: `Draft` of `**Status**: Draft`, the whole line for `Completed: 2025-10-22`. */
export function headerValue(status: NonNullable<SpecModel['status']>): string {
  const text = status.text.replace(/\*/g, '');
  return /^\W*Completed\b/i.test(text) ? text.replace(/^[-*+\s]+/, '') : status.text.replace(/^[^:：]*[:：]\s*/, '').replace(/\*/g, '').trim();
}

/** Whether every required task of a task list (three at least) is checked. */
export function allChecked(tasks: DocumentModel | null | undefined): boolean {
  const required = (tasks?.spec?.tasks ?? []).filter((t) => !t.optional);
  return required.length >= 3 && required.every((t) => t.checked);
}

interface SpecRequirements {
  readonly initiative: Initiative;
  readonly requirements: DocumentModel | null;
}

/** Every spec folder with its requirements document, when it was read (its copies are, see crossReads). */
function specsOf(ctx: RuleContext): SpecRequirements[] {
  return ctx.initiatives.initiatives.flatMap((i) => (i.spec ? [{ initiative: i, requirements: i.spec.requirements ? (ctx.models.get(i.spec.requirements) ?? null) : null }] : []));
}

/** The ids of a requirements document, in order: what a copy repeats. */
function idsOf(model: DocumentModel | null): string {
  return (model?.spec?.items ?? []).map((i) => i.id).join(',');
}

/**
 * Why a spec folder is a record rather than live work: its task list or requirements marked
 * historical or superseded (by themselves, their folder's README or a configured archive), or the
 * same spec (the same folder name, the same requirement ids) kept where another copy is marked so.
 */
export function specArchive(ctx: RuleContext, initiative: Initiative): Archive | null {
  const spec = initiative.spec;
  if (!spec) return null;
  for (const path of [spec.tasks, spec.requirements]) {
    const own = path ? ctx.archiveOf(path) : null;
    if (own) return own;
  }
  const ids = idsOf(spec.requirements ? (ctx.models.get(spec.requirements) ?? null) : null);
  if (ids === '') return null;
  const name = basename(initiative.key.folder);
  for (const other of specsOf(ctx)) {
    const path = other.initiative.spec?.requirements;
    if (other.initiative === initiative || !path || basename(other.initiative.key.folder) !== name || idsOf(other.requirements) !== ids) continue;
    const archive = ctx.archiveOf(path);
    if (archive) return { kind: 'marked', reason: `it is a copy of ${other.initiative.key.folder}, and ${archive.reason.replace(/^it lies/, 'that copy lies').replace('this folder', 'that folder')}` };
  }
  return null;
}
