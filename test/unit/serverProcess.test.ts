import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type * as vscode from 'vscode';
import { ServerProcesses } from '../../client/src/serverProcess';
import type { WarmHint } from '../../server/src/protocol';

/** A stand-in server: answers each IPC message with its own pid and argv, and exits on "exit". */
function echoServer(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'proofmark-server-process-')), 'server.js');
  writeFileSync(
    file,
    "process.on('message', (m) => { if (m && m.exit) process.exit(0); process.send({ pid: process.pid, argv: process.argv.slice(2), run: process.env.ELECTRON_RUN_AS_NODE, warm: process.env.PROOFMARK_WARM, echo: m }); });\nprocess.stderr.write('started\\n');\n",
  );
  return file;
}

function recordingLog(): { log: vscode.LogOutputChannel; lines: string[] } {
  const lines: string[] = [];
  const record = (value: string): void => void lines.push(value);
  return { log: { append: record, info: record, error: record } as unknown as vscode.LogOutputChannel, lines };
}

interface Echo {
  readonly pid: number;
  readonly argv: readonly string[];
  readonly run: string;
  readonly warm: string | undefined;
  readonly echo: unknown;
}

async function roundTrip(processes: ServerProcesses, message: object): Promise<{ echo: Echo; transports: Awaited<ReturnType<ServerProcesses['next']>> }> {
  const transports = await processes.next();
  const answer = new Promise<Echo>((resolve) => transports.reader.listen((m) => resolve(m as unknown as Echo)));
  await transports.writer.write(message as never);
  return { echo: await answer, transports };
}

describe('the language server process, forked at activation', () => {
  it('hands the client the process forked first, over IPC, then a new one once it has exited, each with the hint of its time', async () => {
    const { log, lines } = recordingLog();
    let forks = 0;
    const hint = (): WarmHint => ({ folders: ['/ws'], open: [`/ws/doc${++forks}.md`] });
    const processes = new ServerProcesses(echoServer(), undefined, log, hint);
    try {
      const first = await roundTrip(processes, { jsonrpc: '2.0', method: 'ping' });
      assert.deepEqual(first.echo.argv, ['--node-ipc', `--clientProcessId=${process.pid}`]);
      assert.equal(first.echo.run, '1', 'run as Node inside an Electron extension host');
      assert.deepEqual(first.echo.echo, { jsonrpc: '2.0', method: 'ping' });
      assert.deepEqual(JSON.parse(first.echo.warm ?? 'null'), { folders: ['/ws'], open: ['/ws/doc1.md'] }, 'the open documents are named to the server as it is forked');

      const exited = new Promise<void>((resolve) => first.transports.reader.onClose(() => resolve()));
      await first.transports.writer.write({ exit: true } as never);
      await exited;
      const second = await roundTrip(processes, { jsonrpc: '2.0', method: 'ping' });
      assert.notEqual(second.echo.pid, first.echo.pid, 'a restart gets a new process');
      assert.deepEqual(JSON.parse(second.echo.warm ?? 'null'), { folders: ['/ws'], open: ['/ws/doc2.md'] }, 'a restart names the documents open then');
      await second.transports.writer.write({ exit: true } as never);
    } finally {
      processes.dispose();
    }
    assert.ok(lines.some((l) => l.includes('started')), `what the server prints goes to the log: ${JSON.stringify(lines)}`);
  });
});
