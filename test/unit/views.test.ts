import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadProject } from '../../server/src/core/engine';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import type { Project } from '../../server/src/core/project/project';
import { codeActionsAt, toggleEdit } from '../../server/src/core/views/codeActions';
import { phaseLenses } from '../../server/src/core/views/codeLens';
import { completionsAt } from '../../server/src/core/views/completion';
import { hoverAt } from '../../server/src/core/views/hover';
import { documentLinks } from '../../server/src/core/views/links';
import { targetAt } from '../../server/src/core/views/lookup';
import { definitionAt, referencesAt } from '../../server/src/core/views/navigation';
import { prepareRenameAt, renameAt } from '../../server/src/core/views/rename';
import { documentSymbols, fuzzyMatch, workspaceSymbols } from '../../server/src/core/views/symbols';
import { traceabilityMatrix } from '../../server/src/core/views/traceability';
import { initiativeNodes, type Locator } from '../../server/src/core/views/tree';

const TODO = `# TODO042: Ledger

- Phase 1: ✅ COMPLETED - Storage
- Phase 2: Reports

## Phase 1: Storage

### Tasks
#### T1.1: Schema
- Create tables for FR1

#### T1.2: Import
- Import old data

### Expected Outputs
- Save notes to: \`TODO042_phase1_notes.md\`
- Save decisions to: \`TODO042_phase1_decisions.md\`

### Progress Checklist
#### Schema
- [x] Tables created
- [ ] Indexes created
  - [ ] On the ledger id

## Phase 2: Reports

### Tasks
#### T2.1: Monthly report

### Progress Checklist
- [ ] Report generated
`;

const PRD = `# PRD042: Ledger

## Success Metrics
- **Import Accuracy**: 100% of rows imported

## Functional Requirements

### FR1: Durable Storage
- Rows survive restarts
- **FR1.1**: Writes are transactional

### FR2: Reports
- Monthly report
`;

const NOTES = `# Phase 1 Notes

**Status**: ✅ COMPLETED

FR1 is done in \`src/db.ts\`, see T1.1. Import Accuracy was measured.
`;

const line = (text: string, needle: string): { line: number; column: number } => {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  return { line: i + 1, column: (lines[i] ?? '').indexOf(needle) + 2 };
};

const locator: Locator = { root: 'file:///w', uri: (p) => `file:///w/${p}` };

