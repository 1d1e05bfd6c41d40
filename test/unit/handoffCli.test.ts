import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { runHandoffCommand } from '../../server/src/cli/handoff';
import { EXAMPLE } from '../golden/handoff/fixtures';

const copies: string[] = [];

/** A private copy of the example: each test writes into its own. */
function exampleCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'proofmark-handoff-'));
  copies.push(dir);
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

after(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

function capture(): { io: { out: (s: string) => void; err: (s: string) => void }; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { io: { out: (s) => (out += s), err: (s) => (err += s) }, out: () => out, err: () => err };
}

/** Every file under a folder with the hash of its bytes. */
function hashes(root: string): Map<string, string> {
  const result = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else result.set(path.relative(root, full), createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk(root);
  return result;
}

const options = (root: string, phase: string, extra: { dryRun?: boolean; skipExisting?: boolean; todoFile?: string } = {}) => ({
  root,
  todoFile: extra.todoFile ?? 'TODO001.md',
  phase,
  dryRun: extra.dryRun ?? false,
  skipExisting: extra.skipExisting ?? false,
});

const PHASE4 = ['notes', 'decisions', 'handoff', 'testing_summary'].map((k) => `TODO001_phase4_${k}.md`);

describe('proofmark handoff (runHandoffCommand)', () => {
  it('writes the four files of a phase that has none, then refuses to run over them and changes no byte', async () => {
    const root = exampleCopy();
    const first = capture();
    assert.equal(await runHandoffCommand(options(root, '4'), first.io), 0, first.err());
    assert.deepEqual(first.out().trim().split('\n'), PHASE4.map((n) => `wrote ${n}`));
    for (const name of PHASE4) assert.ok(existsSync(path.join(root, name)), `${name} was not written`);
    assert.match(readFileSync(path.join(root, PHASE4[0] ?? ''), 'utf8'), /^# TODO001 Phase 4 Notes — Field Pilot Rollout and Telemetry\n/);

    const before = hashes(root);
    const again = capture();
    assert.equal(await runHandoffCommand(options(root, '4'), again.io), 1);
    assert.match(again.err(), /TODO001_phase4_notes\.md exists/);
    assert.match(again.err(), /nothing written; pass --skip-existing/);
    assert.deepEqual(hashes(root), before);
  });

  it('with --skip-existing writes only the missing files of a phase and keeps the others byte for byte', async () => {
    const root = exampleCopy();
    const before = hashes(root);
    const run = capture();
    assert.equal(await runHandoffCommand(options(root, '2.5', { skipExisting: true }), run.io), 0, run.err());
    assert.deepEqual(run.out().trim().split('\n'), [
      'kept TODO001_phase2.5_notes.md (exists)',
      'wrote TODO001_phase2.5_decisions.md',
      'wrote TODO001_phase2.5_handoff.md',
      'kept TODO001_phase2.5_testing_summary.md (exists)',
    ]);
    const after = hashes(root);
    for (const [file, hash] of before) assert.equal(after.get(file), hash, `${file} changed`);
    assert.deepEqual([...after.keys()].filter((f) => !before.has(f)).sort(), ['TODO001_phase2.5_decisions.md', 'TODO001_phase2.5_handoff.md']);
  });

  it('--dry-run prints the plan and writes nothing', async () => {
    const root = exampleCopy();
    const before = hashes(root);
    const run = capture();
    assert.equal(await runHandoffCommand(options(root, '4', { dryRun: true }), run.io), 0, run.err());
    assert.match(run.out(), /dry run: nothing is written/);
    assert.match(run.out(), /TODO001_phase4_testing_summary\.md \(new\)\n {4}# TODO001 Phase 4 Testing Summary — Field Pilot Rollout and Telemetry\n/);
    assert.deepEqual(hashes(root), before);
  });

  it('--dry-run over existing files answers what the real run would (exit 1) and writes nothing', async () => {
    const root = exampleCopy();
    const before = hashes(root);
    const run = capture();
    assert.equal(await runHandoffCommand(options(root, '3', { dryRun: true }), run.io), 1);
    assert.match(run.out(), /TODO001_phase3_notes\.md \(exists, not written\)/);
    assert.deepEqual(hashes(root), before);
  });

  it('asks the disk, not the index: a file the project ignores counts as existing and keeps its bytes', async () => {
    const root = exampleCopy();
    // The project ignores this file, so the index does not have it: the disk is asked all the same.
    writeFileSync(path.join(root, '.proofmark.json'), JSON.stringify({ ignore: ['TODO001_phase4_handoff.md'] }));
    writeFileSync(path.join(root, 'TODO001_phase4_handoff.md'), 'written by a person\n');
    const run = capture();
    assert.equal(await runHandoffCommand(options(root, '4'), run.io), 1);
    assert.match(run.err(), /TODO001_phase4_handoff\.md exists\n.*nothing written/s);
    assert.ok(!existsSync(path.join(root, 'TODO001_phase4_notes.md')));
    const skip = capture();
    assert.equal(await runHandoffCommand(options(root, '4', { skipExisting: true }), skip.io), 0, skip.err());
    assert.match(skip.out(), /kept TODO001_phase4_handoff\.md \(exists\)/);
    assert.equal(readFileSync(path.join(root, 'TODO001_phase4_handoff.md'), 'utf8'), 'written by a person\n');
    assert.ok(existsSync(path.join(root, 'TODO001_phase4_notes.md')));
  });

  it("reads the workspace's templates folder named in .proofmark.json", async () => {
    const root = exampleCopy();
    mkdirSync(path.join(root, 'pm-templates'));
    writeFileSync(path.join(root, '.proofmark.json'), JSON.stringify({ templates: 'pm-templates' }));
    writeFileSync(path.join(root, 'pm-templates', 'notes.md'), '# Pilot notes for {{todo}} phase {{phase}}\n\n{{openItems}}\n');
    const run = capture();
    assert.equal(await runHandoffCommand(options(root, '4'), run.io), 0, run.err());
    const notes = readFileSync(path.join(root, 'TODO001_phase4_notes.md'), 'utf8');
    assert.match(notes, /^# Pilot notes for TODO001\.md phase 4\n\n<!-- proofmark:generated -->\n### Phase 4: Field Pilot Rollout and Telemetry \(9 open\)/);
    assert.match(readFileSync(path.join(root, 'TODO001_phase4_decisions.md'), 'utf8'), /^# TODO001 Phase 4 Decisions/);
  });

  it('answers an unknown phase, a missing TODO and a document that is no TODO with one line and exit 2', async () => {
    const root = exampleCopy();
    const before = hashes(root);
    const cases: [ReturnType<typeof options>, RegExp][] = [
      [options(root, '12'), /^proofmark: Phase 12 does not exist in TODO001\.md; its phases are 1, 2, 2\.5, 3, 4\.\n$/],
      [options(root, '1', { todoFile: 'TODO009.md' }), /^proofmark: TODO not found: TODO009\.md .*\n$/],
      [options(root, '1', { todoFile: 'PRD001.md' }), /^proofmark: PRD001\.md is not a TODO: .*\n$/],
      [options(root, '1', { todoFile: '../outside/TODO001.md' }), /^proofmark: \.\.\/outside\/TODO001\.md is not inside the root .*\n$/],
    ];
    for (const [opts, message] of cases) {
      const run = capture();
      assert.equal(await runHandoffCommand(opts, run.io), 2, opts.todoFile);
      assert.match(run.err(), message);
      assert.equal(run.out(), '');
    }
    assert.deepEqual(hashes(root), before);
  });
});
