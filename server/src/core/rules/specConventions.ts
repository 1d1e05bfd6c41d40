import type { DocumentModel } from '../model/document';
import type { Initiative } from '../model/initiative';
import type { SpecModel } from '../model/spec';
import { sameNameSpecs } from '../project/crossReads';
import type { Archive, RuleContext } from './context';

/**
 * What a spec's copies in other spec folders of the same name show (project/crossReads.ts,
 * specCopies): whether the spec is a copy of one kept as a record.
 */

/** A header status saying the spec has not been built yet (the template's "Draft", "Specified"). */
export const PLANNED_STATUS = /^(?:[^\p{L}]*)(?:Draft|Proposed|Specified|Ready for (?:planning|implementation|development|review)|Planned|Not Started|In Review)\b/iu;

/**
 * Whether the workspace keeps its spec headers' statuses at all: not when three specs or more state
 * one and none states anything but a planned status (every header left at the template's "Draft").
 * A header never moved on says nothing about its spec's progress. A spec's requirements read every
 * spec's (project/crossReads.ts, specHeaderReads), so a check of one spec, a batch and the server answer alike.
 */
export function headerStatusesKept(ctx: RuleContext): boolean {
  let kept = KEPT.get(ctx);
  if (kept === undefined) {
    const values: string[] = [];
    for (const initiative of ctx.initiatives.byKey.values()) {
      const path = initiative.spec?.requirements;
      const status = path ? ctx.models.get(path)?.spec?.status : undefined;
      if (status) values.push(headerValue(status));
    }
    kept = values.length < 3 || values.some((v) => !PLANNED_STATUS.test(v));
    KEPT.set(ctx, kept);
  }
  return kept;
}

const KEPT = new WeakMap<RuleContext, boolean>();

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
  for (const other of sameNameSpecs(initiative, ctx.initiatives)) {
    const path = other.spec?.requirements;
    if (!path || idsOf(ctx.models.get(path) ?? null) !== ids) continue;
    const archive = ctx.archiveOf(path);
    if (archive) return { kind: 'marked', reason: `it is a copy of ${other.key.folder}, and ${archive.reason.replace(/^it lies/, 'that copy lies').replace('this folder', 'that folder')}` };
  }
  return null;
}
