import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Command, CreateFile, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TestClient, uriOf } from './support/client';
import { HIDDEN_OUTPUT_LINES as LINES, orbitWithHiddenOutput } from './support/fixtures';

const T = { timeout: 60_000 };
const NOTES = 'Notes a person wrote.\n';

const createsOf = (edit: WorkspaceEdit | undefined): CreateFile[] => (edit?.documentChanges ?? []).filter((c): c is CreateFile => 'kind' in c && c.kind === 'create');

/**
 * "Create output" quick fixes ask the disk, not the index: when the fix is offered and again when
 * it runs. The index lags behind a file written without a watched-file event, and never holds a
 * file under a folder ignored by default (`out/`), yet both exist and must keep their bytes.
 */
describe('"Create output" quick fixes and the disk', () => {
  let root: string;
  let client: TestClient;
  const at = (file: string) => path.join(root, file);
  const actions = async (line: number): Promise<CodeAction[]> => {
    const uri = await client.open(at('TODO001.md'));
    const list = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: 0 } }, context: { diagnostics: [] } });
    await client.close(uri);
    return list;
  };
  const titles = (list: readonly CodeAction[]) => list.map((a) => a.title);

  before(async () => {
    root = orbitWithHiddenOutput(NOTES);
    client = await TestClient.start({ roots: [root] });
    await client.ready([root]);
  });
  after(async () => {
    await client.stop();
  });

  it('offers no fix creating an output that exists under an ignored folder (it counts as existing)', T, async () => {
    const list = await actions(LINES.phase2Decisions);
    assert.ok(!titles(list).includes('Suppress expected-output-missing on this line'), `no finding: ${titles(list).join(', ')}`);
    assert.ok(!titles(list).some((t) => t.startsWith('Create ')), titles(list).join(', '));
    assert.equal(readFileSync(at('out/TODO001_phase2_decisions.md'), 'utf8'), NOTES);
  });

  it('offers no fix creating an output written after indexing (no watched-file event)', T, async () => {
    assert.ok(titles(await actions(LINES.phase4Notes)).includes('Create TODO001_phase4_notes.md'));
    writeFileSync(at('TODO001_phase4_notes.md'), NOTES);
    const list = await actions(LINES.phase4Notes);
    assert.ok(!titles(list).includes('Create TODO001_phase4_notes.md'), titles(list).join(', '));
    assert.equal(readFileSync(at('TODO001_phase4_notes.md'), 'utf8'), NOTES);
  });

  it('asks the disk again when the fix runs: a file that appeared since the offer is never sent', T, async () => {
    const create = (await actions(LINES.phase4Decisions)).find((a) => a.title === 'Create TODO001_phase4_decisions.md');
    assert.ok(create?.command);
    writeFileSync(at('TODO001_phase4_decisions.md'), NOTES);
    const mark = client.applied.length;
    await assert.rejects(client.request('workspace/executeCommand', create.command), /Create TODO001_phase4_decisions\.md: TODO001_phase4_decisions\.md exists on disk, so it was left exactly as it is/);
    assert.deepEqual(client.applied.slice(mark), []);
    assert.equal(readFileSync(at('TODO001_phase4_decisions.md'), 'utf8'), NOTES);
  });

  it('creates a missing output when the fix runs, with the handoff template', T, async () => {
    const create = (await actions(LINES.phase4Handoff)).find((a) => a.title === 'Create TODO001_phase4_handoff.md');
    assert.ok(create?.command, 'the fix is offered while the file is missing');
    const mark = client.applied.length;
    const edit = await client.request<WorkspaceEdit>('workspace/executeCommand', create.command);
    assert.deepEqual(createsOf(edit).map((c) => [c.uri, c.options]), [[uriOf(at('TODO001_phase4_handoff.md')), { overwrite: false, ignoreIfExists: false }]]);
    assert.deepEqual(client.applied.slice(mark), [edit]);
  });

  it('refuses a fix for a file that is no missing output of the TODO', T, async () => {
    const command: Command = { title: 'Create', command: 'proofmark.createOutput', arguments: [{ uri: uriOf(at('TODO001.md')), file: uriOf(at('PRD001.md')) }] };
    await assert.rejects(client.request('workspace/executeCommand', command), /PRD001\.md is not a missing output of TODO001\.md any more; nothing was created/);
    await assert.rejects(client.request('workspace/executeCommand', { ...command, arguments: [{ uri: 42 }] }), { code: -32602, message: 'workspace/executeCommand: params.arguments[0].uri must be a string, got 42.' });
  });
});
