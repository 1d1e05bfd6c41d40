import type { Checkbox, Claim, Heading, LocalFinding } from '../model/document';
import { isBucketHeading } from './bucketHeadings';
import { NOT_REQUIRED_SECTION } from './todo';
import { firstAtOrAfter } from '../text/byLine';
import type { LineIndex } from '../text/position';

/** A heading marked done whose own section holds unchecked boxes (phase headings are left to the TODO rules). */
export function headingDoneOpen(headings: readonly Heading[], boxes: readonly Checkbox[], skipLines: ReadonlySet<number>): LocalFinding[] {
  const findings: LocalFinding[] = [];
  headings.forEach((h, index) => {
    if (h.status?.status !== 'done' || skipLines.has(h.line) || decorative(h) || /\[[A-Z]\]|\{\w+\}|<\w+>/.test(h.text)) return;
    // Boxes a done heading requires: not optional, not under a sub-section that is optional, later or has its own status.
    const exempt: Heading[] = [];
    const phase = phaseNamed(h.text);
    for (let k = index + 1; k < headings.length && (headings[k]?.line ?? Infinity) <= h.sectionEnd; k++) {
      const s = headings[k];
      if (s && (NOT_REQUIRED_SECTION.test(s.text) || /\bnext\s+steps?\b|\bremaining\b/i.test(s.text) || (s.status !== null && s.status.status !== 'done') || otherPhase(phase, s.text))) exempt.push(s);
    }
    const inside = boxesBetween(boxes, h.line + 1, h.sectionEnd).filter((b) => !b.optional && !exempt.some((s) => b.line > s.line && b.line <= s.sectionEnd));
    const open = inside.filter((b) => !b.checked);
    const first = open[0];
    if (!first) return;
    findings.push({
      code: 'phase-done-checklist-open',
      range: h.range,
      message: `"${h.text}" is marked ${h.status?.text ?? 'done'}, but ${open.length} of ${inside.length} required boxes under it ${open.length === 1 ? 'is' : 'are'} unchecked (first at line ${first.line}).`,
      related: [{ line: first.line, message: 'First unchecked box' }],
    });
  });
  return findings;
}

/** The phase a heading is about (`Success Criteria - Phase 2 Complete` → `2`), if it names one. */
function phaseNamed(text: string): string | null {
  return /\bphase\s+(\d+(?:\.\d+)*)\b/i.exec(text)?.[1] ?? null;
}

/** A sub-section about another phase (`Phase 3 Success Criteria` under `Phase 2 Complete`) is not the done phase's work. */
function otherPhase(phase: string | null, text: string): boolean {
  const own = phaseNamed(text);
  return phase !== null && own !== null && own !== phase;
}

/**
 * A done glyph that leads a heading with no status word (`### ✅ Post-Deployment Testing`,
 * `## ✅ Completion Criteria`) decorates it; a status is a word (`✅ COMPLETED`) or a trailing mark.
 */
function decorative(h: Heading): boolean {
  const text = h.text.trim();
  return /^(?:✅|✔️?|☑️?)/u.test(text) && !/\b(?:COMPLETED?|DONE|FINISHED|ACHIEVED|PASSED)\b/.test(text) && !/(?:✅|✔️?|☑️?)\s*$/u.test(text);
}

/** Boxes (sorted by line) whose line is in [from, to]. */
export function boxesBetween(boxes: readonly Checkbox[], from: number, to: number): Checkbox[] {
  const result: Checkbox[] = [];
  for (let i = firstAtOrAfter(boxes, from); i < boxes.length && (boxes[i]?.line ?? Infinity) <= to; i++) {
    const b = boxes[i];
    if (b) result.push(b);
  }
  return result;
}

/** A checked item whose children are not all checked. */
export function checkedParentOpen(boxes: readonly Checkbox[]): LocalFinding[] {
  const findings: LocalFinding[] = [];
  const children = new Map<number, Checkbox[]>();
  for (const b of boxes) {
    if (b.parent < 0) continue;
    const list = children.get(b.parent) ?? [];
    list.push(b);
    children.set(b.parent, list);
  }
  boxes.forEach((parent, index) => {
    if (!parent.checked) return;
    const kids = (children.get(index) ?? []).filter((b) => !b.optional);
    const open = kids.filter((b) => !b.checked);
    const first = open[0];
    if (!first) return;
    findings.push({
      code: 'phase-done-checklist-open',
      range: parent.range,
      message: `This item is checked, but ${open.length} of its ${kids.length} sub-items ${open.length === 1 ? 'is' : 'are'} unchecked (first at line ${first.line}).`,
      related: [{ line: first.line, message: 'Unchecked sub-item' }],
    });
  });
  return findings;
}

/**
 * Claims of done qualified by less than 100% (`✅ COMPLETED (98%)`). A bucket heading ("✅ What's
 * Working (85% Complete)") names the part that works and how far the whole has come: no claim of done.
 */
