import type { RelatedLocation } from '../findings/finding';
import type { Checkbox, DocumentModel } from '../model/document';
import { basename } from '../parse/role';
import { phaseFolderOf, phaseNumber, roadmapsOf } from '../project/phaseFolders';
import type { RuleContext, RuleFinding } from './context';

/** A roadmap item for a phase: `- [x] Phase 1: Title — 1/1 plans — completed 2026-04-25`. */
const PHASE_ITEM = /^[*_\s]*Phase\s+(\d{1,3}(?:\.\d+)?)\b/i;

/** What kind of phase document a file is, from its name after the phase numbers (`01-HUMAN-UAT.md` → "human-uat"). */
function documentKind(path: string): string {
  return basename(path)
    .replace(/\.md$/i, '')
    .replace(/^(?:\d+(?:\.\d+)?-)+/, '')
    .toLowerCase();
}

/**
 * The checked item of a roadmap for one phase; null when no item names it, it is open, or the
 * roadmap names that phase twice (another milestone numbering its phases from 1 again): then which
 * one this folder is cannot be told.
 */
function checkedItem(roadmap: DocumentModel, phase: string): Checkbox | null {
  const items = roadmap.checkboxes.filter((b) => {
    const n = PHASE_ITEM.exec(b.text)?.[1];
    return n !== undefined && phaseNumber(n) === phase;
  });
  return items.length === 1 && items[0]?.checked ? items[0] : null;
}

/**
 * A document of a numbered phase folder (`01-refactor/01-VERIFICATION.md`) whose front matter says
 * it is not finished (`status: human_needed`, `partial`, `draft`) while the roadmap checks its
 * phase off: the phase was closed before its verification, its acceptance test or its validation
 * was, or the document was never updated. One finding on the document's status, each roadmap that
 * checks the phase off related.
 */
export function phaseFolderRule(ctx: RuleContext, model: DocumentModel): RuleFinding[] {
  const status = model.frontStatus;
  if (!status || status.marker.status === 'done') return [];
  const place = phaseFolderOf(model.path);
  if (!place) return [];
  const related: RelatedLocation[] = [];
  for (const path of roadmapsOf(place, (p) => ctx.models.has(p))) {
    const roadmap = ctx.models.get(path);
    const item = roadmap ? checkedItem(roadmap, place.phase) : null;
    if (item) related.push({ file: path, range: item.range, message: `${basename(path)} checks Phase ${place.phase} off` });
  }
  const first = related[0];
  if (!first) return [];
  const others = related.length > 1 ? ` (and ${related.length - 1} other roadmap${related.length > 2 ? 's' : ''})` : '';
  return [
    {
      code: 'status-conflict',
      file: model.path,
      range: status.range,
      message: `${basename(first.file)} checks Phase ${place.phase} off${others}, but this ${documentKind(model.path)} document still says "status: ${status.marker.text}": the phase was closed before it, or it was not updated.`,
      related,
    },
  ];
}
