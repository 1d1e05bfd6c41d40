import { splitChunks } from './chunks';
import { thousands } from '../text/thousands';

/**
 * What parsing a text will cost, estimated before parsing, so that a document too heavy for the
 * parser is refused (as too deep nesting is) instead of costing a minute or gigabytes. micromark
 * and mdast-util-from-markdown cost 20–60 µs and 2–20 KB of tree per construct (a line of a
 * paragraph, a list item, a table cell, a code span, a link…), and two constructs are quadratic:
 * every setext heading rewrites the events of its whole chunk (5,000 in 20 KB took 6 s), and
 * emphasis and link delimiters are matched by searching back through their paragraph (10,000
 * `*a` in one paragraph, 2 s; 40,000, 41 s). Measured on this project's 2-core machine under load.
 */

/**
 * Constructs in a whole document: parsing this many takes 1–2 s. The largest real planning
 * document of the corpus (1,397 files) counts 4,904, so this is eight times that.
 */
export const MAX_CONSTRUCTS = 40_000;

/**
 * Constructs in one chunk (see chunks.ts): a chunk's tree is built whole before it is collected
 * and dropped, at 2–7 KB a counted construct, so this bounds the parser's memory to ~80 MB. The
 * largest chunk of the corpus counts 4,000 (a 900-line section).
 */
export const MAX_CHUNK_CONSTRUCTS = 12_000;

/** Emphasis runs and brackets in one paragraph (or table, or list item): the corpus has at most 272. */
export const MAX_PARAGRAPH_DELIMITERS = 2_000;

/**
 * Setext headings times the constructs of their chunk: each heading costs a pass over its
 * chunk's events (~120 ns a construct). The corpus reaches 20,000 (5 headings in a section of
 * 4,000 constructs); 1,000,000 is about 0.1 s.
 */
export const MAX_SETEXT_WORK = 1_000_000;

export interface MarkupMeasure {
  /** One per non-blank line, one more per block marker at a line's start, one per inline markup character or delimiter run. */
  readonly constructs: number;
  /** Lines that can underline a setext heading (`===` or `---` right under a non-blank line). */
  readonly setextUnderlines: number;
  /** The most emphasis runs and brackets in one paragraph (non-blank lines, up to a blank line, a list item or a heading). */
  readonly paragraphDelimiters: number;
  /** 1-based first line of that paragraph. */
  readonly paragraphLine: number;
}

/**
 * Measures `text[from, to)` in one linear pass. Block markers are `-`, `+`, `*`, digits, `>` and
 * `#` first on a line; inline markup is counted per character for `[`, `]`, `<`, `!`, `\`, `&`
 * and `|` (each can start a link, a tag, an escape, an entity or a table cell) and per run for
 * backticks, `*`, `_` and `~` (a run is one delimiter). The estimate errs towards more constructs
 * than micromark builds, never fewer.
 */
