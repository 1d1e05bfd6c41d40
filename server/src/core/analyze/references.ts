import type { Reference, ReferenceContext, Evidence } from '../model/document';
import type { ReferenceReading } from './referenceIntent';
import type { LineIndex, Range } from '../text/position';
import type { RawSpan } from './collect';
import { AT_REFERENCE, BARE_NAME, PROSE_PATH, PROSE_PATTERN, normaliseTarget, pathShape, pathsInCommand, patternFolder } from './pathShapes';

const INLINE_OUTPUT = /^(?:\{.*:.*\}|\[.*\]|HTTP\/\d|(?:GET|POST|PUT|DELETE|PATCH)\s+\/\S*\s+(?:→|->|=>)?\s*\d{3}|\d{3}\s+(?:OK|Created|Accepted|No Content))/;

export interface ReferenceInput {
  readonly lines: LineIndex;
  readonly code: Uint8Array;
  readonly codeSpans: readonly RawSpan[];
  readonly links: readonly RawSpan[];
  readonly contextOf: (line: number) => ReferenceContext;
  readonly intentOf: (range: Range) => ReferenceReading;
  /** Words of the enclosing heading that may name a folder or project (`LablabBean.Contracts.Analytics`). */
  readonly headingNames: (line: number) => readonly string[];
  /** Whether bare file names are read on the line: in a checklist item (work done or to do) and in status documents (evidence). */
  readonly bareNames: (line: number) => boolean;
}

type Draft = Omit<Reference, 'near'>;

/** Every citation of a file or folder outside code blocks, plus evidence that is inline output. */
export function findReferences(input: ReferenceInput): { references: Reference[]; evidence: Evidence[] } {
  const { lines, code } = input;
  const drafts: Draft[] = [];
  const evidence: Evidence[] = [];
  const masked = new Map<number, [number, number][]>();
  const mask = (r: Range): void => {
    for (let l = r.start.line; l <= r.end.line; l++) {
      const list = masked.get(l) ?? [];
      list.push([l === r.start.line ? r.start.column : 1, l === r.end.line ? r.end.column : Infinity]);
      masked.set(l, list);
    }
  };
  const push = (raw: string, target: string, line: number, range: Range, via: Reference['via'], shape: Reference['shape']): void => {
    drafts.push({ raw, target, line, range, via, shape, context: input.contextOf(line), ...input.intentOf(range) });
  };
  const add = (raw: string, line: number, range: Range, via: Reference['via']): void => {
    const shape = pathShape(raw);
    if (!shape) {
      // `contracts/I*.cs` names the folder `contracts/`: a done task that wrote there says it exists.
      const folder = patternFolder(raw);
      if (folder) push(raw, folder, line, range, via, 'directory');
      return;
    }
    const target = normaliseTarget(raw);
    if (!target || target === '.' || target === '..') return;
    push(raw, target, line, range, via, shape);
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
    const normal = normaliseTarget(target);
    const shape = pathShape(normal) ?? (/\.\w{1,8}$/.test(normal) && !/[\s*{}<>$]/.test(normal) ? 'file' : null);
    if (shape) push(target, normal, l.line, l.range, 'link', shape);
  }

  for (let line = 1; line <= lines.lineCount; line++) {
    if (code[line]) continue;
    const text = lines.line(line);
    const bare = input.bareNames(line) && (text.includes('.') || text.includes('*'));
    if (!text.includes('/') && !text.includes('@') && !bare) continue;
    const spans = masked.get(line) ?? [];
    const free = (index: number, length: number): boolean => !spans.some(([a, b]) => index + 1 < b && index + 1 + length > a);
    for (const pattern of bare ? [AT_REFERENCE, PROSE_PATTERN, PROSE_PATH, BARE_NAME] : [AT_REFERENCE, PROSE_PATH]) {
      pattern.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = pattern.exec(text))) {
        if (!free(m.index, m[0].length)) continue;
        if (/^https?:|:\/\//.test(text.slice(Math.max(0, m.index - 12), m.index + 1))) continue;
        const range = { start: { line, column: m.index + 1 }, end: { line, column: m.index + 1 + m[0].length } };
        mask(range);
        add(m[0], line, range, pattern === AT_REFERENCE ? 'at' : pattern === BARE_NAME ? 'bare' : 'prose');
      }
    }
  }
  const references = withNearFolders(drafts, lines, input.headingNames);
  references.forEach((r, i) => evidence.push({ kind: 'reference', line: r.line, reference: i }));
  return { references, evidence };
}

/**
 * For each citation, the folders named in its paragraph (other citations' folders) and in its
 * heading: `In \`src/viewer/\`, update \`navigation.ts\`` means `src/viewer/navigation.ts`.
 */
function withNearFolders(drafts: readonly Draft[], lines: LineIndex, headingNames: (line: number) => readonly string[]): Reference[] {
  // The first line of each line's paragraph, in one pass.
  const start = new Int32Array(lines.lineCount + 2);
  for (let l = 1; l <= lines.lineCount; l++) start[l] = l > 1 && lines.line(l - 1).trim() !== '' ? (start[l - 1] ?? l) : l;
  const byParagraph = new Map<number, string[]>();
  const starts = drafts.map((d) => start[d.line] ?? d.line);
  drafts.forEach((d, i) => {
    const folder = d.shape === 'directory' ? d.target : d.target.includes('/') ? d.target.slice(0, d.target.lastIndexOf('/')) : '';
    if (!folder) return;
    const key = starts[i] ?? d.line;
    const list = byParagraph.get(key) ?? [];
    if (!list.includes(folder)) list.push(folder);
    byParagraph.set(key, list);
  });
  return drafts.map((d, i) => {
    const own = d.shape === 'directory' ? d.target : '';
    const near = [...(byParagraph.get(starts[i] ?? d.line) ?? []).filter((f) => f !== own), ...headingNames(d.line)];
    return { ...d, near: near.slice(0, 8) };
  });
}
