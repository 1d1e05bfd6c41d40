import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { readdirSync } from 'node:fs';
import { compileConventions } from '../../server/src/core/config/compiled';
import { DEFAULT_CONVENTIONS } from '../../server/src/core/config/conventions';
import { REPEATED_HERE } from '../../server/src/core/findings/copies';
import { buildInitiatives } from '../../server/src/core/project/initiatives';
import { ALSO_EXPECTED_BY } from '../../server/src/core/rules/todoFiles';
import { documentRole } from '../../server/src/core/parse/role';
import { WARM_ENV, type WarmHint } from '../../server/src/protocol';
import { corpusAvailable, corpusSkeleton, INITIATIVE_003, SKIP_REASON } from '../support/corpus';
import { TestClient, uriOf, type DiagnosticLike } from './support/client';
import { engineDiagnostics, normalise, tempDir } from './support/fixtures';

const T = { timeout: 600_000 };

/**
 * A publication without the related locations that name other documents repeating a finding's fact
 * (copies.ts REPEATED_HERE) or phase prompts expecting the same output (todoFiles.ts
 * ALSO_EXPECTED_BY): those are added as the documents are read, the finding itself is final.
 */
function findingsOf(list: readonly DiagnosticLike[]): string[] {
  const repeated = (r: unknown): boolean => typeof r === 'object' && r !== null && 'message' in r && typeof r.message === 'string' && (r.message === REPEATED_HERE || r.message.startsWith(ALSO_EXPECTED_BY));
  return normalise(list.map((d) => ({ ...d, relatedInformation: (d.relatedInformation ?? []).filter((r) => !repeated(r)) })));
}

/**
 * Waits for the first non-empty publication for `uri` and for the index of `root` to be ready: the
 * first publication has `expected`'s findings (a full check) and came before ready, every later
 * non-empty one has the same, and the last is `expected`'s exactly (with the related locations in
 * documents read since).
 */
async function expectFinalBeforeReady(client: TestClient, root: string, uri: string, expected: ReadonlyMap<string, DiagnosticLike[]>): Promise<void> {
  const first = await client.published(uri, (p) => p.diagnostics.length > 0);
  const readyAt = client.mark();
  await client.ready([root]);
  const want = findingsOf(expected.get(uri) ?? []);
  assert.ok(want.length > 0);
  assert.deepEqual(findingsOf(first.diagnostics), want);
  const publications = client.received.filter((r) => r.method === 'textDocument/publishDiagnostics' && (r.params as { uri: string }).uri === uri).map((r) => (r.params as { diagnostics: DiagnosticLike[] }).diagnostics);
  for (const published of publications) if (published.length > 0) assert.deepEqual(findingsOf(published), want);
  assert.deepEqual(normalise(publications.at(-1) ?? []), normalise(expected.get(uri) ?? []));
  const statuses = client.received.filter((r) => r.method === 'proofmark/indexStatus').map((r) => (r.params as { state: string }).state);
  const readyIndex = client.received.findIndex((r, i) => i <= readyAt && r.method === 'proofmark/indexStatus' && (r.params as { state: string }).state === 'ready');
  assert.equal(readyIndex, -1, `indexStatus went ready before TODO003.md was published (${statuses.join(', ')})`);
}

/**
 * On a cold start the open document's diagnostics go out as soon as what its own findings read is
 * analysed (core/project/scope.ts), before the rest of its initiative and of the workspace: they
 * must already be the final ones, never a partial answer corrected later.
 */
