import type { AnalysisOutcome } from '../core/analyze/document';
import type { ProofmarkConfig } from '../core/config/config';
import type { Finding } from '../core/findings/finding';

/**
 * The messages between the worker pool and its parse workers. Only plain data crosses (structured
 * clone), and each side checks what it receives: a worker that answers nonsense is treated as crashed.
 */

/** Given once, as `workerData`: the root the worker may read under and the configuration to analyse with. */
export interface WorkerSetup {
  readonly root: string;
  readonly config: ProofmarkConfig;
  /** Every file of the workspace (for resolving references), when the worker is to check whole initiatives. */
  readonly files?: readonly string[];
}

/**
 * Sent by the pool: analyse these workspace paths and answer with their models, or (`check`)
 * analyse these whole initiatives, run every rule on them and answer with their findings only,
 * so that the models never leave the worker.
 */
export interface BatchRequest {
  readonly id: number;
  readonly paths: readonly string[];
  readonly check?: true;
}

/** Sent by a worker: the outcomes of a batch in the order of its paths, its findings (check), or why it could not. */
export type BatchReply =
  | { readonly id: number; readonly outcomes: readonly AnalysisOutcome[] }
  | { readonly id: number; readonly findings: readonly Finding[] }
  | { readonly id: number; readonly error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isWorkerSetup(value: unknown): value is WorkerSetup {
  return isRecord(value) && typeof value.root === 'string' && isRecord(value.config) && (value.files === undefined || (Array.isArray(value.files) && value.files.every((f) => typeof f === 'string')));
}

export function isBatchRequest(value: unknown): value is BatchRequest {
  return isRecord(value) && typeof value.id === 'number' && Array.isArray(value.paths) && value.paths.every((p) => typeof p === 'string') && (value.check === undefined || value.check === true);
}

function isOutcome(value: unknown): value is AnalysisOutcome {
  return isRecord(value) && typeof value.path === 'string' && (isRecord(value.model) || typeof value.skipped === 'string');
}

function isFinding(value: unknown): value is Finding {
  return isRecord(value) && typeof value.code === 'string' && typeof value.file === 'string' && typeof value.message === 'string' && isRecord(value.range) && Array.isArray(value.related);
}

/** A reply to `request`: same id and, unless it is an error, one outcome per path in order, or findings for a check. */
export function isReplyTo(value: unknown, request: BatchRequest): value is BatchReply {
  if (!isRecord(value) || value.id !== request.id) return false;
  if (typeof value.error === 'string') return true;
  if (request.check) return Array.isArray(value.findings) && value.findings.every(isFinding);
  const outcomes = value.outcomes;
  return Array.isArray(outcomes) && outcomes.length === request.paths.length && outcomes.every((o, i) => isOutcome(o) && o.path === request.paths[i]);
}
