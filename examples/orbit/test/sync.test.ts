// Example fixture for Proofmark's bundled "orbit" initiative (examples/orbit).
// It exists only so that citations such as `test/sync.test.ts` in the example
// documents resolve. It is not compiled, linted or executed.

export const SUITES = ['outbox ordering', 'store', 'kill-during-write', 'migrations', 'conflicts', 'scheduler'];
