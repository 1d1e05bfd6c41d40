import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TrustChangedNotification, type HandoffPlanResult, type TrustChangedParams } from '../../server/src/protocol';
import { TestClient, uriOf } from './support/client';
import { tempDir } from './support/fixtures';

/** A repository whose .proofmark.json makes "SHIPPED" a done marker and brings its own notes template. */
function repository(config: unknown, todo: string): string {
  const root = tempDir('proofmark-trust-');
  mkdirSync(path.join(root, '.git'));
  mkdirSync(path.join(root, 'tpl'));
  writeFileSync(path.join(root, '.proofmark.json'), JSON.stringify(config));
  writeFileSync(path.join(root, 'tpl/notes.md'), '# Repository template for phase {{phase}}\n');
  writeFileSync(path.join(root, 'TODO001.md'), todo);
  return root;
}

const TODO = '# TODO001\n\n## Phase 1: Setup SHIPPED\n\n- [ ] wire the store\n\n## Phase 2: Build\n\n- [ ] write the code\n';

async function doneWithOpenBoxes(client: TestClient, root: string): Promise<number[]> {
  const list = client.latestPublished().get(uriOf(path.join(root, 'TODO001.md'))) ?? [];
  return list.filter((d) => d.code === 'phase-done-checklist-open').map((d) => d.range.start.line);
}

async function notesTemplate(client: TestClient, root: string): Promise<string> {
  const plan = await client.request<HandoffPlanResult>('proofmark/handoffPlan', { initiative: { root: uriOf(root), folder: '', id: '001' }, phase: '1' });
  return plan.files.find((f) => f.kind === 'notes')?.content ?? '';
}

describe('Workspace Trust in the server', () => {
  const config = { conventions: { statusDone: 'SHIPPED' }, templates: 'tpl' };

  it('trusted (a client that says nothing about trust), the repository patterns and templates are used', async () => {
    const root = repository(config, TODO);
    const client = await TestClient.start({ roots: [root] });
    try {
      await client.ready([root]);
      assert.deepEqual(await doneWithOpenBoxes(client, root), [2]);
      assert.match(await notesTemplate(client, root), /^# Repository template for phase 1/);
    } finally {
      await client.stop();
    }
  });

  it('untrusted, a custom statusDone pattern and the templates are ignored until trust is granted', async () => {
    const root = repository(config, TODO);
    const client = await TestClient.start({ roots: [root], initializationOptions: { trusted: false } });
    try {
      await client.ready([root]);
      assert.deepEqual(await doneWithOpenBoxes(client, root), [], 'SHIPPED is no done marker with the built-in conventions');
      const builtIn = await notesTemplate(client, root);
      assert.doesNotMatch(builtIn, /Repository template/);
      assert.match(builtIn, /Phase 1/);

      const mark = client.mark();
      const params: TrustChangedParams = { trusted: true };
      await client.notify(TrustChangedNotification, params);
      await client.ready([root], mark);
      assert.deepEqual(await doneWithOpenBoxes(client, root), [2]);
      assert.match(await notesTemplate(client, root), /^# Repository template for phase 1/);
    } finally {
      await client.stop();
    }
  });

  it('trusted, a catastrophic statusDone neither stalls the index nor shutdown, and its matches hold', async () => {
    const a = 'a'.repeat(40);
    const root = repository({ conventions: { statusDone: '(a+)+$' } }, `# TODO001\n\n## Phase 1: Setup ${a}\n\n- [ ] one\n\n## Phase 2: Build ${a}!\n\n- [ ] two\n\n${a}!\n`);
    const client = await TestClient.start({ roots: [root] });
    await client.ready([root]);
    assert.deepEqual(await doneWithOpenBoxes(client, root), [2]);
    assert.equal(await client.stop(), 0);
  });
});
