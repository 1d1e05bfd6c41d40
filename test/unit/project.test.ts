import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/analyze/document';
import { loadProject } from '../../server/src/core/engine';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';

const EXAMPLE = path.resolve(__dirname, '../../examples/orbit');

function exampleFiles(): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(full).isDirectory()) walk(full, r);
      else files[r] = readFileSync(full);
    }
  };
  walk(EXAMPLE, '');
  return files;
}

describe('incremental project', () => {
  it('after edits, removals and additions, reports exactly what a fresh check of the result reports', async () => {
    const files = exampleFiles();
    const project = await loadProject({ workspace: new MemoryWorkspace(files) });
    const before = project.findings();
    assert.ok(before.some((f) => f.file === 'TODO001_phase2_testing_summary.md' && f.code === 'status-conflict'));

    // Tick every box of the TODO, delete one output, add a new one.
    const todo = new TextDecoder().decode(files['TODO001.md']).replace(/- \[ \]/g, '- [x]');
    const edits: Record<string, string> = { 'TODO001.md': todo, 'TODO001_phase2_decisions.md': '# Phase 2 decisions\n\nNothing claimed here.\n' };
    for (const [p, text] of Object.entries(edits)) project.setOutcome(analyzeText(p, text, project.config));
    project.removeFile('TODO001_phase3_handoff.md');
    const incremental = project.findings();

    const fresh = { ...files, ...Object.fromEntries(Object.entries(edits).map(([p, t]) => [p, new TextEncoder().encode(t)])) };
    delete fresh['TODO001_phase3_handoff.md'];
    const expected = (await loadProject({ workspace: new MemoryWorkspace(fresh) })).findings();
    assert.deepEqual(incremental, expected);
    assert.ok(!incremental.some((f) => f.file === 'TODO001_phase2_testing_summary.md' && f.code === 'status-conflict'));
    assert.ok(!incremental.some((f) => f.code === 'expected-output-missing' && f.message.includes('TODO001_phase2_decisions.md')));
  });

  it('gives the views and the rules one rule context per revision, whichever is asked first', async () => {
    const project = await loadProject({ workspace: new MemoryWorkspace(exampleFiles()) });
    const context = project.ruleContext();
    const initiatives = project.initiatives();
    project.findings();
    assert.equal(project.ruleContext(), context, 'the findings were computed with the context the views had');
    assert.equal(project.initiatives(), initiatives);
    project.setOutcome(analyzeText('TODO001_phase1_notes.md', '# Phase 1 notes\n\nEdited.\n', project.config));
    assert.notEqual(project.ruleContext(), context, 'a change makes a new context');
  });

  it('reuses the results of initiatives an edit did not touch', async () => {
    const files = { ...exampleFiles(), 'other/TODO002.md': '# TODO002: Other\n\n- Phase 1: ✅ COMPLETED - A\n\n## Phase 1: A\n- [ ] open\n' };
    const project = await loadProject({ workspace: new MemoryWorkspace(files) });
    const first = project.findings().find((f) => f.file === 'other/TODO002.md');
    project.setOutcome(analyzeText('TODO001_phase1_notes.md', '# Phase 1 notes\n\nEdited.\n', project.config));
    const again = project.findings().find((f) => f.file === 'other/TODO002.md');
    assert.deepEqual(again, first);
  });
});

describe('merged findings across computations', () => {
  it('keeps a merge of unchanged findings the same object after an edit elsewhere', async () => {
    const text = '# Notes\n\nSee [the plan](./PLAN.md).\n\nLine five.\n';
    const project = await loadProject({ workspace: new MemoryWorkspace({ 'a/NOTES.md': text, 'b/NOTES.md': text, 'c/other.md': '# Other\n' }) });
    const first = project.findings().find((f) => f.file === 'a/NOTES.md' && f.code === 'broken-reference');
    assert.ok(first?.related.some((r) => r.file === 'b/NOTES.md'), 'the copy is a related location');
    project.setOutcome(analyzeText('c/other.md', '# Other\n\nEdited.\n', project.config));
    const again = project.findings().find((f) => f.file === 'a/NOTES.md' && f.code === 'broken-reference');
    assert.equal(again, first, 'the same object, so the server sees the file unchanged');
  });

  it('tells which findings of a later copy are reported on its first copy', async () => {
    const text = '# Notes\n\nSee [the plan](./PLAN.md).\n\nLine five.\n';
    const project = await loadProject({ workspace: new MemoryWorkspace({ 'a/NOTES.md': text, 'b/NOTES.md': text, 'c/NOTES.md': `${text}\nMore.\n` }) });
    assert.deepEqual(project.findingsFor('b/NOTES.md'), [], 'reported once, on a/');
    const copies = project.copyFindingsFor('b/NOTES.md');
    assert.deepEqual(copies.map((c) => [c.first, c.finding.file, c.finding.code, c.finding.range.start.line]), [['a/NOTES.md', 'b/NOTES.md', 'broken-reference', 3]]);
    assert.deepEqual(project.copyFindingsFor('a/NOTES.md'), [], 'the first copy keeps its own');
    assert.deepEqual(project.copyFindingsFor('c/NOTES.md'), [], 'another text is no copy');
    assert.equal(project.findingsFor('c/NOTES.md').length, 1);
  });
});

describe('the configuration set again', () => {
  it('changes nothing when it is the same, so the models analysed with it stay current', async () => {
    const project = await loadProject({ workspace: new MemoryWorkspace(exampleFiles()) });
    const revision = project.revision;
    const findings = project.findings();
    assert.equal(project.setConfig({ config: { ...project.config }, problems: [] }), false);
    assert.equal(project.revision, revision);
    assert.equal(project.findings(), findings, 'not even recomputed');
    assert.equal(project.setConfig({ config: { ...project.config, maxFileSize: project.config.maxFileSize - 1 }, problems: [] }), true);
    assert.notEqual(project.revision, revision);
  });
});
