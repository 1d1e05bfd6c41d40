import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadProject } from '../../server/src/core/engine';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { FileIndex } from '../../server/src/core/resolve/fileIndex';
import { driftedFile, driftKey } from '../../server/src/core/resolve/nameDrift';
import { codeActionsAt } from '../../server/src/core/views/codeActions';
import { check, only } from '../support/memory';

/** A TODO whose Phase 1 is done and expects `output`, needs `prerequisite`, and asks to save `item`. */
function todo(id: string, output: string, extra = ''): string {
  return `# TODO${id}: Drift\n\n- Phase 1: ✅ COMPLETED - Setup\n\n## Phase 1: Setup\n\n### Expected Outputs\n- \`${output}\`\n\n### Progress Checklist\n- [x] Build it\n${extra}`;
}

const PHASE2 = '\n## Phase 2: Next\n\n- [ ] Go on\n';

describe('drift keys', () => {
  it('read an id in front, case, separators, humps and a doubled segment alike', () => {
    const key = driftKey('TODO003_phase2.1_notes.md');
    assert.equal(key, 'phase_2_1_notes.md');
    for (const name of ['TODO001_phase2.1_notes.md', '001-Phase2.1-Notes.md', 'phase2_1_notes.md', 'TODO_001_phase_2_1_notes.md', 'TODO001_phase2.1_notes_notes.md', 'PHASE2.1Notes.md']) {
      assert.equal(driftKey(name), key, name);
    }
  });
  it('never join digits, drop a word, or match names that are only an id', () => {
    assert.notEqual(driftKey('TODO001_phase21_notes.md'), driftKey('TODO001_phase2.1_notes.md'));
    assert.notEqual(driftKey('TODO001_phase1_notes.md'), driftKey('TODO001_phase1_notes_template.md'));
    assert.notEqual(driftKey('notes.md'), driftKey('notes.txt'));
    assert.equal(driftKey('TODO003.md'), null);
    assert.equal(driftKey('PRD001.md'), null);
    assert.equal(driftKey('Makefile'), null);
  });
  it('find one file only, in the folders given, and follow a changed file list', () => {
    const index = new FileIndex(['a/TODO001_phase1_notes.md', 'b/TODO001-phase1-notes.md', 'b/todo001_phase1_notes.md']);
    assert.equal(driftedFile('TODO001_Phase1_Notes.md', new Set(['a']), index, '001'), 'a/TODO001_phase1_notes.md');
    assert.equal(driftedFile('TODO001_Phase1_Notes.md', new Set(['c']), index, '001'), null);
    assert.equal(driftedFile('TODO001_Phase1_Notes.md', new Set(['b']), index, '001'), null, 'two fits: none');
    index.remove('b/todo001_phase1_notes.md');
    assert.equal(driftedFile('TODO001_Phase1_Notes.md', new Set(['b']), index, '001'), 'b/TODO001-phase1-notes.md');
  });
});

