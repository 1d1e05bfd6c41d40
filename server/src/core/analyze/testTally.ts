import type { TestCount, TestTally } from '../model/document';
import type { LineIndex } from '../text/position';
import type { Sections } from './sections';

/**
 * `- ✅ Application: All 395 tests passing`, `**Total Tests**: 748`, `Overall: 769/769 tests passing`:
 * a label, a colon and a value. The label is at most a few words; bold around either is dropped.
 */
const LABELLED = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:[^\p{L}\p{N}*\s]+\s*)?\*{0,2}([\p{L}][\p{L}\p{N} ()/+&-]{0,60}?)\*{0,2}\s*:\s*\*{0,2}\s*(.*)$/u;
/** `769/769 tests`, `10/10 passing`: passed of a total. */
const FRACTION = /^(?:all\s+)?(\d[\d,]*)\s*\/\s*(\d[\d,]*)\s+(?:[\w-]+\s+){0,2}?(?:tests?|passing|passed|pass)\b/i;
/** `All 395 tests passing`, `748 tests`, `11 E2E tests`. */
const COUNT = /^(?:all\s+)?(\d[\d,]*)\s+(?:[\w-]+\s+){0,2}?tests?\b/i;
/** A bare number under a label that says it counts tests (`Total Tests: 748`); not a duration or a share. */
const BARE = /^(\d[\d,]*)(?![\d,]*\s*(?:%|\.\d|ms\b|s\b|sec|min|hours?\b|\/))/i;
/** Words that say which tests a label counts without naming them. */
const GENERIC = /\b(?:tests?|total|overall|all|passing|passed|pass|results?|suite|count|the|of|number|executed|run)\b/gi;
/** Words of a heading over a report's figures that name no part of the tests (`## Current Status`, `### Overall Results`). */
const REPORTING = /\b(?:status|summary|final|current|overview|report|metrics|quality|validation|verification|execution|project|implementation)\b/gi;

function normalised(label: string, more?: RegExp): string {
  const words = label.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').replace(GENERIC, ' ');
  return (more ? words.replace(more, ' ') : words).replace(/\s+/g, ' ').trim();
}

function countIn(label: string, value: string): number | null {
  const fraction = FRACTION.exec(value);
  if (fraction) return Number((fraction[2] ?? '').replace(/,/g, ''));
  const count = COUNT.exec(value);
  if (count) return Number((count[1] ?? '').replace(/,/g, ''));
  if (!/\btests?\b/i.test(label)) return null;
  const bare = BARE.exec(value);
  return bare ? Number((bare[1] ?? '').replace(/,/g, '')) : null;
}

/**
 * The tests a document counts, part by part, and the total it gives for all of them: what lets two
 * reports of the same run be compared (rules/testTotals.ts). A label that says only "Total Tests"
 * takes its section's heading (`### Application Tests` → application; `### Overall Results` → the
 * total). A part or a total stated twice with different numbers makes it ambiguous: a document
 * that follows a run over time (before and after a fix) gives no tally of one run.
 */
export function readTestTally(lines: LineIndex, code: Uint8Array, sections: Sections): TestTally | null {
  const parts = new Map<string, TestCount | null>();
  let total: TestCount | null | undefined;
  for (let line = 1; line <= lines.lineCount; line++) {
    if (code[line]) continue;
    const text = lines.line(line);
    if (!/\d/.test(text) || !/\btests?\b|\bpass/i.test(text)) continue;
    const m = LABELLED.exec(text);
    const label = m?.[1]?.trim() ?? '';
    const count = m ? countIn(label, m[2] ?? '') : null;
    if (count === null || count === 0) continue;
    let key = normalised(label);
    // `Overall: 769/769 tests` is the total; `Total Tests: 395` under `### Application Tests` a part.
    let overall = key === '' && /\boverall\b/i.test(label);
    if (key === '' && !overall) {
      key = normalised(sections.headings[sections.at(line)]?.text ?? '', REPORTING);
      overall = key === '';
    }
    const at: TestCount = { label: overall ? label : key, count, line };
    if (overall) {
      if (total === undefined) total = at;
      else if (total !== null && total.count !== count) total = null;
    } else if (key !== '') {
      const seen = parts.get(key);
      if (seen === undefined) parts.set(key, at);
      else if (seen !== null && seen.count !== count) parts.set(key, null);
    }
  }
  if (!total) return null;
  const kept = [...parts.values()].filter((p): p is TestCount => p !== null);
  return kept.length >= 2 ? { total, parts: kept } : null;
}
