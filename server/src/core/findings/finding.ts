import type { Range } from '../text/position';
import type { FindingCode } from './codes';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface RelatedLocation {
  readonly file: string;
  readonly range: Range;
  readonly message: string;
}

/**
 * Facts of a finding that its fixes need, so that they never parse its message: for
 * `expected-output-missing`, the output as named in the TODO and its phase.
 */
export interface FindingData {
  readonly missingOutput?: { readonly name: string; readonly phase: string };
  /** A cited path that does not exist and the one file of that name found elsewhere (`within`: where it is the one, `in this initiative`; else the workspace). */
  readonly relocated?: { readonly from: string; readonly to: string; readonly within?: string };
  /** A cited file name that does not exist and the name of the one file beside it spelt nearly the same (the fix writes it). */
  readonly misnamed?: { readonly written: string; readonly found: string };
  /** The workspace paths a missing file was looked for at, most likely first (its git history is told by them). */
  readonly missing?: readonly string[];
  /**
   * The one fact a finding states when other documents state it too (several reports saying the
   * same phase of a task list is done): findings of the same fact are reported once (copies.ts).
   */
  readonly fact?: string;
  /** Of the finding's document, while batches of a check are merged (findings/copies.ts mergeBatches); never reported. */
  readonly origin?: FindingOrigin;
}

/**
 * The fact that a phase of a TODO is said to be done while its checklist has open boxes: stated by
 * the TODO's own finding and repeated by the phase's outputs that say it is done too (copies.ts
 * gives those as related locations of the TODO's finding).
 */
export function phaseDoneOpenFact(todo: string, phase: string): string {
  return `phase-done-open:${todo}#${phase}`;
}

/** What the merge of repeated findings needs of a document: its content hash and length, and whether it is kept as history. */
export interface FindingOrigin {
  readonly hash: string;
  readonly lines: number;
  readonly historical: boolean;
}

/**
 * A problem Proofmark found, as a domain value. The CLI and the language server turn the
 * same findings into text, JSON, SARIF or LSP diagnostics.
 */
export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** Workspace-relative, `/`-separated. */
  readonly file: string;
  readonly range: Range;
  readonly message: string;
  readonly related: readonly RelatedLocation[];
  readonly data?: FindingData;
}

/** A finding before configuration has given it a severity. */
export type RawFinding = Omit<Finding, 'severity'> & { readonly severityHint?: 'lower' };

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.range.start.line !== b.range.start.line) return a.range.start.line - b.range.start.line;
  if (a.range.start.column !== b.range.start.column) return a.range.start.column - b.range.start.column;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
