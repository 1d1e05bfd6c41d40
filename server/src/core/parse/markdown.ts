import type { Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/**
 * The two parts of GitHub Flavored Markdown the analysis reads: task-list items and tables, from
 * the same packages remark-gfm is built of. Autolink literals, footnotes and strikethrough are
 * left out: URLs are found in the text itself, and the rest changes nothing Proofmark reports,
 * while full GFM roughly doubles the parsing time of these documents.
 */
function gfmTablesAndTasks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}

/** The same without tables, for texts where no table can start (see mayHoldTable). */
function gfmTasks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTaskListItemFromMarkdown());
}

const withTables = unified().use(remarkParse).use(gfmTablesAndTasks);
const withoutTables = unified().use(remarkParse).use(gfmTasks);

/** Deeper nesting than this is not a planning document; micromark would recurse too far on it. */
export const MAX_NESTING = 50;

export type Parsed = { readonly tree: Root } | { readonly skipped: string };

/**
 * Parses Markdown (CommonMark + GFM task lists and tables) into mdast. Pathological nesting is
 * refused before parsing, and a parser failure becomes a reason, never an exception.
 */
export function parseMarkdown(text: string): Parsed {
  const tooDeep = nestingProblem(text);
  if (tooDeep) return { skipped: tooDeep };
  try {
    return { tree: parseTree(text) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { skipped: `The Markdown parser failed (${reason}); not analysed.` };
  }
}

/**
 * The parser itself; may throw on inputs it cannot handle. micromark tries the table construct at
 * the start of every paragraph line, which costs about 40% of the parse on these documents
 * (measured); a text without a possible delimiter row is parsed without it, to the same tree.
 */
export function parseTree(text: string): Root {
  return (mayHoldTable(text) ? withTables : withoutTables).parse(text);
}

/** The parser with tables always on: what parseTree must equal (for tests). */
export function parseTreeWithTables(text: string): Root {
  return withTables.parse(text);
}

/**
 * Whether some line of the text could be a GFM table delimiter row: micromark-extension-gfm-table
 * accepts only `-`, `:`, `|`, spaces and tabs there, with at least one `-` and at least one `:` or
 * `|` (a row of dashes alone is a thematic break or setext underline). Container prefixes (`>`,
 * list markers, their digits) are allowed too, so the answer errs only towards true. One linear
 * pass, no regular expression: a 1 MB line must not backtrack.
 */
export function mayHoldTable(text: string): boolean {
  let possible = true;
  let dash = false;
  let pipeOrColon = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      if (possible && dash && pipeOrColon) return true;
      possible = true;
      dash = false;
      pipeOrColon = false;
    } else if (!possible) {
      continue;
    } else if (c === 45) {
      dash = true;
    } else if (c === 124 || c === 58) {
      pipeOrColon = true;
    } else if (!isContainerOrSpace(c)) {
      possible = false;
    }
  }
  return false;
}

/** Space, tab, and the characters of block-quote and list-item prefixes: `>`, `*`, `+`, `.`, `)`, digits. */
function isContainerOrSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 62 || c === 42 || c === 43 || c === 46 || c === 41 || (c >= 48 && c <= 57);
}

/** Why a text is too deeply nested to parse, or null. */
export function nestingProblem(text: string): string | null {
  const depth = estimateNesting(text);
  return depth > MAX_NESTING ? `Nesting is ${depth} levels deep (more than ${MAX_NESTING}); not analysed.` : null;
}

/**
 * A cheap upper bound of container nesting: list and block-quote markers at the start of a line,
 * counting indentation as list nesting (two spaces a level). micromark's time grows faster than
 * quadratically with list depth (500 levels take seconds), so depth is checked before parsing.
 */
function estimateNesting(text: string): number {
  let max = 0;
  let fence: string | null = null;
  let lineStart = 0;
  while (lineStart < text.length) {
    const next = text.indexOf('\n', lineStart);
    const end = next < 0 ? text.length : next;
    let i = lineStart;
    let indent = 0;
    let markers = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32) indent++;
      else if (c === 9) indent += 4;
      else if (c === 62) markers++;
      else if ((c === 45 || c === 42 || c === 43) && text.charCodeAt(i + 1) === 32) {
        markers++;
        i++;
      } else if (c >= 48 && c <= 57) {
        // An ordered-list marker: digits, then `.` or `)`, then a space.
        let j = i;
        while (text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57 && j - i < 9) j++;
        const d = text.charCodeAt(j);
        if ((d !== 46 && d !== 41) || text.charCodeAt(j + 1) !== 32) break;
        markers++;
        i = j + 1;
      } else break;
      i++;
    }
    const rest = text.slice(i, Math.min(end, i + 3));
    if (fence !== null) {
      if (rest.startsWith(fence)) fence = null;
    } else if (markers === 0 && (rest === '```' || rest === '~~~')) {
      fence = rest;
    } else if (markers > 0) {
      // Plain indented text (code, diagrams) nests nothing; indentation counts only before a marker.
      const depth = Math.floor(indent / 2) + markers;
      if (depth > max) max = depth;
    }
    if (next < 0) break;
    lineStart = next + 1;
  }
  return max;
}
