import { format } from 'node:util';
import {
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

export interface Transport {
  readonly reader: MessageReader;
  readonly writer: MessageWriter;
  /** Whether the protocol runs over this process's stdin and stdout. */
  readonly stdio: boolean;
}

/** The value of `--name=value` or `--name value` in argv. */
function option(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === name) return argv[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

/**
 * The transport named on the command line, as vscode-languageserver reads it (`--stdio`,
 * `--node-ipc`, `--socket=N`, `--pipe=NAME`). The server builds its reader and writer itself so
 * that the lifecycle gate (lifecycle.ts) can sit between them and the connection.
 */
export function openTransport(argv: readonly string[]): Transport {
  if (argv.includes('--node-ipc')) return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process), stdio: false };
  if (argv.includes('--stdio')) return { reader: new StreamMessageReader(process.stdin), writer: new StreamMessageWriter(process.stdout), stdio: true };
  const port = Number(option(argv, '--socket'));
  if (Number.isInteger(port) && port > 0) {
    const [reader, writer] = createServerSocketTransport(port);
    return { reader, writer, stdio: false };
  }
  const pipe = option(argv, '--pipe');
  if (pipe) {
    const [reader, writer] = createServerPipeTransport(pipe);
    return { reader, writer, stdio: false };
  }
  throw new Error('Say how to talk to the client: --stdio, --node-ipc, --socket=PORT or --pipe=NAME.');
}

/**
 * What vscode-languageserver does for a stdio connection it builds itself, done here since the
 * server builds its own: stray console output of a dependency goes to the protocol's log, never
 * to stdout (the protocol), and the server exits when the client closes its stdin.
 */
export function guardStdio(log: { log(m: string): void; warn(m: string): void; error(m: string): void }, shutdownReceived: () => boolean): void {
  const send = (to: (m: string) => void) => (...args: unknown[]) => to(format(...args));
  /* eslint-disable no-console -- the one place that touches console: to take it off stdout */
  console.log = console.info = console.debug = console.trace = console.dir = send((m) => log.log(m));
  console.warn = send((m) => log.warn(m));
  console.error = send((m) => log.error(m));
  /* eslint-enable no-console */
  const exit = (): void => process.exit(shutdownReceived() ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
}
