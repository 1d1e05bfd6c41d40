/**
 * The documents an index has still to read, in listing order, from which the documents wanted
 * first (those the open documents' diagnostics depend on) are taken before the rest.
 */
export class IndexQueue {
  private readonly order: readonly string[];
  private readonly queued: Set<string>;
  private next = 0;

  constructor(paths: readonly string[]) {
    this.order = paths;
    this.queued = new Set(paths);
  }

  get size(): number {
    return this.queued.size;
  }

  has(path: string): boolean {
    return this.queued.has(path);
  }

  /**
   * Every one of `paths`: those still queued are taken from the queue (`queued`), the others were
   * taken before, by a run that may still hold them (`taken`).
   */
  claim(paths: readonly string[]): { readonly queued: string[]; readonly taken: string[] } {
    const queued: string[] = [];
    const taken: string[] = [];
    for (const path of paths) (this.queued.delete(path) ? queued : taken).push(path);
    return { queued, taken };
  }

  /** Up to `max` paths: first those of `wanted` still queued, then the others in order. */
  take(max: number, wanted: ReadonlySet<string> = new Set()): string[] {
    const taken: string[] = [];
    for (const path of wanted) {
      if (taken.length >= max) break;
      if (this.queued.delete(path)) taken.push(path);
    }
    while (taken.length < max && this.next < this.order.length) {
      const path = this.order[this.next++] as string;
      if (this.queued.delete(path)) taken.push(path);
    }
    return taken;
  }
}
