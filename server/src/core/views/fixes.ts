import type { Finding } from '../findings/finding';
import type { DocumentModel } from '../model/document';
import type { Project } from '../project/project';
import type { LineIndex, Range } from '../text/position';
import { initiativeOf, todoOf } from './lookup';
import type { FileEdit } from './rename';

/** A fix computed from a finding alone: one edit, and whether it is safe to apply with every other one ("Fix all"). */
export interface Fix {
  readonly title: string;
  readonly finding: Finding;
  readonly edits: readonly FileEdit[];
  /** Applying it needs no judgement (a box, a count, a title made to agree): part of "Fix all". */
  readonly mechanical: boolean;
}

/** A checklist item's text for a label, cut at a word boundary (never mid-word) past 60 characters. */
export function itemLabel(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

function sameStart(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.column === b.start.column;
}

/** The range of the first `needle` at or after a range's start on its line, or null. */
function within(lines: LineIndex, range: Range, needle: string): Range | null {
  const text = lines.line(range.start.line);
  const index = text.indexOf(needle, Math.max(0, range.start.column - 1));
  if (index < 0 || needle === '') return null;
  return { start: { line: range.start.line, column: index + 1 }, end: { line: range.start.line, column: index + 1 + needle.length } };
}

function boxFix(model: DocumentModel, f: Finding, check: boolean, why: string): Fix | null {
  const box = model.checkboxes.find((b) => sameStart(b.range, f.range));
  if (!box || box.checked === check) return null;
  const title = `${check ? 'Check' : 'Uncheck'} "${itemLabel(box.text)}"${why}`;
  // Checking the box of an output that exists is mechanical; unchecking a parent is a choice (its children may be what is wrong).
  return { title, finding: f, edits: [{ file: model.path, range: box.range, newText: check ? '[x]' : '[ ]' }], mechanical: check };
}

function openChildren(model: DocumentModel, f: Finding): number {
  const index = model.checkboxes.findIndex((b) => sameStart(b.range, f.range));
  return model.checkboxes.filter((b) => b.parent === index && !b.checked && !b.optional).length;
}

function phaseCountFix(model: DocumentModel, lines: LineIndex, f: Finding): Fix | null {
  const sections = model.todo?.phases.length ?? 0;
  const stated = model.phaseCounts.find((s) => sameStart(s.range, f.range));
  if (!stated || sections === 0) return null;
  const at = within(lines, f.range, String(stated.stated));
  if (!at) return null;
  return { title: `Change to ${sections} phases, as the phase sections count`, finding: f, edits: [{ file: model.path, range: at, newText: String(sections) }], mechanical: true };
}

function titleFix(project: Project, model: DocumentModel, lines: LineIndex, f: Finding): Fix | null {
  let written: string | null = null;
  let wanted: string | null = null;
  let source = '';
  for (const phase of model.todo?.phases ?? []) {
    const s = phase.statuses.find((x) => sameStart(x.range, f.range));
    if (s?.title) [written, wanted, source] = [s.title, phase.title, 'in its section'];
  }
  const planned = model.prd?.plan.find((p) => sameStart(p.range, f.range));
  if (planned) {
    const phase = todoOf(project, initiativeOf(project, model.path))?.todo?.phases.find((p) => p.number === planned.phase);
    if (phase) [written, wanted, source] = [planned.title, phase.title, 'in the TODO'];
  }
  if (written === null || wanted === null) return null;
  const at = within(lines, { start: { line: f.range.start.line, column: 1 }, end: f.range.end }, written);
  if (!at) return null;
  // Which of two titles is right is the author's call: offered, never part of "Fix all".
  return { title: `Rename to "${itemLabel(wanted)}", as ${source}`, finding: f, edits: [{ file: model.path, range: at, newText: wanted }], mechanical: false };
}

function relocatedFix(model: DocumentModel, lines: LineIndex, f: Finding): Fix | null {
  const moved = f.data?.relocated;
  if (!moved) return null;
  const at = within(lines, f.range, moved.from);
  if (!at) return null;
  // A guess (the one file of that name elsewhere): offered, never applied by "Fix all".
  return { title: `Point to ${moved.to}, the one file of that name${moved.within ? ` ${moved.within}` : ''}`, finding: f, edits: [{ file: model.path, range: at, newText: moved.to }], mechanical: false };
}

/** The fix a finding's code has, when it can be computed from the documents alone. */
export function fixFor(project: Project, model: DocumentModel, lines: LineIndex, f: Finding): Fix | null {
  switch (f.code) {
    case 'output-exists-unchecked':
      return boxFix(model, f, true, ': its output exists');
    case 'phase-done-checklist-open': {
      const open = openChildren(model, f);
      return open > 0 ? boxFix(model, f, false, `: ${open} sub-item${open === 1 ? ' is' : 's are'} open`) : null;
    }
    case 'phase-count-mismatch':
      return phaseCountFix(model, lines, f);
    case 'phase-title-mismatch':
      return titleFix(project, model, lines, f);
    case 'task-done-file-missing':
    case 'prerequisite-missing':
      return relocatedFix(model, lines, f);
    default:
      return null;
  }
}
