import type { Finding, Severity } from '../../core/findings/finding';
import { SEVERITIES } from '../../core/findings/finding';

/** What a check reports, whatever the output format. */
export interface Report {
  /** The findings in the selected PATHs, sorted by file and position. */
  readonly findings: readonly Finding[];
  /** Markdown files (analysed or skipped) in the selected PATHs. */
  readonly files: number;
  readonly durationMs: number;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function countByCode(findings: readonly Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.code] = (counts[f.code] ?? 0) + 1;
  return counts;
}

const PLURAL: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['info', 'info'],
  hint: ['hint', 'hints'],
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `12 findings (3 errors, 8 warnings, 1 info) in 27 files`; severities with no finding are left out. */
export function summaryLine(report: Report): string {
  const counts = countBySeverity(report.findings);
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => plural(counts[s], ...PLURAL[s]));
  const detail = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  return `${plural(report.findings.length, 'finding', 'findings')}${detail} in ${plural(report.files, 'file', 'files')}`;
}
