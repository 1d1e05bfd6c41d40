import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadProject } from '../../server/src/core/engine';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { codeActionsAt } from '../../server/src/core/views/codeActions';
import { check, model, only } from '../support/memory';

const TODO = `# TODO042: Example

**Phase Status Summary:**
- Phase 1: ✅ COMPLETED - Setup
- Phase 2: 🔄 IN PROGRESS - Build Pipeline
- Phase 3: ✅ COMPLETED - Something Else Entirely

## Phase 1: Setup

### Tasks
#### T1.1: Create repo
- make it

### Expected Outputs
- Save notes to: \`TODO042_phase1_notes.md\`

### Progress Checklist
#### Repo
- [x] Create repository
  - [x] Add README

## Phase 3 — Release ✅ COMPLETED

### Prerequisites
- \`TODO042_phase2_notes.md\`

### Progress Checklist
- [x] Tag
- [ ] Publish
  - [ ] Announce

## Phase 2: Build Pipeline

### Expected Outputs
- \`TODO042_phase2_notes.md\`
- \`TODO042_phase2_decisions.md\`

### Progress Checklist
- [x] Compile
- [ ] Save \`TODO042_phase1_notes.md\` with notes

## Phase 2.5: Hotfix

- [ ] Patch

## Project Completion Checklist

### Phase 1: Setup ✅ COMPLETED
- [x] done
### Phase 2: Build Pipeline ✅ COMPLETED
- [x] done
`;

describe('TODO model', () => {
  const todo = model('p/TODO042.md', TODO).todo;
  it('finds phases in document order with normalised numbers and titles', () => {
    assert.ok(todo);
    assert.deepEqual(todo.phases.map((p) => [p.number, p.title]), [
      ['1', 'Setup'],
      ['3', 'Release'],
      ['2', 'Build Pipeline'],
      ['2.5', 'Hotfix'],
    ]);
  });
  it('collects every statement of a phase status, with its source', () => {
    const p2 = todo?.phases.find((p) => p.number === '2');
    assert.deepEqual(p2?.statuses.map((s) => [s.source, s.marker?.status, s.line]), [
      ['summary', 'in-progress', 5],
      ['completion-checklist', 'done', 50],
    ]);
    const p3 = todo?.phases.find((p) => p.number === '3');
    assert.deepEqual(p3?.statuses.map((s) => s.source), ['summary', 'heading']);
  });
  it('counts the Progress Checklist, tasks, expected outputs and prerequisites', () => {
    const p1 = todo?.phases[0];
    assert.deepEqual(p1?.checklist, { total: 2, checked: 2, firstOpenLine: null, notRequired: 0 });
    assert.deepEqual(p1?.tasks.map((t) => t.id), ['T1.1']);
    assert.deepEqual(p1?.expectedOutputs.map((o) => o.name), ['TODO042_phase1_notes.md']);
    const p3 = todo?.phases.find((p) => p.number === '3');
    assert.deepEqual(p3?.checklist, { total: 3, checked: 1, firstOpenLine: 29, notRequired: 0 });
    assert.deepEqual(p3?.prerequisites.map((o) => o.name), ['TODO042_phase2_notes.md']);
    const p2 = todo?.phases.find((p) => p.number === '2');
    assert.deepEqual(p2?.outputItems.map((o) => o.name), ['TODO042_phase1_notes.md']);
  });
  it('uses the whole section when a phase has no Progress Checklist', () => {
    const p25 = todo?.phases.find((p) => p.number === '2.5');
    assert.deepEqual(p25?.checklist, { total: 1, checked: 0, firstOpenLine: 44, notRequired: 0 });
  });
});

