/**
 * Positions in the core are unist's: 1-based lines and 1-based columns counted in UTF-16 code
 * units. Conversion to LSP (0-based) happens once, at the edge (see lsp/convert.ts).
 */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export function lineRange(line: number, startColumn: number, endColumn: number): Range {
  return { start: { line, column: startColumn }, end: { line, column: endColumn } };
}

/**
 * Maps between offsets and positions for one text. A line ends at LF, CRLF or a lone CR, as in
 * CommonMark (so the lines agree with the mdast's positions) and in LSP (so they agree with the editor).
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The text of a 1-based line without its line break. */
  line(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }

  positionAt(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }

  offsetAt(position: Position): number {
    const start = this.starts[position.line - 1];
    if (start === undefined) return this.text.length;
    return Math.min(start + position.column - 1, this.text.length);
  }
}
