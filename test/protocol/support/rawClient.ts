import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { ClientCapabilities } from 'vscode-languageserver-protocol';
import { SERVER, uriOf } from './client';

/** One JSON-RPC message as it came off the wire. */
export interface WireMessage {
  readonly jsonrpc?: string;
  readonly id?: number | string | null;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string; readonly data?: unknown };
}

type Waiter = { test: (m: WireMessage) => boolean; resolve: (m: WireMessage) => void; from: number };

/**
 * A client that writes raw bytes to `dist/server.js --stdio` and reads its frames itself, for what
 * a JSON-RPC library will not send: `null` or scalar params, broken JSON, messages that are not
 * requests, requests out of the lifecycle's order. The server's own requests are answered (an
 * applied edit, no configuration), the way an ordinary client would. Nothing here sleeps.
 */
export class RawClient {
  readonly received: WireMessage[] = [];
  private readonly waiters: Waiter[] = [];
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  readonly exited: Promise<number | null>;
  stderr = '';

  private constructor(readonly process: ChildProcess) {
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
    process.stdout?.on('data', (chunk: Buffer) => this.read(chunk));
    process.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
  }

  static spawn(): RawClient {
    return new RawClient(spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] }));
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))?.[1]);
      if (!Number.isFinite(length)) throw new Error(`A frame without Content-Length: ${this.buffer.subarray(0, end).toString()}`);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as WireMessage;
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.record(message);
    }
  }

  private record(message: WireMessage): void {
    const index = this.received.length;
    this.received.push(message);
    for (const w of [...this.waiters]) {
      if (index >= w.from && w.test(message)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(message);
      }
    }
    if (message.method !== undefined && message.id !== undefined) {
      const result = message.method === 'workspace/applyEdit' ? { applied: true } : message.method === 'workspace/configuration' ? [] : null;
      this.send({ jsonrpc: '2.0', id: message.id, result });
    }
  }

  /** Writes one frame around `body`, exactly as given. */
  sendBytes(body: string): void {
    const bytes = Buffer.from(body, 'utf8');
    this.process.stdin?.write(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]));
  }

  send(message: unknown): void {
    this.sendBytes(JSON.stringify(message));
  }

  /** Sends a request with `params` as given (null, a number, absent when undefined) and resolves with its response. */
  request(method: string, params?: unknown): Promise<WireMessage> {
    const id = this.nextId++;
    this.send(params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params });
    return this.response(id);
  }

  /** A request whose id is returned at once, for a test that cancels it. */
  requestId(method: string, params?: unknown): number {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return id;
  }

  notify(method: string, params?: unknown): void {
    this.send(params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params });
  }

  /** The response to `id` (null for responses to messages the server could not read an id from). */
  response(id: number | string | null, from = 0): Promise<WireMessage> {
    return this.waitFor((m) => m.method === undefined && m.id === id && ('result' in m || 'error' in m), from);
  }

  waitFor(test: (m: WireMessage) => boolean, from = 0): Promise<WireMessage> {
    for (let i = from; i < this.received.length; i++) {
      const m = this.received[i];
      if (m && test(m)) return Promise.resolve(m);
    }
    return new Promise((resolve) => this.waiters.push({ test, resolve, from }));
  }

  mark(): number {
    return this.received.length;
  }

  notification(method: string, test: (params: unknown) => boolean = () => true, from = 0): Promise<WireMessage> {
    return this.waitFor((m) => m.method === method && m.id === undefined && test(m.params), from);
  }

  /** initialize (answered) and initialized, for `roots`. */
  async initialize(roots: readonly string[], capabilities: ClientCapabilities = { workspace: { workspaceFolders: true, applyEdit: true } }, extra: Record<string, unknown> = {}): Promise<WireMessage> {
    const response = await this.request('initialize', {
      processId: process.pid,
      rootUri: roots[0] ? uriOf(roots[0]) : null,
      workspaceFolders: roots.map((r) => ({ uri: uriOf(r), name: path.basename(r) })),
      capabilities,
      initializationOptions: { debounceMs: 20 },
      ...extra,
    });
    if (response.error) throw new Error(`initialize failed: ${response.error.message}`);
    this.notify('initialized', {});
    return response;
  }

  /** Waits until `root` finished indexing (its diagnostics are out before this resolves). */
  ready(root: string, from = 0): Promise<WireMessage> {
    return this.notification('proofmark/indexStatus', (p) => (p as { root: string; state: string }).root === uriOf(root) && (p as { state: string }).state === 'ready', from);
  }

  /** shutdown, then exit; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.process.exitCode === null) {
      await this.request('shutdown');
      this.notify('exit');
    }
    return this.exited;
  }

  kill(): void {
    if (this.process.exitCode === null) this.process.kill();
  }
}
