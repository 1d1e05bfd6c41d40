import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { IndexStatusParams } from '../../server/src/protocol';
import { TestClient, uriOf, type DiagnosticLike, type Received } from './support/client';
import { engineDiagnostics, normalise, ORBIT, orbitCopy, tempDir } from './support/fixtures';

const T = { timeout: 120_000 };

/** The codes whose findings say that a file exists or not: wrong while the file list is unknown. */
const EXISTENCE = new Set(['broken-reference', 'expected-output-missing', 'prerequisite-missing', 'task-done-file-missing', 'output-exists-unchecked', 'claim-evidence-broken']);

const clients: TestClient[] = [];
after(async () => {
  for (const client of clients) await client.stop();
});

interface Progress {
  readonly token: string;
  readonly value: { readonly kind: 'begin' | 'report' | 'end'; readonly message?: string; readonly percentage?: number };
}

/**
 * Three copies of the example (`a/`, `b/`, `c/`): enough documents for the worker pool. Each
 * document ends with its folder's name, so none is byte-identical to another: an identical copy's
 * findings live on the first copy (copies.ts), and `b/` would have none of its own.
 */
function threeInitiatives(): string {
  const root = tempDir('proofmark-progress-');
  for (const name of ['a', 'b', 'c']) {
    const folder = path.join(root, name);
    cpSync(ORBIT, folder, { recursive: true });
    for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' })) if (file.endsWith('.md')) appendFileSync(path.join(folder, file), `\n<!-- copy ${name} -->\n`);
  }
  return root;
}

const statuses = (received: readonly Received[]): IndexStatusParams[] => received.filter((r) => r.method === 'proofmark/indexStatus').map((r) => r.params as IndexStatusParams);

describe('indexing progress', () => {
  it('reports the count as it advances, over window/workDoneProgress and proofmark/indexStatus, after the open initiative is published', T, async () => {
    const root = threeInitiatives();
    const client = await TestClient.start({ roots: [root], progress: true, scope: null });
    clients.push(client);
    const todo = await client.open(path.join(root, 'b/TODO001.md'));
    await client.ready([root]);

    const created = client.received.filter((r) => r.method === 'window/workDoneProgress/create');
    assert.equal(created.length, 1, 'one progress for the one folder');
    const token = (created[0]?.params as { token: string }).token;
    await client.waitFor<Progress>('$/progress', (p) => p.token === token && p.value.kind === 'end');
    const progress = client.received.filter((r) => r.method === '$/progress' && (r.params as Progress).token === token).map((r) => (r.params as Progress).value);
    assert.equal(progress[0]?.kind, 'begin');
    assert.equal(progress.at(-1)?.kind, 'end');
    const reports = progress.filter((p) => p.kind === 'report');
    const counts = reports.map((p) => /^Indexing (\d+)\/(\d+)$/.exec(p.message ?? '')).map((m) => [Number(m?.[1]), Number(m?.[2])] as const);
    const total = counts.at(-1)?.[1] ?? 0;
    assert.ok(total >= 40, `the three initiatives hold ${total} documents`);
    assert.deepEqual(counts.at(-1), [total, total], 'the last report counts every document');
    assert.ok(counts.length >= 2, 'the open initiative, then the rest');
    for (let i = 1; i < counts.length; i++) assert.ok((counts[i]?.[0] ?? 0) > (counts[i - 1]?.[0] ?? 0), `reports advance: ${JSON.stringify(counts)}`);
    const percentages = reports.map((p) => p.percentage ?? -1);
    assert.deepEqual([...percentages].sort((x, y) => x - y), percentages, 'percentages never go back');

    const indexing = statuses(client.received).filter((s) => s.state === 'indexing' && s.total > 0);
    assert.deepEqual(indexing.at(-1), { root: uriOf(root), state: 'indexing', documents: total, total });
    for (let i = 1; i < indexing.length; i++) assert.ok((indexing[i]?.documents ?? 0) > (indexing[i - 1]?.documents ?? 0), 'the status bar counts up');

    // The open initiative's diagnostics come before the rest of the folder is read.
    const published = client.received.findIndex((r) => r.method === 'textDocument/publishDiagnostics' && (r.params as { uri: string }).uri === todo);
    const complete = client.received.findIndex((r) => r.method === 'proofmark/indexStatus' && (r.params as IndexStatusParams).documents === total);
    assert.ok(published >= 0 && published < complete, `TODO001.md published at ${published}, the index complete at ${complete}`);
    const early = client.received.slice(0, complete).filter((r) => r.method === 'textDocument/publishDiagnostics').map((r) => (r.params as { uri: string }).uri);
    assert.ok(early.length > 0 && early.every((uri) => uri.startsWith(uriOf(path.join(root, 'b')))), 'only the open initiative is published early');
  });
});

/** The example plus thousands of other files, so that listing the folder takes a while. */
function slowToList(): string {
  const root = orbitCopy();
  for (let d = 0; d < 30; d++) {
    const dir = path.join(root, 'vendor', `pkg${d}`);
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < 100; f++) writeFileSync(path.join(dir, `file${f}.ts`), '');
  }
  return root;
}

describe('no existence finding before the file list is known', () => {
  for (const pull of [false, true]) {
    it(`${pull ? 'pulled' : 'pushed'}: an open document's diagnostics wait for the listing, and none is ever contradicted by the complete check`, T, async () => {
      const root = slowToList();
      const expected = await engineDiagnostics(root);
      const client = await TestClient.start({ roots: [root], pull, scope: null });
      clients.push(client);
      // Opened at once, while the folder is being listed.
      const uri = await client.open(path.join(root, 'TODO001.md'));
      const answers: DiagnosticLike[][] = [];
      if (pull) answers.push((await client.request<{ items: DiagnosticLike[] }>('textDocument/diagnostic', { textDocument: { uri } })).items);
      await client.ready([root]);
      if (pull) answers.push((await client.request<{ items: DiagnosticLike[] }>('textDocument/diagnostic', { textDocument: { uri } })).items);

      const listed = client.received.findIndex((r) => r.method === 'proofmark/indexStatus' && (r.params as IndexStatusParams).total > 0);
      const first = client.received.findIndex((r) => r.method === 'textDocument/publishDiagnostics');
      assert.ok(listed >= 0);
      if (first >= 0) assert.ok(first > listed, `a publication (${first}) before the file list was known (${listed})`);

      const truth = new Set(normalise(expected.get(uri) ?? []));
      const seen = [...client.received.filter((r) => r.method === 'textDocument/publishDiagnostics' && (r.params as { uri: string }).uri === uri).map((r) => (r.params as { diagnostics: DiagnosticLike[] }).diagnostics), ...answers];
      assert.ok(seen.length > 0, 'the open document got its diagnostics');
      for (const list of seen) {
        const existence = normalise(list.filter((d) => EXISTENCE.has(String(d.code))));
        for (const d of existence) assert.ok(truth.has(d), `published, but not in the complete check: ${d}`);
      }
      assert.deepEqual(normalise(seen.at(-1) ?? []), [...truth].sort(), 'in the end, the CLI’s diagnostics');
    });
  }
});
