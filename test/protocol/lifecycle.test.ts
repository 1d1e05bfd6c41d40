import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { CompletionTree } from '../../server/src/protocol';
import { uriOf } from './support/client';
import { orbitCopy } from './support/fixtures';
import { RawClient } from './support/rawClient';

const T = { timeout: 60_000 };
const PARSE_ERROR = -32700;
const INVALID_REQUEST = -32600;
const SERVER_NOT_INITIALIZED = -32002;
const REQUEST_CANCELLED = -32800;

const clients: RawClient[] = [];
after(() => clients.forEach((c) => c.kill()));

function spawned(): RawClient {
  const client = RawClient.spawn();
  clients.push(client);
  return client;
}

/** A server initialized on a copy of the example, indexed; with the URI of its TODO. */
async function running(): Promise<{ client: RawClient; root: string; todo: string }> {
  const client = spawned();
  const root = orbitCopy();
  await client.initialize([root]);
  await client.ready(root);
  return { client, root, todo: uriOf(path.join(root, 'TODO001.md')) };
}

/** A TODO of its own with one finding: Phase 1 marked done while a box is open. */
const NESTED = '# TODO009\n\n## Phase 1: Setup ✅ COMPLETED\n\n### Progress Checklist\n\n- [x] one\n- [ ] two\n';
const hover = (uri: string) => ({ textDocument: { uri }, position: { line: 51, character: 6 } });

/** The server still answers an ordinary request. */
async function stillAnswers(client: RawClient): Promise<void> {
  const response = await client.request('proofmark/completionTree', {});
  assert.equal(response.error, undefined);
  assert.ok(Array.isArray((response.result as CompletionTree).initiatives));
}

describe('the LSP lifecycle', () => {
  it('answers a request before initialize with ServerNotInitialized, and drops notifications', T, async () => {
    const client = spawned();
    const root = orbitCopy();
    const uri = uriOf(path.join(root, 'TODO009.md'));
    const early = await client.request('textDocument/hover', hover(uri));
    assert.equal(early.error?.code, SERVER_NOT_INITIALIZED);
    // Opened before initialize: dropped, so the edit after it changes no document the server holds.
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '# TODO009\n' } });
    await client.initialize([root], { workspace: { workspaceFolders: true }, textDocument: { diagnostic: {} } });
    await client.ready(root);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: NESTED }] });
    const report = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual((report.result as { items: unknown[] }).items, []);
    await stillAnswers(client);
    assert.equal(await client.stop(), 0);
  });

  it('refuses a second initialize and keeps the first session', T, async () => {
    const { client, root } = await running();
    const other = orbitCopy();
    const second = await client.request('initialize', { processId: null, rootUri: uriOf(other), workspaceFolders: [{ uri: uriOf(other), name: 'other' }], capabilities: {} });
    assert.equal(second.error?.code, INVALID_REQUEST);
    assert.match(second.error?.message ?? '', /initialize/);
    const tree = (await client.request('proofmark/completionTree', {})).result as CompletionTree;
    assert.deepEqual([...new Set(tree.initiatives.map((i) => i.initiative.root))], [uriOf(root)], 'the first folder is still served');
    // An edit publishes its diagnostics once (a second session would publish them twice).
    const uri = uriOf(path.join(root, 'TODO009.md'));
    const mark = client.mark();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: NESTED } });
    await client.notification('textDocument/publishDiagnostics', (p) => (p as { uri: string }).uri === uri, mark);
    await stillAnswers(client);
    assert.equal(client.received.slice(mark).filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri).length, 1);
    assert.equal(await client.stop(), 0);
  });

  it('answers requests after shutdown with InvalidRequest, and serves none of them', T, async () => {
    const { client, todo } = await running();
    const shutdown = await client.request('shutdown');
    assert.equal(shutdown.error, undefined);
    const late = await client.request('textDocument/hover', hover(todo));
    assert.equal(late.error?.code, INVALID_REQUEST);
    assert.equal(late.result, undefined);
    assert.equal((await client.request('shutdown')).error?.code, INVALID_REQUEST);
    client.notify('exit');
    assert.equal(await client.exited, 0);
  });

  it('answers a message that is not JSON with a parse error, and goes on', T, async () => {
    const { client } = await running();
    client.sendBytes('{"jsonrpc":"2.0","id":900,"method":"proofmark/completionTree","params":{');
    const response = await client.response(null);
    assert.equal(response.error?.code, PARSE_ERROR);
    await stillAnswers(client);
    assert.equal(await client.stop(), 0);
  });

  it('answers invalid requests with InvalidRequest, with their id when they have one', T, async () => {
    const { client } = await running();
    const cases: [string, number | null][] = [
      ['{"jsonrpc":"2.0","id":901}', 901],
      ['{"jsonrpc":"2.0","id":902,"method":5}', 902],
      ['{"id":903,"method":"proofmark/completionTree","params":{}}', 903],
      ['{"jsonrpc":"2.0","id":{"x":1},"method":"proofmark/completionTree","params":{}}', null],
      ['"hello"', null],
      ['[{"jsonrpc":"2.0","id":904,"method":"proofmark/completionTree","params":{}}]', null],
      ['[]', null],
    ];
    for (const [body, id] of cases) {
      const mark = client.mark();
      client.sendBytes(body);
      const response = await client.response(id, mark);
      assert.equal(response.error?.code, INVALID_REQUEST, body);
    }
    await stillAnswers(client);
    assert.equal(await client.stop(), 0);
  });

  it('answers a cancelled request with RequestCancelled', T, async () => {
    const { client } = await running();
    // The request and its cancellation in one write: the cancellation is read before the request is served.
    const id = 950;
    const frame = (message: unknown): string => {
      const body = JSON.stringify(message);
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    client.process.stdin?.write(frame({ jsonrpc: '2.0', id, method: 'workspace/symbol', params: { query: 'FR' } }) + frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } }));
    const response = await client.response(id);
    assert.equal(response.error?.code, REQUEST_CANCELLED);
    await stillAnswers(client);
    assert.equal(await client.stop(), 0);
  });
});
