import type { Heading } from '../model/document';

/**
 * GitHub's anchor for a heading (as github-slugger computes it, which VS Code's Markdown preview
 * follows): lower case, every character that is not a letter, a mark, a digit, `_`, `-` or a space
 * removed (emoji and punctuation too), each space a `-`; a slug seen before in the document gets
 * `-1`, `-2` …
 */
export function headingAnchors(headings: readonly Heading[]): Map<number, string> {
  const seen = new Map<string, number>();
  const anchors = new Map<number, string>();
  for (const heading of headings) {
    const base = heading.text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    let slug = base;
    let count = seen.get(base) ?? 0;
    while (seen.has(slug)) slug = `${base}-${++count}`;
    seen.set(base, count);
    seen.set(slug, 0);
    anchors.set(heading.line, slug);
  }
  return anchors;
}
