import type { Collected } from '../analyze/collect';

/**
 * Parsed chunks by their text, so that re-analysing an edited document re-parses only the chunks
 * that changed. Bounded: the oldest entries go first. One cache may serve many documents.
 */
export class ParseCache {
  private readonly entries = new Map<string, Collected>();

  /** Room for the chunks of the open documents and their recent versions (a chunk is ≥ 2 KB of text; TODO003.md has about 30). */
  constructor(private readonly capacity = 256) {}

  get(text: string): Collected | undefined {
    const hit = this.entries.get(text);
    if (hit) {
      // Refresh its place in the eviction order.
      this.entries.delete(text);
      this.entries.set(text, hit);
    }
    return hit;
  }

  set(text: string, collected: Collected): void {
    this.entries.set(text, collected);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
