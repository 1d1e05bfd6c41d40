import { splitChunks } from '../parse/chunks';
import { parseTree } from '../parse/markdown';
import type { ParseCache } from '../parse/parseCache';
import { LineIndex } from '../text/position';
import { appendShifted, collect, emptyCollected, type Collected } from './collect';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A copy of a chunk's text that does not share memory with the document it was cut from. A chunk
 * is a slice of its document, and V8 keeps a slice (and every string sliced from it while parsing)
 * pointing into the whole text: a cached chunk would keep its whole document version alive, and an
 * editing session hundreds of them (measured: 130 KB per cached chunk of TODO003.md).
 */
function detached(text: string): string {
  return decoder.decode(encoder.encode(text));
}

/** Parses a document chunk by chunk (reusing cached chunks) and collects its nodes with whole-document lines. */
export function collectChunks(text: string, cache: ParseCache | undefined): Collected {
  const all = emptyCollected();
  for (const chunk of splitChunks(text)) {
    let part = cache?.get(chunk.text);
    if (!part) {
      const own = cache ? detached(chunk.text) : chunk.text;
      part = collect(parseTree(own), new LineIndex(own));
      cache?.set(own, part);
    }
    appendShifted(all, part, chunk.startLine - 1);
  }
  return all;
}
