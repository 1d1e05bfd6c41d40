import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import type { AnalysisOutcome } from '../../server/src/core/analyze/document';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { checkInBatches, checkWorkspace, inProcessAnalyzer } from '../../server/src/core/engine';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';
import { groupSize, poolCores, WorkerPool, workerCount, type PoolStats, type WorkerPoolOptions } from '../../server/src/node/workerPool';
import { buildCli, tempWorkspace } from '../support/cliHarness';

/** A stand-in worker: answers every batch with a recognisable skip, unless a path asks it to misbehave. */
const FAKE_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
  if (m.paths.some((p) => p.includes('crash'))) throw new Error('boom');
  if (m.paths.some((p) => p.includes('hang'))) return;
  if (m.paths.some((p) => p.includes('oom'))) { const hoard = []; for (;;) hoard.push(new Array(1e5).fill(hoard.length)); }
  if (m.paths.some((p) => p.includes('nonsense'))) return parentPort.postMessage({ id: m.id, outcomes: [] });
  parentPort.postMessage({ id: m.id, outcomes: m.paths.map((path) => ({ path, skipped: 'fake worker' })) });
});
`;

const TODO = '# TODO001\n\n## Phase 1: Setup ✅ COMPLETED\n\n### Progress Checklist\n\n- [x] one\n- [ ] two\n';

function workspaceOf(names: readonly string[]): { root: string; paths: string[] } {
  const files: Record<string, string> = {};
  names.forEach((name, i) => (files[name] = i % 5 === 0 ? TODO : `# Note ${i}\n\nSee \`src/missing${i}.ts\`.\n`));
  const root = tempWorkspace(files);
  writeFileSync(path.join(root, 'fake-worker.js'), FAKE_WORKER);
  writeFileSync(path.join(root, 'broken-worker.js'), 'throw new Error("cannot start");');
  return { root, paths: [...names] };
}

function numbered(count: number, name: (i: number) => string = (i) => `docs/note-${String(i).padStart(3, '0')}.md`): string[] {
  return Array.from({ length: count }, (_, i) => name(i));
}

async function analyse(root: string, paths: readonly string[], options: WorkerPoolOptions): Promise<{ outcomes: AnalysisOutcome[]; stats: PoolStats }> {
  let stats: PoolStats | undefined;
  // Batches of exactly batchSize, so that the tests know which files share a batch.
  const pool = new WorkerPool(root, { inProcessBelow: 0, batchSize: 8, batchesPerWorker: 1, maxWorkers: 2, ...options, onRunComplete: (s) => (stats = s) });
  const outcomes = await pool.analyze(paths, DEFAULT_CONFIG).finally(() => pool.dispose());
  assert.ok(stats);
  return { outcomes, stats };
}

const inProcess = (root: string, paths: readonly string[]) => inProcessAnalyzer(new NodeWorkspace(root)).analyze(paths, DEFAULT_CONFIG);
const skips = (outcomes: readonly AnalysisOutcome[]) => outcomes.map((o) => ('skipped' in o ? o.skipped : 'model'));

