import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { E2eContext } from './context';
import type { TestCase } from './harness';
import { waitFor } from './waits';

/** Counts `- [x]` / `- [ ]` per `## Phase N:` section of the TODO: the oracle for the tree's counts. */
function checkboxCounts(text: string): Map<string, { done: number; total: number }> {
  const counts = new Map<string, { done: number; total: number }>();
  let phase: string | null = null;
  for (const line of text.split('\n')) {
    const heading = /^## (?:Phase (\d+(?:\.\d+)?)\b)?/.exec(line);
    if (heading) phase = heading[1] ?? null;
    const box = /^\s*[-*] \[( |x|X)\]/.exec(line);
    if (phase !== null && box) {
      const c = counts.get(phase) ?? { done: 0, total: 0 };
      counts.set(phase, { done: c.done + (box[1] === ' ' ? 0 : 1), total: c.total + 1 });
    }
  }
  return counts;
}

export function treeTests(ctx: () => E2eContext): TestCase[] {
  return [
    {
      name: 'the completion tree shows the initiative, its phases with counts, and the PRD requirements',
      async run() {
        const { api, todo } = ctx();
        const view = await waitFor('the tree to show an initiative', () => (api.tree.view.roots.length > 0 ? api.tree.view : null), [api.tree.onDidRender]);
        const roots = view.roots.map((id) => view.nodes.get(id)).filter((n) => n !== undefined);
        // examples/orbit holds three initiatives: the TODO's, a spec-kit folder and a Kiro spec.
        assert.equal(roots.length, 3, roots.map((n) => n.label).join(', '));
        assert.ok(roots.some((n) => /^002-field-export · spec-kit/.test(n.label)), 'the spec-kit folder');
        assert.ok(roots.some((n) => /^conflict-review · kiro/.test(n.label)), 'the Kiro spec');
        const root = roots.find((n) => /Orbit/.test(n.label));
        assert.ok(root);
        const children = root.children.map((id) => view.nodes.get(id)).filter((n) => n !== undefined);
        const phases = children.filter((n) => n.kind === 'phase');
        assert.deepEqual(phases.map((p) => p.phase).sort(), ['1', '2', '2.5', '3', '4']);
        assert.ok(children.some((n) => n.kind === 'requirements'), 'a PRD requirements branch');

        const expected = checkboxCounts(readFileSync(todo.fsPath, 'utf8'));
        const tree = api.source.tree;
        assert.ok(tree);
        for (const phase of tree.initiatives.find((i) => i.spec === undefined)?.phases ?? []) {
          const want = expected.get(phase.number);
          assert.ok(want, `phase ${phase.number} in the TODO`);
          assert.deepEqual({ done: phase.done, total: phase.total }, want, `counts of phase ${phase.number}`);
          const row = phases.find((p) => p.phase === phase.number);
          assert.ok(row?.description.startsWith(`${want.done}/${want.total}`), `row of phase ${phase.number}: ${row?.description}`);
        }
        const p3 = phases.find((p) => p.phase === '3');
        assert.match(p3?.description ?? '', /outputs 4\/4/);
      },
    },
    {
      name: 'the open-items filter hides finished phases and checked items',
      async run() {
        const { api } = ctx();
        api.tree.setOpenOnly(true);
        try {
          const view = api.tree.view;
          const root = view.roots.map((id) => view.nodes.get(id)).find((n) => n?.contextValue === 'proofmark.initiative');
          const phases = (root?.children ?? []).map((id) => view.nodes.get(id)).filter((n) => n?.kind === 'phase').map((n) => n?.phase);
          assert.deepEqual(phases, ['2', '3', '4'], 'phases 1 and 2.5 are finished, with every output present');
          const checkedLeaves = [...view.nodes.values()].filter((n) => n.kind === 'item' && n.contextValue === 'proofmark.item.done' && n.children.length === 0);
          assert.deepEqual(checkedLeaves.map((n) => n.label), []);
        } finally {
          api.tree.setOpenOnly(false);
        }
      },
    },
  ];
}
