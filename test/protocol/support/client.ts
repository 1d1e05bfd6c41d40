import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, ErrorCodes, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, InitializeResult, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { SERVER_NODE_FLAGS, type DiagnosticsScope } from '../../../server/src/protocol';

export const SERVER = path.resolve(__dirname, '../../../dist/server.js');

export interface Received {
  readonly method: string;
  readonly params: unknown;
}

export interface StartOptions {
  /** Workspace folders (absolute paths). */
  readonly roots: readonly string[];
  /** Announce pull diagnostics (VS Code-like); otherwise the server publishes (Neovim-like). */
  readonly pull?: boolean;
  readonly storagePath?: string;
  readonly settings?: unknown;
  readonly transport?: '--stdio' | '--node-ipc';
  /** The server's debounce after an edit (tests use a short one; results never depend on it). */
  readonly debounceMs?: number;
  /** More initialization options (e.g. `trusted: false`), over the ones above. */
  readonly initializationOptions?: Record<string, unknown>;
  /** Client capabilities sent instead of the default set (which the other options shape). */
  readonly capabilities?: ClientCapabilities;
  /**
   * `proofmark.diagnostics.scope`, added to `settings` when they are an object or absent. Tests
   * default to `workspace`, whose diagnostics are the CLI's; `null` sends none (the server's default).
   */
  readonly scope?: DiagnosticsScope | null;
  /** Announce `window.workDoneProgress` (the server then reports indexing progress). */
  readonly progress?: boolean;
  /** Variables added to the server's environment (the VS Code client's PROOFMARK_WARM hint). */
  readonly env?: Readonly<Record<string, string>>;
  /** Awaited between spawning the server and sending `initialize` (bench: an editor's extension host that takes its time). */
  readonly beforeInitialize?: () => Promise<void>;
}

/** The settings sent: the test's, with the diagnostics scope unless it is null or the settings are not an object. */
function withScope(options: StartOptions): unknown {
  const scope = options.scope === undefined ? 'workspace' : options.scope;
  const settings = options.settings;
  if (scope === null || (settings !== undefined && (typeof settings !== 'object' || settings === null || Array.isArray(settings)))) return settings;
  return { diagnostics: { scope }, ...(settings as Record<string, unknown> | undefined) };
}

type Waiter = { method: string; test: (params: unknown) => boolean; resolve: (params: unknown) => void; from: number };

export function uriOf(file: string): string {
  return URI.file(file).toString();
}

/**
 * A minimal LSP client for protocol tests: spawns `node dist/server.js --stdio`, records every
 * notification and server request, and lets a test await the one it expects. Nothing here sleeps.
 */
