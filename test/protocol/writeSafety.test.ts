import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CreateFile, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { HandoffPlanResult } from '../../server/src/protocol';
import { TestClient, uriOf } from './support/client';
import { tempDir } from './support/fixtures';

const T = { timeout: 60_000 };

/** Phase N names its notes file `notes` in Expected Outputs; the other outputs follow the convention. */
function phase(n: number, notes: string): string {
  return [
    `## Phase ${n}: Shape ${n} 🔄 IN PROGRESS`,
    '',
    '### Expected Outputs',
    `- Save implementation notes to: \`${notes}\``,
    '',
    '### Progress Checklist',
    '- [x] Started',
    '- [ ] Finished',
    '',
  ].join('\n');
}

const PHASES: Record<string, string> = {
  '1': 'linkout/TODO001_phase1_notes.md',
  '2': 'TODO001_phase2_notes.md',
  '3': 'TODO001_phase3_notes.md',
  '4': 'loop/TODO001_phase4_notes.md',
  '5': '../outside/TODO001_phase5_notes.md',
};

const createsOf = (edit: WorkspaceEdit | undefined): CreateFile[] => (edit?.documentChanges ?? []).filter((c): c is CreateFile => 'kind' in c && c.kind === 'create');

describe('the server writes nothing outside the workspace', () => {
  let root: string;
  let outside: string;
  let client: TestClient;
  const initiative = () => ({ root: uriOf(root), folder: '', id: '001' });
  const generate = (p: string) => client.request<WorkspaceEdit>('workspace/executeCommand', { command: 'proofmark.generateHandoff', arguments: [{ initiative: initiative(), phase: p }] });

  before(async () => {
    const parent = tempDir('proofmark-write-');
    root = path.join(parent, 'root');
    outside = path.join(parent, 'outside');
    mkdirSync(path.join(root, '.git'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'secret.md'), 'outside\n');
    const named = { ...PHASES, '6': path.join(outside, 'TODO001_phase6_notes.md'), '7': '~/TODO001_phase7_notes.md' };
    writeFileSync(path.join(root, 'TODO001.md'), ['# TODO001: Write safety', '', ...Object.entries(named).map(([n, notes]) => phase(Number(n), notes))].join('\n'));
    symlinkSync(outside, path.join(root, 'linkout'));
    symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'TODO001_phase2_notes.md'));
    symlinkSync(path.join(outside, 'gone.md'), path.join(root, 'TODO001_phase3_notes.md'));
    symlinkSync('loop', path.join(root, 'loop'));
    client = await TestClient.start({ roots: [root] });
    await client.ready([root]);
  });
  after(async () => {
    await client.stop();
  });

  const refusals: [string, string, RegExp][] = [
    ['1', 'a symlinked folder', /linkout\/TODO001_phase1_notes\.md would be written outside the workspace .*: linkout is \(or goes through\) a symbolic link to .*outside/],
    ['2', 'a symlinked file', /TODO001_phase2_notes\.md would be written outside the workspace .*: it is a symbolic link to .*outside\/secret\.md/],
    ['3', 'a dangling symlink', /TODO001_phase3_notes\.md cannot be written: TODO001_phase3_notes\.md is a symbolic link whose target does not exist/],
    ['4', 'a symlink loop', /loop\/TODO001_phase4_notes\.md cannot be written: a symbolic link loop/],
  ];
  for (const [n, shape, message] of refusals) {
    it(`proofmark.generateHandoff refuses ${shape} by name and sends no edit`, T, async () => {
      const mark = client.applied.length;
      await assert.rejects(generate(n), (error: Error) => {
        assert.match(error.message, new RegExp(`^Generate Phase ${n} handoff: nothing was created\\. `));
        assert.match(error.message, message);
        return true;
      });
      assert.deepEqual(client.applied.slice(mark), []);
    });
  }

  it('proofmark/handoffPlan says which file is refused and why, and does not call it existing', T, async () => {
    const plan = await client.request<HandoffPlanResult>('proofmark/handoffPlan', { initiative: initiative(), phase: '2' });
    const notes = plan.files.find((f) => f.kind === 'notes');
    assert.equal(notes?.exists, false);
    assert.match(notes?.refused ?? '', /^TODO001_phase2_notes\.md would be written outside the workspace .*: it is a symbolic link to /);
    assert.ok(plan.files.filter((f) => f.kind !== 'notes').every((f) => f.refused === undefined && !f.exists));
  });

  it('proofmark.generateHandoff creates only inside the root for an output named with ..', T, async () => {
    const edit = await generate('5');
    const uris = createsOf(edit).map((c) => c.uri);
    assert.equal(uris.length, 4);
    for (const uri of uris) assert.ok(uri.startsWith(`${uriOf(root)}/`), `${uri} is outside the root`);
  });

  for (const [n, shape] of [
    ['6', 'an absolute path outside the root'],
    ['7', 'a ~ path'],
  ] as const) {
    it(`proofmark.generateHandoff creates only inside the root for an output named with ${shape}`, T, async () => {
      const uris = createsOf(await generate(n)).map((c) => c.uri);
      assert.equal(uris.length, 4);
      for (const uri of uris) {
        assert.ok(uri.startsWith(`${uriOf(root)}/`), `${uri} is outside the root`);
        assert.ok(!uri.slice(uriOf(root).length).split('/').includes('~') && !uri.includes('%7E'), `${uri} makes a folder named ~`);
      }
    });
  }

  it('offers no quick fix that would create a file outside the root', T, async () => {
    const uri = await client.open(path.join(root, 'TODO001.md'));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 60, character: 0 } }, context: { diagnostics: [] } });
    await client.close(uri);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => t.startsWith('Suppress expected-output-missing')), `the findings are there: ${titles.join(', ')}`);
    const created = actions.flatMap((a) => createsOf(a.edit).map((c) => c.uri));
    assert.deepEqual(created.filter((target) => !target.startsWith(`${uriOf(root)}/`) || target.includes('/linkout/') || target.includes('/loop/')), []);
    assert.deepEqual(titles.filter((t) => t === 'Create ../outside/TODO001_phase5_notes.md' || t === 'Create linkout/TODO001_phase1_notes.md' || t === 'Create loop/TODO001_phase4_notes.md'), []);
  });
});
