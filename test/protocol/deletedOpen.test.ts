import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CreateFile, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { HandoffPlanResult } from '../../server/src/protocol';
import { TestClient, uriOf } from './support/client';
import { orbitCopy } from './support/fixtures';

const T = { timeout: 60_000 };
const DELETED = 3;

const createsOf = (edit: WorkspaceEdit | undefined): CreateFile[] => (edit?.documentChanges ?? []).filter((c): c is CreateFile => 'kind' in c && c.kind === 'create');

/** Existence is the disk's: an output deleted on disk while it is open in the editor is missing. */
describe('a phase output deleted on disk but open in the editor', () => {
  let root: string;
  let client: TestClient;
  const at = (file: string) => path.join(root, file);
  const initiative = () => ({ root: uriOf(root), folder: '', id: '001' });

  before(async () => {
    root = orbitCopy();
    client = await TestClient.start({ roots: [root], pull: true });
    await client.ready([root]);
  });
  after(async () => {
    await client.stop();
  });

  it('is planned as missing and is created by proofmark.generateHandoff', T, async () => {
    const notes = at('TODO001_phase2_notes.md');
    const uri = await client.open(notes, `${readFileSync(notes, 'utf8')}\nAn unsaved line.\n`);
    rmSync(notes);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: DELETED }] });

    const plan = await client.request<HandoffPlanResult>('proofmark/handoffPlan', { initiative: initiative(), phase: '2' });
    assert.deepEqual(plan.files.map((f) => [path.basename(f.uri), f.exists]), [
      ['TODO001_phase2_notes.md', false],
      ['TODO001_phase2_decisions.md', false],
      ['TODO001_phase2_handoff.md', true],
      ['TODO001_phase2_testing_summary.md', true],
    ]);

    const edit = await client.request<WorkspaceEdit>('workspace/executeCommand', { command: 'proofmark.generateHandoff', arguments: [{ initiative: initiative(), phase: '2' }] });
    assert.deepEqual(createsOf(edit).map((c) => path.basename(new URL(c.uri).pathname)), ['TODO001_phase2_notes.md', 'TODO001_phase2_decisions.md']);
    assert.equal(createsOf(edit)[0]?.uri, uri, 'created under the URI the editor has open');
    await client.close(uri);
  });
});
