import assert from 'node:assert/strict';
import { cpSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { CheckWorkspaceResult } from '../../server/src/protocol';
import { TestClient, uriOf, type DiagnosticLike } from './support/client';
import { engineDiagnostics, normalise, ORBIT, tempDir } from './support/fixtures';

const T = { timeout: 120_000 };

const clients: TestClient[] = [];
after(async () => {
  for (const client of clients) await client.stop();
});

/**
 * Two initiatives (copies of the example in `a/` and `b/`) and a note outside every initiative
 * whose only link is broken.
 */
function twoInitiatives(): string {
  const root = tempDir('proofmark-scope-');
  // The example's TODO initiative only: its spec folders are initiatives of their own.
  const initiativeOnly = (source: string): boolean => !/^(?:specs|\.kiro|\.specify)(?:\/|$)/.test(path.relative(ORBIT, source));
  cpSync(ORBIT, path.join(root, 'a'), { recursive: true, filter: initiativeOnly });
  cpSync(ORBIT, path.join(root, 'b'), { recursive: true, filter: initiativeOnly });
  writeFileSync(path.join(root, 'notes.md'), '# Notes\n\nSee [the plan](missing-plan.md).\n');
  return root;
}

async function started(root: string, options: { pull?: boolean; scope?: 'workspace' | 'openInitiatives' | null } = {}): Promise<TestClient> {
  const client = await TestClient.start({ roots: [root], pull: options.pull, scope: options.scope === undefined ? null : options.scope });
  clients.push(client);
  return client;
}

/** The CLI's diagnostics of the files under `prefix` (a folder of the root, or a file). */
function under(expected: Map<string, DiagnosticLike[]>, root: string, prefix: string): Map<string, string[]> {
  const base = uriOf(path.join(root, prefix));
  return new Map([...expected].filter(([uri]) => uri === base || uri.startsWith(`${base}/`)).map(([uri, list]) => [uri, normalise(list)]));
}

function published(client: TestClient): Map<string, string[]> {
  return new Map([...client.latestPublished()].map(([uri, list]) => [uri, normalise(list)]));
}

/** One round trip: every notification the server sent for what it had received is on the wire before the answer. */
async function roundTrip(client: TestClient): Promise<void> {
  await client.request('proofmark/completionTree', {});
}

describe('diagnostics scope: the open documents and their initiatives (the default)', () => {
  it('publishes the open initiative only, and clears it when its last document closes', T, async () => {
    const root = twoInitiatives();
    const expected = await engineDiagnostics(root);
    const client = await started(root);
    const uri = await client.open(path.join(root, 'a/TODO001.md'));
    await client.ready([root]);
    await roundTrip(client);
    const a = under(expected, root, 'a');
    assert.ok(a.size > 3, 'the example has findings in several documents');
    assert.deepEqual(published(client), a, "exactly the CLI's diagnostics of a/, and nothing of b/ or notes.md");

    const mark = client.mark();
    await client.close(uri);
    for (const file of a.keys()) await client.published(file, (p) => p.diagnostics.length === 0, mark);
    assert.deepEqual(published(client), new Map(), 'nothing is shown with no document open');
  });

  it('shows on an open copy the findings its first copy reports, while the first copy is not open', T, async () => {
    // a/ and b/ are the same texts: the CLI reports their findings once, on a/ (b/ as related locations).
    const root = twoInitiatives();
    const expected = await engineDiagnostics(root);
    const client = await started(root);
    const copy = await client.open(path.join(root, 'b/TODO001.md'));
    await client.ready([root]);
    await roundTrip(client);
    const first = uriOf(path.join(root, 'a/TODO001.md'));
    const cli = (uri: string): DiagnosticLike[] => expected.get(uri) ?? [];
    const place = (d: DiagnosticLike): string => JSON.stringify([d.range.start.line, d.range.start.character, d.code, d.severity]);
    const shown = client.latestPublished().get(copy) ?? [];
    assert.ok(cli(first).length > cli(copy).length, 'most of the copy\'s findings are reported on a/ by the CLI');
    assert.deepEqual(shown.map(place).sort(), cli(first).map(place).sort(), 'the copy shows what its first copy reports, at the same places');
    const naming = shown.filter((d) => JSON.stringify(d.relatedInformation ?? []).includes(first));
    assert.ok(naming.length >= cli(first).length - cli(copy).length, 'each names the first copy as a related location');
    assert.ok([...client.latestPublished().keys()].every((uri) => uri.startsWith(uriOf(path.join(root, 'b')))), 'nothing of a/ is shown');

    // With the first copy open too, its findings are shown there once, and the copy keeps only its own.
    const opening = client.mark();
    await client.open(path.join(root, 'a/TODO001.md'));
    await client.published(copy, (p) => p.diagnostics.length === cli(copy).length, opening);
    await roundTrip(client);
    assert.deepEqual(normalise(client.latestPublished().get(first) ?? []), normalise(cli(first)));
    assert.deepEqual(normalise(client.latestPublished().get(copy) ?? []), normalise(cli(copy)));
  });

  it('shows a document outside every initiative alone, while it is open', T, async () => {
    const root = twoInitiatives();
    const client = await started(root);
    await client.ready([root]);
    const notes = uriOf(path.join(root, 'notes.md'));
    const mark = client.mark();
    await client.open(path.join(root, 'notes.md'));
    const first = await client.published(notes, (p) => p.diagnostics.length > 0, mark);
    assert.deepEqual(first.diagnostics.map((d) => d.code), ['broken-reference']);
    await roundTrip(client);
    assert.deepEqual([...client.latestPublished().keys()], [notes]);
    const closing = client.mark();
    await client.close(notes);
    await client.published(notes, (p) => p.diagnostics.length === 0, closing);
  });

  it('answers pull requests for the scope only, and empty for a file that left it', T, async () => {
    const root = twoInitiatives();
    const expected = await engineDiagnostics(root);
    const client = await started(root, { pull: true });
    const uri = await client.open(path.join(root, 'a/TODO001.md'));
    await client.ready([root]);
    type Report = { kind: string; uri: string; resultId?: string; items?: DiagnosticLike[] };
    const workspace = await client.request<{ items: Report[] }>('workspace/diagnostic', { previousResultIds: [] });
    const full = new Map(workspace.items.filter((i) => i.kind === 'full' && (i.items ?? []).length > 0).map((i) => [i.uri, normalise(i.items ?? [])]));
    assert.deepEqual(full, under(expected, root, 'a'));
    const outside = await client.request<{ items: DiagnosticLike[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(path.join(root, 'b/TODO001.md')) } });
    assert.deepEqual(outside.items, [], 'b/ is in no open initiative');

    await client.close(uri);
    const previousResultIds = workspace.items.map((i) => ({ uri: i.uri, value: i.resultId ?? '' }));
    const after = await client.request<{ items: Report[] }>('workspace/diagnostic', { previousResultIds });
    for (const file of full.keys()) {
      const report = after.items.find((i) => i.uri === file);
      assert.equal(report?.kind, 'full', `${file} is reported again`);
      assert.deepEqual(report?.items, [], `${file} left the scope, so it is cleared`);
    }
  });
});

