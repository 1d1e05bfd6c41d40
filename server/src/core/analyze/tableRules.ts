import type { LocalFinding } from '../model/document';
import type { LineIndex } from '../text/position';

/** A column that counts things (tests executed, passing, failed), as opposed to rates or times. */
const COUNT_COLUMN = /\b(?:tests?|passing|passed|failed|failing|executed|count|checks?|items?|cases?|total)\b/i;
const NOT_A_COUNT = /%|rate|time|duration|ms\b|sec|latency|coverage|score|avg|average|mean/i;

function cells(line: string): string[] {
  const t = line.trim();
  if (!t.startsWith('|')) return [];
  return t.replace(/^\||\|$/g, '').split('|').map((c) => c.replace(/\*+/g, '').trim());
}

/** Table rows reporting a fractional count ("1.8" tests passing of "2"). */
export function fractionalTableCounts(lines: LineIndex, code: Uint8Array): LocalFinding[] {
  const findings: LocalFinding[] = [];
  let header: string[] | null = null;
  for (let line = 1; line <= lines.lineCount; line++) {
    const text = lines.line(line);
    const row = code[line] ? [] : cells(text);
    if (row.length === 0) {
      header = null;
      continue;
    }
    if (header === null) {
      header = row;
      continue;
    }
    if (row.every((c) => /^:?-{2,}:?$/.test(c))) continue;
    const counts = row.map((c, i) => ({ c, h: header?.[i] ?? '' })).filter(({ h }) => COUNT_COLUMN.test(h) && !NOT_A_COUNT.test(h));
    const fractional = counts.find(({ c }) => /^\d+\.\d+$/.test(c));
    if (!fractional) continue;
    const whole = counts.find(({ c }) => /^\d+$/.test(c));
    const first = text.search(/\S/);
    findings.push({
      code: 'numbers-inconsistent',
      range: { start: { line, column: first + 1 }, end: { line, column: text.trimEnd().length + 1 } },
      message: `This row reports ${fractional.c} under "${fractional.h}"${whole ? ` of ${whole.c} (${whole.h})` : ''}: a count of tests is a whole number.`,
      related: [],
    });
  }
  return findings;
}

/** The first cell of a row that totals the rows above it. */
const TOTAL_LABEL = /^(?:\W*\s*)?(?:totals?|grand\s+total|overall|sum)\s*:?$/i;
const WHOLE = /^\d+$/;
const PAIR = /^(\d+)\s*\/\s*(\d+)$/;

interface Table {
  readonly header: string[];
  /** Data rows (not the delimiter row), with their lines. */
  readonly rows: { line: number; cells: string[] }[];
}

function tables(lines: LineIndex, code: Uint8Array): Table[] {
  const out: Table[] = [];
  let current: Table | null = null;
  for (let line = 1; line <= lines.lineCount + 1; line++) {
    const row = line > lines.lineCount || code[line] ? [] : cells(lines.line(line));
    if (row.length === 0) {
      if (current) out.push(current);
      current = null;
      continue;
    }
    if (current === null) current = { header: row, rows: [] };
    else if (!row.every((c) => /^:?-{2,}:?$/.test(c))) current.rows.push({ line, cells: row });
  }
  return out;
}

/** Whether a column's data cells sum to what its total cell says; the mismatch, if any. */
function columnMismatch(table: Table, column: number, total: string): { stated: string; sum: string } | null {
  const above = table.rows.slice(0, -1).map((r) => r.cells[column] ?? '');
  if (above.length < 2) return null;
  const pair = PAIR.exec(total);
  if (above.every((c) => WHOLE.test(c))) {
    const sum = above.reduce((s, c) => s + Number(c), 0);
    // `17 / 17` under counts of 2, 8 and 8: the denominator is the total the rows add up to.
    const stated = pair ? Number(pair[2]) : WHOLE.test(total) ? Number(total) : null;
    return stated === null || stated === sum ? null : { stated: total, sum: String(sum) };
  }
  if (pair && above.every((c) => PAIR.test(c))) {
    const parts = above.map((c) => PAIR.exec(c) ?? []);
    const x = parts.reduce((s, p) => s + Number(p[1]), 0);
    const y = parts.reduce((s, p) => s + Number(p[2]), 0);
    return x === Number(pair[1]) && y === Number(pair[2]) ? null : { stated: total, sum: `${x} / ${y}` };
  }
  return null;
}

/**
 * A table's Total row that is not the sum of the rows above it (`| **Total** | | **17 / 17** |`
 * under counts 2, 8 and 8). Only whole counts are summed: rates, percentages and times are not.
 */
export function tableTotals(lines: LineIndex, code: Uint8Array): LocalFinding[] {
  const findings: LocalFinding[] = [];
  for (const table of tables(lines, code)) {
    const last = table.rows[table.rows.length - 1];
    if (!last || !TOTAL_LABEL.test(last.cells[0] ?? '')) continue;
    // Subtotals above the total make the sum a different one.
    if (table.rows.slice(0, -1).some((r) => /\b(?:sub-?)?totals?\b/i.test(r.cells[0] ?? ''))) continue;
    for (let column = 1; column < last.cells.length; column++) {
      const heading = table.header[column] ?? '';
      if (NOT_A_COUNT.test(heading)) continue;
      const mismatch = columnMismatch(table, column, last.cells[column] ?? '');
      if (!mismatch) continue;
      const text = lines.line(last.line);
      const first = text.search(/\S/);
      findings.push({
        code: 'numbers-inconsistent',
        range: { start: { line: last.line, column: first + 1 }, end: { line: last.line, column: text.trimEnd().length + 1 } },
        message: `The total row gives ${mismatch.stated}${heading ? ` under "${heading}"` : ''}, but the ${table.rows.length - 1} rows above it add up to ${mismatch.sum}.`,
        related: [],
      });
      break;
    }
  }
  return findings;
}
