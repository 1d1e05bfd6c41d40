import type { CompiledConventions } from '../config/compiled';
import type { DocumentRole } from '../model/document';

/** `2.5` for `2.5`, `2_5` and `2.50`; phases compare as numbers but are kept as written otherwise. */
export function normalisePhase(raw: string): string {
  const roman = ROMAN[raw];
  if (roman !== undefined) return String(roman);
  const dotted = raw.replace('_', '.');
  const n = Number(dotted);
  return Number.isFinite(n) ? String(n) : dotted;
}

/** Roman phase numbers as written in headings (`Phase III`). */
const ROMAN: Readonly<Record<string, number>> = Object.fromEntries(
  ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'].map((r, i) => [r, i + 1]),
);

export function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

const ANCHOR_KINDS: Record<string, 'prd' | 'rfc' | 'context' | 'todo' | 'postmortem'> = {
  PRD: 'prd',
  RFC: 'rfc',
  CONTEXT: 'context',
  TODO: 'todo',
  POSTMORTEM: 'postmortem',
  'PHASED-TODO': 'todo',
};

/** Decides a document's role from its file name alone. */
export function documentRole(path: string, c: CompiledConventions): DocumentRole {
  const name = basename(path);
  const spec = c.specPlace(path);
  if (spec) return { kind: 'spec', layout: spec.layout, folder: spec.folder, part: spec.part };
  const output = c.phaseOutputFile.exec(name);
  if (output) {
    return { kind: 'phase-output', initiativeId: output[1] ?? '', phase: normalisePhase(output[2] ?? ''), outputKind: output[3] ?? '' };
  }
  const anchor = c.anchorFile.exec(name);
  if (anchor) {
    const anchorType = (anchor[1] ?? '').toUpperCase();
    const kind = ANCHOR_KINDS[anchorType] ?? 'anchor';
    return { kind, anchorType, initiativeId: anchor[2] ?? '' };
  }
  const prompt = c.phasePromptFile.exec(name);
  if (prompt) {
    const phase = prompt.slice(1).find((g) => g !== undefined) ?? '';
    return { kind: 'phase-prompt', phase: normalisePhase(phase.replace(/[a-z]$/, '')) };
  }
  const phaseDoc = c.phaseDocFile.exec(name);
  if (phaseDoc) {
    const phase = phaseDoc[1] ?? phaseDoc[3] ?? '';
    return { kind: 'phase-doc', phase: /^\d/.test(phase) ? normalisePhase(phase) : phase, docKind: (phaseDoc[2] ?? phaseDoc[4] ?? '').toLowerCase() };
  }
  // A document in a per-phase folder (`phase_2/handoff.md`, `phase-3/notes.md`) is that phase's document.
  const phaseFolder = /(?:^|\/)phase[_-]?(\d+(?:\.\d+)?)\/[^/]+\.md$/i.exec(path);
  if (phaseFolder && !/^(?:README|INDEX)\.md$/i.test(name)) {
    return { kind: 'phase-doc', phase: normalisePhase(phaseFolder[1] ?? ''), docKind: name.replace(/\.md$/i, '').toLowerCase() };
  }
  if (c.statusDocFile.test(name)) return { kind: 'status-doc' };
  return { kind: 'other' };
}

/** Reports are often named in lower case or by their verdict (`acceptance-report.md`, `hierarchical-di-complete.md`). */
export const REPORT_NAME = /(?:report|summary|completion|complete|acceptance|status|validation|verification)[\w-]*\.md$/i;

/**
 * Whether a document is a report by its name alone: a phase output or status document, or another
 * document whose name says it reports (never a spec's own document, a TODO or a PRD).
 */
export function reportByName(path: string, role: DocumentRole): boolean {
  if (role.kind === 'phase-output' || role.kind === 'phase-doc' || role.kind === 'status-doc') return true;
  return role.kind === 'other' && REPORT_NAME.test(basename(path));
}
