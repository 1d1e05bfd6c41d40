import type { LineIndex } from '../text/position';

/** A list item that is a status symbol and a word or three: `- ✅ Passed`, `- 🔄 In Progress`. */
const SYMBOL_ITEM = /^\s*[-*+]\s+(✅|✔️?|☑️?|❌|✖️?|⚠️?|🔄|⏳|⏸️?|🚧|□|☐|⬜|🟢|🟡|🔴|⭕|❓|📋|📝)\s*\**\s*([\p{L}][\p{L}'-]*(?:\s+[\p{L}][\p{L}'-]*){0,2})\s*\**\s*$/u;

/**
 * The lines of status legends: three list items at least in a row, each a different status symbol
 * followed by a word or three (`- □ Not Started`, `- ✅ Passed`, `- ❌ Failed`). A legend says what
 * each symbol means; its `✅ Passed` claims nothing.
 */
export function legendLines(lines: LineIndex, code: Uint8Array): Set<number> {
  const legend = new Set<number>();
  let run: { line: number; symbol: string }[] = [];
  const close = (): void => {
    if (run.length >= 3 && new Set(run.map((r) => r.symbol)).size === run.length) for (const r of run) legend.add(r.line);
    run = [];
  };
  for (let line = 1; line <= lines.lineCount; line++) {
    const m = code[line] ? null : SYMBOL_ITEM.exec(lines.line(line));
    if (!m) {
      close();
      continue;
    }
    run.push({ line, symbol: (m[1] ?? '').replace(/\uFE0F/g, '') });
  }
  close();
  return legend;
}
