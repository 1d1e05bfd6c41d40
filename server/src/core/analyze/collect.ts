import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LineIndex, Range } from '../text/position';

export interface RawHeading {
  readonly level: number;
  readonly text: string;
  readonly line: number;
  readonly range: Range;
}

export interface RawCheckbox {
  readonly line: number;
  readonly range: Range;
  readonly checked: boolean;
  /** `- [-]`, `- [~]`: started, not done (Kiro, spec-workflow). */
  readonly inProgress: boolean;
  /** Not required for its parent to be done: `- [ ]*` (Kiro), "(optional)", "nice to have", or deferred ("deferred to v2", "future work", struck through). */
  readonly optional: boolean;
  readonly depth: number;
  readonly parent: number;
  readonly text: string;
  /** Last line of the item, including its children. */
  readonly endLine: number;
}

export interface RawSpan {
  readonly value: string;
  readonly line: number;
  readonly range: Range;
}

export interface RawBlock {
  readonly startLine: number;
  readonly endLine: number;
  readonly value: string;
  /** A fenced block's info string's language (`bash`), if any. */
  readonly lang?: string;
}

/** What the Markdown structure tells; everything else is read line by line outside code blocks. */
export interface Collected {
  readonly headings: RawHeading[];
  readonly checkboxes: RawCheckbox[];
  readonly codeSpans: RawSpan[];
  readonly links: RawSpan[];
  readonly codeBlocks: RawBlock[];
  readonly comments: RawBlock[];
}

/** Boxes GFM does not read as task items: `[-]` / `[~]` (in progress) and Kiro's `[ ]*` / `[x]*` (optional). */
const PSEUDO_BOX = /^\[([ xX\-~/])\](\*)?(?=\s|$)/;
/**
 * Deferred or dropped work does not block done either: "deferred to v2", "future", "out of scope",
 * struck through (alone or followed only by a note in brackets), or marked dropped, descoped,
 * cancelled or moved elsewhere in brackets or as a lead or trailing word ("(dropped, see ADR 4)",
 * "(moved to Phase 3)", "DROPPED: …", "… — descoped"). A word inside the task ("Handle cancelled
 * orders") is its subject, not its state, and does not count.
 */