describe('the open document first, on a cold start of the corpus', { skip: corpusAvailable() ? false : SKIP_REASON }, () => {
  const clients: TestClient[] = [];
  after(async () => {
    for (const c of clients) await c.stop();
  });

  it('publishes TODO003.md before the index is ready, with exactly the findings of a full check, and never changes them', T, async () => {
    const root = corpusSkeleton();
    const expected = await engineDiagnostics(root);
    const client = await TestClient.start({ roots: [root], storagePath: tempDir('proofmark-open-first-') });
    clients.push(client);
    const todo = uriOf(path.join(root, INITIATIVE_003, 'TODO003.md'));
    await client.open(path.join(root, INITIATIVE_003, 'TODO003.md'));
    await expectFinalBeforeReady(client, root, todo, expected);
    // It came after reading what its own findings need, not its whole initiative (112 documents).
    const c = compileConventions(DEFAULT_CONVENTIONS);
    const markdown = (readdirSync(root, { recursive: true }) as string[]).map((p) => p.split(path.sep).join('/')).filter((p) => p.endsWith('.md'));
    const grouping = buildInitiatives(markdown.map((p) => ({ path: p, role: documentRole(p, c) })));
    const initiative = grouping.byKey.get(grouping.byDocument.get(`${INITIATIVE_003}/TODO003.md`) ?? '');
    const firstIndex = client.received.findIndex((r) => r.method === 'textDocument/publishDiagnostics' && (r.params as { uri: string; diagnostics: unknown[] }).uri === todo && (r.params as { diagnostics: unknown[] }).diagnostics.length > 0);
    const readBefore = Math.max(0, ...client.received.slice(0, firstIndex).filter((r) => r.method === 'proofmark/indexStatus').map((r) => (r.params as { documents: number }).documents));
    assert.ok(initiative && initiative.documents.length > 50, 'the initiative of TODO003 is large');
    assert.ok(readBefore < initiative.documents.length / 2, `${readBefore} documents read before TODO003.md was published, of ${initiative.documents.length} in its initiative`);
  });

  it('parses TODO003.md and its own scope ahead when the client names it at start, and publishes it with exactly the findings of a full check', T, async () => {
    const root = corpusSkeleton();
    const expected = await engineDiagnostics(root);
    const file = path.join(root, INITIATIVE_003, 'TODO003.md');
    const hint: WarmHint = { folders: [root], open: [file, path.join(path.dirname(root), 'outside.md')] };
    const client = await TestClient.start({ roots: [root], storagePath: tempDir('proofmark-open-ahead-'), env: { [WARM_ENV]: JSON.stringify(hint) } });
    clients.push(client);
    const todo = await client.open(file);
    await expectFinalBeforeReady(client, root, todo, expected);
    const said = await client.waitFor<{ message: string }>('window/logMessage', (p) => p.message.startsWith('Parsed '));
    // TODO003.md, its PRD and the folder notes above them; the file outside the folder is not read.
    const parsed = Number(/^Parsed (\d+) documents ahead/.exec(said.message)?.[1]);
    assert.ok(parsed >= 2 && parsed <= 16, said.message);
  });

  it('starts as usual when the hint is not one', T, async () => {
    const root = corpusSkeleton();
    const client = await TestClient.start({ roots: [root], storagePath: tempDir('proofmark-open-bad-hint-'), env: { [WARM_ENV]: '{"folders": "not a list", "open": [1]}' } });
    clients.push(client);
    const todo = await client.open(path.join(root, INITIATIVE_003, 'TODO003.md'));
    await client.published(todo, (p) => p.diagnostics.length > 0);
    await client.ready([root]);
    assert.equal(client.received.filter((r) => r.method === 'window/logMessage' && String((r.params as { message: string }).message).startsWith('Parsed ')).length, 0);
  });

  it('publishes TODO003.md opened while the workers read the workspace, read in the server thread meanwhile, before the index is ready and already final', T, async () => {
    const root = corpusSkeleton();
    const expected = await engineDiagnostics(root);
    const client = await TestClient.start({ roots: [root], storagePath: tempDir('proofmark-open-later-') });
    clients.push(client);
    // The workspace is being read (runs of the worker pool under way) before the document opens.
    await client.waitFor<{ state: string; documents: number }>('proofmark/indexStatus', (p) => p.state === 'indexing' && p.documents > 0);
    const file = path.join(root, INITIATIVE_003, 'TODO003.md');
    const todo = await client.open(file);
    await expectFinalBeforeReady(client, root, todo, expected);
  });

  it('holds a pull of TODO003.md that comes before its scope is read, and answers it with its findings before the index is ready', T, async () => {
    const root = corpusSkeleton();
    const expected = await engineDiagnostics(root);
    const client = await TestClient.start({ roots: [root], storagePath: tempDir('proofmark-open-pull-'), pull: true, scope: null });
    clients.push(client);
    const todo = await client.open(path.join(root, INITIATIVE_003, 'TODO003.md'));
    // Asked at once, as VS Code does on open: not answered empty (and refreshed later), but when it can be.
    const report = await client.request<{ kind: string; items: DiagnosticLike[] }>('textDocument/diagnostic', { textDocument: { uri: todo } });
    const answeredAt = client.mark();
    await client.ready([root]);
    assert.ok((expected.get(todo) ?? []).length > 20);
    assert.deepEqual(findingsOf(report.items), findingsOf(expected.get(todo) ?? []));
    const readyAt = client.received.findIndex((r, i) => i < answeredAt && r.method === 'proofmark/indexStatus' && (r.params as { state: string }).state === 'ready');
    assert.equal(readyAt, -1, 'the index was ready before the pull was answered');
    // Nothing else changed with it: a refresh then would make VS Code cancel the held pull and drop its answer.
    const refreshes = client.received.slice(0, answeredAt).filter((r) => r.method === 'workspace/diagnostic/refresh');
    assert.deepEqual(refreshes, [], 'no refresh before the held pull was answered');
  });

  it('answers code actions asked for at once only after TODO003.md is published, with the fixes of its final findings', T, async () => {
    const root = corpusSkeleton();
    const client = await TestClient.start({ roots: [root], storagePath: tempDir('proofmark-open-actions-'), scope: null });
    clients.push(client);
    const todo = await client.open(path.join(root, INITIATIVE_003, 'TODO003.md'));
    // VS Code asks at the cursor as the document opens; the whole document here, so that fixes are offered.
    const whole = { textDocument: { uri: todo }, range: { start: { line: 0, character: 0 }, end: { line: 2000, character: 0 } }, context: { diagnostics: [] } };
    const early = await client.request<{ title: string }[]>('textDocument/codeAction', whole);
    const answeredAt = client.mark();
    const published = client.received.findIndex((r) => r.method === 'textDocument/publishDiagnostics' && (r.params as { uri: string; diagnostics: unknown[] }).uri === todo && (r.params as { diagnostics: unknown[] }).diagnostics.length > 0);
    assert.ok(published >= 0 && published < answeredAt, 'TODO003.md was published before the code actions were answered');
    await client.ready([root]);
    const late = await client.request<{ title: string }[]>('textDocument/codeAction', whole);
    assert.ok(early.length > 5, `${early.length} actions`);
    assert.deepEqual(early.map((a) => a.title), late.map((a) => a.title));
  });

  it('answers a completion tree asked for at once only after TODO003.md is published, and then with its initiative', T, async () => {
    const root = corpusSkeleton();
    const client = await TestClient.start({ roots: [root], storagePath: tempDir('proofmark-open-tree-'), scope: null });
    clients.push(client);
    const todo = await client.open(path.join(root, INITIATIVE_003, 'TODO003.md'));
    // The editor asks for the tree as soon as the server is up; computed meanwhile, it delayed the open document's diagnostics.
    const tree = await client.request<{ initiatives: { label: string }[]; indexing?: { documents: number; total: number } }>('proofmark/completionTree', {});
    const answeredAt = client.mark();
    const published = client.received.findIndex((r) => r.method === 'textDocument/publishDiagnostics' && (r.params as { uri: string; diagnostics: unknown[] }).uri === todo && (r.params as { diagnostics: unknown[] }).diagnostics.length > 0);
    assert.ok(published >= 0 && published < answeredAt, 'TODO003.md was published before the tree was answered');
    assert.ok(tree.indexing && tree.indexing.documents < tree.indexing.total, 'the tree came while the workspace was still being read');
    assert.ok(tree.initiatives.length > 0);
    await client.ready([root]);
  });
});
