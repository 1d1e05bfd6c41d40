import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { TestClient, uriOf, type DiagnosticLike } from './support/client';
import { orbitCopy } from './support/fixtures';

const T = { timeout: 60_000 };
/** A document of its own with one known finding: Phase 1 marked done at line 3 (0-based 2) while a box is open. */
const NESTED = '# TODO009\n\n## Phase 1: Setup ✅ COMPLETED\n\n### Progress Checklist\n\n- [x] one\n- [ ] two\n';

const clients: TestClient[] = [];
after(async () => {
  for (const client of clients) await client.stop();
});

/** A client with no workspace folder that opens `root`/TODO001.md, once `root` holds nested/TODO009.md; waits for its loose root. */
async function openAlone(root: string): Promise<TestClient> {
  mkdirSync(path.join(root, 'nested'));
  writeFileSync(path.join(root, 'nested/TODO009.md'), NESTED);
  const client = await TestClient.start({ roots: [], pull: true });
  clients.push(client);
  const todo = path.join(root, 'TODO001.md');
  await client.open(todo, readFileSync(todo, 'utf8'));
  await client.ready([root]);
  return client;
}

async function codes(client: TestClient, file: string, line?: number): Promise<string[]> {
  const report = await client.request<{ items: DiagnosticLike[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(file) } });
  return report.items.filter((d) => line === undefined || d.range.start.line === line).map((d) => String(d.code));
}

describe('single-file mode: documents opened outside every workspace folder', () => {
  it('analyses the whole repository of a document inside one', T, async () => {
    const root = orbitCopy();
    mkdirSync(path.join(root, '.git'));
    const client = await openAlone(root);
    assert.ok((await codes(client, path.join(root, 'TODO001.md'), 138)).includes('expected-output-missing'));
    // Files that are not open, in the folder and below it, are analysed too.
    assert.deepEqual(await codes(client, path.join(root, 'nested/TODO009.md'), 2), ['phase-done-checklist-open']);
    assert.ok(!(await codes(client, path.join(root, 'TODO001_phase1_notes.md'))).includes('broken-reference'), 'code paths under the repository resolve');
  });

  it('analyses only the files beside a document outside any repository', T, async () => {
    const root = orbitCopy();
    const client = await openAlone(root);
    assert.ok((await codes(client, path.join(root, 'TODO001.md'), 138)).includes('expected-output-missing'));
    assert.deepEqual(await codes(client, path.join(root, 'nested/TODO009.md')), [], 'subfolders of a folder that is not a repository are not read');
  });
});

describe('workspace folders removed and added while running', () => {
  it('clears the published diagnostics of a removed folder (push)', T, async () => {
    const root = orbitCopy();
    const client = await TestClient.start({ roots: [root] });
    clients.push(client);
    const todo = uriOf(path.join(root, 'TODO001.md'));
    await client.published(todo, (p) => p.diagnostics.length > 0);
    const from = client.mark();
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uriOf(root), name: 'orbit' }] } });
    await client.published(todo, (p) => p.diagnostics.length === 0, from);
  });

  it('lets an added folder take over from the loose root of a document opened before', T, async () => {
    const root = orbitCopy();
    mkdirSync(path.join(root, '.git'));
    const client = await openAlone(root);
    // A folder inside the repository the loose root had taken whole.
    const nested = path.join(root, 'nested');
    const from = client.mark();
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(nested), name: 'nested' }], removed: [] } });
    await client.ready([nested, root], from);
    type Report = { items: { uri: string }[] };
    const report = await client.request<Report>('workspace/diagnostic', { previousResultIds: [] });
    assert.equal(report.items.filter((item) => item.uri === uriOf(path.join(nested, 'TODO009.md'))).length, 1, 'one project reports on a file of the added folder');
    assert.ok((await codes(client, path.join(root, 'TODO001.md'))).includes('expected-output-missing'), 'the open document outside the folder is still analysed');
  });
});
