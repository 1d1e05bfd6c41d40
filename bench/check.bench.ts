import { spawn } from 'node:child_process';
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileConventions } from '../server/src/core/config/compiled';
import { DEFAULT_CONFIG } from '../server/src/core/config/config';
import { scopeOf, type ScopeQuestion } from '../server/src/core/project/scope';
import { corpusAvailable, corpusSkeleton, INITIATIVE_003, SKIP_REASON } from '../test/support/corpus';
import { generateWorkspace } from './generateWorkspace';

/**
 * `npm run bench`: Proofmark's full check through the CLI (a) against bare remark-parse (b) and
 * markdownlint with its default rules (c) on the same Markdown files, each in a fresh child
 * process. Wall time is measured from spawn to exit for all three; CPU time and peak RSS come
 * from the child's own process.resourceUsage(), worker threads included.
 * The last row, remark-parse + remark-gfm (full GFM; the core parses only its tables and task lists), is for diagnosis only.
 * (a), (b) and (c) run BENCH_ROUNDS times (default 2), interleaved, so that a burst of load on this
 * shared machine does not fall on one tool only: each tool's fastest round is compared, and (a)'s
 * highest peak RSS is reported. BENCH_FILES sets the size of the generated workspace (default 10000).
 * On the corpus, two questions about one initiative follow, each beside bare remark-parse over the
 * documents it reads (core/project/scope.ts), interleaved the same way: (d) `check TODO003.md` and
 * (e) `handoff TODO003.md --phase 8 --dry-run`, with their ratios to the full check (a).
 * BENCH_FILES=0 measures the corpus only. BENCH_AGAINST=DIR (the dist/ folder of an earlier
 * build, copied aside) runs that build's (a), (d) and (e) in the same rounds, each right after
 * this build's, and prints this build's wall and CPU time as ratios to it: on a shared machine a
 * change is judged side by side, never against figures measured at another time.
 */

const REPO = path.resolve(__dirname, '..');
const FILES = Number(process.env.BENCH_FILES ?? 10_000);
/** Rounds of (a), (b), (c), interleaved: each tool's best wall time is compared (and the worst peak RSS reported). */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2));
const TARGETS = { ab: 1.5, ac: 1.0, rssMb: 300, oneMs: 2000 };
/** The corpus TODO whose single-document check and Phase 8 handoff are measured. */
const TODO003 = `${INITIATIVE_003}/TODO003.md`;
/** The CLI of this build, and of the earlier build it is compared with (BENCH_AGAINST), if any. */
const CLI = path.join(REPO, 'dist/cli.js');
const AGAINST = process.env.BENCH_AGAINST ? path.join(path.resolve(process.env.BENCH_AGAINST), 'cli.js') : null;

interface Workload {
  readonly name: string;
  readonly root: string;
  readonly files: readonly string[];
  readonly bytes: number;
  /** The corpus skeleton, where one initiative's questions are measured too. */
  readonly corpus?: boolean;
}

interface Measure {
  readonly tool: string;
  readonly wallMs: number;
  /** Wall time of every round, in order. */
  readonly rounds: readonly number[];
  readonly cpuMs: number;
  readonly rssMb: number;
  readonly load: number;
}

function markdownUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory() && e.name !== '.git' && e.name !== 'node_modules') walk(path.join(dir, e.name));
      else if (e.isFile() && /\.(?:md|markdown)$/i.test(e.name)) out.push(path.join(dir, e.name));
    }
  };
  walk(root);
  return out.sort();
}

function workload(name: string, root: string, corpus = false): Workload {
  const files = markdownUnder(root);
  return { name, root, files, bytes: files.reduce((n, f) => n + statSync(f).size, 0), corpus };
}

/** Runs a child to completion; stdout is counted, not kept (the CLI's JSON can be tens of MB). */
function run(args: readonly string[]): Promise<{ wallMs: number; code: number; stdoutBytes: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdoutBytes = 0;
    let head = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (head.length < 4096) head += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ wallMs: performance.now() - started, code: code ?? -1, stdoutBytes, stdout: head, stderr }));
  });
}

function usageFrom(text: string, what: string): { cpuMs: number; maxRssKb: number } {
  const json = /\{[^\n]*"maxRssKb"[^\n]*\}/.exec(text)?.[0];
  if (json === undefined) throw new Error(`${what} reported no usage:\n${text.slice(0, 2000)}`);
  return JSON.parse(json) as { cpuMs: number; maxRssKb: number };
}

async function measure(tool: string, args: readonly string[], okCodes: readonly number[], usageIn: 'stdout' | 'stderr'): Promise<Measure> {
  const result = await run(args);
  if (!okCodes.includes(result.code)) throw new Error(`${tool} exited ${result.code}:\n${result.stderr.slice(0, 2000)}`);
  const usage = usageFrom(usageIn === 'stdout' ? result.stdout : result.stderr, tool);
  return { tool, wallMs: result.wallMs, rounds: [result.wallMs], cpuMs: usage.cpuMs, rssMb: usage.maxRssKb / 1024, load: loadavg()[0] ?? 0 };
}

