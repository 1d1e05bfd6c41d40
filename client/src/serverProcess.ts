import { fork, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import type * as vscode from 'vscode';
import { IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageTransports } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS, WARM_ENV, type WarmHint } from '../../server/src/protocol';

/** How long a server process may outlive its client's stop before it is ended. */
const EXIT_GRACE_MS = 2000;

/**
 * The language server's processes, forked as vscode-languageclient forks a Node module over IPC
 * (`--node-ipc`, ELECTRON_RUN_AS_NODE, its output to the log), but the first one at activation:
 * the client forks only once its own start has run, several turns of a busy extension host later
 * (0.4–0.85 s after activation in code-server on the corpus), and the server spends about as long
 * loading. Started here, it loads while the client starts, and parses the open documents named
 * by `hint` meanwhile (protocol.ts WARM_ENV). A restart forks a new one.
 */
export class ServerProcesses implements vscode.Disposable {
  private waiting: ChildProcess | null;
  private readonly children = new Set<ChildProcess>();

  constructor(
    private readonly module: string,
    private readonly cwd: string | undefined,
    private readonly log: vscode.LogOutputChannel,
    private readonly hint: () => WarmHint,
  ) {
    this.waiting = this.fork();
  }

  /** The client's server options: the process forked at activation the first time, a new one after. */
  readonly next = (): Promise<MessageTransports> => {
    const waiting = this.waiting;
    this.waiting = null;
    const child = waiting && alive(waiting) ? waiting : this.fork();
    return Promise.resolve({ reader: new IPCMessageReader(child), writer: new IPCMessageWriter(child) });
  };

  private fork(): ChildProcess {
    const env: NodeJS.ProcessEnv = { ...process.env, [WARM_ENV]: JSON.stringify(this.hint()), ELECTRON_RUN_AS_NODE: '1', ELECTRON_NO_ASAR: '1' };
    const child = fork(this.module, ['--node-ipc', `--clientProcessId=${process.pid}`], { execArgv: [...SERVER_NODE_FLAGS], cwd: this.cwd, env, silent: true });
    this.children.add(child);
    // As the library does: what the server prints goes to the log as it comes.
    child.stdout?.on('data', (data: Buffer) => this.log.append(data.toString()));
    child.stderr?.on('data', (data: Buffer) => this.log.append(data.toString()));
    child.on('error', (error) => this.log.error(`The language server process failed: ${error.message}`));
    child.on('exit', (code, signal) => {
      this.children.delete(child);
      if (signal !== null) this.log.error(`The language server process ended by signal ${signal}.`);
      else if (code !== 0 && code !== null) this.log.error(`The language server process exited with code ${code}.`);
    });
    return child;
  }

  /** Ends the processes that outlive the client's stop (it asks them to exit first). */
  dispose(): void {
    for (const child of this.children) {
      setTimeout(() => {
        if (alive(child)) child.kill();
      }, EXIT_GRACE_MS).unref();
    }
  }
}

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** The folder the server runs in, as vscode-languageclient chooses it: the first workspace folder on disk, if any. */
export function serverWorkingDir(folders: readonly vscode.WorkspaceFolder[] | undefined): string | undefined {
  const folder = folders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
  if (folder === undefined) return undefined;
  try {
    return statSync(folder).isDirectory() ? folder : undefined;
  } catch {
    return undefined;
  }
}
