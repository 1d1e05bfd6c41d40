import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm);

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

/** The parser itself; may throw on inputs it cannot handle. */
export function parseTree(text: string): Root {
  return processor.parse(text);
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
  let lineStart = 0;
  while (lineStart < text.length) {
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
      } else break;
      i++;
    }
    const depth = Math.floor(indent / 2) + markers;
    if (depth > max) max = depth;
    const next = text.indexOf('\n', lineStart);
    if (next < 0) break;
    lineStart = next + 1;
  }
  return max;
}
