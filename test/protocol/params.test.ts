import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { CompletionTreeRequest, HandoffPlanRequest, ServerCommands, TraceabilityRequest } from '../../server/src/protocol';
import { uriOf } from './support/client';
import { orbitCopy } from './support/fixtures';
import { RawClient, type WireMessage } from './support/rawClient';

const INVALID_PARAMS = -32602;
const T = { timeout: 60_000 };

type Params = Record<string, unknown>;
interface MethodCase {
  /** Parameters the method answers normally. */
  readonly valid: (uri: string) => Params;
  /** Parameters with a field of the wrong type, one case each. */
  readonly wrong: (uri: string) => Params[];
  /** Whether the parameters hold a position (`position`) or a range (`range`) in the document. */
  readonly at?: 'position' | 'range';
}

const zero = { line: 0, character: 0 };
const textDocument = (uri: string) => ({ textDocument: { uri } });
const positioned = (extra: Params = {}): MethodCase => ({
  // On `T1.1` of `#### T1.1: SQLite Store and Schema`, which every positioned request answers.
  valid: (uri) => ({ ...textDocument(uri), position: { line: 51, character: 6 }, ...extra }),
  wrong: (uri) => [{ textDocument: { uri: 42 }, position: zero, ...extra }, { ...textDocument(uri), position: 'top', ...extra }, { ...textDocument(uri), position: { line: '3', character: 0 }, ...extra }, { textDocument: uri, position: zero, ...extra }],
  at: 'position',
});
const whole: MethodCase = { valid: textDocument, wrong: (uri) => [{ textDocument: { uri: null } }, { textDocument: [uri] }, {}] };
const initiativeOf = (root: string) => ({ root, folder: '', id: '001' });

/**
 * Every request the server registers, with parameters it answers and broken variants. The test
 * below checks this list against what the initialize result announces, so a new feature without an
 * entry here fails.
 */
function methods(root: string): Record<string, MethodCase> {
  return {
    'textDocument/hover': positioned(),
    'textDocument/definition': positioned(),
    'textDocument/references': {
      ...positioned({ context: { includeDeclaration: true } }),
      wrong: (uri) => [...positioned().wrong(uri), { ...textDocument(uri), position: zero, context: { includeDeclaration: 'yes' } }, { ...textDocument(uri), position: zero, context: 7 }],
    },
    'textDocument/prepareRename': positioned(),
    'textDocument/rename': { ...positioned({ newName: 'T1.9' }), wrong: (uri) => [...positioned({ newName: 'T1.9' }).wrong(uri), { ...textDocument(uri), position: zero, newName: 9 }, { ...textDocument(uri), position: zero }] },
    'textDocument/completion': positioned(),
    'textDocument/documentLink': whole,
    'textDocument/documentSymbol': whole,
    'textDocument/codeLens': whole,
    'textDocument/diagnostic': { valid: textDocument, wrong: (uri) => [...whole.wrong(uri), { ...textDocument(uri), previousResultId: 5 }] },
    'textDocument/codeAction': {
      valid: (uri) => ({ ...textDocument(uri), range: { start: zero, end: { line: 2, character: 0 } }, context: { diagnostics: [] } }),
      wrong: (uri) => [{ ...textDocument(uri), range: null }, { ...textDocument(uri), range: { start: zero } }, { ...textDocument(uri), range: { start: { line: 4, character: 0 }, end: zero } }, { textDocument: {}, range: { start: zero, end: zero } }],
      at: 'range',
    },
    'workspace/symbol': { valid: () => ({ query: 'FR' }), wrong: () => [{ query: 42 }, {}] },
    'workspace/diagnostic': { valid: () => ({ previousResultIds: [] }), wrong: () => [{ previousResultIds: 'all' }, { previousResultIds: [{ uri: 1, value: 'x' }] }] },
    'workspace/executeCommand': {
      valid: (uri) => ({ command: ServerCommands.toggleCheckbox, arguments: [{ uri, line: 151 }] }),
      wrong: (uri) => [
        { command: 7 },
        { command: ServerCommands.toggleCheckbox, arguments: 'x' },
        { command: ServerCommands.toggleCheckbox },
        { command: ServerCommands.toggleCheckbox, arguments: [{ uri, line: -1 }] },
        { command: ServerCommands.toggleCheckbox, arguments: [{ uri, line: 1.5 }] },
        { command: ServerCommands.toggleCheckbox, arguments: [null] },
        { command: ServerCommands.generateHandoff, arguments: [{ initiative: initiativeOf(root), phase: 2 }] },
        { command: ServerCommands.generateHandoff, arguments: [{ initiative: { root }, phase: '2' }] },
        { command: ServerCommands.generateHandoff, arguments: [] },
        { command: ServerCommands.createOutput, arguments: [{ uri }] },
        { command: ServerCommands.createOutput, arguments: [{ uri: 5, file: uri }] },
        { command: 'proofmark.noSuchCommand', arguments: [] },
      ],
    },
    [CompletionTreeRequest]: { valid: () => ({}), wrong: () => [] },
    [TraceabilityRequest]: { valid: () => ({ initiative: initiativeOf(root) }), wrong: () => [{ initiative: 'x' }, { initiative: { root, folder: 0, id: '001' } }, { initiative: { ...initiativeOf(root), root: 'file:///elsewhere' } }] },
    [HandoffPlanRequest]: {
      valid: () => ({ initiative: initiativeOf(root), phase: '2' }),
      wrong: () => [{ initiative: initiativeOf(root) }, { initiative: initiativeOf(root), phase: null }, { phase: '2' }, { initiative: initiativeOf(root), phase: '99' }],
    },
  };
}

