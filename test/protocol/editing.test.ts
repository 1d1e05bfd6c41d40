import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CodeLens, CompletionItem, CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { CompletionTree, HandoffPlanResult, TraceabilityResult } from '../../server/src/protocol';
import { TestClient, uriOf } from './support/client';
import { ORBIT } from './support/fixtures';

const at = (file: string) => path.join(ORBIT, file);
const doc = (file: string) => ({ textDocument: { uri: uriOf(at(file)) } });
const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 0 } });
const creates = (edit: WorkspaceEdit | undefined): CreateFile[] => (edit?.documentChanges ?? []).filter((c): c is CreateFile => 'kind' in c && c.kind === 'create');
const textEdits = (edit: WorkspaceEdit | undefined): TextDocumentEdit[] => (edit?.documentChanges ?? []).filter((c): c is TextDocumentEdit => 'textDocument' in c);
const newTexts = (edit: WorkspaceEdit | undefined): string[] => textEdits(edit).flatMap((c) => c.edits.map((e) => ('newText' in e ? e.newText : '')));

describe('editing features on examples/orbit', () => {
  let client: TestClient;
  const initiative = { root: uriOf(ORBIT), folder: '', id: '001' };
  before(async () => {
    client = await TestClient.start({ roots: [ORBIT], pull: true });
    await client.ready([ORBIT]);
  });
  after(async () => {
    await client.stop();
  });

  describe('completion', () => {
    const scratch = at('scratch-notes.md');
    const complete = async (line: string): Promise<CompletionItem[]> => {
      const uri = await client.open(scratch, `# Notes\n${line}\n`);
      const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: line.length } });
      await client.close(uri);
      return items;
    };
    it('offers requirement ids after FR/NFR/AC', async () => {
      assert.deepEqual((await complete('This covers FR')).map((i) => i.label), ['FR1', 'FR1.1', 'FR1.2', 'FR2', 'FR3', 'FR4']);
      assert.ok((await complete('and NFR')).some((i) => i.label === 'NFR1' && i.detail === 'Durability'));
    });
    it('offers task ids after T', async () => {
      const items = await complete('Done in T2.');
      assert.ok(items.some((i) => i.label === 'T2.3' && /Merge Endpoint Integration/.test(i.detail ?? '')));
    });
    it('offers document paths after @ and inside backticks', async () => {
      assert.ok((await complete('See @TODO001_')).some((i) => i.label === 'TODO001_phase1_notes.md'));
      assert.ok((await complete('See `src/')).some((i) => i.label === 'src/store/sqlite.ts'));
    });
    it('offers status markers after Status:', async () => {
      assert.deepEqual((await complete('**Status**: ')).map((i) => i.label).slice(0, 2), ['✅ COMPLETED', '🔄 IN PROGRESS']);
    });
    it('offers nothing in plain prose', async () => {
      assert.deepEqual(await complete('plain words here'), []);
    });
  });

  describe('code actions', () => {
    const actions = async (file: string, line: number): Promise<CodeAction[]> => {
      const uri = await client.open(at(file));
      const list = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: range(line), context: { diagnostics: [] } });
      await client.close(uri);
      return list;
    };
    it('creates a missing expected output without ever overwriting, with the handoff template', async () => {
      const list = await actions('TODO001.md', 138);
      const create = list.find((a) => a.title === 'Create TODO001_phase2_decisions.md');
      assert.ok(create, list.map((a) => a.title).join(', '));
      // A command, not an edit: the disk is asked again when the fix runs.
      assert.equal(create.edit, undefined);
      assert.equal(create.command?.command, 'proofmark.createOutput');
      const edit = await client.request<WorkspaceEdit>('workspace/executeCommand', create.command);
      const [file] = creates(edit);
      assert.equal(file?.uri, uriOf(at('TODO001_phase2_decisions.md')));
      assert.deepEqual(file?.options, { overwrite: false, ignoreIfExists: false });
      assert.match(newTexts(edit)[0] ?? '', /Phase 2/);
    });
    it('sets a phase status to match its checklist', async () => {
      const list = await actions('TODO001.md', 8);
      const set = list.find((a) => a.title.startsWith('Set Phase 2 to 🔄 IN PROGRESS'));
      assert.ok(set);
      assert.deepEqual(newTexts(set.edit), ['🔄 IN PROGRESS']);
      assert.equal(set.diagnostics?.[0]?.code, 'phase-done-checklist-open');
    });
    it('toggles a checklist box', async () => {
      const list = await actions('TODO001.md', 151);
      const toggle = list.find((a) => a.title.startsWith('Check "Nested reading arrays'));
      assert.ok(toggle);
      assert.deepEqual(newTexts(toggle.edit), ['[x]']);
    });
    it('inserts an evidence slot under an unsupported claim, and suppresses for the line or the file', async () => {
      const list = await actions('TODO001_phase2_notes.md', 22);
      const slot = list.find((a) => a.title === 'Insert an evidence slot under this claim');
      assert.match(newTexts(slot?.edit)[0] ?? '', /\*\*Evidence\*\*: \[\]\(…\)/);
      const line = list.find((a) => a.title === 'Suppress claim-without-evidence on this line');
      assert.deepEqual(newTexts(line?.edit), ['<!-- proofmark-disable-next-line claim-without-evidence -->\n']);
      const file = list.find((a) => a.title === 'Suppress claim-without-evidence in this file');
      assert.equal(textEdits(file?.edit)[0]?.edits[0]?.range.start.line, 0);
    });
  });

  describe('code lens', () => {
    it('puts progress and "Generate handoff" on every phase heading', async () => {
      const lenses = await client.request<CodeLens[]>('textDocument/codeLens', doc('TODO001.md'));
      const titles = lenses.map((l) => l.command?.title);
      assert.ok(titles.includes('Phase 2 · 11/15 done · outputs 3/4'), titles.join(' | '));
      const generate = lenses.find((l) => l.command?.title === 'Generate handoff' && l.range.start.line === 104);
      assert.equal(generate?.command?.command, 'proofmark.generateHandoff');
      assert.deepEqual(generate?.command?.arguments, [{ initiative, phase: '2' }]);
    });
  });

  describe('custom requests', () => {
    it('proofmark/completionTree: initiatives → phases → groups → items, and requirements', async () => {
      const tree = await client.request<CompletionTree>('proofmark/completionTree', {});
      const orbit = tree.initiatives[0];
      assert.equal(orbit?.name, 'TODO001: Orbit Offline Sync');
      assert.deepEqual(orbit?.phases.map((p) => [p.number, p.state, p.done, p.total]), [
        ['1', 'done', 17, 17],
        ['2', 'done', 11, 15],
        ['3', 'in-progress', 10, 13],
        ['2.5', 'done', 6, 6],
        ['4', 'not-started', 0, 9],
      ]);
      assert.equal(orbit?.currentPhase, '3');
      const phase2 = orbit?.phases[1];
      assert.ok(phase2?.groups.some((g) => g.kind === 'task' && g.label.startsWith('T2.3')));
      assert.ok(phase2?.groups.some((g) => g.kind === 'checklist' && g.label === 'Field-Level Merge' && g.items[0]?.children.length === 2));
      assert.deepEqual(phase2?.outputs.map((o) => [o.kind, o.exists]), [['notes', true], ['decisions', false], ['handoff', true], ['testing_summary', true]]);
      assert.ok(orbit?.requirements.some((r) => r.id === 'NFR2' && r.state === 'never-cited'));
    });
    it('proofmark/traceability: requirements × phases × evidence', async () => {
      const result = await client.request<TraceabilityResult>('proofmark/traceability', { initiative });
      const matrix = result.matrices[0];
      assert.deepEqual(matrix?.phases.slice(0, 5), ['1', '2', '3', '2.5', '4']);
      const fr1 = matrix?.rows.find((r) => r.requirement.id === 'FR1');
      assert.ok((fr1?.cells.find((c) => c.phase === '1')?.citations.length ?? 0) > 0);
    });
    it('proofmark/handoffPlan: the files "Generate Phase N handoff" would create', async () => {
      const plan = await client.request<HandoffPlanResult>('proofmark/handoffPlan', { initiative, phase: '2' });
      assert.equal(plan.phase, '2');
      const decisions = plan.files.find((f) => f.kind === 'decisions');
      assert.equal(decisions?.exists, false);
      assert.ok(plan.files.some((f) => f.exists));
      assert.ok(plan.openItems.length > 0 && plan.openItems.every((o) => o.location.uri === uriOf(at('TODO001.md'))));
    });
    it('rejects a malformed initiative with InvalidParams', async () => {
      await assert.rejects(client.request('proofmark/handoffPlan', { initiative: 42, phase: '2' }), { code: -32602, message: 'proofmark/handoffPlan: params.initiative must be an object, got 42.' });
    });
  });

  describe('server commands', () => {
    it('proofmark.toggleCheckbox applies its edit through the client and returns it', async () => {
      const mark = client.applied.length;
      const edit = await client.request<WorkspaceEdit>('workspace/executeCommand', { command: 'proofmark.toggleCheckbox', arguments: [{ uri: uriOf(at('TODO001.md')), line: 151 }] });
      assert.deepEqual(newTexts(edit), ['[x]']);
      assert.deepEqual(client.applied.slice(mark), [edit]);
    });
    it('proofmark.generateHandoff creates only the outputs that do not exist', async () => {
      const mark = client.applied.length;
      const edit = await client.request<WorkspaceEdit>('workspace/executeCommand', { command: 'proofmark.generateHandoff', arguments: [{ initiative, phase: '2' }] });
      assert.deepEqual(creates(edit).map((c) => [path.basename(new URL(c.uri).pathname), c.options?.ignoreIfExists]), [['TODO001_phase2_decisions.md', false]]);
      assert.deepEqual(client.applied.slice(mark), [edit]);
    });
    it('reports a bad argument instead of failing', async () => {
      await assert.rejects(client.request('workspace/executeCommand', { command: 'proofmark.toggleCheckbox', arguments: [{ uri: uriOf(at('TODO001.md')), line: 0 }] }), /no checkbox on line 1/);
      await assert.rejects(client.request('workspace/executeCommand', { command: 'proofmark.nope', arguments: [] }), /Unknown command/);
    });
  });
});
