import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../core/findings/finding';
import { thousands } from '../core/text/thousands';

/**
 * Diagnostics shown per document. Beyond a few hundred, a list helps nobody and costs the server
 * and the editor dearly (50,000 findings of one document took 7 s to convert and send, and the
 * editor's Problems panel with them); the CLI keeps every finding, for CI.
 */
export const MAX_DIAGNOSTICS_PER_FILE = 500;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export interface CappedFindings {
  /** The findings to show, in their original order: the most severe ones, earlier ones first among equals. */
  readonly shown: readonly Finding[];
  /** What was left out, by severity. */
  readonly omitted: Readonly<Record<Severity, number>>;
}

/** At most `max` findings of one file, the most severe first; the rest are counted. */
export function capFindings(findings: readonly Finding[], max: number = MAX_DIAGNOSTICS_PER_FILE): CappedFindings {
  const omitted: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  if (findings.length <= max) return { shown: findings, omitted };
  const order = findings.map((_, i) => i).sort((a, b) => RANK[findings[a]?.severity ?? 'hint'] - RANK[findings[b]?.severity ?? 'hint'] || a - b);
  const kept = order.slice(0, max).sort((a, b) => a - b);
  for (const i of order.slice(max)) {
    const f = findings[i];
    if (f) omitted[f.severity]++;
  }
  return { shown: kept.flatMap((i) => findings[i] ?? []), omitted };
}

const NAMES: Record<Severity, [string, string]> = { error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['info', 'info'], hint: ['hint', 'hints'] };

/** The one diagnostic that says how many findings are not shown, on the document's first line; null when none are left out. */
export function omittedDiagnostic(omitted: Readonly<Record<Severity, number>>, shown: number): Diagnostic | null {
  const parts = (Object.keys(NAMES) as Severity[]).filter((s) => omitted[s] > 0).map((s) => `${thousands(omitted[s])} ${NAMES[s][omitted[s] === 1 ? 0 : 1]}`);
  const total = (Object.values(omitted) as number[]).reduce((n, k) => n + k, 0);
  if (total === 0) return null;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: 'proofmark',
    message: `Proofmark shows ${thousands(shown)} findings of this document, the most severe first; ${thousands(total)} more are not shown (${parts.join(', ')}). \`proofmark check\` lists them all.`,
  };
}
