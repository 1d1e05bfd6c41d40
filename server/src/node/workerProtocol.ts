import type { AnalysisOutcome } from '../core/analyze/document';
import type { ProofmarkConfig } from '../core/config/config';

/**
 * The messages between the worker pool and its parse workers. Only plain data crosses (structured
 * clone), and each side checks what it receives: a worker that answers nonsense is treated as crashed.
 */

/** Given once, as `workerData`: the root the worker may read under and the configuration to analyse with. */
export interface WorkerSetup {
  readonly root: string;
  readonly config: ProofmarkConfig;
}

/** Sent by the pool: analyse these workspace paths. */
export interface BatchRequest {
  readonly id: number;
  readonly paths: readonly string[];
}

/** Sent by a worker: the outcomes of a batch, in the order of its paths, or why it could not. */
export type BatchReply = { readonly id: number; readonly outcomes: readonly AnalysisOutcome[] } | { readonly id: number; readonly error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isWorkerSetup(value: unknown): value is WorkerSetup {
  return isRecord(value) && typeof value.root === 'string' && isRecord(value.config);
}

export function isBatchRequest(value: unknown): value is BatchRequest {
  return isRecord(value) && typeof value.id === 'number' && Array.isArray(value.paths) && value.paths.every((p) => typeof p === 'string');
}

function isOutcome(value: unknown): value is AnalysisOutcome {
  return isRecord(value) && typeof value.path === 'string' && (isRecord(value.model) || typeof value.skipped === 'string');
}

/** A reply to `request`: same id and, unless it is an error, one outcome per path in order. */
export function isReplyTo(value: unknown, request: BatchRequest): value is BatchReply {
  if (!isRecord(value) || value.id !== request.id) return false;
  if (typeof value.error === 'string') return true;
  const outcomes = value.outcomes;
  return Array.isArray(outcomes) && outcomes.length === request.paths.length && outcomes.every((o, i) => isOutcome(o) && o.path === request.paths[i]);
}
