/**
 * Language-server benchmark on the real corpus, as an editor starts it: the active document
 * (TODO003.md) is opened right after `initialized`, and the bench reports the time to its first
 * diagnostics (its initiative is indexed first) and to the complete index, cold, then warm from the
 * model cache, with the server's peak RSS; then the latency from a one-character didChange in
 * TODO003.md to its fresh diagnostics, next to a plain remark-parse + remark-gfm parse of the same
 * file measured in this run, and an editor's start with and without the open document named to the
 * server at its fork (bench/editorStart.ts). Then the same starts on the generated workspace (BENCH_FILES files,
 * default 10000; 0 skips it), its first TODO active. Last, the heavy documents of
 * test/support/heavyShapes.ts, each alone in a workspace: the server's time and peak RSS next to
 * bare remark-parse of the same text (BENCH_HEAVY=0 skips them). BENCH_CORPUS=0 skips the corpus.
 * The default diagnostics scope applies (the open initiative); the CLI's full check is the baseline.
 * Figures are reported, never asserted: the machines are shared.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, watch } from 'node:fs';
import * as path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { analyzeText } from '../server/src/core/analyze/document';
import { DEFAULT_CONFIG } from '../server/src/core/config/config';
import { ModelCache } from '../server/src/lsp/cache';
import { TestClient, uriOf } from '../test/protocol/support/client';
import { tempDir } from '../test/protocol/support/fixtures';
import { corpusAvailable, corpusSkeleton, INITIATIVE_003, SKIP_REASON } from '../test/support/corpus';
import { editorStarts } from './editorStart';
import { generateWorkspace } from './generateWorkspace';
import { heavyTable, measureHeavyDocuments } from './heavyDocuments';

const EDITS = Number(process.env.BENCH_EDITS ?? 200);
const FILES = Number(process.env.BENCH_FILES ?? 10_000);
const HEAVY = process.env.BENCH_HEAVY !== '0';
const CORPUS = process.env.BENCH_CORPUS !== '0';
/** When VS Code's extension host sends `initialize` after forking the server, for the editor-start rows (0.2–0.9 s seen in code-server). */
const EDITOR_INITIALIZE_AFTER_MS = 600;

function peakRss(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return Number.NaN;
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function printRows(title: string, rows: readonly (readonly [string, string])[]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`\n## ${title}\n${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\n`);
}

const ms = (n: number): string => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

/** The CLI's full check of the same folder, spawn to exit: the baseline of the cold index. */
function cliCheck(root: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.resolve(__dirname, '../dist/cli.js'), 'check', '--root', root, '--format', 'json'], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 || code === 1 ? resolve(performance.now() - started) : reject(new Error(`proofmark check exited ${code}`))));
  });
}

interface Startup {
  readonly client: TestClient;
  /** initialized → the first diagnostics of the active document. */
  readonly firstMs: number;
  /** initialized → every folder indexed (`proofmark/indexStatus` ready). */
  readonly indexMs: number;
}

/** Starts the server, opens the active document at once, and times its first diagnostics and the complete index. */
async function startup(root: string, storage: string, active: string): Promise<Startup> {
  // TestClient.start resolves once `initialized` is sent.
  const client = await TestClient.start({ roots: [root], storagePath: storage, debounceMs: 0, scope: null });
  const initialized = performance.now();
  const uri = await client.open(active);
  const died = serverExit(client);
  const first = client.published(uri, (p) => p.diagnostics.length > 0).then(() => performance.now() - initialized);
  await Promise.race([client.ready([root]), died]);
  const indexMs = performance.now() - initialized;
  return { client, firstMs: await Promise.race([first, died]), indexMs };
}

/**
 * Rejects when the server exits, with the end of its stderr. A wait for a notification that never
 * comes holds no handle: without this, a server that crashes (out of memory on a large workspace)
 * lets the event loop empty and the bench end with exit code 0 and nothing printed.
 */
