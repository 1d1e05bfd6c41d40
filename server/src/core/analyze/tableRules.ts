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
