import { setTimeout as delay } from 'node:timers/promises';
import { WARM_ENV, type WarmHint } from '../server/src/protocol';
import { TestClient } from '../test/protocol/support/client';
import { tempDir } from '../test/protocol/support/fixtures';

/** Fork → first diagnostics of the active document in one editor start. */
async function oneStart(root: string, active: string, initializeAfterMs: number, hinted: boolean): Promise<number> {
  const hint: WarmHint = { folders: [root], open: [active] };
  const started = performance.now();
  const client = await TestClient.start({
    roots: [root],
    storagePath: tempDir('proofmark-bench-editor-start-'),
    debounceMs: 0,
    scope: null,
    env: hinted ? { [WARM_ENV]: JSON.stringify(hint) } : {},
    beforeInitialize: () => delay(initializeAfterMs),
  });
  try {
    const uri = await client.open(active);
    await client.published(uri, (p) => p.diagnostics.length > 0);
    return performance.now() - started;
  } finally {
    await client.stop();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/**
 * An editor's start as VS Code's client makes it: the server is forked at activation, and the
 * extension host sends `initialize` some time later (0.2–0.9 s in code-server on the corpus,
 * measured with timestamps in the server). Named the open document in its environment
 * (protocol.ts WARM_ENV), the server parses it and its own scope meanwhile. Cold starts (no model
 * cache), without and with the hint alternately, `rounds` each: the medians, fork → first
 * diagnostics of the active document.
 */
export async function editorStarts(root: string, active: string, initializeAfterMs: number, rounds: number): Promise<{ without: number; hinted: number }> {
  const without: number[] = [];
  const hinted: number[] = [];
  for (let i = 0; i < rounds; i++) {
    without.push(await oneStart(root, active, initializeAfterMs, false));
    hinted.push(await oneStart(root, active, initializeAfterMs, true));
  }
  return { without: median(without), hinted: median(hinted) };
}
