import type { Reference, ReferenceContext, Evidence } from '../model/document';
import type { LineIndex, Range } from '../text/position';
import type { RawSpan } from './collect';
import { AT_REFERENCE, PROSE_PATH, normaliseTarget, pathShape, pathsInCommand } from './pathShapes';

const INLINE_OUTPUT = /^(?:\{.*:.*\}|\[.*\]|HTTP\/\d|(?:GET|POST|PUT|DELETE|PATCH)\s+\/\S*\s+(?:→|->|=>)?\s*\d{3}|\d{3}\s+(?:OK|Created|Accepted|No Content))/;

export interface ReferenceInput {
  readonly lines: LineIndex;
  readonly code: Uint8Array;
  readonly codeSpans: readonly RawSpan[];
  readonly links: readonly RawSpan[];
  readonly contextOf: (line: number) => ReferenceContext;
}

/** Every citation of a file or folder outside code blocks, plus evidence that is inline output. */
export function findReferences(input: ReferenceInput): { references: Reference[]; evidence: Evidence[] } {
  const { lines, code } = input;
  const references: Reference[] = [];
  const evidence: Evidence[] = [];
  const masked = new Map<number, [number, number][]>();
  const mask = (r: Range): void => {
    for (let l = r.start.line; l <= r.end.line; l++) {
      const list = masked.get(l) ?? [];
      list.push([l === r.start.line ? r.start.column : 1, l === r.end.line ? r.end.column : Infinity]);
      masked.set(l, list);
    }
  };
  const add = (raw: string, line: number, range: Range, via: Reference['via']): void => {
    const shape = pathShape(raw);
    if (!shape) return;
    const target = normaliseTarget(raw);
    if (!target || target === '.' || target === '..') return;
    references.push({ raw, target, line, range, via, shape, context: input.contextOf(line) });
  };

  for (const s of input.codeSpans) {
    mask(s.range);
    if (code[s.line]) continue;
    const value = s.value.trim();
    if (INLINE_OUTPUT.test(value)) {
      evidence.push({ kind: 'inline-output', line: s.line, reference: -1 });
      continue;
    }
    const oneLine = s.range.start.line === s.range.end.line;
    if (/\s/.test(value)) {
      for (const p of pathsInCommand(value)) {
        const column = s.range.start.column + 1 + s.value.indexOf(p.text);
        add(p.text, s.line, oneLine ? { start: { line: s.line, column }, end: { line: s.line, column: column + p.text.length } } : s.range, 'code');
      }
      continue;
    }
    const inner = oneLine ? { start: { line: s.line, column: s.range.start.column + 1 }, end: { line: s.line, column: s.range.end.column - 1 } } : s.range;
    add(value, s.line, inner, value.startsWith('@') ? 'at' : 'code');
  }
  for (const l of input.links) {
    mask(l.range);
    if (code[l.line]) continue;
    if (/^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/i.test(l.value)) {
      if (/^https?:/i.test(l.value)) evidence.push({ kind: 'url', line: l.line, reference: -1 });
      continue;
    }
    const target = l.value.replace(/^<|>$/g, '');
    const shape = pathShape(normaliseTarget(target)) ?? (/\.\w{1,8}$/.test(normaliseTarget(target)) ? 'file' : null);
    if (shape) references.push({ raw: target, target: normaliseTarget(target), line: l.line, range: l.range, via: 'link', shape, context: input.contextOf(l.line) });
  }

  for (let line = 1; line <= lines.lineCount; line++) {
    if (code[line]) continue;
    const text = lines.line(line);
    if (!text.includes('/') && !text.includes('@')) continue;
    const spans = masked.get(line) ?? [];
    const free = (index: number, length: number): boolean => !spans.some(([a, b]) => index + 1 < b && index + 1 + length > a);
    for (const pattern of [AT_REFERENCE, PROSE_PATH]) {
      pattern.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = pattern.exec(text))) {
        if (!free(m.index, m[0].length)) continue;
        if (/^https?:|:\/\//.test(text.slice(Math.max(0, m.index - 12), m.index + 1))) continue;
        const range = { start: { line, column: m.index + 1 }, end: { line, column: m.index + 1 + m[0].length } };
        mask(range);
        add(m[0], line, range, pattern === AT_REFERENCE ? 'at' : 'prose');
      }
    }
  }
  references.forEach((r, i) => evidence.push({ kind: 'reference', line: r.line, reference: i }));
  return { references, evidence };
}