/** One tool over its rounds: the fastest round's figures, the highest peak RSS of all. */
function best(rounds: readonly Measure[]): Measure {
  const fastest = rounds.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
  return { ...fastest, rounds: rounds.map((m) => m.wallMs), rssMb: Math.max(...rounds.map((m) => m.rssMb)) };
}

async function bench(w: Workload): Promise<Measure[]> {
  const list = path.join(tmpdir(), `proofmark-bench-list-${process.pid}.txt`);
  writeFileSync(list, w.files.join('\n'));
  try {
    const runs: Measure[][] = [[], [], [], []];
    const check = (cli: string): string[] => [cli, 'check', '--root', w.root, '--format', 'json', '--stats'];
    for (let round = 0; round < ROUNDS; round++) {
      runs[0]?.push(await measure('(a) proofmark check', check(CLI), [0, 1], 'stderr'));
      if (AGAINST) runs[3]?.push(await measure("(a') earlier build", check(AGAINST), [0, 1], 'stderr'));
      runs[1]?.push(await measure('(b) remark-parse', [path.join(__dirname, 'runners/remarkParse.mjs'), list], [0], 'stdout'));
      runs[2]?.push(await measure('(c) markdownlint', [path.join(__dirname, 'runners/markdownlint.mjs'), list], [0], 'stdout'));
    }
    const gfm = await measure('    remark-parse+gfm', [path.join(__dirname, 'runners/remarkParse.mjs'), list, '--gfm'], [0], 'stdout');
    return [...runs.slice(0, 3).map(best), gfm, ...(AGAINST ? [best(runs[3] ?? [])] : [])];
  } finally {
    rmSync(list, { force: true });
  }
}

/** Absolute paths of the Markdown files a question reads, as the CLI computes them. */
function scopeFiles(w: Workload, question: ScopeQuestion): string[] {
  const relative = w.files.map((f) => path.relative(w.root, f).split(path.sep).join('/'));
  return scopeOf(relative, compileConventions(DEFAULT_CONFIG.conventions), question).map((p) => path.join(w.root, p));
}

/**
 * (d) `check` of one document and (e) `handoff` of one phase, each beside remark-parse over the
 * files it reads; rounds interleaved like the full check's.
 */
async function benchOneInitiative(w: Workload): Promise<Measure[]> {
  const cli = CLI;
  const todo = path.join(w.root, TODO003);
  const lists = [scopeFiles(w, { kind: 'findings', selected: (p) => p === TODO003 }), scopeFiles(w, { kind: 'handoff', todo: TODO003, phase: '8' })].map((files, i) => {
    const list = path.join(tmpdir(), `proofmark-bench-scope${i}-${process.pid}.txt`);
    writeFileSync(list, files.join('\n'));
    return { list, files: files.length };
  });
  try {
    const runs: Measure[][] = [[], [], [], [], [], []];
    const check = (c: string): string[] => [c, 'check', '--root', w.root, todo, '--format', 'json', '--stats'];
    const handoff = (c: string): string[] => [c, 'handoff', todo, '--phase', '8', '--dry-run', '--root', w.root, '--stats'];
    for (let round = 0; round < ROUNDS; round++) {
      runs[0]?.push(await measure('(d) check TODO003.md', check(cli), [0, 1], 'stderr'));
      if (AGAINST) runs[4]?.push(await measure("(d') earlier build", check(AGAINST), [0, 1], 'stderr'));
      runs[1]?.push(await measure(`    remark, its ${lists[0]?.files ?? 0} files`, [path.join(__dirname, 'runners/remarkParse.mjs'), lists[0]?.list ?? ''], [0], 'stdout'));
      runs[2]?.push(await measure('(e) handoff phase 8', handoff(cli), [0, 1], 'stderr'));
      if (AGAINST) runs[5]?.push(await measure("(e') earlier build", handoff(AGAINST), [0, 1], 'stderr'));
      runs[3]?.push(await measure(`    remark, its ${lists[1]?.files ?? 0} files`, [path.join(__dirname, 'runners/remarkParse.mjs'), lists[1]?.list ?? ''], [0], 'stdout'));
    }
    return (AGAINST ? runs : runs.slice(0, 4)).map(best);
  } finally {
    for (const { list } of lists) rmSync(list, { force: true });
  }
}

