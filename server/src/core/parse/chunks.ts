import { mayHoldTable } from './tableHint';

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
/**
 * A chunk of at least this size ends early where the next section starts or stops holding a
 * possible table, so that table-free sections are parsed without the table construct (on the
 * generated benchmark workspace, 28% of the bytes are parsed with it instead of 49%).
 */
const MIN_TABLE_SPLIT = 512;

interface Section {
  readonly startLine: number;
  readonly start: number;
}

export function splitChunks(text: string): Chunk[] {
  if (DEFINITION.test(text)) return [{ startLine: 1, text }];
  const sections = splitSections(text);
  const chunks: Chunk[] = [];
  let first: Section = { startLine: 1, start: 0 };
  let tables = false;
  for (const [k, section] of sections.entries()) {
    const end = sections[k + 1]?.start ?? text.length;
    const sectionTables = mayHoldTable(text.slice(section.start, end));
    const size = section.start - first.start;
    if (size >= MIN_CHUNK || (size >= MIN_TABLE_SPLIT && sectionTables !== tables)) {
      chunks.push({ startLine: first.startLine, text: text.slice(first.start, section.start) });
      first = section;
      tables = false;
    }
    tables ||= sectionTables;
  }
  chunks.push({ startLine: first.startLine, text: text.slice(first.start) });
  return chunks;
}

/** Where each section starts: the text's start and every ATX heading outside fences, comments and HTML blocks. */
function splitSections(text: string): Section[] {
  const sections: Section[] = [{ startLine: 1, start: 0 }];
  let fence: string | null = null;
  let inComment = false;
  // HTML blocks (`<div>` …) run to the next blank line and may swallow a heading line.
  let inHtml = false;
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
      else if (HEADING.test(content) && offset > 0) sections.push({ startLine: line, start: offset });
      const open = content.lastIndexOf('<!--');
      if (open >= 0 && content.indexOf('-->', open) < 0) inComment = true;
      else if (/^ {0,3}<[A-Za-z/]/.test(content)) inHtml = true;
    }
    if (end < 0) break;
    offset = end + 1;
    line++;
  }
  return sections;
}
