/** A line of a YAML block: `key: value`, `- item`, an indented continuation, a comment, or blank. */
const YAML_LINE = /^(?:[\w"'][\w .\-"']*:(?:\s|$)|\s*-(?:\s|$)|\s+\S|#|\s*\r?$)/;

/** Front matter longer than this is not looked for: a `---` that far down closes no front matter. */
const MAX_LINES = 200;

/**
 * The last line of a document's YAML front matter (`---` on line 1, closed by `---` or `...`), or 0
 * when it has none. Front matter is data for a site generator or an agent workflow; CommonMark
 * would read it as a thematic break and a setext heading whose text is the whole block.
 */
export function frontMatterEnd(text: string): number {
  if (!/^---[ \t]*\r?\n/.test(text)) return 0;
  let start = text.indexOf('\n') + 1;
  for (let line = 2; line <= MAX_LINES && start < text.length; line++) {
    const next = text.indexOf('\n', start);
    const end = next < 0 ? text.length : next;
    const content = text.slice(start, end);
    if (/^(?:---|\.\.\.)[ \t]*\r?$/.test(content)) return line;
    // YAML, not Markdown after a thematic break: keys, list items, indented values, comments.
    if (!YAML_LINE.test(content)) return 0;
    if (next < 0) return 0;
    start = next + 1;
  }
  return 0;
}

/** The text with its first `lines` lines blanked (every character but line breaks a space): same positions, nothing to parse. */
export function blankLines(text: string, lines: number): string {
  let end = 0;
  for (let line = 0; line < lines && end < text.length; line++) {
    const next = text.indexOf('\n', end);
    end = next < 0 ? text.length : next + 1;
  }
  return text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}
