/**
 * Splits Markdown into chunks that parse the same alone as together: each chunk starts at an ATX
 * heading at the start of a line, outside fenced code and HTML comments. A heading at column 0
 * always closes the blocks before it, so parsing chunk by chunk gives the same tree, and an edit
 * re-parses only the chunk it touches. Documents with link reference definitions or footnotes
 * (which reach across chunks) stay one chunk.
 */
export interface Chunk {
  /** 1-based line of the chunk's first line in the whole text. */
  readonly startLine: number;
  readonly text: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^#{1,6}(?:[ \t]|$)/;
const DEFINITION = /^ {0,3}\[[^\]]+\]:/m;
/** Chunks smaller than this join the next one: many tiny parses cost more than they save. */
const MIN_CHUNK = 2048;

export function splitChunks(text: string): Chunk[] {
  if (DEFINITION.test(text)) return [{ startLine: 1, text }];
  const chunks: Chunk[] = [];
  let fence: string | null = null;
  let inComment = false;
  // HTML blocks (`<div>` …) run to the next blank line and may swallow a heading line.
  let inHtml = false;
  let chunkStart = 0;
  let chunkLine = 1;
  let line = 1;
  let offset = 0;
  while (offset <= text.length) {
    const end = text.indexOf('\n', offset);
    const lineEnd = end < 0 ? text.length : end;
    const content = text.slice(offset, lineEnd);
    if (fence !== null) {
      const m = FENCE.exec(content);
      if (m && m[1] && m[1][0] === fence[0] && m[1].length >= fence.length && content.slice(m[0].length).trim() === '') fence = null;
    } else if (inComment) {
      if (content.includes('-->')) inComment = false;
    } else if (inHtml) {
      if (content.trim() === '') inHtml = false;
    } else {
      const m = FENCE.exec(content);
      if (m && m[1]) fence = m[1];
      else if (HEADING.test(content) && offset - chunkStart >= MIN_CHUNK) {
        chunks.push({ startLine: chunkLine, text: text.slice(chunkStart, offset) });
        chunkStart = offset;
        chunkLine = line;
      }
      const open = content.lastIndexOf('<!--');
      if (open >= 0 && content.indexOf('-->', open) < 0) inComment = true;
      else if (/^ {0,3}<[A-Za-z/]/.test(content)) inHtml = true;
    }
    if (end < 0) break;
    offset = end + 1;
    line++;
  }
  chunks.push({ startLine: chunkLine, text: text.slice(chunkStart) });
  return chunks;
}
