import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { SERVER } from '../protocol/support/client';
import { tempDir } from '../protocol/support/fixtures';

/**
 * Runs a Lua script in a headless, clean Neovim with its own state folders and the built server,
 * asserts that it exited 0, and returns the lines it printed.
 */
export function runNvim(script: string, root: string, env: Record<string, string>, timeoutMs = 240_000): string[] {
  const state = tempDir('proofmark-nvim-');
  for (const d of ['cache', 'state', 'data', 'config']) mkdirSync(path.join(state, d));
  const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${path.join(__dirname, script)}`], {
    encoding: 'utf8',
    timeout: timeoutMs,
    env: {
      ...process.env,
      PROOFMARK_SERVER: SERVER,
      PROOFMARK_ROOT: root,
      PROOFMARK_STORAGE: path.join(state, 'storage'),
      ...env,
      XDG_CACHE_HOME: path.join(state, 'cache'),
      XDG_STATE_HOME: path.join(state, 'state'),
      XDG_DATA_HOME: path.join(state, 'data'),
      XDG_CONFIG_HOME: path.join(state, 'config'),
    },
  });
  assert.equal(run.status, 0, `nvim failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  return `${run.stdout}`.split('\n');
}

/** Runs a Lua script (see runNvim) and returns the steps it printed (`STEP name json`), after asserting that it ran to `DONE`. */
export function runNvimScript(script: string, root: string, env: Record<string, string>): Map<string, unknown> {
  const lines = runNvim(script, root, env);
  assert.ok(lines.includes('DONE'), lines.join('\n'));
  return new Map(
    lines
      .filter((l) => l.startsWith('STEP '))
      .map((l) => {
        const [, name = '', json = 'null'] = /^STEP (\S+) (.*)$/.exec(l) ?? [];
        return [name, JSON.parse(json) as unknown] as const;
      }),
  );
}