export function partialDone(claims: readonly Claim[], headings: readonly Heading[], lines: LineIndex): LocalFinding[] {
  // One fact, one finding: the same figure stated again in the document is the same claim.
  const byPercent = new Map<number, Claim[]>();
  for (const c of claims) {
    const p = c.marker.percent;
    if ((c.form !== 'field' && c.form !== 'heading') || p === null || p >= 100) continue;
    if (c.form === 'heading') {
      const index = headings.findIndex((h) => h.line === c.line);
      if (isBucketHeading(headings, index) || onlyOptionalRemains(headings[index], lines)) continue;
    }
    const list = byPercent.get(p);
    if (list) list.push(c);
    else byPercent.set(p, [c]);
  }
  return [...byPercent.values()].map(([c, ...again]) => ({
    code: 'done-with-partial-percentage' as const,
    range: c?.range ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    message: `"${c?.text ?? ''}" claims done but is qualified by ${c?.marker.percent ?? 0}%: say what is missing, or do not mark it done${again.length > 0 ? ` (stated again at line${again.length === 1 ? '' : 's'} ${again.map((a) => a.line).join(', ')})` : ''}.`,
    related: again.map((a) => ({ line: a.line, message: `Also ${a.marker.text}` })),
  }));
}

const REMAINDER = /^[^\p{L}]*(?:only\s+)?(?:remaining|left|outstanding|still\s+open|not\s+(?:yet\s+)?done)(?:\s+(?:work|tasks?|items?))?\b[*_]*\s*[:—–-]\s*(.+)$/iu;
const NOT_REQUIRED = /\b(?:optional|nice[- ]to[- ]have|stretch|deferred|postponed|future|post-?mvp|out of scope)\b/i;

/**
 * A section whose statement of what remains names only optional or deferred work ("Only
 * Remaining: T116 (optional …)"): its percentage counts that work, and its done stands.
 */
function onlyOptionalRemains(heading: Heading | undefined, lines: LineIndex): boolean {
  if (!heading) return false;
  let said = false;
  for (let line = heading.line + 1; line <= Math.min(heading.sectionEnd, lines.lineCount); line++) {
    const rest = REMAINDER.exec(lines.line(line))?.[1];
    if (rest === undefined) continue;
    if (!NOT_REQUIRED.test(rest)) return false;
    said = true;
  }
  return said;
}

const FRACTION = /\b(\d+\.\d+)\s*\/\s*(\d+(?:\.\d+)?)\s+(tests?|checks?|cases?|scenarios?|items?|endpoints?|services?|files?|passed|passing|successful)\b/gi;
// A numerator is read whole: `9.9/11` is 9.9 of 11, never 9/11.
const PERCENT_THEN_RATIO = /\b(\d{1,3}(?:\.\d+)?)%\s*\(\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+)\b/g;
const RATIO_THEN_PERCENT = /(?<![\d.])(\d+(?:\.\d+)?)\s*\/\s*(\d+)\b[^%\n/]{0,40}?\(\s*(\d{1,3}(?:\.\d+)?)%\s*\)/g;

/** Fractional counts and X/Y stated next to a percentage it is not (±1.5 points). */
export function inconsistentNumbers(lines: LineIndex, code: Uint8Array): LocalFinding[] {
  const findings: LocalFinding[] = [];
  for (let line = 1; line <= lines.lineCount; line++) {
    if (code[line]) continue;
    const text = lines.line(line);
    if (!/\d\s*\//.test(text)) continue;
    const at = (index: number, length: number) => ({ start: { line, column: index + 1 }, end: { line, column: index + 1 + length } });
    let m: RegExpExecArray | null;
    FRACTION.lastIndex = 0;
    while ((m = FRACTION.exec(text))) {
      findings.push({ code: 'numbers-inconsistent', range: at(m.index, m[0].length), message: `"${m[0]}" counts ${m[1]} ${m[3]}: a count of tests or checks is a whole number.`, related: [] });
    }
    const check = (x: number, y: number, pct: number, index: number, length: number, written: string): void => {
      if (y <= 0 || x > y) return;
      const actual = (100 * x) / y;
      if (Math.abs(actual - pct) > 1.5) {
        findings.push({
          code: 'numbers-inconsistent',
          range: at(index, length),
          message: `"${written}": ${x}/${y} is ${actual.toFixed(1).replace(/\.0$/, '')}%, not ${pct}%.`,
          related: [],
        });
      }
    };
    PERCENT_THEN_RATIO.lastIndex = 0;
    while ((m = PERCENT_THEN_RATIO.exec(text))) check(Number(m[2]), Number(m[3]), Number(m[1]), m.index, m[0].length, m[0]);
    RATIO_THEN_PERCENT.lastIndex = 0;
    while ((m = RATIO_THEN_PERCENT.exec(text))) check(Number(m[1]), Number(m[2]), Number(m[3]), m.index, m[0].length, m[0]);
  }
  return findings;
}
