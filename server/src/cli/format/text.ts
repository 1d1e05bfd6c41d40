import type { Report } from './report';
import { summaryLine } from './report';

/** Messages stay on their line, so every finding is exactly one parseable line. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * One `path:line:col severity code message` line per finding (the form editors and CI logs
 * turn into links), related locations indented below it, and a summary line.
 */
export function formatText(report: Report): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    lines.push(`${f.file}:${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.code} ${oneLine(f.message)}`);
    for (const r of f.related) lines.push(`  ${r.file}:${r.range.start.line}: ${oneLine(r.message)}`);
  }
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}
