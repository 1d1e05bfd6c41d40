import type { Worker } from 'node:worker_threads';
import type { AnalysisOutcome } from '../core/analyze/document';
import { isReplyTo, type BatchRequest } from './workerProtocol';

/** A worker lent to a run by the pool: `fresh` when it was started for this run. */
export interface LentWorker {
  readonly worker: Worker;
  readonly fresh: boolean;
}

export interface PoolRunOptions {
  readonly paths: readonly string[];
  readonly batchSize: number;
  readonly timeoutMs: number;
  /** A worker ready for batches (idle or newly started), or null when none can start. */
  readonly acquire: () => LentWorker | null;
  /** Gives a worker back: to be kept for later runs when healthy, terminated when it crashed or hung. */
  readonly release: (worker: Worker, healthy: boolean) => Promise<void>;
  /** Analyses a batch in this thread, when its worker crashed or answered nonsense. */
  readonly fallback: (paths: readonly string[]) => Promise<AnalysisOutcome[]>;
}

interface Batch {
  readonly request: BatchRequest;
  /** Indexes of the batch's paths in the run. */
  readonly indexes: readonly number[];
  /** A single file split off a batch that timed out: if it times out too, it is the culprit. */
  readonly isolated: boolean;
}

interface Slot {
  readonly worker: Worker;
  /** The listeners this run attached, removed when the worker goes back to the pool. */
  readonly listeners: readonly (readonly [event: string, listener: (value: unknown) => void])[];
  batch: Batch | null;
  timer: NodeJS.Timeout | null;
  alive: boolean;
}

type Failure = 'crash' | 'timeout';

/** What happened during a run, for logs and tests. */
export interface PoolStats {
  /** Workers started for this run. */
  readonly workersStarted: number;
  /** Workers kept from an earlier run. */
  readonly workersReused: number;
  /** Batches answered by a worker. */
  readonly batchesByWorkers: number;
  /** Batches analysed in this thread after a worker failed. */
  readonly batchesInProcess: number;
  /** Batches and single files given up on after the timeout. */
  readonly timeouts: number;
}

/**
 * One analysis over worker threads lent by the pool: a queue of batches, one in flight per
 * worker. Every path ends with an outcome: from its worker, from the in-process fallback after a
 * crash, or a skip reason after a timeout; so the run always settles. Healthy workers go back to
 * the pool, failed ones are terminated before the run resolves.
 */
export class PoolRun {
  private readonly results: (AnalysisOutcome | undefined)[];
  private readonly queue: Batch[] = [];
  private readonly slots = new Set<Slot>();
  private readonly releases: Promise<unknown>[] = [];
  private fallbacksRunning = 0;
  private nextId = 0;
  private finished = false;
  private resolve: (outcomes: AnalysisOutcome[]) => void = () => undefined;
  private readonly counts = { workersStarted: 0, workersReused: 0, batchesByWorkers: 0, batchesInProcess: 0, timeouts: 0 };

  get stats(): PoolStats {
    return { ...this.counts };
  }

  constructor(private readonly options: PoolRunOptions) {
    const count = options.paths.length;
    this.results = new Array<AnalysisOutcome | undefined>(count);
    for (let start = 0; start < count; start += options.batchSize) {
      const indexes: number[] = [];
      for (let i = start; i < Math.min(count, start + options.batchSize); i++) indexes.push(i);
      this.queue.push(this.batch(indexes, false));
    }
  }

  run(workers: number): Promise<AnalysisOutcome[]> {
    return new Promise((resolve) => {
      this.resolve = resolve;
      for (let i = 0; i < workers && this.queue.length > 0; i++) this.spawn();
      if (this.slots.size === 0 && this.queue.length > 0) this.drainInProcess();
      this.settle();
    });
  }

  private batch(indexes: readonly number[], isolated: boolean): Batch {
    const paths = indexes.map((i) => this.options.paths[i] ?? '');
    return { request: { id: this.nextId++, paths }, indexes, isolated };
  }

