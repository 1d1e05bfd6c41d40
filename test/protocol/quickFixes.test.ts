import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TestClient } from './support/client';
import { tempDir } from './support/fixtures';

const T = { timeout: 60_000 };

const TODO = `# TODO071: Ledger

**Total Phases**: 4

- Phase 1: ✅ COMPLETED - Storage

## Phase 1: Storage

### Progress Checklist
- [x] Tables created
- [ ] Indexes created

## Phase 2: Reports

### Progress Checklist
- [ ] Report generated
`;

const editsOf = (edit: WorkspaceEdit | undefined): TextEdit[] =>
  (edit?.documentChanges ?? []).flatMap((c) => ('edits' in c ? c.edits.filter((e): e is TextEdit => 'newText' in e) : []));

/** Quick fixes as an editor lists them: the preferred fix first, "Fix all" after the fixes, Suppress last. */
describe('quick fixes over the protocol', () => {
  let root: string;
  let client: TestClient;
  let uri: string;
  const actions = async (line: number, only?: string[]): Promise<CodeAction[]> =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: 0 } }, context: { diagnostics: [], ...(only ? { only } : {}) } });

  before(async () => {
    root = tempDir();
    writeFileSync(path.join(root, 'TODO071.md'), TODO);
    client = await TestClient.start({ roots: [root] });
    await client.ready([root]);
    uri = await client.open(path.join(root, 'TODO071.md'));
  });
  after(async () => {
    await client.stop();
  });

  it('lists the preferred fix first and the Suppress actions last', T, async () => {
    const list = await actions(4);
    assert.equal(list[0]?.title, 'Set Phase 1 to 🔄 IN PROGRESS (1/2 checked)');
    assert.equal(list[0]?.isPreferred, true);
    assert.equal(list[0]?.kind, 'quickfix');
    const titles = list.map((a) => a.title);
    const firstSuppress = titles.findIndex((t) => t.startsWith('Suppress '));
    assert.ok(firstSuppress > 0 && titles.slice(firstSuppress).every((t) => t.startsWith('Suppress ')), titles.join(' | '));
    const fixAll = titles.indexOf('Fix all 2 auto-fixable Proofmark problems in this document');
    assert.ok(fixAll > 0 && fixAll < firstSuppress, titles.join(' | '));
  });

  it('answers source.fixAll with every mechanical fix of the document in one edit', T, async () => {
    const list = await actions(0, ['source.fixAll']);
    assert.deepEqual(list.map((a) => [a.title, a.kind]), [['Fix all 2 auto-fixable Proofmark problems in this document', 'source.fixAll.proofmark']]);
    assert.deepEqual(editsOf(list[0]?.edit).map((e) => e.newText).sort(), ['2', '🔄 IN PROGRESS']);
  });

  it('answers only the kinds asked for', T, async () => {
    assert.deepEqual(await actions(4, ['refactor.extract']), []);
    assert.ok((await actions(4, ['quickfix'])).every((a) => a.kind === 'quickfix'));
  });
});
