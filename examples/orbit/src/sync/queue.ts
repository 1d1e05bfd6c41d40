// Example fixture for Proofmark's bundled "orbit" initiative (examples/orbit).
// It exists only so that citations such as `src/sync/queue.ts` in the example
// documents resolve. It is not compiled, linted or executed.

export interface OutboxEntry {
  editId: string;
  recordId: string;
  seq: number;
  baseRev: number;
}

export function nextInOrder(entries: OutboxEntry[]): OutboxEntry[] {
  return [...entries].sort((a, b) => a.seq - b.seq);
}