describe('worker pool', { timeout: 120_000 }, () => {
  let realWorker = '';
  before(async () => {
    realWorker = path.join(await buildCli(), 'worker.js');
  });

  it('gives the same outcomes as in-process analysis, in order, from its workers', async () => {
    const { root, paths } = workspaceOf(numbered(60));
    const { outcomes, stats } = await analyse(root, paths, { workerScript: realWorker, batchSize: 16 });
    assert.deepEqual(outcomes, await inProcess(root, paths));
    assert.ok(outcomes.some((o) => 'model' in o && o.model.localFindings.length > 0), 'the TODOs carry findings');
    assert.deepEqual(stats, { workersStarted: Math.min(2, poolCores()), workersReused: 0, batchesByWorkers: 4, batchesInProcess: 0, timeouts: 0 });
  });

  /** A pool of up to two real workers over batches of 8 that records the stats of every run. */
  const recordingPool = (root: string): { pool: WorkerPool; runs: PoolStats[]; workers: number } => {
    const runs: PoolStats[] = [];
    const pool = new WorkerPool(root, { workerScript: realWorker, inProcessBelow: 0, batchSize: 8, batchesPerWorker: 1, maxWorkers: 2, onRunComplete: (s) => runs.push(s) });
    return { pool, runs, workers: Math.min(2, poolCores()) };
  };

  it('cuts a short analysis into several batches per worker, so that the workers finish together', async () => {
    const { root, paths } = workspaceOf(numbered(64));
    const { outcomes, stats } = await analyse(root, paths, { workerScript: realWorker, batchSize: 32, batchesPerWorker: 4 });
    assert.deepEqual(outcomes, await inProcess(root, paths));
    const workers = Math.min(2, poolCores());
    assert.equal(stats.batchesByWorkers, Math.ceil(64 / groupSize(64, workers, { batchSize: 32, batchesPerWorker: 4 })));
    assert.equal(groupSize(64, 2, { batchSize: 32, batchesPerWorker: 4 }), 8, 'two workers: eight batches of 8, not two of 32');
    assert.equal(groupSize(1584, 2, { batchSize: 32, batchesPerWorker: 4 }), 32, 'a long run keeps the batch size');
  });

  it('keeps its workers for the next run until disposed, and restarts them for another configuration', async () => {
    const { root, paths } = workspaceOf(numbered(32));
    const { pool, runs, workers } = recordingPool(root);
    try {
      const first = await pool.analyze(paths, DEFAULT_CONFIG);
      assert.equal(pool.idleWorkers, workers);
      assert.deepEqual(await pool.analyze(paths, DEFAULT_CONFIG), first);
      const other = { ...DEFAULT_CONFIG, maxFileSize: 10 };
      const small = await pool.analyze(paths, other);
      assert.ok(small.every((o) => 'skipped' in o), 'the new configuration reached the workers');
      assert.deepEqual(
        runs.map((r) => [r.workersStarted, r.workersReused]),
        [
          [workers, 0],
          [0, workers],
          [workers, 0],
        ],
      );
    } finally {
      await pool.dispose();
    }
    assert.equal(pool.idleWorkers, 0);
    const after = await pool.analyze(paths, DEFAULT_CONFIG);
    assert.equal(runs.at(-1)?.workersStarted, 0, 'a disposed pool analyses in this thread');
    assert.deepEqual(after, await inProcess(root, paths));
  });

  it('starts the workers of an analysis ahead of it, and the analysis takes them', async () => {
    const { root, paths } = workspaceOf(numbered(24));
    const { pool, runs, workers } = recordingPool(root);
    try {
      pool.prestart(DEFAULT_CONFIG);
      pool.prestart(DEFAULT_CONFIG);
      assert.equal(pool.idleWorkers, workers, 'started once');
      assert.deepEqual(await pool.analyze(paths, DEFAULT_CONFIG), await inProcess(root, paths));
      assert.deepEqual(runs.map((r) => [r.workersStarted, r.workersReused]), [[0, workers]]);
    } finally {
      await pool.dispose();
    }
  });

  it('ends its idle workers on request and starts new ones for the next run', async () => {
    const { root, paths } = workspaceOf(numbered(24));
    const { pool, runs, workers } = recordingPool(root);
    try {
      await pool.analyze(paths, DEFAULT_CONFIG);
      await pool.releaseIdle();
      assert.equal(pool.idleWorkers, 0);
      await pool.analyze(paths, DEFAULT_CONFIG);
      assert.deepEqual(runs.map((r) => r.workersStarted), [workers, workers]);
    } finally {
      await pool.dispose();
    }
  });

  it('checks whole initiatives in its workers, answering only their findings', async () => {
    const names = [...numbered(30, (i) => `a/note-${i}.md`), 'a/TODO001.md', 'a/TODO001_phase1_notes.md', ...numbered(30, (i) => `b/note-${i}.md`), 'b/TODO002.md'];
    const { root } = workspaceOf(names);
    const workspace = new NodeWorkspace(root);
    const runs: PoolStats[] = [];
    const pool = new WorkerPool(root, { workerScript: realWorker, inProcessBelow: 0, onRunComplete: (s) => runs.push(s) });
    try {
      const inWorkers = await checkInBatches({ workspace, analyzer: pool, checker: pool, batchFiles: 16 });
      assert.equal(runs.length, 1, 'one check run, no analysis in this thread');
      assert.equal(runs[0]?.batchesByWorkers, 2, 'two initiatives of 31 and 32 documents: two batches of whole initiatives');
      assert.deepEqual(inWorkers.findings, (await checkWorkspace({ workspace })).findings);
      assert.ok(inWorkers.findings.some((f) => f.code === 'phase-done-checklist-open'), 'every fifth file is a TODO with an open checklist');
    } finally {
      await pool.dispose();
    }
  });

  it('checks in this thread the batches a worker could not check', async () => {
    const { root } = workspaceOf([...numbered(20, (i) => `a/note-${i}.md`), 'a/TODO001.md', 'b/crash.md', 'b/TODO002.md']);
    const workspace = new NodeWorkspace(root);
    const pool = new WorkerPool(root, { workerScript: path.join(root, 'fake-worker.js'), inProcessBelow: 0 });
    try {
      const checked = await pool.check([['a/TODO001.md'], ['b/crash.md', 'b/TODO002.md']], DEFAULT_CONFIG, []);
      assert.deepEqual(checked, [null, null], 'a crash, and an answer without findings, are failures');
      const batched = await checkInBatches({ workspace, analyzer: inProcessAnalyzer(workspace), checker: pool, batchFiles: 8 });
      assert.deepEqual(batched.findings, (await checkWorkspace({ workspace })).findings);
    } finally {
      await pool.dispose();
    }
  });

  it('never reads outside its root from a worker', async () => {
    const { root, paths } = workspaceOf(numbered(20));
    writeFileSync(path.join(root, '..', `outside-${path.basename(root)}.md`), TODO);
    const escaping = `../outside-${path.basename(root)}.md`;
    const { outcomes, stats } = await analyse(root, [...paths, escaping], { workerScript: realWorker });
    assert.equal(stats.batchesByWorkers, 3);
    assert.deepEqual(outcomes.at(-1), { path: escaping, skipped: 'File could not be read (missing, a directory, or no permission).' });
  });

  it('analyses in process the batch whose worker crashed, and the rest in workers', async () => {
    const { root, paths } = workspaceOf(numbered(24, (i) => (i === 10 ? 'docs/crash.md' : `docs/note-${String(i).padStart(3, '0')}.md`)));
    const { outcomes, stats } = await analyse(root, paths, { workerScript: path.join(root, 'fake-worker.js') });
    const expected = await inProcess(root, paths);
    assert.deepEqual(outcomes.slice(8, 16), expected.slice(8, 16));
    assert.deepEqual(skips(outcomes.slice(0, 8)), Array(8).fill('fake worker'));
    assert.deepEqual(skips(outcomes.slice(16)), Array(8).fill('fake worker'));
    assert.equal(stats.batchesInProcess, 1);
  });

  it('replaces a crashed worker, so that a run of one worker goes on in a worker', async () => {
    const { root, paths } = workspaceOf(numbered(24, (i) => (i === 10 ? 'docs/crash.md' : `docs/note-${String(i).padStart(3, '0')}.md`)));
    const { outcomes, stats } = await analyse(root, paths, { workerScript: path.join(root, 'fake-worker.js'), maxWorkers: 1 });
    assert.deepEqual(outcomes.slice(8, 16), (await inProcess(root, paths)).slice(8, 16), 'the batch that crashed, in this thread');
    assert.deepEqual(skips(outcomes.slice(16)), Array(8).fill('fake worker'), 'the batch after it, in the new worker');
    assert.deepEqual([stats.workersStarted, stats.batchesInProcess], [2, 1]);
  });

  it('treats an answer that does not fit the batch as a crash', async () => {
    const { root, paths } = workspaceOf(numbered(16, (i) => (i === 3 ? 'docs/nonsense.md' : `docs/n-${i}.md`)));
    const { outcomes, stats } = await analyse(root, paths, { workerScript: path.join(root, 'fake-worker.js') });
    assert.deepEqual(outcomes.slice(0, 8), (await inProcess(root, paths)).slice(0, 8));
    assert.deepEqual(skips(outcomes.slice(8)), Array(8).fill('fake worker'));
    assert.equal(stats.batchesInProcess, 1);
  });

  it('analyses everything in process when no worker can start', async () => {
    const { root, paths } = workspaceOf(numbered(30));
    const { outcomes, stats } = await analyse(root, paths, { workerScript: path.join(root, 'broken-worker.js') });
    assert.deepEqual(outcomes, await inProcess(root, paths));
    assert.equal(stats.batchesByWorkers, 0);
  });

  it('gives up on a file that hangs past its own budget, after retrying its batch file by file', async () => {
    // The hang never ends, so the pool must give up on it whatever the budgets; they only need to
    // leave the other files (each timed from its dispatch, a fresh worker's start-up included) room
    // on a loaded machine: with 0.5 s per file, a worker started under load timed out a sound file.
    const { root, paths } = workspaceOf(numbered(16, (i) => (i === 5 ? 'docs/hang.md' : `docs/n-${i}.md`)));
    const { outcomes, stats } = await analyse(root, paths, { workerScript: path.join(root, 'fake-worker.js'), batchTimeoutMs: 3000, fileTimeoutMs: 3000 });
    const expected = paths.map((p) => (p === 'docs/hang.md' ? 'Analysis did not finish within 3 s; not analysed.' : 'fake worker'));
    assert.deepEqual(skips(outcomes), expected);
    assert.equal(stats.timeouts, 2, 'the batch, then the file alone');
  });

  it('gives up on a file that runs its worker out of memory, never retrying it in this thread', async () => {
    const { root, paths } = workspaceOf(numbered(16, (i) => (i === 3 ? 'docs/oom.md' : `docs/n-${i}.md`)));
    const { outcomes, stats } = await analyse(root, paths, { workerScript: path.join(root, 'fake-worker.js'), resourceLimits: { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 4 } });
    const expected = paths.map((p) => (p === 'docs/oom.md' ? 'Analysis ran out of memory; not analysed.' : 'fake worker'));
    assert.deepEqual(skips(outcomes), expected);
    assert.equal(stats.batchesInProcess, 0);
    assert.equal(stats.timeouts, 2, 'the batch, then the file alone');
  });

  it('does not start workers for a small run or when the worker script is missing', async () => {
    const { root, paths } = workspaceOf(numbered(30));
    assert.equal((await analyse(root, paths, { workerScript: realWorker, inProcessBelow: 40 })).stats.workersStarted, 0);
    const missing = await analyse(root, paths, { workerScript: path.join(root, 'no-such-worker.js') });
    assert.equal(missing.stats.workersStarted, 0);
    assert.deepEqual(missing.outcomes, await inProcess(root, paths));
  });

  it('sizes the pool by cores, files and the cap', () => {
    assert.equal(poolCores(), Math.max(1, availableParallelism() - 1), 'one core is left to V8');
    assert.equal(workerCount(7), 0);
    assert.equal(workerCount(16, 4), Math.min(2, poolCores()));
    assert.equal(workerCount(10_000, 4), Math.min(4, poolCores()));
    assert.equal(workerCount(10_000, 1), 1);
  });
});