  private spawn(): void {
    const lent = this.options.acquire();
    if (lent === null) return;
    if (lent.fresh) this.counts.workersStarted++;
    else this.counts.workersReused++;
    const listeners: [string, (value: unknown) => void][] = [];
    const slot: Slot = { worker: lent.worker, listeners, batch: null, timer: null, alive: true };
    listeners.push(['message', (message) => this.onMessage(slot, message)], ['messageerror', () => this.fail(slot, 'crash')], ['error', () => this.fail(slot, 'crash')], ['exit', () => this.fail(slot, 'crash')]);
    for (const [event, listener] of listeners) lent.worker.on(event, listener);
    this.slots.add(slot);
    this.dispatch(slot);
  }

  private dispatch(slot: Slot): void {
    const batch = this.queue.shift();
    if (batch === undefined) {
      this.retire(slot, true);
      return;
    }
    slot.batch = batch;
    slot.timer = setTimeout(() => this.fail(slot, 'timeout'), this.options.timeoutMs);
    slot.worker.postMessage(batch.request);
  }

  private onMessage(slot: Slot, message: unknown): void {
    const batch = slot.batch;
    if (!slot.alive || batch === null) return;
    if (!isReplyTo(message, batch.request)) {
      this.fail(slot, 'crash');
      return;
    }
    this.stopTimer(slot);
    slot.batch = null;
    if ('error' in message) this.runFallback(batch);
    else {
      this.counts.batchesByWorkers++;
      message.outcomes.forEach((outcome, k) => this.store(batch.indexes[k], outcome));
    }
    this.dispatch(slot);
    this.settle();
  }

  private fail(slot: Slot, failure: Failure): void {
    if (!slot.alive) return;
    const batch = slot.batch;
    this.retire(slot, false);
    if (batch !== null) {
      if (failure === 'crash') this.runFallback(batch);
      else this.timedOut(batch);
    }
    if (this.slots.size === 0 && this.queue.length > 0) this.drainInProcess();
    this.settle();
  }

  /** A timed-out batch is retried file by file on another worker, so only the file that hangs is given up. */
  private timedOut(batch: Batch): void {
    this.counts.timeouts++;
    if (batch.isolated) {
      const seconds = Math.round(this.options.timeoutMs / 1000);
      batch.request.paths.forEach((path, k) => this.store(batch.indexes[k], { path, skipped: `Analysis did not finish within ${seconds} s; not analysed.` }));
    } else {
      this.queue.unshift(...batch.indexes.map((i) => this.batch([i], true)));
    }
    if (this.queue.length > 0) this.spawn();
  }

  private drainInProcess(): void {
    const indexes = this.queue.splice(0).flatMap((b) => b.indexes);
    this.runFallback(this.batch(indexes, false));
  }

  private runFallback(batch: Batch): void {
    this.fallbacksRunning++;
    this.counts.batchesInProcess++;
    const reason = 'Proofmark could not analyse this file (its parse worker failed). Please report it.';
    this.options
      .fallback(batch.request.paths)
      .then(
        (outcomes) => batch.indexes.forEach((index, k) => this.store(index, outcomes[k] ?? { path: batch.request.paths[k] ?? '', skipped: reason })),
        () => batch.request.paths.forEach((path, k) => this.store(batch.indexes[k], { path, skipped: reason })),
      )
      .finally(() => {
        this.fallbacksRunning--;
        this.settle();
      })
      .catch(() => undefined);
  }

  private store(index: number | undefined, outcome: AnalysisOutcome): void {
    if (index !== undefined) this.results[index] = outcome;
  }

  private stopTimer(slot: Slot): void {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
  }

  /** Ends the slot; a worker that is healthy and idle goes back to the pool. */
  private retire(slot: Slot, healthy: boolean): void {
    if (!slot.alive) return;
    slot.alive = false;
    const idle = slot.batch === null;
    slot.batch = null;
    this.stopTimer(slot);
    this.slots.delete(slot);
    for (const [event, listener] of slot.listeners) slot.worker.off(event, listener);
    this.releases.push(this.options.release(slot.worker, healthy && idle).catch(() => undefined));
  }

  private settle(): void {
    if (this.finished || this.queue.length > 0 || this.fallbacksRunning > 0) return;
    for (const slot of this.slots) if (slot.batch !== null) return;
    this.finished = true;
    for (const slot of [...this.slots]) this.retire(slot, true);
    const outcomes = this.results.map((o, i) => o ?? { path: this.options.paths[i] ?? '', skipped: 'Proofmark lost the result of this file. Please report it.' });
    void Promise.all(this.releases).then(() => this.resolve(outcomes));
  }
}
