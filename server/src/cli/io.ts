/** Where a command writes, and where it runs from; injected so commands run in tests without a process. */
export interface Io {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Reports a usage or I/O problem in one line on stderr and gives exit code 2. */
  fail(reason: string): 2;
}

export function processIo(): Io {
  const err = (text: string): void => {
    process.stderr.write(text);
  };
  // A reader that stops early (`proofmark check | head`) is not an error worth a stack trace.
  let closed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') closed = true;
    else {
      err(`proofmark: cannot write the output (${error.code ?? error.message})\n`);
      process.exitCode = 2;
    }
  });
  return {
    cwd: process.cwd(),
    out: (text) => {
      if (!closed) process.stdout.write(text);
    },
    err,
    fail: (reason) => {
      err(`proofmark: ${reason}\n`);
      return 2;
    },
  };
}
