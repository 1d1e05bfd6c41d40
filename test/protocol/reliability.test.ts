import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TestClient, uriOf, type DiagnosticLike } from './support/client';
import { ORBIT, orbitCopy, tempDir } from './support/fixtures';

const T = { timeout: 120_000 };

describe('reliability: the server answers or reports, never exits', () => {
  let client: TestClient;
  const at = (file: string) => path.join(ORBIT, file);
  before(async () => {
    client = await TestClient.start({ roots: [ORBIT], pull: true });
    await client.ready([ORBIT]);
  });
  after(async () => {
    assert.equal(client.process.exitCode, null, 'the server is still running');
    assert.deepEqual(client.protocolErrors, []);
    assert.equal(await client.stop(), 0);
  });

  it('answers malformed requests with an error or an empty result', async () => {
    const attempts = [
      client.request('textDocument/hover', {}),
      client.request('textDocument/definition', { textDocument: { uri: 42 }, position: null }),
      client.request('textDocument/rename', { textDocument: { uri: 'not a uri' }, position: { line: -5, character: -1 }, newName: 7 }),
      client.request('textDocument/diagnostic', { textDocument: {} }),
      client.request('workspace/symbol', { query: 42 }),
      client.request('proofmark/traceability', { initiative: 'x' }),
      client.request('workspace/executeCommand', { command: 'proofmark.generateHandoff' }),
    ];
    const results = await Promise.allSettled(attempts);
    assert.equal(results.length, attempts.length);
    await client.notify('textDocument/didChange', { textDocument: { uri: 'file:///nowhere.md', version: 3 }, contentChanges: [{ text: 'x' }] });
    await client.notify('workspace/didChangeWatchedFiles', { changes: 'nope' });
    assert.equal(client.process.exitCode, null);
  });

  it('answers positions past the end of a document', async () => {
    const uri = uriOf(at('TODO001.md'));
    const far = { line: 100_000, character: 100_000 };
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: far }), null);
    assert.deepEqual(await client.request('textDocument/definition', { textDocument: { uri }, position: far }), []);
    assert.deepEqual(await client.request('textDocument/references', { textDocument: { uri }, position: far, context: { includeDeclaration: true } }), []);
    await assert.rejects(client.request('textDocument/prepareRename', { textDocument: { uri }, position: far }), /Only a requirement id/);
    // In an open document the server has the client's text: a line past its end is refused, a character past its line's end is the line's end.
    const open = await client.open(at('TODO001.md'));
    await assert.rejects(client.request('textDocument/completion', { textDocument: { uri: open }, position: far }), { code: -32602 });
    await assert.rejects(client.request('textDocument/codeAction', { textDocument: { uri: open }, range: { start: far, end: far }, context: { diagnostics: [] } }), { code: -32602 });
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri: open }, position: { line: 0, character: 100_000 } }), []);
    await client.close(open);
  });

  it('reports a 20 MB document opened in the editor as file-skipped', T, async () => {
    const uri = await client.open(at('huge-log.md'), `# Log\n${'- [x] line of a very long log ✅ COMPLETED\n'.repeat(500_000)}`);
    const report = await client.request<{ items: DiagnosticLike[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(report.items.map((d) => d.code), ['file-skipped']);
    assert.match(report.items[0]?.message ?? '', /over the maxFileSize limit/);
    await client.close(uri);
  });

  it('reports a binary document opened in the editor as file-skipped', async () => {
    const uri = await client.open(at('blob.md'), `PK\u0003\u0004\u0000\u0000binary`);
    const report = await client.request<{ items: DiagnosticLike[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(report.items.map((d) => [d.code, d.message]), [['file-skipped', 'File looks binary (it contains NUL characters); not analysed.']]);
    await client.close(uri);
  });

  it('answers for documents outside every workspace folder with nothing', async () => {
    const report = await client.request<{ items: DiagnosticLike[] }>('textDocument/diagnostic', { textDocument: { uri: 'file:///elsewhere/TODO001.md' } });
    assert.deepEqual(report.items, []);
  });
});

describe('transports', () => {
  it('runs over IPC (--node-ipc)', T, async () => {
    const client = await TestClient.start({ roots: [ORBIT], transport: '--node-ipc' });
    try {
      await client.ready([ORBIT]);
      assert.ok(client.latestPublished().size > 0);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});

describe('the model cache in storagePath', () => {
  const root = orbitCopy();
  const storage = tempDir('proofmark-storage-');
  const started = async (): Promise<{ cached: number; analysed: number; diagnostics: number }> => {
    const client = await TestClient.start({ roots: [root], storagePath: storage });
    try {
      await client.ready([root]);
      const log = await client.waitFor<{ message: string }>('window/logMessage', (p) => p.message.startsWith('Indexed '));
      const m = /\((\d+) models cached, (\d+) analysed/.exec(log.message);
      return { cached: Number(m?.[1]), analysed: Number(m?.[2]), diagnostics: [...client.latestPublished().values()].flat().length };
    } finally {
      await client.stop();
    }
  };

  it('makes the second start warm, and discards a cache of another version or a corrupt one', T, async () => {
    const cold = await started();
    assert.equal(cold.cached, 0);
    assert.ok(cold.analysed >= 15);
    const [file] = readdirSync(storage).filter((f) => f.endsWith('.jsonl'));
    assert.ok(file, 'a cache file was written');
    const cachePath = path.join(storage, file);
    const written = readFileSync(cachePath, 'utf8');
    const stamp = JSON.parse(written.slice(0, written.indexOf('\n'))) as { server: string; format: number };
    assert.equal(typeof stamp.server, 'string');
    assert.equal(written.trimEnd().split('\n').length, 1 + cold.analysed, 'a header, then one line per model');

    const warm = await started();
    assert.equal(warm.analysed, 0);
    assert.equal(warm.cached, cold.analysed);
    assert.equal(warm.diagnostics, cold.diagnostics);

    writeFileSync(cachePath, readFileSync(cachePath, 'utf8').replace(`"server":"${stamp.server}"`, '"server":"0.0.0-other"'));
    const otherVersion = await started();
    assert.equal(otherVersion.cached, 0);
    assert.equal(otherVersion.diagnostics, cold.diagnostics);

    writeFileSync(cachePath, '{"format":2,"server":');
    const corrupt = await started();
    assert.equal(corrupt.cached, 0);
    assert.equal(corrupt.diagnostics, cold.diagnostics);

    // A file cut in the middle of a model (a crash while writing) is discarded as a whole.
    const fresh = readFileSync(cachePath, 'utf8');
    writeFileSync(cachePath, fresh.slice(0, fresh.indexOf('\n', Math.floor(fresh.length / 2)) + 10));
    const truncated = await started();
    assert.equal(truncated.cached, 0);
    assert.equal(truncated.diagnostics, cold.diagnostics);
  });
});
