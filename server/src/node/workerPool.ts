import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as nodePath from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { AnalysisOutcome } from '../core/analyze/document';
import type { ProofmarkConfig } from '../core/config/config';
import { inProcessAnalyzer, type BatchChecker, type DocumentAnalyzer } from '../core/engine';
import type { Finding } from '../core/findings/finding';
import { NodeWorkspace } from './nodeWorkspace';
import { PoolRun, type LentWorker, type PoolRunOptions, type PoolStats } from './poolRun';
import type { WorkerSetup } from './workerProtocol';

export type { PoolStats } from './poolRun';

export interface WorkerPoolOptions {
  /** The bundled worker entry; by default `worker.js` beside the running bundle (dist/). */
  readonly workerScript?: string;
  /** Upper bound of workers, also capped by the cores and by one worker per 8 files. */
  readonly maxWorkers?: number;
  /** Paths per message: large enough to keep messaging cheap, small enough to balance the load. */
  readonly batchSize?: number;
  /**
   * An analysis is cut into at least this many batches per worker (smaller than batchSize when the
   * run is short), so that the workers finish together: in batches of 32, a handoff's 64 documents
   * went one half to each worker, and the worker with the larger TODO parsed on alone.
   */
  readonly batchesPerWorker?: number;
  /** Below this many files, starting workers costs more than it saves: analyse in this thread. */
  readonly inProcessBelow?: number;
  /** A batch taking longer than this has its worker ended and is retried file by file (analysis) or handed back (check). */
  readonly batchTimeoutMs?: number;
  /**
   * The time budget of one file retried alone: past it, its worker is ended and the file is
   * reported as not analysed, so a pathological file cannot hold the run (the others go on).
   */
  readonly fileTimeoutMs?: number;
  /** Idle workers are terminated after this long without work (they never keep the process alive). */
  readonly idleMs?: number;
  /**
   * Heap limits of each worker. By default only the young generation is capped, at 16 MB: parsing
   * allocates fast and V8 lets each worker's young generation grow well beyond that (measured on
   * 600 generated files: peak RSS 255–282 MB uncapped, 219–227 MB at 16 MB, same CPU time), while
   * smaller caps cost collection time (with asynchronous reads, 12 MB and 8 MB nearly doubled the
   * CPU time; with the synchronous reads of today, 12 MB costs about 10% on 2,000 generated files
   * and saves 20–25 MB; capping the old generation, even at 512 MB, added 40%).
   */
  readonly resourceLimits?: ResourceLimits;
  /** Called after each analysis with what the pool did (for logs). */
  readonly onRunComplete?: (stats: PoolStats) => void;
}

export const POOL_DEFAULTS = {
  maxWorkers: 4,
  batchSize: 32,
  batchesPerWorker: 4,
  inProcessBelow: 40,
  // A batch of 32 ordinary files takes well under a second, and one file (within the parse budget of
  // core/parse/parseCost.ts) about 2 s at most: both leave a wide margin for a loaded machine.
  batchTimeoutMs: 30_000,
  fileTimeoutMs: 10_000,
  idleMs: 30_000,
  resourceLimits: { maxYoungGenerationSizeMb: 16 },
} as const;

/**
 * The workers a machine can keep busy: one core is left to V8's own threads. A worker that parses
 * keeps about one and a half cores busy, its own and V8's compiler and collector threads (measured
 * per thread on the corpus: 5.0 s in each of two workers and 7.5 s in V8's threads; with one
 * worker, 8.7 s in it and 5.5 s in V8's threads): each worker compiles and warms up the parser for
 * itself. On two cores, one worker against two, side by side on the corpus: the full check costs
 * 12-17% less CPU (13.9-16.8 s against 15.6-19.7 s) and 30% less peak RSS (190 against 275 MB),
 * for 16-19% more wall time when the machine is otherwise idle (9.6 against 8.1 s; the same under
 * load); the phase-8 handoff, whose documents are too few to pay for a second warm-up, costs 30%
 * less CPU and 17% less wall time.
 */
