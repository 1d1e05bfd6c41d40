import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, cpSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient, uriOf, type DiagnosticLike } from './support/client';
import { engineDiagnostics, normalise, orbitCopy, tempDir } from './support/fixtures';

const T = { timeout: 120_000 };

/** 0-based lines of the open boxes in the TODO's Phase 2 section. */
function openBoxesOfPhase2(text: string): number[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('## Phase 2:'));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## Phase '));
  const result: number[] = [];
  for (let i = start; i < end; i++) if (/^\s*- \[ \]/.test(lines[i] ?? '')) result.push(i);
  return result;
}

function tickEdits(text: string): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[] {
  const lines = text.split('\n');
  return openBoxesOfPhase2(text).map((line) => {
    const character = (lines[line] ?? '').indexOf('[ ]') + 1;
    return { range: { start: { line, character }, end: { line, character: character + 1 } }, text: 'x' };
  });
}

const has = (list: readonly DiagnosticLike[], code: string, line?: number): boolean => list.some((d) => d.code === code && (line === undefined || d.range.start.line === line));

describe('incremental re-analysis', () => {
  describe('ticking the last open boxes of a phase (pushed diagnostics)', () => {
    let root: string;
    let client: TestClient;
    before(async () => {
      root = orbitCopy();
      client = await TestClient.start({ roots: [root] });
      await client.ready([root]);
    });
    after(async () => {
      await client.stop();
    });

    it('clears the TODO finding and the status-conflict of the phase output', T, async () => {
      const todo = path.join(root, 'TODO001.md');
      const summary = uriOf(path.join(root, 'TODO001_phase2_testing_summary.md'));
      const before = client.latestPublished();
      assert.ok(has(before.get(uriOf(todo)) ?? [], 'phase-done-checklist-open', 8), 'Phase 2 is done with open boxes before');
      assert.ok(has(before.get(summary) ?? [], 'status-conflict'), 'its testing summary conflicts before');

      const uri = await client.open(todo);
      const mark = client.mark();
      let version = 0;
      for (const edit of tickEdits(readFileSync(todo, 'utf8'))) version = await client.change(uri, edit);
      const published = await client.published(uri, (p) => p.version === version, mark);
      assert.ok(!has(published.diagnostics, 'phase-done-checklist-open', 8), 'the summary line no longer contradicts the checklist');
      const cleared = await client.published(summary, (p) => !has(p.diagnostics as DiagnosticLike[], 'status-conflict'), mark);
      assert.ok(!has(cleared.diagnostics, 'status-conflict'));
    });
  });

  describe('ticking the same boxes (pulled diagnostics)', () => {
    let root: string;
    let client: TestClient;
    before(async () => {
      root = orbitCopy();
      client = await TestClient.start({ roots: [root], pull: true });
      await client.ready([root]);
    });
    after(async () => {
      await client.stop();
    });

    it('asks the client to pull again and answers with both findings gone', T, async () => {
      const todo = path.join(root, 'TODO001.md');
      const summary = uriOf(path.join(root, 'TODO001_phase2_testing_summary.md'));
      const pull = (uri: string) => client.request<{ items: DiagnosticLike[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.ok(has((await pull(summary)).items, 'status-conflict'));
      const uri = await client.open(todo);
      const mark = client.mark();
      for (const edit of tickEdits(readFileSync(todo, 'utf8'))) await client.change(uri, edit);
      assert.ok(!has((await pull(uri)).items, 'phase-done-checklist-open', 8));
      assert.ok(!has((await pull(summary)).items, 'status-conflict'));
      await client.waitFor('workspace/diagnostic/refresh', () => true, mark);
    });
  });

  describe('a burst of 1,000 didChange notifications', () => {
    let root: string;
    let client: TestClient;
    before(async () => {
      root = orbitCopy();
      client = await TestClient.start({ roots: [root], pull: true });
      await client.ready([root]);
    });
    after(async () => {
      await client.stop();
    });

    it('ends with the diagnostics of a fresh checkWorkspace of the final text', T, async () => {
      const file = path.join(root, 'TODO001.md');
      const uri = await client.open(file);
      const doc = TextDocument.create(uri, 'markdown', 1, readFileSync(file, 'utf8'));
      let seed = 7;
      const random = (n: number): number => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      const sends: Promise<number>[] = [];
      for (let i = 0; i < 1000; i++) {
        const text = doc.getText();
        const offset = random(text.length);
        const start = doc.positionAt(offset);
        // Mostly typing, sometimes deleting, sometimes ticking or unticking a box.
        const kind = random(10);
        let change: { range: { start: typeof start; end: typeof start }; text: string };
        if (kind < 6) change = { range: { start, end: start }, text: 'abc xyz\n- [ ] '[random(14)] ?? 'a' };
        else if (kind < 9) change = { range: { start, end: doc.positionAt(Math.min(text.length, offset + 1)) }, text: '' };
        else {
          const box = text.indexOf('[ ]', offset);
          const at = box < 0 ? offset : box + 1;
          change = { range: { start: doc.positionAt(at), end: doc.positionAt(at + (box < 0 ? 0 : 1)) }, text: box < 0 ? '' : 'x' };
        }
        TextDocument.update(doc, [change], doc.version + 1);
        sends.push(client.change(uri, change));
      }
      await Promise.all(sends);
      const report = await client.request<{ items: { uri: string; items?: DiagnosticLike[] }[] }>('workspace/diagnostic', { previousResultIds: [] });

      const fresh = tempDir();
      cpSync(root, fresh, { recursive: true });
      writeFileSync(path.join(fresh, 'TODO001.md'), doc.getText());
      const expected = await engineDiagnostics(fresh);
      const byRelative = (uri: string, base: string): string => path.relative(base, new URL(uri).pathname);
      const server = Object.fromEntries(report.items.filter((i) => (i.items ?? []).length > 0).map((i) => [byRelative(i.uri, root), normalise(i.items ?? []).map((s) => s.split(uriOf(root)).join('ROOT'))]));
      const engine = Object.fromEntries([...expected].map(([u, l]) => [byRelative(u, fresh), normalise(l).map((s) => s.split(uriOf(fresh)).join('ROOT'))]));
      assert.deepEqual(server, engine);
    });
  });
});