describe('core/views (in memory)', () => {
  let project: Project;
  before(async () => {
    project = await loadProject({ workspace: new MemoryWorkspace({ 'TODO042.md': TODO, 'PRD042.md': PRD, 'TODO042_phase1_notes.md': NOTES, 'src/db.ts': '' }) });
  });

  it('finds the id, path, KPI or phase under a position', () => {
    const notes = project.model('TODO042_phase1_notes.md');
    assert.ok(notes);
    const fr = line(NOTES, 'FR1');
    assert.deepEqual(targetAt(notes, fr.line, fr.column)?.kind, 'requirement');
    const path = line(NOTES, 'src/db.ts');
    assert.equal(targetAt(notes, path.line, path.column)?.kind, 'path');
    assert.equal(targetAt(notes, 1, 1), null);
  });

  it('hovers requirements, tasks, phases and paths', () => {
    const fr = line(NOTES, 'FR1');
    assert.match(hoverAt(project, 'TODO042_phase1_notes.md', fr.line, fr.column)?.contents ?? '', /\*\*FR1\*\* — Durable Storage[\s\S]*Evidence in the 1 phase output and status document of this initiative: \*\*evidenced\*\*/);
    const task = line(NOTES, 'T1.1');
    assert.match(hoverAt(project, 'TODO042_phase1_notes.md', task.line, task.column)?.contents ?? '', /T1\.1\*\* — Schema[\s\S]*Phase checklist: 1\/3 done/);
    const phase = line(TODO, '## Phase 1');
    assert.match(hoverAt(project, 'TODO042.md', phase.line, 1)?.contents ?? '', /✓ `TODO042_phase1_notes\.md`[\s\S]*✗ `TODO042_phase1_decisions\.md` \(missing\)/);
  });

  it('goes to definitions and finds references', () => {
    const fr = line(NOTES, 'FR1');
    assert.deepEqual(definitionAt(project, 'TODO042_phase1_notes.md', fr.line, fr.column).map((l) => [l.file, l.range.start.line]), [['PRD042.md', line(PRD, '### FR1').line]]);
    const refs = referencesAt(project, 'TODO042_phase1_notes.md', fr.line, fr.column, true).map((l) => l.file);
    assert.deepEqual([...new Set(refs)].sort(), ['PRD042.md', 'TODO042.md', 'TODO042_phase1_notes.md']);
  });

  it('renames ids with their sub-ids and refuses taken or malformed ones', () => {
    const fr = line(PRD, '### FR1');
    const at = { line: fr.line, column: 6 };
    assert.deepEqual(prepareRenameAt(project, 'PRD042.md', at.line, at.column), { range: { start: { line: fr.line, column: 5 }, end: { line: fr.line, column: 8 } }, placeholder: 'FR1' });
    const result = renameAt(project, 'PRD042.md', at.line, at.column, 'FR9');
    assert.ok('edits' in result);
    assert.deepEqual([...new Set(result.edits.map((e) => e.newText))].sort(), ['FR9', 'FR9.1']);
    assert.match(JSON.stringify(renameAt(project, 'PRD042.md', at.line, at.column, 'FR2')), /FR2 already exists/);
    assert.match(JSON.stringify(renameAt(project, 'PRD042.md', at.line, at.column, 'T1.1')), /not a requirement id/);
  });

  it('completes ids, paths and statuses', () => {
    assert.deepEqual(completionsAt(project, 'TODO042_phase1_notes.md', 'see FR', 1, 7).map((c) => c.label), ['FR1', 'FR1.1', 'FR2']);
    assert.deepEqual(completionsAt(project, 'TODO042_phase1_notes.md', 'in T', 1, 5).map((c) => c.label), ['T1.1', 'T1.2', 'T2.1']);
    assert.deepEqual(completionsAt(project, 'TODO042_phase1_notes.md', 'read @PRD', 1, 10).map((c) => c.label), ['PRD042.md']);
    assert.equal(completionsAt(project, 'TODO042_phase1_notes.md', '**Status**: ', 1, 13)[0]?.label, '✅ COMPLETED');
  });

  it('outlines documents and finds workspace symbols', () => {
    const todo = project.model('TODO042.md');
    assert.ok(todo);
    assert.deepEqual(documentSymbols(todo).map((s) => [s.name, s.children.map((c) => c.name)]), [
      ['Phase 1', ['T1.1', 'T1.2']],
      ['Phase 2', ['T2.1']],
    ]);
    assert.ok(workspaceSymbols(project, 'monthly').some((s) => s.name === 'T2.1: Monthly report'));
    assert.ok(fuzzyMatch('t11', 'T1.1: Schema') && !fuzzyMatch('zz', 'T1.1'));
  });

  it('links resolved paths only', () => {
    assert.deepEqual(documentLinks(project, 'TODO042.md').map((l) => l.target), ['TODO042_phase1_notes.md']);
  });

  it('offers code actions as edits', () => {
    const actions = codeActionsAt(project, 'TODO042.md', TODO, 3, 3);
    assert.ok(actions.some((a) => a.title.startsWith('Set Phase 1 to 🔄 IN PROGRESS') && a.edits[0]?.newText === '🔄 IN PROGRESS'));
    const expected = line(TODO, 'TODO042_phase1_decisions.md');
    const create = codeActionsAt(project, 'TODO042.md', TODO, expected.line, expected.line).find((a) => a.creates.length > 0);
    assert.equal(create?.creates[0]?.file, 'TODO042_phase1_decisions.md');
    const box = line(TODO, '[ ] Indexes');
    assert.equal(toggleEdit(project.model('TODO042.md')!, box.line)?.newText, '[x]');
    assert.equal(toggleEdit(project.model('TODO042.md')!, 1), null);
  });

  it('builds lenses, the completion tree and the traceability matrix', () => {
    assert.deepEqual(phaseLenses(project, 'TODO042.md').map((l) => l.title), ['Phase 1 · 1/3 done · outputs 1/2', 'Generate handoff', 'Phase 2 · 0/1 done · outputs 0/4', 'Generate handoff']);
    const [node] = initiativeNodes(project, locator);
    assert.equal(node?.currentPhase, '2');
    assert.deepEqual(node?.phases.map((p) => [p.number, p.state]), [['1', 'done'], ['2', 'not-started']]);
    assert.equal(node?.phases[0]?.groups.find((g) => g.kind === 'checklist')?.items[1]?.children.length, 1);
    const initiative = project.initiatives().initiatives[0];
    assert.ok(initiative);
    const matrix = traceabilityMatrix(project, locator, initiative);
    assert.deepEqual(matrix?.phases, ['1', '2']);
    assert.equal(matrix?.rows.find((r) => r.requirement.id === 'FR1')?.cells[0]?.citations[0]?.location.uri, 'file:///w/TODO042_phase1_notes.md');
  });
});

describe('templates are not initiatives', () => {
  it('leaves out a templates folder and a placeholder title from the tree', async () => {
    const project = await loadProject({
      workspace: new MemoryWorkspace({
        'TODO042.md': TODO,
        'docs/meta/templates/TODO.md': '# TODO XXX — {InitiativeName}\n\n## Phase 1: Context\n- [ ] Review\n',
        'docs/new/TODO.md': '# TODO NNN: {InitiativeName}\n\n## Phase 1: Context\n- [ ] Review\n',
        'docs/real/TODO.md': '# TODO: Real work\n\n## Phase 1: Context\n- [ ] Review\n',
      }),
    });
    assert.equal(project.initiatives().initiatives.length, 4);
    assert.deepEqual(initiativeNodes(project, locator).map((n) => n.initiative.folder).sort(), ['', 'docs/real']);
  });
});
