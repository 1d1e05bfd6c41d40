import { readStatus, type CompiledConventions } from '../config/compiled';
import type { Claim, ClaimForm, Evidence } from '../model/document';
import type { StatusMarker } from '../model/status';
import { firstAtOrAfter } from '../text/byLine';
import type { LineIndex } from '../text/position';
import type { Sections } from './sections';

export interface ClaimInput {
  readonly lines: LineIndex;
  readonly code: Uint8Array;
  readonly sections: Sections;
  /** Sorted by line. */
  readonly evidence: readonly Evidence[];
  readonly evidenceLabels: readonly number[];
  readonly c: CompiledConventions;
  readonly window: { readonly field: number; readonly heading: number };
}

const DONE_BULLET = /^\s*[-*+]\s+(?:\*\*)?\s*(?:✅|✔️?|☑️?)/u;
const TABLE_CELL_DONE = /^\s*\|.*\|\s*\**\s*✅/u;
const CHECKED_BOX = /^\s*[-*+]\s+\[[xX]\]\s/;
const PERCENT_CLAIM = /\b\d{1,3}(?:\.\d+)?%\s+(?:complete|success|production ready|achievement)/i;
/** In decision records `- ✅ **Pros**:` is a pro/con bullet, not a claim. */
const PRO_CON = /^\s*[-*+]\s+(?:✅|❌|⚠️)\s*\**\s*(?:Pros?|Cons?|Advantages?|Disadvantages?|Benefits?|Drawbacks?|Trade-?offs?)\b/iu;

function trimmed(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 120 ? `${t.slice(0, 119)}…` : t;
}

/**
 * Finds the claims of completion in a status document and the evidence in each claim's window.
 * Headings and status fields are always reported on their own; bullets, table cells, checked
 * boxes and percentages are covered by an enclosing claim, else reported once per section.
 */
export function findClaims(input: ClaimInput): Claim[] {
  const { lines, code, sections, c } = input;
  const claims: Claim[] = [];
  const headingLines = new Set(sections.headings.map((h) => h.line));
  let coveredUntil = 0;

  // Evidence is sorted by line, so a window is one binary search and a short scan.
  const evidenceIn = (start: number, end: number): number[] => {
    const result: number[] = [];
    for (let i = firstAtOrAfter(input.evidence, start); i < input.evidence.length && (input.evidence[i]?.line ?? Infinity) <= end; i++) result.push(i);
    return result;
  };
  const labelIn = (start: number, end: number): number | null => input.evidenceLabels.find((l) => l >= start && l <= end) ?? null;

  const add = (form: ClaimForm, line: number, marker: StatusMarker, start: number, end: number, reportable: boolean): void => {
    const text = lines.line(line);
    const first = text.search(/\S/);
    claims.push({
      form,
      line,
      range: { start: { line, column: first + 1 }, end: { line, column: text.trimEnd().length + 1 } },
      text: trimmed(text),
      marker,
      window: { start, end },
      evidence: evidenceIn(start, end),
      proseEvidenceLine: labelIn(start, end),
      reportable,
    });
    if (reportable) coveredUntil = Math.max(coveredUntil, end);
  };

  for (let line = 1; line <= lines.lineCount; line++) {
    if (code[line]) continue;
    if (headingLines.has(line)) {
      const heading = sections.headings[sections.at(line)];
      if (heading && heading.status?.status === 'done') {
        const end = Math.min(heading.sectionEnd, line + input.window.heading);
        add('heading', line, heading.status, line, end, true);
      }
      continue;
    }
    const text = lines.line(line);
    if (text.trim().length === 0) continue;
    const field = c.statusField.exec(text);
    if (field) {
      const marker = readStatus(field[2] ?? '', c, 'field');
      if (marker?.status === 'done') {
        const section = sections.directSection(line);
        add('field', line, marker, section.start, Math.min(section.end, line + input.window.field), true);
        continue;
      }
    }
    let form: ClaimForm | null = null;
    if (DONE_BULLET.test(text) && !PRO_CON.test(text)) form = 'bullet';
    else if (TABLE_CELL_DONE.test(text)) form = 'table-cell';
    else if (CHECKED_BOX.test(text)) form = 'checked-box';
    else if (PERCENT_CLAIM.test(text)) form = 'percentage';
    if (form === null) continue;
    const marker: StatusMarker = readStatus(text, c) ?? { status: 'done', text: form === 'checked-box' ? '[x]' : trimmed(text), percent: null };
    if (marker.status !== 'done') continue;
    const section = sections.directSection(line);
    const end = Math.min(section.end, line + input.window.field);
    add(form, line, marker, section.start, end, line > coveredUntil);
  }
  return claims;
}