describe('TODO rules', async () => {
  const findings = await check({ 'p/TODO042.md': TODO, 'p/TODO042_phase1_notes.md': '# Notes\n' });
  const at = (code: string) => only(findings, code).map((f) => f.range.start.line);
  it('reports a phase marked done while its boxes are open once, with its other statements related', () => {
    assert.deepEqual(at('phase-done-checklist-open'), [6, 50]);
    const phase3 = only(findings, 'phase-done-checklist-open').find((f) => f.range.start.line === 6);
    assert.match(phase3?.message ?? '', /^Phase 3 is marked ✅ COMPLETED here \(the status summary\), but its Progress Checklist \(line 27\) has 2 of 3 required boxes unchecked; it is also marked done at line 22\.$/);
    assert.deepEqual(phase3?.related.map((r) => r.range.start.line), [22, 27, 29]);
  });
  it('reports statuses that disagree', () => {
    const conflict = only(findings, 'status-conflict');
    assert.deepEqual(conflict.map((f) => f.range.start.line), [50]);
    assert.match(conflict[0]?.message ?? '', /Phase 2 is ✅ COMPLETED here .* but 🔄 IN PROGRESS in the status summary \(line 5\)/);
  });
  it('reports a title that differs from the section', () => {
    assert.deepEqual(at('phase-title-mismatch'), [6]);
  });
  it('reports sections out of order', () => {
    assert.deepEqual(at('phase-order'), [32, 42]);
  });
  it('reports expected outputs missing for started phases only', () => {
    const missing = only(findings, 'expected-output-missing');
    assert.deepEqual(missing.map((f) => f.message.split(' ')[2]), ['TODO042_phase2_notes.md', 'TODO042_phase2_decisions.md']);
    // The output and its phase travel as data, for the "create missing output" fix.
    assert.deepEqual(
      missing.map((f) => f.data?.missingOutput),
      [{ name: 'TODO042_phase2_notes.md', phase: '2' }, { name: 'TODO042_phase2_decisions.md', phase: '2' }],
    );
    // So do the paths it was looked for at, for its git history.
    assert.deepEqual(missing[0]?.data?.missing, ['TODO042_phase2_notes.md', 'p/TODO042_phase2_notes.md', 'p/**/TODO042_phase2_notes.md']);
  });
  it('reports an unchecked "Save X" item whose file exists', () => {
    assert.deepEqual(at('output-exists-unchecked'), [40]);
  });
  it('reports a missing prerequisite of a started phase', () => {
    assert.deepEqual(at('prerequisite-missing'), [25]);
  });
});

describe('a done heading over open boxes, in a report', async () => {
  const report = [
    '# Phase 2 Summary',
    '',
    '## Success Criteria - Phase 2 Complete',
    '',
    '### Phase 2 Success Criteria - 100% Met',
    '- [x] Identical results to Phase 1',
    '- [x] Migrations applied',
    '',
    '### Phase 3 Success Criteria - Ready',
    '- [ ] Cloud deployment',
    '- [ ] Production monitoring',
    '',
    '## Results',
    '',
    '#### Functional Requirements ✅ 100% ACHIEVED',
    '- [x] Uploads succeed',
    '',
    '#### Storage Requirements ⚠️ 50% ACHIEVED',
    '- [x] Signed URLs generated',
    '- [ ] Files uploaded to storage',
    '',
    '#### Retry Requirements ✅ ACHIEVED',
    '- [x] Retries scheduled',
    '- [ ] Dead letters recorded',
    '',
  ].join('\n');
  const findings = await check({ 'docs/reports/PHASE2_SUMMARY.md': report });
  const lines = only(findings, 'phase-done-checklist-open').map((f) => f.range.start.line);
  it('does not count a sub-section about another phase against the phase the heading declares done', () => {
    assert.ok(!lines.includes(3), `line 3 reported: ${lines.join(', ')}`);
  });
  it('reads "50% ACHIEVED" as a partial result, not as done', () => {
    assert.ok(!lines.includes(18), `line 18 reported: ${lines.join(', ')}`);
  });
  it('still reports a heading marked achieved over an open box', () => {
    assert.ok(lines.includes(22), `line 22 not reported: ${lines.join(', ')}`);
  });
});

describe('outputs and prerequisites outside the workspace', () => {
  const todo = ['# TODO001: X', '', '- Phase 1: 🔄 IN PROGRESS - A', '', '## Phase 1: A', '### Prerequisites', '- `../../../shared/schema.md`', '### Expected Outputs', '- Save notes to: `../../../outside.md`', '- Save notes to: `/etc/notes.md`', '- Save notes to: `../shared/notes.md`', ''].join('\n');
  it('are not reported missing (nothing outside is read) and offer no Create; a path that climbs back inside is created where it leads', async () => {
    const project = await loadProject({ workspace: new MemoryWorkspace({ 'docs/x/TODO001.md': todo }) });
    const findings = project.findings();
    assert.deepEqual(findings.filter((f) => f.code === 'prerequisite-missing' || f.code === 'expected-output-missing').map((f) => f.range.start.line), [11]);
    const creates = codeActionsAt(project, 'docs/x/TODO001.md', todo, 0, todo.length).flatMap((a) => a.creates.map((c) => c.file));
    assert.deepEqual(creates, ['docs/shared/notes.md']);
  });
  it('are not reported missing when a checked task names them either', async () => {
    const tasks = '# Tasks\n\n## Phase 1: Setup\n- [X] T001 Create ../../../other/x.ts\n- [X] T002 Create src/app.ts\n';
    const missing = only(await check({ 'specs/001-a/tasks.md': tasks }), 'task-done-file-missing');
    assert.deepEqual(missing.map((f) => f.range.start.line), [5]);
  });
});

