import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionTree, TraceabilityResult } from '../../server/src/protocol';
import { checkWorkspace, type CheckResult } from '../../server/src/core/engine';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';
import { corpusAvailable, corpusSkeleton, INITIATIVE_003, SKIP_REASON } from '../support/corpus';
import { TestClient, uriOf, type DiagnosticLike } from './support/client';
import { engineDiagnostics, normalise, tempDir } from './support/fixtures';

const T = { timeout: 600_000 };

describe('the real corpus (insurance_navigator docs)', { skip: corpusAvailable() ? false : SKIP_REASON }, () => {
  let root: string;
  let client: TestClient;
  let engine: CheckResult;
  before(async () => {
    root = corpusSkeleton();
    client = await TestClient.start({ roots: [root], storagePath: tempDir('proofmark-corpus-storage-') });
    engine = await checkWorkspace({ workspace: new NodeWorkspace(root) });
    await client.ready([root]);
  }, T);
  after(async () => {
    await client.stop();
  });

  it('publishes, for every file, exactly the findings of a fresh checkWorkspace', T, async () => {
    const expected = await engineDiagnostics(root);
    const published = client.latestPublished();
    assert.equal(published.size, expected.size);
    for (const [uri, list] of expected) assert.deepEqual(normalise(published.get(uri) ?? []), normalise(list), uri);
  });

  it('ticking every open box of Phase 8 in TODO003.md clears the TODO findings and the status-conflict of its outputs', T, async () => {
    const todoPath = `${INITIATIVE_003}/TODO003.md`;
    const phase = engine.project.model(todoPath)?.todo?.phases.find((p) => p.number === '8');
    const model = engine.project.model(todoPath);
    assert.ok(phase && model);
    const summary = uriOf(path.join(root, INITIATIVE_003, 'TODO003_phase8_testing_summary.md'));
    const todoUri = uriOf(path.join(root, todoPath));
    const before = client.latestPublished();
    const phase8 = (list: readonly DiagnosticLike[]) => list.filter((d) => d.code === 'phase-done-checklist-open' && d.message.startsWith('Phase 8 '));
    assert.equal(phase8(before.get(todoUri) ?? []).length, 1);
    assert.ok((before.get(summary) ?? []).some((d) => d.code === 'status-conflict'));

    const uri = await client.open(path.join(root, todoPath), readFileSync(path.join(root, todoPath), 'utf8'));
    const mark = client.mark();
    let version = 1;
    for (const i of phase.checkboxes) {
      const box = model.checkboxes[i];
      if (!box || box.checked) continue;
      const line = box.range.start.line - 1;
      const character = box.range.start.column;
      version = await client.change(uri, { range: { start: { line, character }, end: { line, character: character + 1 } }, text: 'x' });
    }
    const published = await client.published(todoUri, (p) => p.version === version, mark);
    assert.deepEqual(phase8(published.diagnostics), []);
    const cleared = await client.published(summary, (p) => !(p.diagnostics as DiagnosticLike[]).some((d) => d.code === 'status-conflict'), mark);
    assert.ok(!cleared.diagnostics.some((d) => d.code === 'status-conflict'));
  });

  it('answers the completion tree and traceability of initiative 003', T, async () => {
    const tree = await client.request<CompletionTree>('proofmark/completionTree', {});
    const node = tree.initiatives.find((i) => i.initiative.folder === INITIATIVE_003 && i.initiative.id === '003');
    assert.ok(node);
    assert.deepEqual(node.phases.map((p) => p.number).sort(), ['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    assert.ok(node.requirements.length > 0);
    const trace = await client.request<TraceabilityResult>('proofmark/traceability', { initiative: node.initiative });
    assert.equal(trace.matrices.length, 1);
    assert.ok(trace.matrices[0]?.rows.some((r) => r.cells.some((c) => c.citations.length > 0)));
  });
});