describe('diagnostics scope: the workspace', () => {
  it("publishes every file's diagnostics, as the CLI finds them", T, async () => {
    const root = twoInitiatives();
    const expected = await engineDiagnostics(root);
    const client = await started(root, { scope: 'workspace' });
    await client.ready([root]);
    await roundTrip(client);
    assert.deepEqual(published(client), under(expected, root, ''));
  });

  it('follows the setting, and Check Workspace shows the whole workspace, with the counts of a complete check', T, async () => {
    const root = twoInitiatives();
    const expected = await engineDiagnostics(root);
    const client = await started(root, { scope: 'workspace' });
    await client.ready([root]);
    await roundTrip(client);
    assert.ok(published(client).size > 0);

    const narrowed = client.mark();
    await client.notify('workspace/didChangeConfiguration', { settings: { proofmark: { diagnostics: { scope: 'openInitiatives' } } } });
    await roundTrip(client);
    assert.deepEqual(published(client), new Map(), 'no document is open, so nothing is shown');
    assert.equal(client.received.slice(narrowed).filter((r) => r.method === 'proofmark/indexStatus').length, 0, 'a new scope does not re-index');

    const result = await client.request<CheckWorkspaceResult>('proofmark/checkWorkspace', {});
    const findings = [...expected.values()].reduce((n, list) => n + list.length, 0);
    assert.deepEqual(result, { findings, files: expected.size, initiatives: 2 });
    assert.deepEqual(published(client), under(expected, root, ''), 'the answer comes after every diagnostic');
  });
});