const DEFERRED =
  /\b(?:deferred(?:\s+(?:to|until)\b)?|postponed|out of scope|won'?t (?:do|fix|implement)|wontfix|not (?:needed|required|applicable)|n\/a|skipped)\b|[([]\s*(?:future|later|v2|post-?mvp)\s*[)\]]|^\s*(?:\*\*)?(?:future|later)(?:\*\*)?\s*:|\bfor v2\b|^~~.*~~$|^~~[^~]+~~\s*[([][^)\]]*[)\]]\s*$|[([]\s*(?:dropped|descoped|de-scoped|cancell?ed|abandoned|moved to\b)[^)\]]*[)\]]|^\s*(?:\*\*)?(?:dropped|descoped|cancell?ed)(?:\*\*)?\s*[:—–-]|\s[—–-]\s*(?:dropped|descoped|cancell?ed)\s*\.?$/i;
const OPTIONAL = /^\s*\*(?=\s)|\((?:optional|nice[- ]to[- ]have|stretch(?: goal)?)\)|^\s*(?:\*\*|_)?(?:optional|nice[- ]to[- ]have|stretch)(?:\*\*|_)?\s*[:—–-]|\[optional\]/i;

function checkboxOf(node: Extract<Nodes, { type: 'listItem' }>, range: Range, lines: LineIndex): Omit<RawCheckbox, 'line' | 'depth' | 'parent' | 'endLine'> | null {
  const first = node.children[0];
  const full = first && first.type === 'paragraph' ? toString(first).trim() : toString(node).trim();
  let text = full.split(/\r\n?|\n/)[0] ?? '';
  let checked: boolean;
  let inProgress = false;
  let starred = false;
  const lineText = lines.line(range.start.line);
  if (typeof node.checked === 'boolean') {
    checked = node.checked;
  } else {
    const pseudo = PSEUDO_BOX.exec(text);
    if (!pseudo) return null;
    checked = pseudo[1] === 'x' || pseudo[1] === 'X';
    inProgress = !checked && pseudo[1] !== ' ';
    starred = pseudo[2] === '*';
    text = text.slice(pseudo[0].length).trim();
  }
  const open = lineText.indexOf('[', Math.max(0, range.start.column - 1));
  const boxStart = open >= 0 ? open + 1 : range.start.column;
  // `- [ ]*` parses as a task item whose text starts with `*` only when a space follows the `]`; read the star from the line.
  if (!starred && open >= 0 && lineText[open + 3] === '*') starred = true;
  return {
    range: { start: { line: range.start.line, column: boxStart }, end: { line: range.start.line, column: boxStart + 3 } },
    checked,
    inProgress,
    optional: starred || OPTIONAL.test(text) || DEFERRED.test(text),
    text,
  };
}

function rangeOf(node: Nodes): Range | null {
  const p = node.position;
  if (!p) return null;
  return { start: { line: p.start.line, column: p.start.column }, end: { line: p.end.line, column: p.end.column } };
}

/** Walks the mdast once, iteratively (no recursion limit), collecting the nodes the analysis uses. */
export function collect(tree: Root, lines: LineIndex): Collected {
  const out = emptyCollected();
  // Each stack entry carries the index of the nearest enclosing checkbox item and its depth.
  const stack: { node: Nodes; parentBox: number; boxDepth: number }[] = [{ node: tree, parentBox: -1, boxDepth: 0 }];
  while (stack.length > 0) {
    const entry = stack.pop();
    if (!entry) break;
    const { node } = entry;
    let parentBox = entry.parentBox;
    let boxDepth = entry.boxDepth;
    const range = rangeOf(node);
    switch (node.type) {
      case 'heading':
        if (range) out.headings.push({ level: node.depth, text: toString(node).trim(), line: range.start.line, range });
        break;
      case 'listItem': {
        const box = range ? checkboxOf(node, range, lines) : null;
        if (range && box) {
          out.checkboxes.push({ ...box, line: range.start.line, depth: boxDepth, parent: parentBox, endLine: range.end.line });
          parentBox = out.checkboxes.length - 1;
          boxDepth++;
        }
        break;
      }
      case 'inlineCode':
        if (range) out.codeSpans.push({ value: node.value, line: range.start.line, range });
        break;
      case 'link':
        if (range) out.links.push({ value: node.url, line: range.start.line, range });
        break;
      case 'definition':
        if (range) out.links.push({ value: node.url, line: range.start.line, range });
        break;
      case 'code':
        if (range) out.codeBlocks.push({ startLine: range.start.line, endLine: range.end.line, value: node.value, ...(node.lang ? { lang: node.lang } : {}) });
        break;
      case 'html':
        if (range) out.comments.push({ startLine: range.start.line, endLine: range.end.line, value: node.value });
        break;
      default:
        break;
    }
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (child) stack.push({ node: child, parentBox, boxDepth });
      }
    }
  }
  out.headings.sort((a, b) => a.line - b.line);
  return out;
}

function shiftRange(r: Range, by: number): Range {
  return { start: { line: r.start.line + by, column: r.start.column }, end: { line: r.end.line + by, column: r.end.column } };
}

/** Appends a chunk's collected nodes (lines relative to the chunk) to `into`, moved down by `by` lines. */
export function appendShifted(into: Collected, part: Collected, by: number): void {
  const boxBase = into.checkboxes.length;
  for (const h of part.headings) into.headings.push({ ...h, line: h.line + by, range: shiftRange(h.range, by) });
  for (const b of part.checkboxes) {
    into.checkboxes.push({ ...b, line: b.line + by, endLine: b.endLine + by, range: shiftRange(b.range, by), parent: b.parent < 0 ? -1 : b.parent + boxBase });
  }
  for (const s of part.codeSpans) into.codeSpans.push({ ...s, line: s.line + by, range: shiftRange(s.range, by) });
  for (const l of part.links) into.links.push({ ...l, line: l.line + by, range: shiftRange(l.range, by) });
  for (const b of part.codeBlocks) into.codeBlocks.push({ ...b, startLine: b.startLine + by, endLine: b.endLine + by });
  for (const c of part.comments) into.comments.push({ ...c, startLine: c.startLine + by, endLine: c.endLine + by });
}

export function emptyCollected(): Collected {
  return { headings: [], checkboxes: [], codeSpans: [], links: [], codeBlocks: [], comments: [] };
}
