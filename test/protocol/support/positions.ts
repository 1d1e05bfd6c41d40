import { readFileSync } from 'node:fs';

/** The 0-based position of the `occurrence`-th `needle` on the 1-based `line` of a file (or anywhere when line is 0), plus `offset` characters. */
export function positionOf(file: string, needle: string, line = 0, offset = 1, occurrence = 0): { line: number; character: number } {
  const lines = readFileSync(file, 'utf8').split('\n');
  let seen = 0;
  for (let i = line > 0 ? line - 1 : 0; i < (line > 0 ? line : lines.length); i++) {
    let at = (lines[i] ?? '').indexOf(needle);
    while (at >= 0) {
      if (seen++ === occurrence) return { line: i, character: at + offset };
      at = (lines[i] ?? '').indexOf(needle, at + 1);
    }
  }
  throw new Error(`"${needle}" not found in ${file}${line ? ` at line ${line}` : ''}`);
}