function serverExit(client: TestClient): Promise<never> {
  const died = new Promise<never>((_, reject) => {
    client.process.once('exit', (code, signal) => reject(new Error(`the server exited (${signal ?? code}) before it answered:\n${client.stderr.slice(-3000)}`)));
  });
  // Awaited only in a race; a server stopped after the race must not count as unhandled.
  died.catch(() => undefined);
  return died;
}

async function corpus(): Promise<void> {
  if (!corpusAvailable()) {
    process.stdout.write(`skipped: ${SKIP_REASON}\n`);
    return;
  }
  const root = corpusSkeleton();
  const storage = tempDir('proofmark-bench-storage-');
  const file = path.join(root, INITIATIVE_003, 'TODO003.md');
  const text = readFileSync(file, 'utf8');

  const cli = await cliCheck(root);
  const cold = await startup(root, storage, file);
  const coldRss = peakRss(cold.client.process.pid);
  const files = cold.client.latestPublished().size;
  await cold.client.stop();

  const warm = await startup(root, storage, file);
  const client = warm.client;
  const uri = uriOf(file);
  const lines = text.split('\n');
  const latencies: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    // Alternately add and remove one space at the end of a line spread over the document.
    const line = Math.floor(((i >> 1) * 7919) % lines.length);
    const character = (lines[line] ?? '').length;
    const insert = i % 2 === 0;
    const mark = client.mark();
    const t = performance.now();
    const version = await client.change(uri, insert ? { range: { start: { line, character }, end: { line, character } }, text: ' ' } : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' });
    await client.published(uri, (p) => p.version === version, mark);
    latencies.push(performance.now() - t);
  }
  const warmRss = peakRss(client.process.pid);
  await client.stop();

  const processor = unified().use(remarkParse).use(remarkGfm);
  const parses: number[] = [];
  const analyses: number[] = [];
  for (let i = 0; i < 20; i++) {
    let t = performance.now();
    processor.parse(text);
    parses.push(performance.now() - t);
    t = performance.now();
    analyzeText(`${INITIATIVE_003}/TODO003.md`, text, DEFAULT_CONFIG);
    analyses.push(performance.now() - t);
  }

  const editor = await editorStarts(root, file, EDITOR_INITIALIZE_AFTER_MS, 3);

  const rows: [string, string][] = [
    ['files with diagnostics (the open initiative)', String(files)],
    ['proofmark check (CLI) of the same folder, spawn to exit', ms(cli)],
    ...startRows(cold, warm, cli, 'target ≤ 2 s cold'),
    [
      `editor start, initialize ${EDITOR_INITIALIZE_AFTER_MS} ms after fork: fork → first diagnostics, cold, without / with the hint (median of 3)`,
      `${ms(editor.without)} / ${ms(editor.hinted)} (${(editor.hinted / editor.without).toFixed(2)}×)`,
    ],
    ['server peak RSS, cold start', `${coldRss.toFixed(0)} MB (target ≤ 200 MB)`],
    ['server peak RSS, warm start + edits', `${warmRss.toFixed(0)} MB (target ≤ 200 MB)`],
    [`didChange → fresh diagnostics, TODO003.md (${text.length} chars), p50`, ms(percentile(latencies, 50))],
    [`didChange → fresh diagnostics, p95 (${EDITS} edits)`, ms(percentile(latencies, 95))],
    ['remark-parse + remark-gfm parse of TODO003.md, p50', ms(percentile(parses, 50))],
    ['core analyzeText of TODO003.md (in this process), p50', ms(percentile(analyses, 50))],
  ];
  printRows(`corpus skeleton: ${root}`, rows);
}

async function main(): Promise<void> {
  if (CORPUS) await corpus();
  if (FILES > 0) await generated(FILES);
  if (HEAVY) await heavy();
}

