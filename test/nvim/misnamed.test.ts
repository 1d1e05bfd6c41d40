import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runNvimScript } from './headless';
import { tempDir } from '../protocol/support/fixtures';

const NVIM = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const GIT = spawnSync('git', ['--version'], { encoding: 'utf8' });
const skip = NVIM.status !== 0 ? 'nvim is not installed (apt-get install -y neovim); the Neovim client test is skipped' : GIT.status !== 0 ? 'git is not installed' : false;

const TODO = '# TODO001: Drift\n\n- Phase 1: ✅ COMPLETED - Setup\n\n## Phase 1: Setup\n\n### Expected Outputs\n- Save notes to: `TODO001_Phase1-Notes.md`\n\n### Progress Checklist\n- [x] Build it\n';
/** The 0-based line of TODO that cites the drifted name. */
const DRIFT_LINE = 7;

/** A git repository whose `src/io.py` was renamed, with a report that still cites it and a TODO citing a drifted output name. */
function repository(): string {
  const root = tempDir('proofmark-nvim-git-');
  const git = (...args: string[]): void => {
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, stdio: 'ignore', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: root } });
  };
  const write = (rel: string, text: string): void => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  git('init', '-q');
  write('src/io.py', 'def read(): ...\n');
  write('docs/REFACTOR_SUMMARY.md', '# Refactor summary\n\nThe reader lives in `src/io.py`.\n');
  write('TODO001.md', TODO);
  write('TODO001_phase1_notes.md', '# Notes\n');
  git('add', '.');
  git('commit', '-q', '-m', 'first');
  mkdirSync(path.join(root, 'src/core'));
  git('mv', 'src/io.py', 'src/core/reader.py');
  git('commit', '-q', '-m', 'move the reader');
  return root;
}

describe('Neovim 0.7 on a drifted name and a moved file', { skip }, () => {
  it('shows the git history of a missing file and applies the "Write …" fix of a drifted name', { timeout: 300_000 }, () => {
    const root = repository();
    const steps = runNvimScript('misnamed.lua', root, { PROOFMARK_LINE: String(DRIFT_LINE) });
    const moved = steps.get('moved') as { told: boolean; messages: string[] } | undefined;
    assert.equal(moved?.told, true, JSON.stringify(moved));
    assert.ok(moved?.messages.some((m) => / src\/io\.py was moved to src\/core\/reader\.py in [0-9a-f]{7,} \(\d{4}-\d{2}-\d{2}\)\.$/.test(m)), JSON.stringify(moved));
    assert.deepEqual(steps.get('offered'), ['Write TODO001_phase1_notes.md']);
    assert.deepEqual(steps.get('fixed'), ['- Save notes to: `TODO001_phase1_notes.md`']);
  });
});
