// Example fixture for Proofmark's bundled "orbit" initiative (examples/orbit).
// It exists only so that citations such as `src/store/sqlite.ts` in the example
// documents resolve. It is not compiled, linted or executed.

export const SCHEMA_VERSION = 4;

export const TABLES = ['inspections', 'checklist_items', 'readings', 'outbox', 'schema_version'] as const;
