import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';

/*
 * The server lives as long as the editor and holds little (the corpus' models and findings are
 * 31 MB of live heap), but V8 lets a heap grow up to four times its live size between collections
 * while allocation is fast, as during the cold index and a burst of edits. A growing factor of 1.5
 * keeps it near what is live (corpus, bench:lsp: peak RSS 242 → 197 MB cold, 251 → 173 MB over
 * 200 edits; keystroke p95 39 → 47 ms; cold index 8.4 → 11.3 s, the parse workers collecting
 * more often), 1.3 nearer still once the models were smaller (side by side with 1.5: the
 * generated 10,000 files 457 → 435 MB cold, index 312 s both; corpus 204 → 196 MB cold, 168 →
 * 160 MB over 100 edits, cold index 24.8 → 24.9 s, keystroke p95 126 → 124 ms). The flag is read
 * at every collection, so setting it here applies to the whole process, worker threads included,
 * whichever editor starts the server.
 */
setFlagsFromString('--heap-growing-percent=30');
import { ParseCache } from '../core/parse/parseCache';
import { LifecycleGate } from './lifecycle';
import { startServer, type ParsedAhead } from './server';
import { guardStdio, openTransport } from './transport';
import { readWarmHint, warmStart } from './warmStart';

// The transport (--stdio, --node-ipc, --socket=N, --pipe=NAME) is read from argv; every message
// passes the lifecycle gate before the connection sees it.
const transport = openTransport(process.argv.slice(2));
const gate = new LifecycleGate(transport.reader, transport.writer);
const connection = createConnection(ProposedFeatures.all, gate, transport.writer);
if (transport.stdio) guardStdio(connection.console, () => gate.shutdownReceived);

// A bug in one handler must not end the session: report it on the protocol's log, never on stdout.
process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));

// Named by the client that forked this process, the open documents are parsed while it starts.
const hint = readWarmHint(process.env);
let ahead: ParsedAhead | null = null;
if (hint) {
  const cache = new ParseCache();
  const parsed = new Set<string>();
  ahead = { cache, parsed, done: warmStart(hint, cache, parsed) };
}
startServer(connection, ahead);
