#!/usr/bin/env node
import { existsSync } from 'node:fs';
import * as nodePath from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs, USAGE, type HandoffArgs } from './args';
import { runCheck } from './check';
import { runHandoffCommand } from './handoff';
import { processIo, type Io } from './io';
import { insideRoot } from '../node/folderPaths';
import { resolveRoot } from './root';
import { statsLine } from './stats';
import { VERSION } from './version';

/** `proofmark handoff`: the TODO must lie inside the root; it is passed on root-relative. */
async function runHandoff(args: HandoffArgs, io: Io): Promise<number> {
  const root = resolveRoot(args.root, args.todoFile, io.cwd);
  if (!root.ok) return io.fail(root.error);
  const full = nodePath.resolve(io.cwd, args.todoFile);
  if (!existsSync(full)) return io.fail(`${args.todoFile} does not exist`);
  const todoFile = insideRoot(root.value, full);
  if (todoFile === null || todoFile === '') return io.fail(`${args.todoFile} is not a file inside the root ${root.value}`);
  const started = performance.now();
  const code = await runHandoffCommand({ root: root.value, todoFile, phase: args.phase, dryRun: args.dryRun, skipExisting: args.skipExisting }, io);
  if (args.stats) io.err(statsLine(performance.now() - started));
  return code;
}

async function main(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) return io.fail(`${parsed.error} (see proofmark --help)`);
  const command = parsed.command;
  switch (command.command) {
    case 'help':
      io.out(USAGE);
      return 0;
    case 'version':
      io.out(`${VERSION}\n`);
      return 0;
    case 'check':
      return runCheck(command, io);
    case 'handoff':
      return runHandoff(command, io);
  }
}

// The exit code is set, not forced with process.exit, so piped output is flushed before the process ends.
const io = processIo();
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = io.fail(error instanceof Error ? error.message : String(error));
  },
);
