import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EXTENSION_ID } from './context';

/**
 * The Proofmark output channel's log file(s) under the editor's logs folder
 * (`<logs>/<session>/exthost<N>/proofmark.proofmark/Proofmark.log`), found by walking `logsRoot`.
 */
export function proofmarkLogFiles(logsRoot: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 4 || !existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else if (entry.name === 'Proofmark.log' && path.basename(dir) === EXTENSION_ID) found.push(full);
    }
  };
  walk(logsRoot, 0);
  return found.sort();
}

/** Lines of the log that report a failure: the channel's `[error]` level, or an unhandled rejection or exception. */
export function errorLines(text: string): string[] {
  return text.split('\n').filter((line) => /\[error\]|unhandled/i.test(line));
}

export function readLog(file: string): string {
  return readFileSync(file, 'utf8');
}