/** This build against the earlier one (BENCH_AGAINST), fastest round of each. */
function againstLine(now: Measure | undefined, before: Measure | undefined): string[] {
  if (!now || !before) return [];
  return [`${now.tool.trim().slice(0, 3)} against the earlier build: wall ${(now.wallMs / before.wallMs).toFixed(2)}, CPU ${(now.cpuMs / before.cpuMs).toFixed(2)} (earlier: wall ${before.wallMs.toFixed(0)} ms, CPU ${before.cpuMs.toFixed(0)} ms, RSS ${before.rssMb.toFixed(0)} MB; rounds ${before.rounds.map((r) => r.toFixed(0)).join(' / ')})`];
}

function oneInitiativeTable(full: Measure, measures: readonly Measure[]): string {
  const [d, db, e, eb, dBefore, eBefore] = measures;
  if (!d || !db || !e || !eb) return '';
  const row = (m: Measure): string => `${pad(m.tool, 28)}${num(m.wallMs)}${num(m.cpuMs)}${num(m.rssMb)}${num(m.load, 1)}`;
  const ratio = (x: Measure, y: Measure): string => `${(x.wallMs / y.wallMs).toFixed(2)} (CPU ${(x.cpuMs / y.cpuMs).toFixed(2)})`;
  return [
    `\n### one initiative's question on the same workspace (${TODO003})`,
    `${pad('tool', 28)}${'wall ms'.padStart(9)}${'CPU ms'.padStart(9)}${'RSS MB'.padStart(9)}${'load1'.padStart(9)}`,
    ...[d, db, e, eb].map(row),
    `d/a ${ratio(d, full)}; d against remark-parse of the files it reads ${ratio(d, db)}; target: d within ${TARGETS.oneMs} ms`,
    `e/a ${ratio(e, full)}; e against remark-parse of the files it reads ${ratio(e, eb)}; target: e within ${TARGETS.oneMs} ms`,
    `wall ms of each round: ${[d, db, e, eb].map((m) => `${m.tool.trim().slice(0, 3)} ${m.rounds.map((r) => r.toFixed(0)).join(' / ')}`).join('; ')}`,
    ...againstLine(d, dBefore),
    ...againstLine(e, eBefore),
  ].join('\n');
}

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const num = (n: number, digits = 0): string => n.toFixed(digits).padStart(9);

function table(w: Workload, measures: readonly Measure[]): string {
  const mb = w.bytes / (1024 * 1024);
  const rows = measures.slice(0, 4).map((m) => `${pad(m.tool, 22)}${num(w.files.length)}${num(mb, 1)}${num(m.wallMs)}${num(mb / (m.wallMs / 1000), 2)}${num(m.cpuMs)}${num(m.rssMb)}${num(m.load, 1)}`);
  const [a, b, c] = measures;
  const ratios = a && b && c ? [`a/b ${(a.wallMs / b.wallMs).toFixed(2)} (target <= ${TARGETS.ab}; CPU ${(a.cpuMs / b.cpuMs).toFixed(2)})`, `a/c ${(a.wallMs / c.wallMs).toFixed(2)} (target < ${TARGETS.ac}; CPU ${(a.cpuMs / c.cpuMs).toFixed(2)})`, `peak RSS of (a) ${a.rssMb.toFixed(0)} MB (target <= ${TARGETS.rssMb} MB at 10,000 files)`] : [];
  return [
    `\n## ${w.name}: ${w.root}`,
    `${pad('tool', 22)}${'files'.padStart(9)}${'MB'.padStart(9)}${'wall ms'.padStart(9)}${'MB/s'.padStart(9)}${'CPU ms'.padStart(9)}${'RSS MB'.padStart(9)}${'load1'.padStart(9)}`,
    ...rows,
    ...ratios,
    `wall ms of each round (a, b, c interleaved; the table shows each tool's fastest): ${measures
      .slice(0, 3)
      .map((m) => `${m.tool.slice(0, 3)} ${m.rounds.map((r) => r.toFixed(0)).join(' / ')}`)
      .join('; ')}`,
    ...againstLine(a, measures[4]),
  ].join('\n');
}

async function main(): Promise<void> {
  process.stdout.write(`Proofmark benchmark: node ${process.version}, ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  process.stdout.write('Wall = spawn to exit of a fresh process; CPU = user + system of that process (all threads); load1 = 1-minute load average after the run.\n');
  const workloads: Workload[] = [];
  if (corpusAvailable()) workloads.push(workload('corpus skeleton (.md files)', corpusSkeleton(), true));
  else process.stdout.write(`corpus skipped: ${SKIP_REASON}\n`);
  if (FILES > 0) {
    const generated = generateWorkspace(FILES);
    workloads.push(workload(`generated workspace (${generated.markdownFiles} files)`, generated.root));
  }
  for (const w of workloads) {
    const measures = await bench(w);
    process.stdout.write(`${table(w, measures)}\n`);
    const full = measures[0];
    if (full && w.corpus) process.stdout.write(`${oneInitiativeTable(full, await benchOneInitiative(w))}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
