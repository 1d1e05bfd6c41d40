import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as path from 'node:path';
import { TestClient, uriOf, type DiagnosticLike } from './support/client';
import { engineDiagnostics, normalise, ORBIT } from './support/fixtures';

const T = { timeout: 60_000 };

function asMap(map: Map<string, DiagnosticLike[]>): Record<string, string[]> {
  return Object.fromEntries([...map].filter(([, l]) => l.length > 0).map(([uri, l]) => [uri, normalise(l)]).sort());
}

describe('diagnostics on examples/orbit', () => {
  describe('pushed (a client without pull diagnostics)', () => {
    let client: TestClient;
    before(async () => {
      client = await TestClient.start({ roots: [ORBIT] });
    });
    after(async () => {
      await client.stop();
    });

    it('publishes exactly what a fresh checkWorkspace finds, then reports ready', T, async () => {
      await client.ready([ORBIT]);
      assert.deepEqual(asMap(client.latestPublished()), asMap(await engineDiagnostics(ORBIT)));
    });

    it('converts one finding fully: 0-based range, code, docs link, source, related locations', T, async () => {
      await client.ready([ORBIT]);
      const todo = client.latestPublished().get(uriOf(path.join(ORBIT, 'TODO001.md'))) ?? [];
      const done = todo.find((d) => d.code === 'phase-done-checklist-open');
      assert.ok(done, 'the TODO has a phase marked done with open boxes');
      assert.equal(done.source, 'proofmark');
      assert.equal(done.severity, 1);
      assert.match(JSON.stringify(done), /README\.md#phase-done-checklist-open/);
      assert.ok((done.relatedInformation ?? []).length > 0);
      assert.ok(done.range.start.line >= 0);
    });
  });

  describe('pulled (a VS Code-like client)', () => {
    let client: TestClient;
    before(async () => {
      client = await TestClient.start({ roots: [ORBIT], pull: true });
      await client.ready([ORBIT]);
    });
    after(async () => {
      await client.stop();
    });

    it('announces a diagnostic provider with inter-file dependencies and workspace diagnostics', () => {
      const provider = client.initializeResult?.capabilities.diagnosticProvider;
      assert.ok(provider && typeof provider === 'object');
      assert.equal((provider as { interFileDependencies: boolean }).interFileDependencies, true);
      assert.equal((provider as { workspaceDiagnostics: boolean }).workspaceDiagnostics, true);
    });

    it('answers workspace/diagnostic with what checkWorkspace finds', T, async () => {
      const report = await client.request<{ items: { uri: string; kind: string; items?: DiagnosticLike[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
      const map = new Map(report.items.map((i) => [i.uri, i.items ?? []]));
      assert.deepEqual(asMap(map), asMap(await engineDiagnostics(ORBIT)));
    });

    it('answers textDocument/diagnostic, and "unchanged" for the same result id', T, async () => {
      const uri = uriOf(path.join(ORBIT, 'TODO001.md'));
      const full = await client.request<{ kind: string; resultId: string; items: DiagnosticLike[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(full.kind, 'full');
      assert.ok(full.items.length > 0);
      const again = await client.request<{ kind: string }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: full.resultId });
      assert.equal(again.kind, 'unchanged');
    });

    it('never publishes to a pull client', () => {
      assert.equal(client.received.filter((r) => r.method === 'textDocument/publishDiagnostics').length, 0);
    });
  });
});
