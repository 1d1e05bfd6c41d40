import { EVIDENCE_STATE_TEXT, type TraceabilityMatrix } from '../../../server/src/protocol';
import { cellText } from './cells';

export type ExportFormat = 'markdown' | 'csv';

function columnTitle(phase: string): string {
  return phase === 'other' ? 'Other documents' : `Phase ${phase}`;
}

function headers(matrix: TraceabilityMatrix): string[] {
  return ['Id', 'Requirement', 'Target', 'Status', 'Citations', ...matrix.phases.map(columnTitle)];
}

function rows(matrix: TraceabilityMatrix): string[][] {
  return matrix.rows.map((row) => {
    const r = row.requirement;
    const byPhase = new Map(row.cells.map((c) => [c.phase, c]));
    return [r.id, r.title, r.target ?? '', EVIDENCE_STATE_TEXT[r.state], String(r.citations), ...matrix.phases.map((p) => cellText(byPhase.get(p)))];
  });
}

function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
}

/**
 * The matrix as Markdown. The table sits in a generated region: saved into the workspace, it cites
 * no requirement and is no evidence (a report that lists every id is not a report of their progress).
 */
export function traceabilityMarkdown(matrix: TraceabilityMatrix): string {
  const evidenced = matrix.rows.filter((r) => r.requirement.state === 'evidenced').length;
  const head = headers(matrix);
  return [
    `# Traceability: ${markdownCell(matrix.name)}`,
    '',
    `${evidenced} of ${matrix.rows.length} requirements and KPIs evidenced, looked for ${matrix.evidenceScope}. Exported by Proofmark.`,
    '',
    '<!-- proofmark:generated -->',
    `| ${head.map(markdownCell).join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows(matrix).map((cells) => `| ${cells.map(markdownCell).join(' | ')} |`),
    '<!-- /proofmark:generated -->',
    '',
  ].join('\n');
}

/** A CSV field (RFC 4180); a leading `=`, `+`, `-` or `@` is quoted with `'` so a spreadsheet reads text, not a formula. */
function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function traceabilityCsv(matrix: TraceabilityMatrix): string {
  return [headers(matrix), ...rows(matrix)].map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function exportMatrix(matrix: TraceabilityMatrix, format: ExportFormat): string {
  return format === 'markdown' ? traceabilityMarkdown(matrix) : traceabilityCsv(matrix);
}
