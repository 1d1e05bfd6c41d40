import type { Worker } from 'node:worker_threads';
import { isReplyTo, type BatchReply, type BatchRequest } from './workerProtocol';

/** A worker lent to a run by the pool: `fresh` when it was started for this run. */
export interface LentWorker {
  readonly worker: Worker;
  readonly fresh: boolean;
}

export interface PoolRunOptions<R> {
  /** The groups of paths to send, one request each (split further only after a timeout, see below). */
  readonly groups: readonly (readonly string[])[];
  /** Ask the workers to check whole initiatives (answering findings) instead of returning models. */
  readonly check: boolean;
  /** The time a batch may take before its worker is ended. */
  readonly timeoutMs: number;
  /** The time one file split off a failed batch may take (its budget); by default timeoutMs. */
  readonly fileTimeoutMs?: number;
  /** A worker ready for batches (idle or newly started), or null when none can start. */
  readonly acquire: () => LentWorker | null;
  /** Gives a worker back: to be kept for later runs when healthy, terminated when it crashed or hung. */
  readonly release: (worker: Worker, healthy: boolean) => Promise<void>;
  /** The result of a group from its worker's reply. */
  readonly fromReply: (reply: Exclude<BatchReply, { error: string }>) => R;
  /** The result of a group whose worker crashed, failed or answered nonsense. */
  readonly fallback: (paths: readonly string[]) => Promise<R>;
  /**
   * Whether a group that timed out (or ran its worker out of memory) is retried file by file on
   * other workers, so that only the file that hangs is given up (when the files of a group can be
   * handled alone).
   */
  readonly isolateOnTimeout: boolean;
  /** The result of a group given up (after the timeout, or when even the fallback failed), with the reason. */
  readonly failed: (paths: readonly string[], reason: string) => R;
  /** One result from the results of a group's single-file parts, in order. */
  readonly merge: (parts: readonly R[]) => R;
}