/** The rows of a cold and a warm start: first diagnostics of the active document, then the complete index. */
function startRows(cold: Startup, warm: Startup, cli: number, target: string): [string, string][] {
  return [
    ['initialized → first diagnostics of the active document, cold', `${ms(cold.firstMs)} (${(cold.firstMs / cli).toFixed(2)}× the CLI's full check; ${target})`],
    ['initialized → complete index, cold', `${ms(cold.indexMs)} (${(cold.indexMs / cli).toFixed(2)}× the CLI)`],
    ['initialized → first diagnostics of the active document, warm (cache)', ms(warm.firstMs)],
    ['initialized → complete index, warm (cache)', `${ms(warm.indexMs)} (${((100 * warm.indexMs) / cold.indexMs).toFixed(0)}% of cold)`],
  ];
}

async function heavy(): Promise<void> {
  const measures = await measureHeavyDocuments();
  process.stdout.write(`\n## heavy documents, each alone (target: ≤ ~2 s and ≤ ~200 MB in the server, or file-skipped)\n${heavyTable(measures)}\n`);
}

/**
 * Resolves once the server has written its model cache for the root (lsp/cache.ts renames the
 * finished file into place after the index is ready), so the peak RSS read next includes the write.
 */
function cacheWritten(storage: string, root: string): Promise<void> {
  const file = ModelCache.fileFor(storage, uriOf(root));
  if (file === null || existsSync(file)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      if (!existsSync(file)) return;
      watcher.close();
      resolve();
    };
    const watcher = watch(path.dirname(file), done);
    done();
  });
}

/** Cold and warm starts on the generated workspace: the same measures, at scale. */
async function generated(count: number): Promise<void> {
  const workspace = generateWorkspace(count);
  const storage = tempDir('proofmark-bench-storage-');
  const active = firstTodo(workspace.root);
  const cli = await cliCheck(workspace.root);
  const cold = await startup(workspace.root, storage, active);
  const coldRss = peakRss(cold.client.process.pid);
  const files = cold.client.latestPublished().size;
  await cacheWritten(storage, workspace.root);
  const writtenRss = peakRss(cold.client.process.pid);
  await cold.client.stop();
  const warm = await startup(workspace.root, storage, active);
  const warmRss = peakRss(warm.client.process.pid);
  await warm.client.stop();
  const rows: [string, string][] = [
    ['active document', path.relative(workspace.root, active)],
    ['files with diagnostics (the open initiative)', String(files)],
    ['proofmark check (CLI) of the same folder, spawn to exit', ms(cli)],
    ...startRows(cold, warm, cli, 'target ≤ 2 s cold'),
    ['server peak RSS, cold start (at ready)', `${coldRss.toFixed(0)} MB (target ≤ 400 MB)`],
    ['server peak RSS, cold start (model cache written)', `${writtenRss.toFixed(0)} MB (target ≤ 400 MB)`],
    ['server peak RSS, warm start', `${warmRss.toFixed(0)} MB`],
  ];
  printRows(`generated workspace: ${workspace.markdownFiles} files, ${(workspace.markdownBytes / 1048576).toFixed(1)} MB`, rows);
}

/** The first TODO of the generated workspace (folders in name order): the active document. */
function firstTodo(root: string): string {
  const search = (dir: string): string | null => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    const todo = entries.find((e) => e.isFile() && /^TODO\d+\.md$/.test(e.name));
    if (todo) return path.join(dir, todo.name);
    for (const e of entries) {
      const found = e.isDirectory() ? search(path.join(dir, e.name)) : null;
      if (found) return found;
    }
    return null;
  };
  const found = search(root);
  if (!found) throw new Error(`no TODO in ${root}`);
  return found;
}

let finished = false;
// Any other wait that never settles empties the event loop too: say so rather than end in silence.
process.on('exit', () => {
  if (finished) return;
  process.stderr.write('lsp.bench: ended before reporting every figure (a wait never settled; see above)\n');
  process.exitCode = 1;
});
main()
  .then(() => (finished = true))
  .catch((error: unknown) => {
    finished = true;
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
