// Example fixture for Proofmark's bundled "orbit" initiative (examples/orbit).
// It exists only so that citations such as `src/sync/conflicts.ts` in the example
// documents resolve. It is not compiled, linted or executed.

export type Resolution = 'merged' | 'review';

export function mergeFields(local: Set<string>, remote: Set<string>): Resolution {
  for (const field of local) if (remote.has(field)) return 'review';
  return 'merged';
}
