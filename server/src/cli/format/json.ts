import type { Report } from './report';
import { countByCode, countBySeverity } from './report';

/** The JSON output: a stable, flat shape for scripts; positions are 1-based like the text output. */
export function formatJson(report: Report): string {
  const findings = report.findings.map((f) => ({
    file: f.file,
    line: f.range.start.line,
    column: f.range.start.column,
    endLine: f.range.end.line,
    endColumn: f.range.end.column,
    severity: f.severity,
    code: f.code,
    message: f.message,
    related: f.related.map((r) => ({ file: r.file, line: r.range.start.line, message: r.message })),
  }));
  const summary = {
    files: report.files,
    findings: report.findings.length,
    byCode: countByCode(report.findings),
    bySeverity: countBySeverity(report.findings),
    durationMs: Math.round(report.durationMs),
  };
  return `${JSON.stringify({ findings, summary }, null, 2)}\n`;
}
