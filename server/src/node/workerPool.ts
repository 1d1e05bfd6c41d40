import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as nodePath from 'node:path';
import type { AnalysisOutcome } from '../core/analyze/document';
import type { ProofmarkConfig } from '../core/config/config';
import { inProcessAnalyzer, type DocumentAnalyzer } from '../core/engine';
import { NodeWorkspace } from './nodeWorkspace';
import { PoolRun, type PoolStats } from './poolRun';

export type { PoolStats } from './poolRun';

export interface WorkerPoolOptions {
  /** The bundled worker entry; by default `worker.js` beside the running bundle (dist/). */
  readonly workerScript?: string;
  /** Upper bound of workers, also capped by the cores and by one worker per 8 files. */
  readonly maxWorkers?: number;
  /** Paths per message: large enough to keep messaging cheap, small enough to balance the load. */
  readonly batchSize?: number;
  /** Below this many files, starting workers costs more than it saves: analyse in this thread. */
  readonly inProcessBelow?: number;
  /** A batch (or a single file) taking longer than this is given up, so a pathological file cannot hang the run. */
  readonly batchTimeoutMs?: number;
  /** Called after each analysis with what the pool did (for logs). */
  readonly onRunComplete?: (stats: PoolStats) => void;
}

export const POOL_DEFAULTS = {
  maxWorkers: 4,
  batchSize: 32,
  inProcessBelow: 40,
  batchTimeoutMs: 120_000,
} as const;

/** How many workers a run of `files` files gets. */
export function workerCount(files: number, maxWorkers: number = POOL_DEFAULTS.maxWorkers): number {
  return Math.max(0, Math.min(availableParallelism(), Math.floor(files / 8), maxWorkers));
}

/**
 * A DocumentAnalyzer that spreads parsing over worker threads. Each run starts its workers and
 * terminates them when it is done; a batch whose worker crashes is analysed in this thread, and
 * when the worker script is missing (running from sources) everything is.
 */
export function createWorkerPoolAnalyzer(root: string, options: WorkerPoolOptions = {}): DocumentAnalyzer {
  const workspace = new NodeWorkspace(root);
  const fallback = inProcessAnalyzer(workspace);
  const script = options.workerScript ?? nodePath.join(__dirname, 'worker.js');
  const settings = { ...POOL_DEFAULTS, ...options };
  return {
    async analyze(paths: readonly string[], config: ProofmarkConfig): Promise<AnalysisOutcome[]> {
      const workers = workerCount(paths.length, settings.maxWorkers);
      if (paths.length < settings.inProcessBelow || workers === 0 || !existsSync(script)) {
        const outcomes = await fallback.analyze(paths, config);
        options.onRunComplete?.({ workersStarted: 0, batchesByWorkers: 0, batchesInProcess: paths.length > 0 ? 1 : 0, timeouts: 0 });
        return outcomes;
      }
      const run = new PoolRun({
        script,
        setup: { root: workspace.root, config },
        paths,
        batchSize: Math.max(1, settings.batchSize),
        timeoutMs: settings.batchTimeoutMs,
        fallback: (batch) => fallback.analyze(batch, config),
      });
      const outcomes = await run.run(workers);
      options.onRunComplete?.(run.stats);
      return outcomes;
    },
  };
}
