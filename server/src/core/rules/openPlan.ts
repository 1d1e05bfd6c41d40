import type { DocumentModel } from '../model/document';
import { lineRangeOf, type RuleContext, type RuleFinding } from './context';

/** Fewer boxes than this is a note, not a plan. */
const MIN_BOXES = 3;
/** The files a plan makes, at least this many of them, and at least this share of them existing. */
const MIN_EXISTING = 2;
const MIN_SHARE = 0.8;
/** Files named in the message. */
const NAMED = 3;

/**
 * A plan or task list whose every box is open while the files it makes already exist: the work was
 * done and the document was not kept ("All 17 steps are unchecked, but pfind.py and test_pfind.py
 * exist"). One finding for the document, at its first box, the files related. TODOs are left to
 * their per-phase rules (an unchecked "Save X" item whose file exists); historical documents say
 * nothing of today.
 */
export function openPlanRule(ctx: RuleContext, model: DocumentModel): RuleFinding[] {
  if (model.role.kind === 'todo' || ctx.archiveOf(model.path) !== null) return [];
  const boxes = model.checkboxes.filter((b) => !b.optional);
  const first = boxes[0];
  if (!first || boxes.length < MIN_BOXES || boxes.some((b) => b.checked)) return [];
  const made = new Map<string, string | null>();
  for (const ref of model.references) {
    if (ref.creates !== true || ref.shape !== 'file' || made.has(ref.target)) continue;
    // What a guide tells the reader to create is not the plan's work unless its boxes stand beside it
    // (a task's "Files: Create …" list above its steps), or it is named in a box.
    if (ref.box < 0 && !boxesInSection(model, ref.line)) continue;
    made.set(ref.target, ctx.resolve(ref, model.path).resolved);
  }
  const existing = [...made.values()].filter((p): p is string => p !== null);
  if (existing.length < MIN_EXISTING || existing.length < MIN_SHARE * made.size) return [];
  const shown = existing.slice(0, NAMED).join(', ') + (existing.length > NAMED ? `, and ${existing.length - NAMED} more` : '');
  const title = model.headings[0];
  return [
    {
      code: 'output-exists-unchecked',
      file: model.path,
      range: first.range,
      message: `All ${boxes.length} boxes of this plan are unchecked, but ${existing.length === made.size ? `the ${made.size} files it makes exist` : `${existing.length} of the ${made.size} files it makes exist`} (${shown}): check the boxes of the work that is done, or say why it stays open.`,
      related: [
        ...(title && title.line !== first.line ? [{ file: model.path, range: title.range, message: 'The plan' }] : []),
        ...existing.slice(0, 10).map((p) => ({ file: p, range: lineRangeOf(1), message: `${p} exists` })),
      ],
    },
  ];
}

/** Whether the innermost section holding a line also holds checklist boxes. */
function boxesInSection(model: DocumentModel, line: number): boolean {
  let section: { line: number; sectionEnd: number } | null = null;
  for (const h of model.headings) {
    if (h.line > line) break;
    if (h.sectionEnd >= line) section = h;
  }
  const from = section?.line ?? 1;
  const to = section?.sectionEnd ?? Infinity;
  return model.checkboxes.some((b) => b.line > from && b.line <= to);
}