/** The requests a server announces in its initialize result (besides its custom ones). */
function announced(result: InitializeResult): string[] {
  const c = result.capabilities;
  const methods: string[] = [];
  const add = (present: unknown, ...names: string[]): void => {
    if (present) methods.push(...names);
  };
  add(c.hoverProvider, 'textDocument/hover');
  add(c.definitionProvider, 'textDocument/definition');
  add(c.referencesProvider, 'textDocument/references');
  add(c.renameProvider, 'textDocument/rename');
  add(typeof c.renameProvider === 'object' && c.renameProvider.prepareProvider, 'textDocument/prepareRename');
  add(c.completionProvider, 'textDocument/completion');
  add(c.documentLinkProvider, 'textDocument/documentLink');
  add(c.documentSymbolProvider, 'textDocument/documentSymbol');
  add(c.workspaceSymbolProvider, 'workspace/symbol');
  add(c.codeActionProvider, 'textDocument/codeAction');
  add(c.codeLensProvider, 'textDocument/codeLens');
  add(c.executeCommandProvider, 'workspace/executeCommand');
  add(c.diagnosticProvider, 'textDocument/diagnostic');
  add(typeof c.diagnosticProvider === 'object' && 'workspaceDiagnostics' in c.diagnosticProvider && c.diagnosticProvider.workspaceDiagnostics, 'workspace/diagnostic');
  const unknown = Object.keys(c).filter((k) => !['textDocumentSync', 'workspace', 'hoverProvider', 'definitionProvider', 'referencesProvider', 'renameProvider', 'completionProvider', 'documentLinkProvider', 'documentSymbolProvider', 'workspaceSymbolProvider', 'codeActionProvider', 'codeLensProvider', 'executeCommandProvider', 'diagnosticProvider'].includes(k));
  assert.deepEqual(unknown, [], 'a capability this test does not know: add its methods to the table');
  return methods;
}

