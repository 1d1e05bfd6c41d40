import { Emitter, ErrorCodes, type DataCallback, type Disposable, type Event, type Message, type MessageReader, type MessageWriter, type PartialMessageInfo, type ResponseMessage } from 'vscode-languageserver/node';

type Phase = 'waiting' | 'running' | 'shutdown';
type Id = number | string | null;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idOf(message: Record<string, unknown>): Id {
  return typeof message.id === 'number' || typeof message.id === 'string' ? message.id : null;
}

/** What kind of JSON-RPC message a value is, or why it is none: then it is answered InvalidRequest. */
type Kind = { kind: 'request'; id: number | string; method: string } | { kind: 'notification'; method: string } | { kind: 'response' } | { kind: 'invalid'; id: Id; reason: string };

function classify(value: unknown): Kind {
  if (Array.isArray(value)) return { kind: 'invalid', id: null, reason: value.length === 0 ? 'An empty batch is not a request.' : 'Batches are not supported by the Language Server Protocol: send one message per frame.' };
  if (!isRecord(value)) return { kind: 'invalid', id: null, reason: 'A message must be a JSON object.' };
  const id = idOf(value);
  if (!('method' in value)) {
    if ('id' in value && (id !== null || value.id === null) && ('result' in value || 'error' in value)) return { kind: 'response' };
    return { kind: 'invalid', id, reason: 'A message must have a method (request, notification) or a result or error (response).' };
  }
  if (typeof value.method !== 'string') return { kind: 'invalid', id, reason: 'The method must be a string.' };
  if (value.jsonrpc !== '2.0') return { kind: 'invalid', id, reason: 'The message must say "jsonrpc": "2.0".' };
  if (!('id' in value)) return { kind: 'notification', method: value.method };
  if (id === null) return { kind: 'invalid', id: null, reason: 'A request id must be a number or a string.' };
  return { kind: 'request', id, method: value.method };
}

/**
 * Stands between the transport and the connection and enforces what vscode-jsonrpc leaves to the
 * server (each rule was tested against the library over stdio): a body that is not JSON answers
 * ParseError and a message that is not a request, notification or response answers InvalidRequest
 * (the library logged both and answered nothing); a request before `initialize` answers
 * ServerNotInitialized (the library answered MethodNotFound) and notifications before it are
 * dropped, except `exit`; a second `initialize` answers InvalidRequest (the library let it replace
 * the session); after `shutdown` every request answers InvalidRequest and notifications other than
 * `exit` are dropped (the library served them).
 */
export class LifecycleGate implements MessageReader {
  private phase: Phase = 'waiting';
  private readonly errors = new Emitter<Error>();
  private readonly subscriptions: Disposable[];

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
  ) {
    // The reader reports a body that JSON.parse refused as a SyntaxError, and goes on reading.
    this.subscriptions = [inner.onError((error) => (error instanceof SyntaxError ? this.refuse(null, ErrorCodes.ParseError, `Parse error: ${error.message}`) : this.errors.fire(error)))];
  }

  get onError(): Event<Error> {
    return this.errors.event;
  }

  get onClose(): Event<void> {
    return this.inner.onClose;
  }

  get onPartialMessage(): Event<PartialMessageInfo> {
    return this.inner.onPartialMessage;
  }

  /** Whether `shutdown` was received (the exit code is 0 only then). */
  get shutdownReceived(): boolean {
    return this.phase === 'shutdown';
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      if (this.admit(message)) callback(message);
    });
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.errors.dispose();
    this.inner.dispose();
  }

  private admit(message: Message): boolean {
    const m = classify(message);
    if (m.kind === 'invalid') return this.refuse(m.id, ErrorCodes.InvalidRequest, `Invalid request: ${m.reason}`);
    if (m.kind === 'response') return true;
    if (m.kind === 'notification') return m.method === 'exit' || this.phase === 'running';
    if (this.phase === 'waiting') {
      if (m.method !== 'initialize') return this.refuse(m.id, ErrorCodes.ServerNotInitialized, `${m.method}: the server is not initialized; send initialize first.`);
      this.phase = 'running';
      return true;
    }
    if (this.phase === 'shutdown') return this.refuse(m.id, ErrorCodes.InvalidRequest, `${m.method}: the server is shutting down; only the exit notification is accepted.`);
    if (m.method === 'initialize') return this.refuse(m.id, ErrorCodes.InvalidRequest, 'initialize: the server is already initialized; initialize may be sent only once.');
    if (m.method === 'shutdown') this.phase = 'shutdown';
    return true;
  }

  /** Answers a message the connection never sees; returns false (not admitted). */
  private refuse(id: Id, code: number, message: string): false {
    const response: ResponseMessage = { jsonrpc: '2.0', id, error: { code, message } };
    this.writer.write(response).catch(() => undefined);
    return false;
  }
}
