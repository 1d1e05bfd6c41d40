import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { HandoffPlanResult } from '../../server/src/protocol';
import { TestClient, uriOf } from './support/client';
import { tempDir } from './support/fixtures';

describe('configuration values that used to break requests', () => {
  it('outputKinds naming Object.prototype members are config-invalid, and handoff requests answer with the default kinds', async () => {
    const root = tempDir('proofmark-config-');
    mkdirSync(path.join(root, '.git'));
    writeFileSync(path.join(root, '.proofmark.json'), JSON.stringify({ conventions: { outputKinds: ['notes', 'constructor', 'hasOwnProperty'] }, maxFileSize: 0.5, templates: '/etc' }));
    writeFileSync(path.join(root, 'TODO001.md'), '# TODO001\n\n## Phase 1: Setup\n\n- [ ] wire the store\n');
    const client = await TestClient.start({ roots: [root] });
    try {
      await client.ready([root]);
      const problems = (client.latestPublished().get(uriOf(path.join(root, '.proofmark.json'))) ?? []).filter((d) => d.code === 'config-invalid');
      assert.equal(problems.length, 3, JSON.stringify(problems));
      const initiative = { root: uriOf(root), folder: '', id: '001' };
      const plan = await client.request<HandoffPlanResult>('proofmark/handoffPlan', { initiative, phase: '1' });
      assert.deepEqual(plan.files.map((f) => f.kind), ['notes', 'decisions', 'handoff', 'testing_summary']);
      const edit = await client.request<{ documentChanges?: unknown[] }>('workspace/executeCommand', { command: 'proofmark.generateHandoff', arguments: [{ initiative, phase: '1' }] });
      assert.ok((edit.documentChanges?.length ?? 0) > 0);
    } finally {
      await client.stop();
    }
  });
});