describe('protocol hygiene: every request checks its parameters, and the server keeps answering', () => {
  let root: string;
  let client: RawClient;
  let initializeResult: InitializeResult;
  let table: Record<string, MethodCase>;
  let uri: string;
  let lines: number;

  /** The error a request answers (fails when it answers a result). */
  const failure = async (method: string, params: unknown): Promise<NonNullable<WireMessage['error']>> => {
    const response = await client.request(method, params);
    assert.ok(response.error, `${method} ${JSON.stringify(params)} answered ${JSON.stringify(response.result)?.slice(0, 200)}`);
    return response.error;
  };
  /** The result of a request (fails when it answers an error). */
  const answer = async (method: string, params: unknown): Promise<unknown> => {
    const response = await client.request(method, params);
    assert.equal(response.error, undefined, `${method} ${JSON.stringify(params)}: ${response.error?.message ?? ''}`);
    return response.result;
  };
  const invalidParams = async (method: string, params: unknown): Promise<void> => {
    const error = await failure(method, params);
    assert.equal(error.code, INVALID_PARAMS, `${method} ${JSON.stringify(params)}: ${error.code} ${error.message}`);
    assert.doesNotMatch(error.message, /Cannot read|undefined|TypeError/, `${method}: a clear message`);
  };

  before(async () => {
    root = orbitCopy();
    client = RawClient.spawn();
    const capabilities = { workspace: { workspaceFolders: true, applyEdit: true, workspaceEdit: { documentChanges: true } }, textDocument: { diagnostic: {} } };
    initializeResult = (await client.initialize([root], capabilities)).result as InitializeResult;
    await client.ready(root);
    table = methods(uriOf(root));
    const file = path.join(root, 'TODO001.md');
    const text = readFileSync(file, 'utf8');
    uri = uriOf(file);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    lines = text.split('\n').length;
  });
  after(async () => {
    assert.equal(client.process.exitCode, null, 'the server is still running');
    assert.equal(await client.stop(), 0);
  });

  it('the table covers every request the server announces', () => {
    const missing = announced(initializeResult).filter((m) => !(m in table));
    assert.deepEqual(missing, []);
    assert.deepEqual((initializeResult.capabilities.executeCommandProvider?.commands ?? []).sort(), Object.values(ServerCommands).sort());
  });

  it('answers each method its valid parameters', T, async () => {
    for (const [method, c] of Object.entries(table)) {
      if (method === 'workspace/executeCommand') continue; // applies an edit: checked last
      await answer(method, c.valid(uri));
    }
  });

  it('answers null, absent and positional parameters with InvalidParams', T, async () => {
    for (const method of Object.keys(table)) {
      await invalidParams(method, null);
      const error = await failure(method, null);
      assert.match(error.message, new RegExp(`^${method.replace(/\//g, '\\/')}: params must be an object, got null\\.$`));
      await invalidParams(method, 42);
      await invalidParams(method, 'text');
      await invalidParams(method, [table[method]?.valid(uri)]);
      await invalidParams(method, undefined);
    }
  });

  it('answers parameters of the wrong type with InvalidParams, saying which', T, async () => {
    for (const [method, c] of Object.entries(table)) {
      for (const params of c.wrong(uri)) await invalidParams(method, params);
    }
    const error = await failure('textDocument/hover', { textDocument: { uri }, position: { line: -5, character: 0 } });
    assert.equal(error.message, 'textDocument/hover: params.position.line must be an integer from 0 to 2147483647, got -5.');
  });

  it('answers out-of-range positions with InvalidParams', T, async () => {
    const outside = [{ line: -1, character: 0 }, { line: 0, character: -1 }, { line: 1.5, character: 0 }, { line: 2 ** 31, character: 0 }, { line: lines, character: 0 }, { line: 100_000, character: 100_000 }];
    for (const [method, c] of Object.entries(table)) {
      if (!c.at) continue;
      for (const p of outside) {
        const params = c.at === 'position' ? { ...c.valid(uri), position: p } : { ...c.valid(uri), range: { start: p, end: { line: 2 ** 31 - 1, character: 0 } } };
        await invalidParams(method, params);
      }
    }
    const error = await failure('textDocument/hover', { textDocument: { uri }, position: { line: lines, character: 0 } });
    assert.equal(error.message, `textDocument/hover: params.position is on line ${lines} (0-based), past the end of ${uri} (${lines} lines).`);
    // A range may end past the last line (the whole buffer), and a character past the end of its line is the end of the line, as the spec says.
    assert.ok(Array.isArray(await answer('textDocument/codeAction', { textDocument: { uri }, range: { start: zero, end: { line: lines + 10, character: 0 } }, context: { diagnostics: [] } })));
    assert.deepEqual(await answer('textDocument/definition', { textDocument: { uri }, position: { line: lines - 1, character: 10_000 } }), []);
  });

  it('drops malformed notifications with a warning and goes on', T, async () => {
    const mark = client.mark();
    client.notify('textDocument/didOpen', null);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 5 }] });
    client.notify('textDocument/didClose', { textDocument: 'x' });
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 9 }] });
    client.notify('workspace/didChangeConfiguration', null);
    client.notify('workspace/didChangeWorkspaceFolders', { event: { added: 'all' } });
    await answer(CompletionTreeRequest, {});
    const logged = client.received.slice(mark).filter((r) => r.method === 'window/logMessage').map((r) => r.params as { type: number; message: string });
    assert.deepEqual(
      logged.map((l) => l.message.replace(/:.*/, '')),
      ['Ignored textDocument/didOpen', 'Ignored textDocument/didChange', 'Ignored textDocument/didClose', 'Ignored workspace/didChangeWatchedFiles', 'Ignored workspace/didChangeConfiguration', 'Ignored workspace/didChangeWorkspaceFolders'],
    );
    assert.ok(logged.every((l) => l.type === 2), 'warnings, not errors');
    // The open document kept its text: its diagnostics are still there.
    const report = (await answer('textDocument/diagnostic', { textDocument: { uri } })) as { items: unknown[] };
    assert.ok(report.items.length > 0);
  });

  it('still answers every method afterwards', T, async () => {
    for (const [method, c] of Object.entries(table)) await answer(method, c.valid(uri));
    assert.equal(client.received.filter((m) => m.method === 'workspace/applyEdit').length, 1, 'the toggle was applied once');
  });
});
