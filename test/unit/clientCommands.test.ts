import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { creatable, deletedButOpen, deletedButOpenQuestion } from '../../client/src/handoff/openOutputs';
import { handoffPicks, parseHandoffTarget } from '../../client/src/handoff/picks';
import type { HandoffFile } from '../../server/src/protocol';
import { readEngineSettings } from '../../client/src/settings';
import { statusContent } from '../../client/src/status/statusText';
import { initiative, phase, tree } from './clientFixture';

describe('handoff quick pick', () => {
  it('lists phases with the current one first, labelled with the files to create', () => {
    const picks = handoffPicks(tree());
    assert.deepEqual(picks.map((p) => p.label), [
      'Generate Phase 8 handoff — Project Completion and Continuous Improvement (4 files to create)',
      'Generate Phase 7 handoff — Hardening (all 4 files exist)',
    ]);
    assert.equal(picks[0]?.description, 'current phase');
    assert.equal(picks[0]?.detail, '', 'no initiative name with a single initiative');
  });

  it('puts the active initiative first and names initiatives when there are several', () => {
    const other = initiative({ initiative: { root: 'file:///ws', folder: 'b', id: '004' }, name: 'Other', currentPhase: '1', phases: [phase('1', { outputs: [] })] });
    const picks = handoffPicks(tree(1, [initiative(), other]), (id) => id.id === '004');
    assert.equal(picks[0]?.label, 'Generate Phase 1 handoff — Title 1 (no expected outputs listed)');
    assert.equal(picks[0]?.detail, 'Other');
    assert.equal(picks.length, 3);
  });

  it('reads {initiative, phase} arguments, and a bare phase when one initiative has it', () => {
    const t = tree();
    const id = { root: 'file:///ws', folder: '', id: '003' };
    assert.deepEqual(parseHandoffTarget({ initiative: id, phase: '8' }, t), { initiative: id, phase: '8' });
    assert.deepEqual(parseHandoffTarget({ phase: 8 }, t), { initiative: id, phase: '8' });
    assert.deepEqual(parseHandoffTarget('7', t), { initiative: id, phase: '7' });
    assert.equal(parseHandoffTarget('9', t), null);
    assert.equal(parseHandoffTarget(undefined, t), null);
    assert.equal(parseHandoffTarget({ initiative: 'x', phase: {} }, t), null);
  });
});

describe('handoff outputs deleted on disk but open in the editor', () => {
  const file = (kind: string, over: Partial<HandoffFile> = {}): HandoffFile => ({ kind, uri: `file:///ws/TODO003_phase8_${kind}.md`, exists: false, content: '', ...over });
  const files = [file('notes'), file('decisions', { exists: true }), file('handoff'), file('testing_summary', { refused: 'outside' })];

  it('are the missing files that are unsaved or in a tab; existing and refused files never count', () => {
    const editors: Record<string, { dirty: boolean; inTab: boolean }> = {
      'file:///ws/TODO003_phase8_notes.md': { dirty: true, inTab: false },
      'file:///ws/TODO003_phase8_decisions.md': { dirty: true, inTab: true },
      'file:///ws/TODO003_phase8_handoff.md': { dirty: false, inTab: false },
      'file:///ws/TODO003_phase8_testing_summary.md': { dirty: false, inTab: true },
    };
    assert.deepEqual(deletedButOpen(files, (uri) => editors[uri]).map((f) => f.kind), ['notes']);
    assert.deepEqual(deletedButOpen(files, (uri) => (uri.endsWith('handoff.md') ? { dirty: false, inTab: true } : undefined)).map((f) => f.kind), ['handoff']);
    assert.deepEqual(creatable(files).map((f) => f.kind), ['notes', 'handoff']);
  });

  it('are offered to be saved or recreated, with a question that names them', () => {
    const one = deletedButOpenQuestion([file('notes')]);
    assert.equal(one.message, 'TODO003_phase8_notes.md was deleted on disk but is still open in the editor.');
    assert.match(one.detail, /"Save the Editor Text" writes the editor's text back to disk\. "Recreate from the Template" creates it from the handoff template and discards the editor's text\. Cancel creates nothing\./);
    assert.match(deletedButOpenQuestion([file('notes'), file('handoff')]).message, /^TODO003_phase8_notes\.md, TODO003_phase8_handoff\.md were deleted on disk but are still open/);
  });
});

describe('status bar text', () => {
  it('shows the current phase progress and open findings', () => {
    const content = statusContent(initiative());
    assert.equal(content.text, '$(checklist) Phase 8 1/3 $(warning) 4');
    assert.match(content.tooltip, /Phase 8: Project Completion and Continuous Improvement — 1 of 3 items done \(33%\)/);
    assert.match(content.accessibilityLabel, /4 open findings/);
  });

  it('falls back to the initiative when there is no current phase, and hides a zero finding count', () => {
    const content = statusContent(initiative({ currentPhase: null, findings: 0 }));
    assert.equal(content.text, '$(checklist) TODO003: Project Completion 3/5');
  });
});

describe('settings sent to the server', () => {
  it('leaves out unset and null values', () => {
    const values: Record<string, unknown> = { severity: { 'broken-reference': 'error' }, templates: null, maxFileSize: 10 };
    assert.deepEqual(readEngineSettings((key) => values[key]), { severity: { 'broken-reference': 'error' }, maxFileSize: 10 });
  });
});
