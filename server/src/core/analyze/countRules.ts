import type { LocalFinding } from '../model/document';
import type { LineIndex } from '../text/position';
import { clip } from '../text/clip';

/**
 * A count followed by the ids it counts: `All 17 requirements (DISPATCH-01..02, NOTIFY-01..04)`,
 * `3 tasks (T001, T002, T004)`. The parenthesis must be nothing but ids and ranges of ids.
 */
const COUNT_THEN_LIST =
  /(?<!\b(?:phases?|stages?|steps?|stories|story|sprints?|waves?|milestones?|releases?|parts?|sections?|weeks?|days?|iterations?|tasks?|items?|levels?|tiers?|v|version)\s*)(?<![#.\d])\b(\d+)\s+(?:[A-Za-z][\w-]*\s+){0,2}?(requirements?|tasks?|subtasks?|criteria|criterion|stories|items?|tests?|checks?|scenarios?|ids|issues|findings|steps)\s*\(([^()\n]{3,400})\)/gi;
const ID = /^([A-Z][A-Z0-9]*?)-?(\d+)$/;
/** `DISPATCH-01..02`, `T001-T005`, `FR-001–FR-005`, `SC-001 through SC-004`. */
const ID_RANGE = /^([A-Z][A-Z0-9]*?)-?(\d+)\s*(?:\.\.\.?|…|–|—|-|\bto\b|\bthrough\b|\bthru\b)\s*(?:([A-Z][A-Z0-9]*?)-?)?(\d+)$/;
/** A range longer than this is a typo or a count, not a list. */
const RANGE_MAX = 200;

/** The ids a parenthesis enumerates, or null if it holds anything else (words, `e.g.`, a sum). */
function enumerated(list: string): Set<string> | null {
  const ids = new Set<string>();
  const parts = list.split(/[,;]|\band\b|&/).map((p) => p.replace(/[*_`]/g, '').trim()).filter((p) => p !== '');
  if (parts.length === 0) return null;
  for (const part of parts) {
    const one = ID.exec(part);
    // `P1-P3` are priorities, not ids of the things counted.
    if (/^P\d/.test(part)) return null;
    if (one) {
      ids.add(`${one[1]}-${Number(one[2])}`);
      continue;
    }
    const range = ID_RANGE.exec(part);
    if (!range || (range[3] !== undefined && range[3] !== range[1])) return null;
    const from = Number(range[2]);
    const to = Number(range[4]);
    if (to <= from || to - from > RANGE_MAX) return null;
    for (let n = from; n <= to; n++) ids.add(`${range[1]}-${n}`);
  }
  // One id alone is an example, not an enumeration.
  return ids.size >= 2 ? ids : null;
}

/** A stated count of things next to the ids it enumerates, when the two disagree. */
export function countAgainstEnumeration(lines: LineIndex, code: Uint8Array): LocalFinding[] {
  const findings: LocalFinding[] = [];
  for (let line = 1; line <= lines.lineCount; line++) {
    if (code[line]) continue;
    const text = lines.line(line);
    if (!text.includes('(')) continue;
    COUNT_THEN_LIST.lastIndex = 0;
    for (let m = COUNT_THEN_LIST.exec(text); m; m = COUNT_THEN_LIST.exec(text)) {
      const stated = Number(m[1]);
      const ids = enumerated(m[3] ?? '');
      if (!ids || stated < 2 || ids.size === stated) continue;
      const written = clip(m[0], 80);
      findings.push({
        code: 'numbers-inconsistent',
        range: { start: { line, column: m.index + 1 }, end: { line, column: m.index + 1 + m[0].length } },
        message: `"${written}" counts ${stated} ${m[2]}, but the ids it lists number ${ids.size}.`,
        related: [],
      });
    }
  }
  return findings;
}
