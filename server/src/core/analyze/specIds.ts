/**
 * The id shapes of spec-kit and Kiro specs, and how traces are read. An id is normalised so that a
 * definition and a citation meet: `FR-001` and `FR-1` are `FR-1`, `US1` and `US-1` are `US-1`,
 * `R001` is `R-1`, Kiro's `Requirement 3` is `3` and its third criterion `3.3`.
 */

/** Id families a spec defines with a prefix: requirement, success criterion, story, test, … */
const PREFIXED = /\b(FR|NFR|SC|US|TR|R|REQ|AC)-?0*(\d+)([a-z]?)\b/g;

export function normalisePrefixed(prefix: string, number: string, suffix = ''): string {
  return `${prefix.toUpperCase()}-${String(Number(number))}${suffix}`;
}

/** The family of a normalised id: `FR`, `US`, … or `KIRO` for numeric ids. */
export function familyOf(id: string): string {
  const dash = id.indexOf('-');
  return dash > 0 ? id.slice(0, dash) : 'KIRO';
}

/** What joins the two ends of a range of ids: `FR-001–FR-005`, `FR-001 through FR-037`, `SC-001…SC-004`. */
const RANGE_JOIN = /^\s*(?:-|–|—|to|through|thru|\.\.\.?|…)\s*$/i;
/** A range longer than this is not expanded (a typo or a count, not a list). */
const RANGE_MAX = 100;

/**
 * Prefixed ids in a text (`FR-001`, `[US1]`, `SC-003`, `R008`), normalised, in order. A range of one
 * family (`FR-001 through FR-037`) names every id in it: the ids between its ends follow its first
 * end, with the range's position.
 */
export function prefixedIds(text: string): { id: string; index: number; length: number }[] {
  const out: { id: string; index: number; length: number }[] = [];
  let previous: { prefix: string; number: number; suffix: string; index: number; end: number } | null = null;
  PREFIXED.lastIndex = 0;
  for (let m = PREFIXED.exec(text); m; m = PREFIXED.exec(text)) {
    // `R` alone is an id only with three digits (`R001`, spec-kit companion); `R1` is a release or a row.
    if (m[1] === 'R' && !/^R-?\d{3}/.test(m[0])) continue;
    const prefix = (m[1] ?? '').toUpperCase();
    const number = Number(m[2] ?? '');
    const suffix = m[3] ?? '';
    const end = m.index + m[0].length;
    if (previous && previous.prefix === prefix && previous.suffix === '' && suffix === '' && number > previous.number + 1 && number - previous.number <= RANGE_MAX && RANGE_JOIN.test(text.slice(previous.end, m.index))) {
      for (let n = previous.number + 1; n < number; n++) out.push({ id: normalisePrefixed(prefix, String(n)), index: previous.index, length: end - previous.index });
    }
    out.push({ id: normalisePrefixed(prefix, m[2] ?? '', suffix), index: m.index, length: m[0].length });
    previous = { prefix, number, suffix, index: m.index, end };
  }
  return out;
}

/**
 * A trace label and its value: `_Requirements: 1.1, 2.3_`, `**Requirements**: Requirement 3.1`,
 * `**Validates**: TR-1, NFR-2`, `**Validates: Requirements 2.1, 2.2**`, `_需求: 1.1_`.
 */
export const TRACE_LABEL = /(?:^|[\s(])[_*]{0,2}(Requirements?|Validates|Traces?|Covers|需求)[_*]{0,2}\s*[:：]\s*[_*]{0,2}\s*(.+)$/i;

/** What a trace's value names: ids (ranges expanded), and whether it also says something else (`All`). */
export function readTraceValue(value: string): { ids: string[]; freeText: boolean } {
  const cleaned = value.replace(/[_*`]+\s*$/g, '').replace(/\([^)]*\)/g, ' ');
  const ids: string[] = [];
  let freeText = false;
  for (const raw of cleaned.split(/[,;]|\band\b/)) {
    const part = raw.trim().replace(/[_*`.]+$/g, '');
    if (part === '') continue;
    const prefixed = prefixedIds(part);
    if (prefixed.length > 0) {
      ids.push(...prefixed.map((p) => p.id));
      continue;
    }
    // `R1 Acceptance 2` (an older Kiro wording) is criterion 1.2.
    const acceptance = /^R(\d+)\s+Acceptance\s+(\d+)$/i.exec(part);
    if (acceptance) {
      ids.push(`${Number(acceptance[1])}.${Number(acceptance[2])}`);
      continue;
    }
    const numeric = /^(?:Requirements?\s+|Req\.?\s+)?(\d+(?:\.\d+)*)(?:\s*[-–]\s*(\d+(?:\.\d+)*))?$/i.exec(part);
    if (numeric) {
      ids.push(...expandRange(numeric[1] ?? '', numeric[2]));
      continue;
    }
    // Design sections and properties are traced too, but they are not requirements.
    if (/^(?:Design\b|Property\b|Section\b)/i.test(part)) continue;
    freeText = true;
  }
  return { ids, freeText };
}

/** `2.1`–`2.4` → 2.1, 2.2, 2.3, 2.4 (the same requirement only; at most 50). */
function expandRange(from: string, to: string | undefined): string[] {
  const norm = (s: string): string => s.split('.').map((n) => String(Number(n))).join('.');
  if (to === undefined) return [norm(from)];
  const a = norm(from).split('.');
  const b = norm(to).split('.');
  if (a.length !== 2 || b.length !== 2 || a[0] !== b[0]) return [norm(from), norm(to)];
  const start = Number(a[1]);
  const end = Number(b[1]);
  if (!(end >= start) || end - start > 50) return [norm(from), norm(to)];
  const out: string[] = [];
  for (let n = start; n <= end; n++) out.push(`${a[0]}.${n}`);
  return out;
}

/** A task id at the start of a checkbox item's text: `T001`, `**T001**`, `3.`, `3.1`, `8.1.2`. */
export function taskIdOf(text: string): { id: string; length: number } | null {
  const m = /^\s*(\*\*)?(T\d{2,4}|\d+(?:\.\d+)*)\.?(\*\*)?(?=[\s:.)]|$)/.exec(text);
  if (!m) return null;
  const raw = m[2] ?? '';
  const id = raw.startsWith('T') ? raw : raw.split('.').map((n) => String(Number(n))).join('.');
  return { id, length: m[0].length };
}
