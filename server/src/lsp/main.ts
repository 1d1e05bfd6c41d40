import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// The transport (--stdio, --node-ipc, --socket=N) is read from argv by createConnection.
const connection = createConnection(ProposedFeatures.all);

// A bug in one handler must not end the session: report it on the protocol's log, never on stdout.
process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));

startServer(connection);