interface Batch {
  readonly request: BatchRequest;
  /** The group this batch is (part of). */
  readonly group: number;
  readonly part: number;
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

/** A crash is handed to the fallback; a timeout or running out of memory would happen there too, so the file is given up. */
type Failure = 'crash' | 'timeout' | 'memory';

/** Whether a worker's error is V8 running out of heap (the worker is ended; the process lives on). */
function isOutOfMemory(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1).replace(/\.0$/, '')} s` : `${Math.round(ms / 1000)} s`;
}

const LOST = 'Proofmark could not analyse this file (its parse worker failed). Please report it.';

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
  /** Batches and single files that timed out or ran out of memory. */
  readonly timeouts: number;
}

/**
 * One run over worker threads lent by the pool: a queue of batches, one in flight per worker.
 * Every group ends with a result: from its worker, from the fallback after a crash, or from the
 * timeout; so the run always settles. Healthy workers go back to the pool, failed ones are
 * terminated before the run resolves.
 */
export class PoolRun<R> {
  /** Per group, the results of its parts (one part unless it was split after a timeout). */
  private readonly results: (R | undefined)[][];
  private readonly queue: Batch[] = [];
  private readonly slots = new Set<Slot>();
  private readonly releases: Promise<unknown>[] = [];
  private fallbacksRunning = 0;
  /** Workers that may still be started in place of crashed ones (as many as the run was given). */
  private replacements = 0;
  private nextId = 0;
  private finished = false;
  private resolve: (results: R[]) => void = () => undefined;
  private readonly counts = { workersStarted: 0, workersReused: 0, batchesByWorkers: 0, batchesInProcess: 0, timeouts: 0 };

  get stats(): PoolStats {
    return { ...this.counts };
  }

  constructor(private readonly options: PoolRunOptions<R>) {
    this.results = options.groups.map(() => [undefined]);
    options.groups.forEach((paths, group) => this.queue.push(this.batch(paths, group, 0, false)));
  }

  run(workers: number): Promise<R[]> {
    return new Promise((resolve) => {
      this.resolve = resolve;
      this.replacements = workers;
      for (let i = 0; i < workers && this.queue.length > 0; i++) this.spawn();
      if (this.slots.size === 0 && this.queue.length > 0) this.drainInProcess();
      this.settle();
    });
  }

  private batch(paths: readonly string[], group: number, part: number, isolated: boolean): Batch {
    return { request: { id: this.nextId++, paths, ...(this.options.check ? { check: true as const } : {}) }, group, part, isolated };
  }

  private spawn(): void {
    const lent = this.options.acquire();
    if (lent === null) return;
    if (lent.fresh) this.counts.workersStarted++;
    else this.counts.workersReused++;
    const listeners: [string, (value: unknown) => void][] = [];
    const slot: Slot = { worker: lent.worker, listeners, batch: null, timer: null, alive: true };
    listeners.push(['message', (message) => this.onMessage(slot, message)], ['messageerror', () => this.fail(slot, 'crash')], ['error', (error) => this.fail(slot, isOutOfMemory(error) ? 'memory' : 'crash')], ['exit', () => this.fail(slot, 'crash')]);
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
    slot.timer = setTimeout(() => this.fail(slot, 'timeout'), this.budget(batch));
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
      this.store(batch, this.options.fromReply(message));
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
      else this.timedOut(batch, failure);
    }
    // A crash costs the run its worker, not its workers: the crashed one is replaced once per
    // worker the run was given (a run of one worker would otherwise go on in this thread, with no
    // time budget per file), so a worker that cannot start ends in the fallback after a few batches.
    if (failure === 'crash' && this.queue.length > 0 && this.replacements > 0) {
      this.replacements--;
      this.spawn();
    }
    if (this.slots.size === 0 && this.queue.length > 0) this.drainInProcess();
    this.settle();
  }

  /** How long a batch may take: a file split off a failed batch has its own budget. */
  private budget(batch: Batch): number {
    return batch.isolated ? (this.options.fileTimeoutMs ?? this.options.timeoutMs) : this.options.timeoutMs;
  }

  /**
   * A batch that timed out or ran out of memory is split file by file (when allowed), so only the
   * file that hangs is given up; its worker has been ended, the others go on.
   */
  private timedOut(batch: Batch, failure: 'timeout' | 'memory'): void {
    this.counts.timeouts++;
    const paths = batch.request.paths;
    if (this.options.isolateOnTimeout && !batch.isolated && paths.length > 1) {
      this.results[batch.group] = paths.map(() => undefined);
      this.queue.unshift(...paths.map((path, k) => this.batch([path], batch.group, k, true)));
    } else {
      const reason = failure === 'memory' ? 'Analysis ran out of memory; not analysed.' : `Analysis did not finish within ${formatSeconds(this.budget(batch))}; not analysed.`;
      this.store(batch, this.options.failed(paths, reason));
    }
    if (this.queue.length > 0) this.spawn();
  }

  /** No worker is left: the rest of the queue goes to the fallback. */
  private drainInProcess(): void {
    for (const batch of this.queue.splice(0)) this.runFallback(batch);
  }

  private runFallback(batch: Batch): void {
    this.fallbacksRunning++;
    this.counts.batchesInProcess++;
    this.options
      .fallback(batch.request.paths)
      .then(
        (result) => this.store(batch, result),
        () => this.store(batch, this.options.failed(batch.request.paths, LOST)),
      )
      .finally(() => {
        this.fallbacksRunning--;
        this.settle();
      })
      .catch(() => undefined);
  }

  private store(batch: Batch, result: R): void {
    const parts = this.results[batch.group];
    if (parts) parts[batch.part] = result;
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
    const results = this.results.map((parts, group) => {
      const paths = this.options.groups[group] ?? [];
      const done = parts.map((r, k) => r ?? this.options.failed(parts.length > 1 ? paths.slice(k, k + 1) : paths, LOST));
      return done.length === 1 && done[0] !== undefined ? done[0] : this.options.merge(done);
    });
    void Promise.all(this.releases).then(() => this.resolve(results));
  }
}