export function poolCores(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** How many workers a run of `files` files gets. */
export function workerCount(files: number, maxWorkers: number = POOL_DEFAULTS.maxWorkers): number {
  return Math.max(0, Math.min(poolCores(), Math.floor(files / 8), maxWorkers));
}

/** Paths per batch of an analysis of `files` files over `workers` workers (see batchesPerWorker). */
export function groupSize(files: number, workers: number, settings: { readonly batchSize: number; readonly batchesPerWorker: number }): number {
  const spread = Math.ceil(files / (Math.max(1, workers) * Math.max(1, settings.batchesPerWorker)));
  return Math.max(1, Math.min(settings.batchSize, spread));
}

interface Pooled {
  readonly worker: Worker;
  /** The configuration it was started with, as JSON: a worker only serves runs with the same. */
  readonly setupKey: string;
}

/**
 * A DocumentAnalyzer that spreads parsing over worker threads. Workers are started on demand and
 * kept between runs (for a run of batches, or the language server's next index) until they have
 * been idle for `idleMs` or the pool is disposed; a worker's heap is its own, so a run over many
 * files never holds more than the models it returns. A batch whose worker crashes is analysed in
 * this thread, and when the worker script is missing (running from sources) everything is. Runs
 * are served one at a time, in order.
 */
export class WorkerPool implements DocumentAnalyzer, BatchChecker {
  private readonly workspace: NodeWorkspace;
  private readonly fallback: DocumentAnalyzer;
  private readonly script: string;
  private readonly settings: Required<Pick<WorkerPoolOptions, keyof typeof POOL_DEFAULTS>> & WorkerPoolOptions;
  private idle: Pooled[] = [];
  private readonly lent = new Map<Worker, Pooled>();
  private idleTimer: NodeJS.Timeout | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(root: string, options: WorkerPoolOptions = {}) {
    this.workspace = new NodeWorkspace(root);
    this.fallback = inProcessAnalyzer(this.workspace);
    this.script = options.workerScript ?? nodePath.join(__dirname, 'worker.js');
    this.settings = { ...POOL_DEFAULTS, ...options };
  }

  /** Workers alive and waiting for work (for tests and logs). */
  get idleWorkers(): number {
    return this.idle.length;
  }

  analyze(paths: readonly string[], config: ProofmarkConfig): Promise<AnalysisOutcome[]> {
    return this.serve(async () => {
      const workers = this.usableWorkers(paths.length);
      if (workers === 0) return this.inThread(paths, config);
      const size = groupSize(paths.length, workers, this.settings);
      const groups: string[][] = [];
      for (let i = 0; i < paths.length; i += size) groups.push(paths.slice(i, i + size));
      const results = await this.run<AnalysisOutcome[]>(workers, this.analysisSetup(config), {
        groups,
        check: false,
        fromReply: (reply) => ('outcomes' in reply ? [...reply.outcomes] : []),
        fallback: (batch) => this.fallback.analyze(batch, config),
        isolateOnTimeout: true,
        failed: (batch, reason) => batch.map((path) => ({ path, skipped: reason })),
        merge: (parts) => parts.flat(),
      });
      return results.flat();
    });
  }

  /**
   * Checks batches of whole initiatives in the workers (see BatchChecker): each worker analyses a
   * batch against the full file list, runs the rules and answers with the findings only. A batch
   * whose worker failed or hung comes back as null, for the caller to check another way.
   */
  check(batches: readonly (readonly string[])[], config: ProofmarkConfig, files: readonly string[]): Promise<(readonly Finding[] | null)[]> {
    return this.serve(async () => {
      const workers = this.usableWorkers(batches.reduce((n, b) => n + b.length, 0));
      if (workers === 0) return batches.map(() => null);
      return this.run<readonly Finding[] | null>(workers, { root: this.workspace.root, config, files }, {
        groups: batches,
        check: true,
        fromReply: (reply) => ('findings' in reply ? reply.findings : null),
        fallback: async () => null,
        isolateOnTimeout: false,
        failed: () => null,
        merge: (parts) => (parts.every((p) => p !== null) ? parts.flat() : null),
      });
    });
  }

  /**
   * Starts the workers an analysis with this configuration will take, before it is asked for, so
   * that they start while the caller lists the workspace (a handoff: about 100 ms of its wall time).
   * They wait idle like workers kept from a run; a run that stays in this thread leaves them to
   * `dispose` or the idle timer.
   */
  prestart(config: ProofmarkConfig): void {
    if (this.disposed || !existsSync(this.script)) return;
    const setup = this.analysisSetup(config);
    const setupKey = JSON.stringify(setup);
    const ready = this.idle.filter((p) => p.setupKey === setupKey).length;
    for (let i = ready; i < Math.min(poolCores(), this.settings.maxWorkers); i++) {
      const pooled = this.startWorker(setup, setupKey);
      if (pooled === null) break;
      pooled.worker.unref();
      this.idle.push(pooled);
    }
    this.startIdleTimer();
  }

  private analysisSetup(config: ProofmarkConfig): WorkerSetup {
    return { root: this.workspace.root, config };
  }

  /** Terminates the idle workers; later runs analyse in this thread. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.releaseIdle();
  }

  /** Runs are served one at a time, in order. */
  private serve<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** How many workers a run over `files` files may use; 0 to stay in this thread. */
  private usableWorkers(files: number): number {
    if (this.disposed || files < this.settings.inProcessBelow || !existsSync(this.script)) return 0;
    return workerCount(files, this.settings.maxWorkers);
  }

  private async inThread(paths: readonly string[], config: ProofmarkConfig): Promise<AnalysisOutcome[]> {
    const outcomes = await this.fallback.analyze(paths, config);
    this.settings.onRunComplete?.({ workersStarted: 0, workersReused: 0, batchesByWorkers: 0, batchesInProcess: paths.length > 0 ? 1 : 0, timeouts: 0 });
    return outcomes;
  }

  private async run<R>(workers: number, setup: WorkerSetup, options: Omit<PoolRunOptions<R>, 'timeoutMs' | 'acquire' | 'release'>): Promise<R[]> {
    this.stopIdleTimer();
    const setupKey = JSON.stringify(setup);
    const run = new PoolRun<R>({
      ...options,
      timeoutMs: this.settings.batchTimeoutMs,
      fileTimeoutMs: this.settings.fileTimeoutMs,
      acquire: () => this.acquire(setup, setupKey),
      release: (worker, healthy) => this.release(worker, healthy),
    });
    const results = await run.run(workers);
    this.settings.onRunComplete?.(run.stats);
    this.startIdleTimer();
    return results;
  }

  private acquire(setup: WorkerSetup, setupKey: string): LentWorker | null {
    const stale = this.idle.filter((p) => p.setupKey !== setupKey);
    for (const p of stale) void p.worker.terminate().catch(() => undefined);
    this.idle = this.idle.filter((p) => p.setupKey === setupKey);
    const kept = this.idle.pop();
    if (kept) {
      kept.worker.ref();
      this.lent.set(kept.worker, kept);
      return { worker: kept.worker, fresh: false };
    }
    const pooled = this.startWorker(setup, setupKey);
    if (pooled === null) return null;
    this.lent.set(pooled.worker, pooled);
    return { worker: pooled.worker, fresh: true };
  }

  private startWorker(setup: WorkerSetup, setupKey: string): Pooled | null {
    let worker: Worker;
    try {
      worker = new Worker(this.script, { workerData: setup, resourceLimits: this.settings.resourceLimits });
    } catch {
      return null;
    }
    const pooled: Pooled = { worker, setupKey };
    // An idle worker that dies leaves the pool; the run that holds a worker has its own listeners.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      this.idle = this.idle.filter((p) => p !== pooled);
      this.lent.delete(worker);
    });
    return pooled;
  }

  private async release(worker: Worker, healthy: boolean): Promise<void> {
    const pooled = this.lent.get(worker);
    this.lent.delete(worker);
    if (!healthy || pooled === undefined || this.disposed) {
      await worker.terminate();
      return;
    }
    worker.unref();
    this.idle.push(pooled);
  }

  private startIdleTimer(): void {
    this.stopIdleTimer();
    if (this.idle.length === 0) return;
    this.idleTimer = setTimeout(() => void this.releaseIdle(), this.settings.idleMs);
    this.idleTimer.unref();
  }

  private stopIdleTimer(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** Terminates the idle workers now, giving their memory back; the pool stays usable. */
  async releaseIdle(): Promise<void> {
    this.stopIdleTimer();
    const idle = this.idle;
    this.idle = [];
    await Promise.all(idle.map((p) => p.worker.terminate().catch(() => undefined)));
  }
}
