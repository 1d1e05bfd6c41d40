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
