/**
 * Building blocks of generated planning documents: sentences, lists, checklists, tables, fenced
 * output, status fields and evidence lines, drawn from a seeded generator so the same seed always
 * writes the same bytes. The vocabulary is invented here; nothing is taken from the real corpus.
 */

/** mulberry32: small, fast and good enough to make benchmark inputs reproducible. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A log-normal size around `median` bytes, like the sizes of real planning documents. */
  size(median: number, sigma = 0.6): number {
    const gaussian = Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
    return Math.round(median * Math.exp(sigma * gaussian));
  }
}

const SUBJECTS = ['The upload service', 'The ingestion worker', 'The retry queue', 'The schema migration', 'The billing adapter', 'The search index', 'The auth gateway', 'The metrics pipeline', 'The staging cluster', 'The notification fan-out', 'The document parser', 'The cache layer'];
const VERBS = ['now validates', 'persists', 'streams', 'deduplicates', 'batches', 'retries', 'encrypts', 'records', 'rejects', 'reconciles', 'exports', 'throttles'];
const OBJECTS = ['incoming payloads', 'partial uploads', 'expired sessions', 'tenant quotas', 'audit events', 'vector embeddings', 'job leases', 'webhook deliveries', 'checksum mismatches', 'rate-limit windows', 'stale locks', 'dead letters'];
const TAILS = ['before the handoff', 'under load', 'across restarts', 'for every tenant', 'within the latency budget', 'behind a feature flag', 'in the nightly run', 'with structured logs', 'without manual steps', 'on the first attempt'];
export const AREAS = ['system', 'agents', 'platform', 'data', 'devops', 'security', 'frontend', 'billing'];
export const TOPICS = ['upload_refactor', 'job_queue', 'auth_migration', 'search_rework', 'observability', 'cost_controls', 'tenant_isolation', 'doc_pipeline', 'notifications', 'rag_tooling', 'cache_layer', 'release_train'];
export const MODULES = ['upload', 'queue', 'auth', 'search', 'metrics', 'billing', 'parser', 'cache', 'notify', 'storage'];
const FILES = ['service.ts', 'worker.py', 'handlers.ts', 'schema.sql', 'client.ts', 'config.yaml', 'retry.py', 'index.ts'];
const DONE = ['✅ COMPLETED', '✅', '✅ PASSED', '✅ **COMPLETED**', 'COMPLETED ✅', '✅ DONE'];
const OPEN = ['🔄 IN PROGRESS', '⏳ PENDING', '❌ BLOCKED', '🚧 PARTIAL'];

export function sentence(r: Random): string {
  return `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(TAILS)}.`;
}

export function paragraph(r: Random, sentences = r.int(2, 5)): string {
  return Array.from({ length: sentences }, () => sentence(r)).join(' ');
}

export function status(r: Random, done: boolean): string {
  return done ? r.pick(DONE) : r.pick(OPEN);
}

/** A code path that may or may not exist in the generated tree (`existing` is the list of those that do). */
export function codePath(r: Random, existing: readonly string[]): string {
  return r.chance(0.95) && existing.length > 0 ? r.pick(existing) : `src/${r.pick(MODULES)}/${r.pick(['legacy', 'v2', 'tmp'])}_${r.pick(FILES)}`;
}

export function sourceFiles(r: Random): string[] {
  return MODULES.flatMap((m) => FILES.filter(() => r.chance(0.5)).map((f) => `src/${m}/${f}`));
}

export function bullets(r: Random, count = r.int(3, 7)): string {
  return Array.from({ length: count }, () => `- ${r.chance(0.4) ? `**${r.pick(OBJECTS)}**: ` : ''}${sentence(r)}`).join('\n');
}

export function checklist(r: Random, doneShare: number, count = r.int(4, 10)): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(`- [${r.chance(doneShare) ? 'x' : ' '}] ${sentence(r)}`);
    if (r.chance(0.25)) lines.push(`  - [${r.chance(doneShare) ? 'x' : ' '}] ${sentence(r)}`);
  }
  return lines.join('\n');
}

export function table(r: Random, existing: readonly string[]): string {
  const rows = Array.from({ length: r.int(3, 8) }, () => `| ${r.pick(OBJECTS)} | ${r.chance(0.3) ? status(r, r.chance(0.8)) : r.pick(['owner', 'shared', 'n/a'])} | \`${codePath(r, existing)}\` | ${r.int(1, 400)} ms |`);
  return ['| Item | Status | Where | p95 |', '|------|--------|-------|-----|', ...rows].join('\n');
}

export function fence(r: Random): string {
  const passed = r.int(10, 300);
  const lines = Array.from({ length: r.int(3, 12) }, () => `${r.pick(['PASS', 'PASS', 'PASS', 'SKIP'])} tests/${r.pick(MODULES)}_${r.int(1, 40)}.test.ts (${r.int(3, 900)} ms)`);
  return ['```text', ...lines, `Tests: ${passed} passed, ${passed} total`, '```'].join('\n');
}

export function evidence(r: Random, existing: readonly string[]): string {
  const passed = r.int(10, 200);
  const total = passed + (r.chance(0.8) ? 0 : r.int(1, 5));
  return r.pick([
    `- Evidence: \`${codePath(r, existing)}\` and ${passed}/${total} tests passing`,
    `- Verified in \`${codePath(r, existing)}\` (commit ${r.int(0x1000000, 0xfffffff).toString(16)})`,
    `- See [the run log](https://ci.example.invalid/runs/${r.int(1000, 99999)})`,
    `- Evidence: \`${codePath(r, existing)}\` covers it, ${passed} tests passing`,
    `- Evidence: confirmed manually ${r.pick(TAILS)}`,
  ]);
}

/**
 * One section of free-form content. The mix is weighted so a document has about as many headings,
 * checkboxes, claims and references per KB as the real corpus: mostly prose and lists.
 */
export function block(r: Random, existing: readonly string[], level = 3): string {
  const heading = `${'#'.repeat(level)} ${r.pick(OBJECTS).replace(/^\w/, (c) => c.toUpperCase())}${r.chance(0.1) ? ` ${status(r, r.chance(0.8))}` : ''}`;
  const kinds: (() => string)[] = [
    () => paragraph(r, r.int(3, 8)),
    () => paragraph(r, r.int(3, 8)),
    () => `${paragraph(r, r.int(2, 6))}\n\n${paragraph(r, r.int(2, 6))}`,
    () => `${paragraph(r, 2)}\n\n${bullets(r)}`,
    () => `${paragraph(r, 1)}\n\n${fence(r)}`,
    () => `${paragraph(r, 2)}\n\n${table(r, existing)}`,
    () => (r.chance(0.5) ? `**Status**: ${status(r, r.chance(0.75))}\n${evidence(r, existing)}\n\n${paragraph(r, 3)}` : paragraph(r, 4)),
  ];
  const parts = Array.from({ length: r.int(2, 3) }, () => r.pick(kinds)());
  if (r.chance(0.1)) parts.push(checklist(r, 0.95, r.int(3, 6)));
  return `${heading}\n\n${parts.join('\n\n')}\n`;
}

/** Appends blocks until the text reaches `bytes`. */
export function fill(r: Random, start: string, bytes: number, existing: readonly string[]): string {
  const parts = [start];
  let length = Buffer.byteLength(start);
  while (length < bytes) {
    const next = block(r, existing);
    parts.push(next);
    length += Buffer.byteLength(next) + 1;
  }
  return parts.join('\n');
}
