import { normalisePrefixed, taskIdOf, TRACE_LABEL } from '../analyze/specIds';
import type { Range } from '../text/position';

/**
 * An id written in a spec folder's document, with its exact place: a requirement, criterion or
 * story (`FR-001`, `[US1]`, `User Story 1`, `1.1` in a trace), or a task (`T001`, `3.1` opening a
 * task). `id` is normalised as the engine does (specIds.ts), so that it meets the models' ids;
 * `range` covers only what may be renamed (the number alone in `User Story 1` or `Requirement 3`).
 */
export interface SpecToken {
  readonly kind: 'item' | 'task';
  readonly id: string;
  readonly written: string;
  readonly range: Range;
  /** How the id is written, which decides how a rename rewrites it. */
  readonly form: 'prefixed' | 'number';
}

/** What a line is, as far as its numeric ids go (a bare `3.1` means something only in some places). */
export interface LineContext {
  /** The line opens a task of the spec's task list: its leading number is a task id. */
  readonly taskLine: boolean;
}

const PREFIXED = /\b(FR|NFR|SC|US|TR|R|REQ|AC)(-?)(\d+)([a-z]?)\b/g;
const TASK_ID = /\bT\d{2,4}\b(?!\.\d)/g;
/** `User Story 2` (spec-kit's heading and phase titles), `Requirement 3.1` (Kiro prose and traces). */
const STORY_WORDS = /\bUser Story\s+(\d+)\b/gi;
const REQUIREMENT_WORDS = /\b(?:Requirements?|Req\.?)\s+(\d+(?:\.\d+)?)\b/gi;
const NUMBER = /(?<![A-Za-z0-9.])\d+(?:\.\d+)*(?![A-Za-z0-9]|\.\d)/g;

function span(line: number, from: number, length: number): Range {
  return { start: { line, column: from + 1 }, end: { line, column: from + 1 + length } };
}

function normaliseNumber(raw: string): string {
  return raw.split('.').map((n) => String(Number(n))).join('.');
}

/** Every spec id written on one line, left to right; overlapping readings keep the first. */
export function specTokens(text: string, line: number, context: LineContext): SpecToken[] {
  const found: SpecToken[] = [];
  const add = (t: SpecToken): void => {
    const overlaps = found.some((f) => t.range.start.column < f.range.end.column && f.range.start.column < t.range.end.column);
    if (!overlaps) found.push(t);
  };
  if (context.taskLine) {
    const close = text.indexOf(']');
    const rest = close < 0 ? '' : text.slice(close + 1);
    const lead = /^\*?\s*/.exec(rest)?.[0].length ?? 0;
    const parsed = taskIdOf(rest.slice(lead));
    if (parsed) {
      const from = close + 1 + lead + rest.slice(lead).search(/[T\d]/);
      const written = /^(?:T\d+|\d+(?:\.\d+)*)/.exec(text.slice(from))?.[0] ?? parsed.id;
      add({ kind: 'task', id: parsed.id, written, range: span(line, from, written.length), form: written.startsWith('T') ? 'prefixed' : 'number' });
    }
  }
  for (const m of text.matchAll(PREFIXED)) {
    const [whole, prefix = '', , digits = '', suffix = ''] = m;
    if (prefix === 'R' && !/^R-?\d{3}/.test(whole)) continue;
    add({ kind: 'item', id: normalisePrefixed(prefix, digits, suffix), written: whole, range: span(line, m.index, whole.length), form: 'prefixed' });
  }
  for (const m of text.matchAll(TASK_ID)) add({ kind: 'task', id: m[0], written: m[0], range: span(line, m.index, m[0].length), form: 'prefixed' });
  for (const m of text.matchAll(STORY_WORDS)) {
    const digits = m[1] ?? '';
    const from = m.index + m[0].length - digits.length;
    add({ kind: 'item', id: `US-${Number(digits)}`, written: digits, range: span(line, from, digits.length), form: 'number' });
  }
  // Bare numbers are criterion or requirement ids only in a trace's value and after "Requirement".
  const label = TRACE_LABEL.exec(text);
  if (label) {
    const valueFrom = text.length - (label[2] ?? '').length;
    const value = text.slice(valueFrom).replace(/\([^)]*\)/g, (s) => ' '.repeat(s.length));
    for (const m of value.matchAll(NUMBER)) {
      add({ kind: 'item', id: normaliseNumber(m[0]), written: m[0], range: span(line, valueFrom + m.index, m[0].length), form: 'number' });
    }
  }
  for (const m of text.matchAll(REQUIREMENT_WORDS)) {
    const digits = m[1] ?? '';
    const from = m.index + m[0].length - digits.length;
    add({ kind: 'item', id: normaliseNumber(digits), written: digits, range: span(line, from, digits.length), form: 'number' });
  }
  return found.sort((a, b) => a.range.start.column - b.range.start.column);
}
