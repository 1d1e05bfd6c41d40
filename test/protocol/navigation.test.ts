import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DocumentLink, DocumentSymbol, Hover, Location, MarkupContent, WorkspaceEdit, WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { TestClient, uriOf } from './support/client';
import { ORBIT } from './support/fixtures';
import { positionOf } from './support/positions';

const at = (file: string) => path.join(ORBIT, file);
const doc = (file: string) => ({ textDocument: { uri: uriOf(at(file)) } });

describe('navigation features on examples/orbit', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ roots: [ORBIT], pull: true });
    await client.ready([ORBIT]);
  });
  after(async () => {
    await client.stop();
  });

  const hover = async (file: string, needle: string, line: number): Promise<string> => {
    const h = await client.request<Hover | null>('textDocument/hover', { ...doc(file), position: positionOf(at(file), needle, line) });
    return h ? (h.contents as MarkupContent).value : '';
  };

  describe('hover', () => {
    it('shows a requirement: its text, where it is cited, its evidence status', async () => {
      const text = await hover('TODO001_phase1_notes.md', 'FR1', 9);
      assert.match(text, /\*\*FR1\*\* — Local-First Edit Capture/);
      assert.match(text, /Evidence in the \d+ phase outputs? and status documents? of this initiative: \*\*(evidenced|cited, no evidence beside it|claimed without evidence|never cited)\*\*/);
      assert.match(text, /Cited \d+ times?/);
    });
    it('shows a sub-requirement with its own text and its parent coverage', async () => {
      const text = await hover('TODO001_phase1_notes.md', 'FR1.1', 24);
      assert.match(text, /Each edit is appended to the sync queue/);
      assert.match(text, /of FR1/);
    });
    it('shows a KPI on its PRD line', async () => {
      assert.match(await hover('PRD001.md', 'Sync Success Rate', 0), /\*\*KPI\*\* Sync Success Rate[\s\S]*Target: >99\.5%/);
    });
    it('shows a task id: title and checklist progress', async () => {
      const text = await hover('TODO001_phase2_notes.md', 'T2.3', 4);
      assert.match(text, /\*\*T2\.3\*\* — Merge Endpoint Integration/);
      assert.match(text, /Phase checklist: 11\/15 done/);
    });
    it('shows a phase heading: done/total and which outputs are present', async () => {
      const text = await hover('TODO001.md', 'Phase 2:', 105);
      assert.match(text, /Checklist: 11\/15 done/);
      assert.match(text, /✗ `TODO001_phase2_decisions\.md` \(missing\)/);
      assert.match(text, /✓ `TODO001_phase2_notes\.md`/);
    });
    it('shows where a path resolves, or why it does not', async () => {
      assert.match(await hover('TODO001.md', 'src/store/sqlite.ts', 0), /→ `src\/store\/sqlite\.ts`/);
      assert.match(await hover('TODO001_phase3_notes.md', 'src/sync/retry_policy.ts', 20), /does not resolve/);
    });
    it('answers null for plain text and for positions past the end', async () => {
      assert.equal(await client.request('textDocument/hover', { ...doc('TODO001.md'), position: { line: 1, character: 3 } }), null);
      assert.equal(await client.request('textDocument/hover', { ...doc('TODO001.md'), position: { line: 99999, character: 99999 } }), null);
    });
  });

  describe('definition and references', () => {
    it('goes from a requirement id to its PRD line', async () => {
      const locations = await client.request<Location[]>('textDocument/definition', { ...doc('TODO001_phase1_notes.md'), position: positionOf(at('TODO001_phase1_notes.md'), 'FR1.1', 24) });
      assert.deepEqual(locations.map((l) => [l.uri, l.range.start.line]), [[uriOf(at('PRD001.md')), 60]]);
    });
    it('goes from a task id to its TODO heading', async () => {
      const locations = await client.request<Location[]>('textDocument/definition', { ...doc('TODO001_phase2_notes.md'), position: positionOf(at('TODO001_phase2_notes.md'), 'T2.3', 4) });
      assert.deepEqual(locations.map((l) => [l.uri, l.range.start.line]), [[uriOf(at('TODO001.md')), 129]]);
    });
    it('goes from a path or an output name to the file', async () => {
      const code = await client.request<Location[]>('textDocument/definition', { ...doc('TODO001.md'), position: positionOf(at('TODO001.md'), 'src/store/sqlite.ts', 0) });
      assert.equal(code[0]?.uri, uriOf(at('src/store/sqlite.ts')));
      const output = await client.request<Location[]>('textDocument/definition', { ...doc('TODO001.md'), position: positionOf(at('TODO001.md'), 'TODO001_phase1_notes.md', 0) });
      assert.equal(output[0]?.uri, uriOf(at('TODO001_phase1_notes.md')));
    });
    it('finds every mention of a requirement across the initiative', async () => {
      const position = positionOf(at('PRD001.md'), 'FR1.2', 62);
      const all = await client.request<Location[]>('textDocument/references', { ...doc('PRD001.md'), position, context: { includeDeclaration: true } });
      const files = new Set(all.map((l) => path.basename(new URL(l.uri).pathname)));
      for (const f of ['PRD001.md', 'RFC001.md', 'TODO001_phase1_decisions.md', 'TODO001_phase1_notes.md', 'TODO001_phase2_notes.md']) assert.ok(files.has(f), f);
      const withoutDeclaration = await client.request<Location[]>('textDocument/references', { ...doc('PRD001.md'), position, context: { includeDeclaration: false } });
      assert.equal(withoutDeclaration.length, all.length - 1);
    });
    it('finds every mention of a task id', async () => {
      const refs = await client.request<Location[]>('textDocument/references', { ...doc('TODO001.md'), position: positionOf(at('TODO001.md'), 'T2.3', 130), context: { includeDeclaration: true } });
      assert.ok(refs.some((l) => l.uri === uriOf(at('TODO001_phase2_notes.md'))));
      assert.ok(refs.some((l) => l.uri === uriOf(at('TODO001.md')) && l.range.start.line === 129));
    });
  });

  describe('rename', () => {
    it('prepares a rename on an id and refuses elsewhere with a clear message', async () => {
      const ok = await client.request<{ placeholder: string }>('textDocument/prepareRename', { ...doc('PRD001.md'), position: positionOf(at('PRD001.md'), 'FR1', 58) });
      assert.equal(ok.placeholder, 'FR1');
      await assert.rejects(client.request('textDocument/prepareRename', { ...doc('PRD001.md'), position: { line: 0, character: 2 } }), /Only a requirement id/);
    });
    it('renames a requirement and its sub-ids in every document', async () => {
      const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...doc('PRD001.md'), position: positionOf(at('PRD001.md'), 'FR1', 58), newName: 'FR7' });
      const edits = (edit.documentChanges ?? []).flatMap((c) => ('edits' in c ? c.edits.map((e) => [path.basename(new URL(c.textDocument.uri).pathname), 'newText' in e ? e.newText : '']) : []));
      assert.ok(edits.some(([f, t]) => f === 'PRD001.md' && t === 'FR7'));
      assert.ok(edits.some(([f, t]) => f === 'RFC001.md' && t === 'FR7.1'));
      assert.ok(edits.some(([f, t]) => f === 'TODO001_phase1_notes.md' && t === 'FR7.2'));
      assert.ok(edits.every(([, t]) => /^FR7(\.\d+)?$/.test(t ?? '')));
    });
    it('refuses a new id that already exists, and a malformed one', async () => {
      const position = positionOf(at('PRD001.md'), 'FR1', 58);
      await assert.rejects(client.request('textDocument/rename', { ...doc('PRD001.md'), position, newName: 'FR2' }), /FR2 already exists/);
      await assert.rejects(client.request('textDocument/rename', { ...doc('PRD001.md'), position, newName: 'banana' }), /not a requirement id/);
    });
    it('renames a task id', async () => {
      const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...doc('TODO001.md'), position: positionOf(at('TODO001.md'), 'T2.3', 130), newName: 'T2.9' });
      const files = (edit.documentChanges ?? []).map((c) => ('textDocument' in c ? path.basename(new URL(c.textDocument.uri).pathname) : ''));
      assert.ok(files.includes('TODO001.md') && files.includes('TODO001_phase2_notes.md'));
    });
  });

  describe('links and symbols', () => {
    it('links backticked paths and @refs that resolve', async () => {
      const links = await client.request<DocumentLink[]>('textDocument/documentLink', doc('TODO001.md'));
      assert.ok(links.some((l) => l.target === uriOf(at('PRD001.md'))));
      assert.ok(links.some((l) => l.target === uriOf(at('src/sync/queue.ts'))));
      assert.ok(!links.some((l) => l.target === uriOf(at('TODO001_phase2_decisions.md'))), 'a missing file is not linked');
    });
    it('outlines a TODO as phases → tasks and a PRD as requirements', async () => {
      const todo = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', doc('TODO001.md'));
      assert.deepEqual(todo.map((s) => s.name), ['Phase 1', 'Phase 2', 'Phase 3', 'Phase 2.5', 'Phase 4']);
      assert.deepEqual(todo[0]?.children?.map((s) => s.name), ['T1.1', 'T1.2', 'T1.3', 'T1.4']);
      const prd = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', doc('PRD001.md'));
      const fr1 = prd.find((s) => s.name === 'FR1');
      assert.deepEqual(fr1?.children?.map((s) => s.name), ['FR1.1', 'FR1.2']);
    });
    it('finds phases, tasks and requirements as workspace symbols', async () => {
      const symbols = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'T2.3' });
      assert.ok(symbols.some((s) => s.name === 'T2.3: Merge Endpoint Integration'));
      const all = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: '' });
      assert.ok(all.some((s) => s.name.startsWith('Phase 2.5')) && all.some((s) => s.name.startsWith('NFR1')));
    });
  });
});
