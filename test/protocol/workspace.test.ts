import assert from 'node:assert/strict';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionTree } from '../../server/src/protocol';
import { TestClient, uriOf, type DiagnosticLike } from './support/client';
import { orbitCopy } from './support/fixtures';

const T = { timeout: 60_000 };
const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

describe('the workspace: folders, watched files, open documents, configuration', () => {
  let root: string;
  let client: TestClient;
  const at = (file: string) => path.join(root, file);
  const pull = async (file: string): Promise<DiagnosticLike[]> => (await client.request<{ items: DiagnosticLike[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(at(file)) } })).items;
  const codes = async (file: string, line?: number): Promise<string[]> => (await pull(file)).filter((d) => line === undefined || d.range.start.line === line).map((d) => String(d.code));
  const watched = (changes: [string, number][]) => client.notify('workspace/didChangeWatchedFiles', { changes: changes.map(([file, type]) => ({ uri: uriOf(at(file)), type })) });

  before(async () => {
    root = orbitCopy();
    client = await TestClient.start({ roots: [root], pull: true });
    await client.ready([root]);
  });
  after(async () => {
    await client.stop();
  });

  it('registers a watcher for every file', async () => {
    type Registration = { registrations: { method: string; registerOptions: { watchers: { globPattern: string }[] } }[] };
    const registration = await client.waitFor<Registration>('client/registerCapability', (p) => p.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'));
    const watchers = registration.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')?.registerOptions.watchers;
    assert.deepEqual(watchers?.map((w) => w.globPattern), ['**/*']);
  });

  it('a created expected output clears expected-output-missing', T, async () => {
    assert.ok((await codes('TODO001.md', 138)).includes('expected-output-missing'));
    writeFileSync(at('TODO001_phase2_decisions.md'), '# Phase 2 Decisions\n');
    await watched([['TODO001_phase2_decisions.md', CREATED]]);
    assert.ok(!(await codes('TODO001.md', 138)).includes('expected-output-missing'));
  });

  it('a deleted output clears output-exists-unchecked', T, async () => {
    assert.ok((await codes('TODO001.md', 164)).includes('output-exists-unchecked'));
    rmSync(at('TODO001_phase2_notes.md'));
    await watched([['TODO001_phase2_notes.md', DELETED]]);
    assert.ok(!(await codes('TODO001.md', 164)).includes('output-exists-unchecked'));
    assert.deepEqual(await pull('TODO001_phase2_notes.md'), []);
  });

  it('a renamed code file breaks the references to its old name', T, async () => {
    assert.ok(!(await codes('TODO001_phase1_notes.md')).includes('broken-reference'));
    renameSync(at('src/sync/queue.ts'), at('src/sync/outbox.ts'));
    await watched([
      ['src/sync/queue.ts', DELETED],
      ['src/sync/outbox.ts', CREATED],
    ]);
    assert.ok((await codes('TODO001_phase1_notes.md')).includes('broken-reference'));
  });

  it('a document replaced by a folder is dropped, and its files are indexed', T, async () => {
    rmSync(at('TODO001_phase3_handoff.md'));
    mkdirSync(at('TODO001_phase3_handoff.md'));
    writeFileSync(at('TODO001_phase3_handoff.md/TODO001_phase9_notes.md'), '**Status**: ✅ COMPLETED\n');
    await watched([['TODO001_phase3_handoff.md', CHANGED]]);
    assert.deepEqual(await pull('TODO001_phase3_handoff.md'), []);
    assert.ok((await codes('TODO001_phase3_handoff.md/TODO001_phase9_notes.md')).includes('claim-without-evidence'));
  });

  it("an open document's text wins over the disk until it is closed", T, async () => {
    const uri = await client.open(at('TODO001_phase2_testing_summary.md'), '# Phase 2 Testing Summary\n\nNo claims here yet.\n');
    assert.deepEqual(await codes('TODO001_phase2_testing_summary.md'), []);
    await client.close(uri);
    assert.ok((await codes('TODO001_phase2_testing_summary.md')).includes('status-conflict'));
  });

  it('a new .proofmark.json re-indexes the folder with its settings', T, async () => {
    assert.ok((await codes('TODO001_phase3_notes.md')).includes('broken-reference'));
    const mark = client.mark();
    writeFileSync(at('.proofmark.json'), JSON.stringify({ severity: { 'broken-reference': 'off' } }));
    await watched([['.proofmark.json', CREATED]]);
    await client.ready([root], mark);
    assert.ok(!(await codes('TODO001_phase3_notes.md')).includes('broken-reference'));
    writeFileSync(at('.proofmark.json'), '{ not json');
    const again = client.mark();
    await watched([['.proofmark.json', CHANGED]]);
    await client.ready([root], again);
    assert.ok((await codes('.proofmark.json')).includes('config-invalid'));
  });

  it('the server never wrote anything but the protocol to stdout', () => {
    assert.deepEqual(client.protocolErrors, []);
  });
});

describe('several workspace folders', () => {
  it('indexes each folder as its own project', T, async () => {
    const a = orbitCopy();
    const b = orbitCopy();
    const client = await TestClient.start({ roots: [a, b] });
    try {
      await client.ready([a, b]);
      const tree = await client.request<CompletionTree>('proofmark/completionTree', {});
      // Each copy holds the TODO001 initiative and the two example specs: three initiatives per root.
      assert.deepEqual([...new Set(tree.initiatives.map((i) => i.initiative.root))].sort(), [uriOf(a), uriOf(b)].sort());
      assert.equal(tree.initiatives.length, 6);
      const published = client.latestPublished();
      assert.ok(published.has(uriOf(path.join(a, 'TODO001.md'))) && published.has(uriOf(path.join(b, 'TODO001.md'))));
    } finally {
      await client.stop();
    }
  });
});
