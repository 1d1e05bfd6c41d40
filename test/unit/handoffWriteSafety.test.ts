import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
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
      } else result.set(rel, e.isSymbolicLink() ? `-> ${readlinkSync(full)}` : readFileSync(full, 'utf8'));
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

  /** Each symlink shape a cloned repository can hold where the notes file goes: refused by name, nothing written anywhere. */
  const refusedShapes: { name: string; notes: string; link: (root: string, outside: string) => void; message: RegExp }[] = [
    { name: 'a symlinked folder', notes: 'linkout/TODO001_phase1_notes.md', link: (r, o) => symlinkSync(o, path.join(r, 'linkout')), message: /linkout\/TODO001_phase1_notes\.md would be written outside the workspace .*: linkout is \(or goes through\) a symbolic link to .*outside/ },
    { name: 'a symlinked file', notes: 'TODO001_phase1_notes.md', link: (r, o) => symlinkSync(path.join(o, 'secret.md'), path.join(r, 'TODO001_phase1_notes.md')), message: /TODO001_phase1_notes\.md would be written outside the workspace .*: it is a symbolic link to .*outside\/secret\.md/ },
    { name: 'a dangling symlink', notes: 'TODO001_phase1_notes.md', link: (r, o) => symlinkSync(path.join(o, 'gone.md'), path.join(r, 'TODO001_phase1_notes.md')), message: /TODO001_phase1_notes\.md cannot be written: TODO001_phase1_notes\.md is a symbolic link whose target does not exist/ },
    { name: 'a symlink loop as the folder', notes: 'loop/TODO001_phase1_notes.md', link: (r) => symlinkSync('loop', path.join(r, 'loop')), message: /loop\/TODO001_phase1_notes\.md cannot be written: a symbolic link loop/ },
    { name: 'a symlink loop as the file', notes: 'TODO001_phase1_notes.md', link: (r) => symlinkSync('TODO001_phase1_notes.md', path.join(r, 'TODO001_phase1_notes.md')), message: /TODO001_phase1_notes\.md cannot be written: TODO001_phase1_notes\.md is a symbolic link loop/ },
  ];
  for (const shape of refusedShapes) {
    it(`refuses ${shape.name}, in a dry run too, and then writes none of the four files`, async () => {
      const { root, outside } = workspace(shape.notes);
      shape.link(root, outside);
      const before = { inside: snapshot(root), outside: snapshot(outside) };
      const dry = await handoff(root, { dryRun: true });
      assert.equal(dry.code, 2, dry.err);
      assert.match(dry.out, new RegExp(`^${shape.notes.replace(/\./g, '\\.')} \\(refused, not written\\)$`, 'm'));
      assert.match(dry.out, /^TODO001_phase1_decisions\.md \(new\)$/m);
      for (const extra of [{}, { skipExisting: true }]) {
        const run = await handoff(root, extra);
        assert.equal(run.code, 2, run.err);
        assert.match(run.err, shape.message);
        assert.match(run.err, /proofmark: nothing written\n$/);
        assert.equal(run.out, '');
      }
      assert.deepEqual(snapshot(outside), before.outside);
      assert.deepEqual(snapshot(root), before.inside);
    });
  }

  /** `..`, absolute and `~` names never reach the disk as written: whatever the plan makes of them stays inside. */
  for (const notes of ['../outside/TODO001_phase1_notes.md', '../../TODO001_phase1_notes.md', 'OUTSIDE/TODO001_phase1_notes.md', '~/TODO001_phase1_notes.md']) {
    it(`writes nothing outside for an expected output named ${notes}`, async () => {
      const { root, outside } = workspace(notes);
      if (notes.startsWith('OUTSIDE')) writeFileSync(path.join(root, 'TODO001.md'), todo(notes.replace('OUTSIDE', outside)));
      const beforeOutside = snapshot(outside);
      const beforeParent = readdirSync(path.dirname(root)).sort();
      const run = await handoff(root);
      assert.equal(run.code, 0, run.err);
      assert.deepEqual(snapshot(outside), beforeOutside);
      assert.deepEqual(readdirSync(path.dirname(root)).sort(), beforeParent);
      const written = [...snapshot(root).keys()].filter((p) => p.endsWith('.md') && p !== 'TODO001.md').sort();
      assert.equal(written.length, 4, written.join(', '));
      assert.ok(written.every((p) => !p.startsWith('..') && !path.isAbsolute(p)));
      assert.ok(!written.some((p) => p.startsWith('~')), 'a folder named ~ was made in the workspace');
    });
  }
});
