import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runNvimScript } from './headless';
import { HIDDEN_OUTPUT_LINES, orbitWithHiddenOutput } from '../protocol/support/fixtures';

const NVIM = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const skip = NVIM.status === 0 ? false : 'nvim is not installed (apt-get install -y neovim); the Neovim client test is skipped';

const NOTES = 'Notes a person wrote in Neovim.\n';
const sha256 = (file: string): string | null => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null);

interface Step {
  readonly file: string;
  readonly offered: readonly string[];
  readonly answers: readonly string[];
  /** The SHA-256 of the file on disk just before the step's actions were applied, and just after. */
  readonly before: string | null;
  readonly after: string | null;
}

describe('Neovim 0.7 applying a "Create" quick fix over an existing file', { skip }, () => {
  it('leaves the file byte for byte as it was (Neovim truncates every CreateFile target it applies)', { timeout: 300_000 }, (t) => {
    const root = orbitWithHiddenOutput(NOTES);
    const steps = runNvimScript('createOutput.lua', root, {
      PROOFMARK_NOTES: NOTES,
      PROOFMARK_LINES: JSON.stringify({ ignored: HIDDEN_OUTPUT_LINES.phase2Decisions, later: HIDDEN_OUTPUT_LINES.phase4Notes, between: HIDDEN_OUTPUT_LINES.phase4Decisions }),
    }) as Map<string, Step>;

    const expected = createHash('sha256').update(NOTES).digest('hex');
    // Hashed by Neovim just before the create action is applied and just after: the same bytes.
    const names = ['ignored', 'later', 'between'];
    for (const name of names) t.diagnostic(`${name}: ${steps.get(name)?.file ?? '?'} sha256 before ${steps.get(name)?.before ?? 'none'}, after ${steps.get(name)?.after ?? 'none'}`);
    for (const name of names) {
      const step = steps.get(name);
      assert.equal(step?.before, expected, `${name}: the notes are on disk before the action`);
      assert.equal(step?.after, step?.before, `${name}: ${step?.file ?? '?'} changed under the create action`);
    }
    for (const file of ['out/TODO001_phase2_decisions.md', 'TODO001_phase4_notes.md', 'TODO001_phase4_decisions.md']) {
      assert.equal(sha256(path.join(root, file)), expected, `${file} changed: ${JSON.stringify(Object.fromEntries(steps))}`);
    }
    // The fix was offered while the file was missing, so the check when it ran is what kept the file.
    assert.deepEqual(steps.get('between')?.offered, ['Create TODO001_phase4_decisions.md']);
    assert.match(steps.get('between')?.answers[0] ?? '', /TODO001_phase4_decisions\.md exists on disk, so it was left exactly as it is/);
    assert.deepEqual(steps.get('ignored')?.offered, []);
    assert.deepEqual(steps.get('later')?.offered, []);
  });
});