export class TestClient {
  readonly received: Received[] = [];
  readonly applied: WorkspaceEdit[] = [];
  stderr = '';
  /** Errors of the message stream: anything on stdout that is not the protocol ends up here. */
  readonly protocolErrors: string[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly versions = new Map<string, number>();
  private readonly exited: Promise<number | null>;
  initializeResult: InitializeResult | null = null;
  /** Requests the server sent before the initialize response (the spec allows none; VS Code refuses them). */
  readonly earlyRequests: string[] = [];

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
  ) {
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
    process.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    connection.onError(([error]) => this.protocolErrors.push(error.message));
    connection.onNotification((method: string, params: unknown) => this.record(method, params));
    // Progress notifications reach their own handlers, never the one above: recorded like the others.
    connection.onUnhandledProgress((params) => this.record('$/progress', params));
    connection.onRequest((method: string, params: unknown) => {
      this.record(method, params);
      // As VS Code's client: a request before the initialize response finds no handler.
      if (this.initializeResult === null) {
        this.earlyRequests.push(method);
        return new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`);
      }
      if (method === 'workspace/applyEdit') {
        const edit = (params as { edit: WorkspaceEdit }).edit;
        this.applied.push(edit);
        return { applied: true };
      }
      if (method === 'workspace/configuration') return ((params as { items: unknown[] }).items ?? []).map(() => null);
      return null;
    });
    connection.listen();
  }

  static async start(options: StartOptions): Promise<TestClient> {
    const transport = options.transport ?? '--stdio';
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER, transport], {
      stdio: transport === '--stdio' ? ['pipe', 'pipe', 'pipe'] : ['pipe', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, ...options.env },
    });
    if (!child.stdout || !child.stdin) throw new Error('no stdio');
    const connection =
      transport === '--stdio'
        ? createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
        : createMessageConnection(new (await import('vscode-jsonrpc/node')).IPCMessageReader(child), new (await import('vscode-jsonrpc/node')).IPCMessageWriter(child));
    const client = new TestClient(child, connection);
    const capabilities: ClientCapabilities = options.capabilities ?? {
      workspace: {
        workspaceFolders: true,
        configuration: true,
        applyEdit: true,
        workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
        didChangeWatchedFiles: { dynamicRegistration: true },
        ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        hover: { contentFormat: ['markdown'] },
        rename: { prepareSupport: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
      ...(options.progress ? { window: { workDoneProgress: true } } : {}),
    };
    try {
      await options.beforeInitialize?.();
      client.initializeResult = (await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: options.roots[0] ? uriOf(options.roots[0]) : null,
        workspaceFolders: options.roots.map((r) => ({ uri: uriOf(r), name: path.basename(r) })),
        capabilities,
        initializationOptions: { storagePath: options.storagePath, settings: withScope(options), debounceMs: options.debounceMs ?? 20, ...options.initializationOptions },
      })) as InitializeResult;
    } catch (error) {
      // A server that refused to start must not outlive the test.
      child.kill();
      connection.dispose();
      throw error;
    }
    await connection.sendNotification('initialized', {});
    return client;
  }

  private record(method: string, params: unknown): void {
    const index = this.received.length;
    this.received.push({ method, params });
    for (const w of [...this.waiters]) {
      if (w.method === method && index >= w.from && w.test(params)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  }

  /** A position in the received stream, to wait only for what comes after it. */
  mark(): number {
    return this.received.length;
  }

  /** Resolves with the first notification (or server request) of `method` since `from` that passes `test`. */
  waitFor<T>(method: string, test: (params: T) => boolean = () => true, from = 0): Promise<T> {
    for (let i = from; i < this.received.length; i++) {
      const r = this.received[i];
      if (r && r.method === method && test(r.params as T)) return Promise.resolve(r.params as T);
    }
    return new Promise((resolve) => this.waiters.push({ method, test: (p) => test(p as T), resolve: (p) => resolve(p as T), from }));
  }

  /** Waits until every given folder has finished indexing (its diagnostics are out before this resolves). */
  async ready(roots: readonly string[], from = 0): Promise<void> {
    for (const r of roots) await this.waitFor<{ root: string; state: string }>('proofmark/indexStatus', (p) => p.root === uriOf(r) && p.state === 'ready', from);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  async open(file: string, text: string = readFileSync(file, 'utf8')): Promise<string> {
    const uri = uriOf(file);
    this.versions.set(uri, 1);
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return uri;
  }

  /** Sends one change (full text, or a range edit) and returns the new version. */
  async change(uri: string, change: { text: string; range?: { start: { line: number; character: number }; end: { line: number; character: number } } }): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Diagnostics last published for a URI since `from`, waiting for a publication that passes `test`. */
  published(uri: string, test: (p: { version?: number; diagnostics: unknown[] }) => boolean = () => true, from = 0): Promise<{ uri: string; version?: number; diagnostics: DiagnosticLike[] }> {
    return this.waitFor('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: DiagnosticLike[] }) => p.uri === uri && test(p), from);
  }

  /** The latest diagnostics published per URI. */
  latestPublished(): Map<string, DiagnosticLike[]> {
    const map = new Map<string, DiagnosticLike[]>();
    for (const r of this.received) {
      if (r.method !== 'textDocument/publishDiagnostics') continue;
      const p = r.params as { uri: string; diagnostics: DiagnosticLike[] };
      map.set(p.uri, p.diagnostics);
    }
    for (const [uri, list] of map) if (list.length === 0) map.delete(uri);
    return map;
  }

  async stop(): Promise<number | null> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.process.kill();
    }
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }
}

export interface DiagnosticLike {
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
  readonly severity?: number;
  readonly code?: string | number;
  readonly source?: string;
  readonly message: string;
  readonly relatedInformation?: unknown[];
}
