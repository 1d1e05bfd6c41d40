import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runHandoffCommand } from '../../server/src/cli/handoff';
import { tempWorkspace } from '../support/cliHarness';

/** A TODO whose phase 1 names its notes file `notesPath` in Expected Outputs (the other three by convention). */
function todo(notesPath: string): string {
  return [
    '# TODO001: Write safety',
    '',
    '## Phase 1: Scaffolding 🔄 IN PROGRESS',
    '',
    '### Expected Outputs',
    `- Save implementation notes to: \`${notesPath}\``,
    '- Document decisions in: `TODO001_phase1_decisions.md`',
    '- List the next steps in: `TODO001_phase1_handoff.md`',
    '- Create testing summary in: `TODO001_phase1_testing_summary.md`',
    '',
    '### Progress Checklist',
    '- [x] Write the guard',
    '- [ ] Test it',
    '',
  ].join('\n');
}

/** A workspace `root` holding that TODO, with a folder `outside` beside it. */
function workspace(notesPath: string): { root: string; outside: string } {
  const root = tempWorkspace({ 'TODO001.md': todo(notesPath) });
  const outside = path.join(path.dirname(root), 'outside');
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'secret.md'), 'outside\n');
  return { root, outside };
}

/** Every entry under a folder (files, folders and links), with the bytes of each file. */
function snapshot(dir: string): Map<string, string> {
  const result = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      const rel = path.relative(dir, full);
      if (e.isDirectory()) {
        result.set(`${rel}/`, '');
        walk(full);
      } else result.set(rel, e.isFile() ? readFileSync(full, 'utf8') : `-> ${String(statSync(full, { throwIfNoEntry: false })?.size ?? 'dangling')}`);
    }
  };
  walk(dir);
  return result;
}

async function handoff(root: string, extra: { dryRun?: boolean; skipExisting?: boolean } = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runHandoffCommand({ root, todoFile: 'TODO001.md', phase: '1', dryRun: extra.dryRun ?? false, skipExisting: extra.skipExisting ?? false }, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('proofmark handoff never writes outside the workspace', () => {
  it('refuses an output under a symlinked folder before making any folder outside (not even one)', async () => {
    const { root, outside } = workspace('linkout/phase1/TODO001_phase1_notes.md');
    symlinkSync(outside, path.join(root, 'linkout'));
    const before = snapshot(outside);
    const run = await handoff(root);
    assert.deepEqual(snapshot(outside), before);
    assert.equal(run.code, 2, run.err);
    assert.match(run.err, /linkout\/phase1\/TODO001_phase1_notes\.md would be written outside the workspace .*: linkout is \(or goes through\) a symbolic link to /);
  });
});
