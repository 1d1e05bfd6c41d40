import assert from 'node:assert/strict';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { resolveRoot } from '../../server/src/cli/root';
import { findMarkedAncestor } from '../../server/src/node/folderPaths';
import { runCli } from '../support/cliHarness';
import { tempDir } from '../support/tempDirs';

const TODO = '# TODO001: Work\n\n## Phase 1: Setup ✅ COMPLETED\n\n### Progress Checklist\n\n- [x] one\n- [ ] two\n';

/** Two unmarked folders side by side: `here` (the current folder) and `there` (a document's folder). */
function layout(): { here: string; there: string } {
  const top = realpathSync(tempDir('proofmark-root-'));
  const here = path.join(top, 'here');
  const there = path.join(top, 'there', 'plans');
  mkdirSync(here, { recursive: true });
  mkdirSync(there, { recursive: true });
  writeFileSync(path.join(there, 'TODO001.md'), TODO);
  writeFileSync(path.join(here, 'notes.md'), '# Notes\n');
  return { here, there };
}

const unmarked = findMarkedAncestor(realpathSync(tempDir('proofmark-root-probe-'))) === null;
const SKIP = unmarked ? false : 'the temporary folder lies inside a repository; the fallback cannot be seen there';

describe('the default root', { skip: SKIP, timeout: 120_000 }, () => {
  it('is the document\'s own folder when it lies outside the current folder and no ancestor is marked', () => {
    const { here, there } = layout();
    assert.deepEqual(resolveRoot(null, path.join(there, 'TODO001.md'), here), { ok: true, value: there });
    assert.deepEqual(resolveRoot(null, path.relative(here, there), here), { ok: true, value: there });
  });

  it('stays the current folder for a document inside it, and the marked ancestor when there is one', () => {
    const { here, there } = layout();
    assert.deepEqual(resolveRoot(null, 'notes.md', here), { ok: true, value: here });
    assert.deepEqual(resolveRoot(null, undefined, here), { ok: true, value: here });
    const repo = path.dirname(there);
    mkdirSync(path.join(repo, '.git'));
    assert.deepEqual(resolveRoot(null, path.join(there, 'TODO001.md'), here), { ok: true, value: repo });
  });

  it('lets check and handoff work on a document outside the current folder', async () => {
    const { here, there } = layout();
    const todo = path.join(there, 'TODO001.md');
    const check = await runCli(['check', todo, '--format', 'json'], { cwd: here });
    assert.equal(check.code, 1, check.stderr);
    const findings = (JSON.parse(check.stdout) as { findings: { file: string; code: string }[] }).findings;
    assert.ok(findings.some((f) => f.file === 'TODO001.md' && f.code === 'phase-done-checklist-open'), check.stdout);

    const handoff = await runCli(['handoff', todo, '--phase', '1', '--dry-run'], { cwd: here });
    assert.equal(handoff.code, 0, handoff.stderr);
    assert.match(handoff.stdout, /^Phase 1 \(Setup\) of TODO001\.md, dry run: nothing is written\./);
    assert.match(handoff.stdout, /^TODO001_phase1_handoff\.md \(new\)$/m);
  });
});
