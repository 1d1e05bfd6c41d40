import type { Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { costProblem } from './parseCost';
import { mayHoldTable } from './tableHint';

export { mayHoldTable } from './tableHint';

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
 * Parses Markdown (CommonMark + GFM task lists and tables) into mdast. Pathological nesting and
 * texts too heavy to parse are refused before parsing, and a parser failure becomes a reason,
 * never an exception.
 */
export function parseMarkdown(text: string): Parsed {
  const refused = parseProblem(text);
  if (refused) return { skipped: refused };
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
 * Why a text is refused before parsing, or null: nesting too deep (micromark's time grows faster
 * than quadratically with it), or too many constructs for the parser's time and memory budget
 * (see parseCost.ts).
 */
export function parseProblem(text: string): string | null {
  const depth = estimateNesting(text);
  if (depth > MAX_NESTING) return `Nesting is ${depth} levels deep (more than ${MAX_NESTING}); not analysed.`;
  return costProblem(text);
}

/**
 * The same as parseProblem, under the name analyze/document.ts imports it by (it refused only deep
 * nesting at first); to go once that file imports parseProblem.
 */
export const nestingProblem = parseProblem;

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
