import { ErrorCodes, LSPErrorCodes, NotificationType, ParameterStructures, RequestType, ResponseError, type CancellationToken, type Connection, type Disposable } from 'vscode-languageserver';
import { isRecord, type Shape } from './params';
import type { Session } from './session';

export interface ServeOptions {
  /**
   * The handler changes something outside the server (it applies an edit through the client), so
   * once it has run its answer says what it did, even when the request was cancelled meanwhile.
   */
  readonly effects?: boolean;
}

function invalid(method: string, problem: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `${method}: ${problem}.`);
}

function cancelled(method: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, `${method} was cancelled.`);
}

/**
 * A position must lie in the document it names, when the server holds that document's text (it
 * is open): the client and the server have the same text, so a line past the end is a client bug,
 * answered as such. A character past the end of its line is the line's end, as the spec says, and
 * so is the end of a range past the last line (clients ask for the whole buffer that way).
 */
function outsideDocument(session: Session, params: unknown): string | null {
  if (!isRecord(params) || !isRecord(params.textDocument) || typeof params.textDocument.uri !== 'string') return null;
  const uri = params.textDocument.uri;
  const doc = session.documents.get(uri);
  if (!doc) return null;
  const lines = doc.lineCount;
  const check = (value: unknown, at: string): string | null => {
    const line = isRecord(value) ? value.line : undefined;
    return typeof line === 'number' && line >= lines ? `${at} is on line ${line} (0-based), past the end of ${uri} (${lines} lines)` : null;
  };
  const range = isRecord(params.range) ? params.range : {};
  return check(params.position, 'params.position') ?? check(range.start, 'params.range.start');
}

/** A value of `shape` taken from inside a request's parameters (a command's arguments); otherwise InvalidParams. */
export function checked<T>(method: string, value: unknown, shape: Shape<T>, at: string): T {
  const problem = shape(value, at);
  if (problem) throw invalid(method, problem);
  return value as T;
}

/**
 * Registers a request handler behind the checks every request gets: the parameters have `shape`
 * (else InvalidParams, naming what is wrong), positions lie in their document, and a request that
 * was cancelled answers RequestCancelled, never a half-computed result (vscode-jsonrpc answered
 * what the handler returned, often null). A handler that fails unexpectedly is logged with its
 * stack and answered InternalError; the server goes on.
 */
export function serve<P, R>(connection: Connection, session: Session, method: string, shape: Shape<P>, handler: (params: P, token: CancellationToken) => R | Promise<R>, options: ServeOptions = {}): Disposable {
  // By name: the library itself answers InvalidParams to parameters that are absent or an array.
  const type = new RequestType<unknown, unknown, void>(method, ParameterStructures.byName);
  return connection.onRequest(type, async (params: unknown, token: CancellationToken): Promise<unknown> => {
    const problem = shape(params, 'params') ?? outsideDocument(session, params);
    if (problem) throw invalid(method, problem);
    if (token.isCancellationRequested) throw cancelled(method);
    let result: R;
    try {
      result = await handler(params as P, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      connection.console.error(`${method} failed: ${text}`);
      throw new ResponseError(ErrorCodes.InternalError, `${method} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (token.isCancellationRequested && !options.effects) throw cancelled(method);
    return result;
  });
}

/** Registers a notification handler that runs only on parameters of `shape`; others are logged and dropped. */
export function listen<P>(connection: Connection, method: string, shape: Shape<P>, handler: (params: P) => void | Promise<void>): Disposable {
  return connection.onNotification(new NotificationType<unknown>(method, ParameterStructures.byName), (params: unknown): void | Promise<void> => {
    const problem = shape(params, 'params');
    if (!problem) return handler(params as P);
    connection.console.warn(`Ignored ${method}: ${problem}.`);
  });
}
