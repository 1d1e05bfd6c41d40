import type { RawBlock } from './collect';

/** Info strings of a fenced block of shell commands. */
const SHELL = /^(?:bash|sh|shell|zsh|fish|ksh|powershell|pwsh|ps1|cmd|bat|batch)$/i;

/** A line a command prints rather than one typed: JSON, a prompt's answer, a test runner's verdict. */
const OUTPUT_LINE = /^\s*(?:[{[<]|\$\s|>\s|PS>|={3,}|-{3,}|✓|✔|✗|✘|❌|✅)|\b(?:passed|failed|passing|failing|succeeded|successful(?:ly)?|errors?|warnings?|ok)\b/i;

/**
 * A fenced block that holds only shell commands and comments (`docker compose up -d`, `#
 * Validate the configuration`): what to run, or what was run, but not what came of it, so it is
 * no evidence of a result. A block with a prompt (`$ pytest`) or a printed line beside its
 * commands shows output; a block of another language (code, configuration, a log) is what it shows.
 */
export function commandsOnly(block: RawBlock): boolean {
  if (block.lang === undefined || !SHELL.test(block.lang)) return false;
  const lines = block.value.split('\n').filter((l) => l.trim().length > 0);
  return lines.length > 0 && lines.every((l) => !OUTPUT_LINE.test(l));
}