describe('reference-misnamed', () => {
  it('is one finding for an expected output whose name drifted, with a fix that writes the name found', async () => {
    const text = todo('001', 'TODO001_Phase1-Notes.md');
    const files = { 'p/TODO001.md': text, 'p/TODO001_phase1_notes.md': '# Notes\n' };
    const findings = await check(files);
    assert.deepEqual(only(findings, 'expected-output-missing'), []);
    const [misnamed, ...rest] = only(findings, 'reference-misnamed');
    assert.equal(rest.length, 0);
    assert.equal(misnamed?.message, 'Expected output TODO001_Phase1-Notes.md does not exist; TODO001_phase1_notes.md in the same folder has nearly the same name.');
    assert.equal(misnamed?.severity, 'warning');
    assert.deepEqual(misnamed?.related.map((r) => r.file), ['p/TODO001_phase1_notes.md']);

    const project = await loadProject({ workspace: new MemoryWorkspace(files) });
    const line = misnamed?.range.start.line ?? 0;
    const fix = codeActionsAt(project, 'p/TODO001.md', text, line, line).find((a) => a.title === 'Write TODO001_phase1_notes.md');
    assert.ok(fix, 'a fix is offered');
    assert.equal(fix.preferred, true);
    const [edit] = fix.edits;
    assert.ok(edit);
    const lineText = text.split('\n')[line - 1] ?? '';
    assert.equal(lineText.slice(edit.range.start.column - 1, edit.range.end.column - 1), 'TODO001_Phase1-Notes.md');
    assert.equal(edit.newText, 'TODO001_phase1_notes.md');
  });

  it('reads another initiative id in front as drift in a sub-initiative that wrote its parent’s id', async () => {
    const prompt = '# Phase 2\n\n## Expected Outputs\n- `TODO003_phase2_notes.md` - what was done\n';
    const findings = await check({
      'i/TODO003.md': '# TODO003: Parent\n\n## Phase 2: Build\n\n- [ ] x\n',
      'i/sub/TODO001.md': '# TODO001: Child\n\n## Phase 2: Build ✅ COMPLETED\n\n- [x] x\n',
      'i/sub/PHASE2_PROMPT.md': prompt,
      'i/sub/TODO001_phase2_notes.md': '# Notes\n',
    });
    assert.deepEqual(only(findings, 'expected-output-missing'), []);
    assert.deepEqual(
      only(findings, 'reference-misnamed').map((f) => `${f.file}:${f.range.start.line} ${f.message}`),
      ['i/sub/PHASE2_PROMPT.md:4 This prompt expects TODO003_phase2_notes.md as a Phase 2 output, which does not exist; TODO001_phase2_notes.md in the same folder has nearly the same name.'],
    );
  });

  it('is not drift when the written id has files of its own there', async () => {
    const findings = await check({
      'b/TODO001.md': todo('001', 'TODO001_phase1_notes.md', PHASE2),
      'b/TODO001_phase1_notes.md': '',
      'b/PHASE2_PROMPT.md': '# Phase 2\n\n## Expected Outputs\n- `TODO003_phase2_notes.md`\n',
      'b/TODO001_phase2_notes.md': '',
      'b/TODO003_phase2_decisions.md': '',
    });
    assert.deepEqual(only(findings, 'reference-misnamed'), []);
    assert.deepEqual(only(findings, 'expected-output-missing').map((f) => f.file), ['b/PHASE2_PROMPT.md']);
  });

  it('is not drift when the id found is not the citing initiative’s', async () => {
    const findings = await check({
      'c/TODO001.md': todo('001', 'TODO001_phase1_notes.md', PHASE2),
      'c/TODO001_phase1_notes.md': '',
      'c/PHASE2_PROMPT.md': '# Phase 2\n\n## Expected Outputs\n- `TODO005_phase2_notes.md`\n',
      'c/TODO002_phase2_notes.md': '',
      'c/TODO001_phase2_handoff.md': '',
    });
    assert.deepEqual(only(findings, 'reference-misnamed'), []);
    assert.deepEqual(only(findings, 'expected-output-missing').map((f) => f.file), ['c/PHASE2_PROMPT.md']);
  });

  it('is not drift when two files fit, or the file lies in another folder', async () => {
    const findings = await check({
      'd/TODO001.md': todo('001', 'TODO001_phase1_notes.md'),
      'd/TODO001-phase1-notes.md': '',
      'd/todo001_phase1_Notes.md': '',
      'e/TODO001.md': todo('001', 'docs/TODO001_phase1_notes.md'),
      'e/other/TODO001-phase1-notes.md': '',
    });
    assert.deepEqual(only(findings, 'reference-misnamed'), []);
    assert.deepEqual(only(findings, 'expected-output-missing').map((f) => f.file), ['d/TODO001.md', 'e/TODO001.md']);
  });

  it('replaces a missing prerequisite and a broken reference of a report', async () => {
    const findings = await check({
      'p/TODO001.md': todo('001', 'TODO001_phase1_notes.md', '\n## Phase 2: Next\n\n### Prerequisites\n- `TODO001_phase1_Decisions.md`\n'),
      'p/TODO001_phase1_notes.md': '',
      'p/TODO001_phase1_decisions.md': '',
      'docs/RELEASE_SUMMARY.md': '# Release summary\n\nThe design is in `docs/Design-Notes.md`.\n',
      'docs/design_notes.md': '',
    });
    assert.deepEqual(only(findings, 'prerequisite-missing'), []);
    assert.deepEqual(only(findings, 'broken-reference'), []);
    assert.deepEqual(
      only(findings, 'reference-misnamed').map((f) => f.message),
      [
        'The document docs/Design-Notes.md does not exist; docs/design_notes.md in the same folder has nearly the same name.',
        'Phase 2 prerequisite TODO001_phase1_Decisions.md does not exist; TODO001_phase1_decisions.md in the same folder has nearly the same name.',
      ],
    );
  });

  it('makes output-exists-unchecked count an output saved under a drifted name', async () => {
    const findings = await check({
      'p/TODO001.md': todo('001', 'TODO001_phase1_notes.md', '- [ ] Save `TODO001_phase1_decisions.md`\n'),
      'p/TODO001_phase1_notes.md': '',
      'p/TODO001-phase1-decisions.md': '',
    });
    assert.deepEqual(
      only(findings, 'output-exists-unchecked').map((f) => f.message),
      ['This item asks to produce TODO001_phase1_decisions.md, which exists as TODO001-phase1-decisions.md (nearly the same name, in the same folder), but the box is unchecked.'],
    );
  });
});