export function measureMarkup(text: string, from = 0, to = text.length): MarkupMeasure {
  let constructs = 0;
  let setextUnderlines = 0;
  let paragraphDelimiters = 0;
  let paragraphLine = 1;
  let delimiters = 0;
  let delimitersLine = 1;
  let line = 1;
  let lineStart = true;
  let blank = true;
  let previousBlank = true;
  // Whether the line so far is a setext underline: up to 3 spaces, then only `=` or only `-`, then spaces.
  let underline = 0;
  let underlineChar = 0;
  let indent = 0;
  let previous = -1;
  const endLine = (): void => {
    if (!blank) {
      constructs++;
      if (!previousBlank && underline === 2) setextUnderlines++;
    } else delimiters = 0;
    previousBlank = blank;
  };
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      endLine();
      line++;
      lineStart = true;
      blank = true;
      underline = 0;
      underlineChar = 0;
      indent = 0;
      previous = -1;
      continue;
    }
    if (c === 32 || c === 9) {
      if (lineStart) indent++;
      previous = c;
      continue;
    }
    if (blank) {
      if (delimiters === 0) delimitersLine = line;
      underline = indent <= 3 && (c === 61 || c === 45) ? 2 : 1;
      underlineChar = c;
    } else if (underline === 2 && (c !== underlineChar || previous === 32 || previous === 9)) underline = 1;
    if (lineStart) {
      lineStart = false;
      if (c === 45 || c === 43 || c === 42 || c === 62 || c === 35 || (c >= 48 && c <= 57)) constructs++;
      // A list item or a heading has inline content of its own: its delimiters are matched apart.
      if (startsItemOrHeading(text, i, to)) {
        delimiters = 0;
        delimitersLine = line;
      }
    }
    blank = false;
    if (c === 91 || c === 93 || c === 60 || c === 33 || c === 92 || c === 38 || c === 124) constructs++;
    else if ((c === 96 || c === 42 || c === 95 || c === 126) && c !== previous) constructs++;
    if (c === 91 || c === 93 || ((c === 42 || c === 95) && c !== previous)) {
      delimiters++;
      if (delimiters > paragraphDelimiters) {
        paragraphDelimiters = delimiters;
        paragraphLine = delimitersLine;
      }
    }
    previous = c;
  }
  endLine();
  return { constructs, setextUnderlines, paragraphDelimiters, paragraphLine };
}

/** Whether a list marker (`-`, `+`, `*`, `1.`, `1)`) and a space, or a `#`, starts at `i`. */
function startsItemOrHeading(text: string, i: number, to: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 35) return true;
  let j = i;
  if (c === 45 || c === 43 || c === 42) j++;
  else {
    while (j < to && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    if (j === i || (text.charCodeAt(j) !== 46 && text.charCodeAt(j) !== 41)) return false;
    j++;
  }
  const next = j < to ? text.charCodeAt(j) : 10;
  return next === 32 || next === 9 || next === 10 || next === 13;
}

const count = thousands;

/**
 * Why a text is too heavy to parse, or null. Linear: the text is split into chunks (to check
 * each one's budget) only when the whole could exceed a chunk's.
 */
export function costProblem(text: string): string | null {
  const whole = measureMarkup(text);
  if (whole.constructs > MAX_CONSTRUCTS) {
    return `File has about ${count(whole.constructs)} Markdown constructs (lines, list items, table cells, code spans, links…), more than the ${count(MAX_CONSTRUCTS)} Proofmark parses in one document; not analysed. Split it into smaller documents to have it checked.`;
  }
  if (whole.paragraphDelimiters > MAX_PARAGRAPH_DELIMITERS) {
    return `The paragraph at line ${count(whole.paragraphLine)} has ${count(whole.paragraphDelimiters)} emphasis markers and brackets (more than ${count(MAX_PARAGRAPH_DELIMITERS)}), which the Markdown parser matches in quadratic time; not analysed.`;
  }
  if (whole.constructs <= MAX_CHUNK_CONSTRUCTS && whole.setextUnderlines * whole.constructs <= MAX_SETEXT_WORK) return null;
  const chunks = splitChunks(text);
  for (const [k, chunk] of chunks.entries()) {
    const m = measureMarkup(chunk.text);
    const lines = `Lines ${count(chunk.startLine)}–${count((chunks[k + 1]?.startLine ?? chunk.startLine + lineCount(chunk.text)) - 1)}`;
    if (m.constructs > MAX_CHUNK_CONSTRUCTS) {
      return `${lines} hold about ${count(m.constructs)} Markdown constructs that must be parsed at once (one list, table or paragraph, a long section without headings, or a document with link reference definitions), more than the ${count(MAX_CHUNK_CONSTRUCTS)} Proofmark parses at once; not analysed.`;
    }
    if (m.setextUnderlines * m.constructs > MAX_SETEXT_WORK) {
      return `${lines} hold ${count(m.setextUnderlines)} setext headings (=== or --- under a line of text) among about ${count(m.constructs)} constructs, which the Markdown parser handles in quadratic time; not analysed.`;
    }
  }
  return null;
}

function lineCount(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
  }
  return lines;
}