describe('dropped boxes under a done phase', () => {
  const todo = (box: string): string => `# TODO001: Billing\n\n## Phase 1: Invoices ✅ COMPLETED\n\n### Progress Checklist\n- [x] Invoice model\n${box}\n`;
  const open = async (box: string): Promise<string[]> => only(await check({ 'TODO001.md': todo(box) }), 'phase-done-checklist-open').map((f) => f.message);
  it('does not count a box struck through, or marked dropped, descoped, cancelled or moved, as required', async () => {
    for (const box of ['- [ ] ~~PDF export~~', '- [ ] ~~PDF export~~ (dropped, see decisions)', '- [ ] PDF export (moved to Phase 3)', '- [ ] PDF export [descoped]', '- [ ] DROPPED: PDF export', '- [ ] PDF export — cancelled']) {
      assert.deepEqual(await open(box), [], box);
    }
  });
  it('still counts a box whose subject is cancelled or dropped work, or whose old text is struck for a new one', async () => {
    for (const box of ['- [ ] Handle cancelled orders', '- [ ] Retry dropped webhooks', '- [ ] Refund orders pre-cancelled', '- [ ] ~~Use MySQL~~ Use Postgres']) {
      assert.match((await open(box))[0] ?? '', /1 of 2 required boxes unchecked/, box);
    }
  });
});

describe('Project Completion Checklist entries', () => {
  const todo = (phase2Boxes: string): string => `# TODO050: Entries

- Phase 1: ✅ COMPLETED - Setup
- Phase 2: ✅ COMPLETED - Build

## Phase 1: Setup

- [x] Set up

## Phase 2: Build

- [x] Build

## Project Completion Checklist

### Phase 1: Setup ✅ COMPLETED
- [x] Set up

### Phase 2: Build
${phase2Boxes}
`;
  const unstated = async (text: string): Promise<number[]> =>
    only(await check({ 'p/TODO050.md': text }), 'status-conflict')
      .filter((f) => f.message.includes('states no status'))
      .map((f) => f.range.start.line);

  it('reports an entry that states no status while its siblings do and the phase is done elsewhere', async () => {
    assert.deepEqual(await unstated(todo('- [x] Build\n- [ ] Release')), [19]);
  });
  it('reads an entry whose own boxes are all checked as stating done by them', async () => {
    assert.deepEqual(await unstated(todo('- [x] Build\n- [x] Release')), []);
  });
});

describe('an item that works from a document does not produce it', () => {
  const todo = (item: string): string => ['# TODO007', '', '## Phase 1: Setup', '', '### Progress Checklist', item, '- [ ] Save notes to `TODO007_phase1_notes.md`', ''].join('\n');
  const unchecked = async (item: string): Promise<string[]> =>
    only(await check({ 'docs/i/TODO007.md': todo(item), 'docs/i/RFC007.md': '# RFC\n', 'docs/i/TODO007_phase1_notes.md': '# Notes\n' }), 'output-exists-unchecked').map((f) => f.message.match(/produce (\S+),/)?.[1] ?? '');
  it('reads the document after "matching", "per" or "following" as the source, not the output', async () => {
    assert.deepEqual(await unchecked('- [ ] Create new directory structure matching RFC007.md specification'), ['TODO007_phase1_notes.md']);
    assert.deepEqual(await unchecked('- [ ] Write the loader per `RFC007.md`'), ['TODO007_phase1_notes.md']);
  });
  it('still reads a document the item creates', async () => {
    assert.deepEqual(await unchecked('- [ ] Create RFC007.md with the design'), ['RFC007.md', 'TODO007_phase1_notes.md']);
  });
});

describe('a stale phase count stated twice', () => {
  it('is one finding, the repeat related', async () => {
    const todo = ['# TODO008: Two phases', '', '**Plan**: all 8 phases of the rollout.', '', '## Phase 1: One', '', '- [x] a', '', '## Phase 2: Two', '', '- [ ] b', '', '## Summary', '', 'Across all 8 phases the rollout holds.', ''].join('\n');
    const findings = only(await check({ 'work/008/TODO008.md': todo }), 'phase-count-mismatch');
    assert.deepEqual(findings.map((f) => f.range.start.line), [3]);
    assert.deepEqual(findings[0]?.related.filter((r) => r.message.endsWith('states it again')).map((r) => r.range.start.line), [15]);
  });
});
