import { splitChunks } from '../parse/chunks';
import { parseTree } from '../parse/markdown';
import type { ParseCache } from '../parse/parseCache';
import { LineIndex } from '../text/position';
import { appendShifted, collect, emptyCollected, type Collected } from './collect';

/** Parses a document chunk by chunk (reusing cached chunks) and collects its nodes with whole-document lines. */
export function collectChunks(text: string, cache: ParseCache | undefined): Collected {
  const all = emptyCollected();
  for (const chunk of splitChunks(text)) {
    let part = cache?.get(chunk.text);
    if (!part) {
      part = collect(parseTree(chunk.text), new LineIndex(chunk.text));
      cache?.set(chunk.text, part);
    }
    appendShifted(all, part, chunk.startLine - 1);
  }
  return all;
}
