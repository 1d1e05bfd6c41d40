import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activeInitiative } from '../../client/src/tree/activeInitiative';
import { buildView } from '../../client/src/tree/buildView';
import { diffView } from '../../client/src/tree/diffView';
import { EMPTY_VIEW, type ViewModel, type ViewNode } from '../../client/src/tree/viewNode';
import { initiative, item, phase, TODO, tree } from './clientFixture';

function labels(view: ViewModel, ids: readonly string[]): string[] {
  return ids.map((id) => view.nodes.get(id)?.label ?? '?');
}

function byLabel(view: ViewModel, label: string): ViewNode {
  const node = [...view.nodes.values()].find((n) => n.label === label);
  assert.ok(node, `no row labelled ${label}`);
  return node;
}

describe('buildView', () => {
  const view = buildView(tree(), { openOnly: false });

  it('shows initiatives, then phases and the PRD requirements branch', () => {
    assert.deepEqual(labels(view, view.roots), ['Project Completion']);
    const root = view.nodes.get(view.roots[0] ?? '');
    assert.deepEqual(labels(view, root?.children ?? []), ['Phase 7: Hardening', 'Phase 8: Project Completion and Continuous…', 'PRD requirements']);
    assert.equal(root?.description, '3/5 · 60% · 4 findings');
  });

  it('describes a phase with done/total, percent, outputs k/4 and findings, and a status icon', () => {
    const p8 = byLabel(view, 'Phase 8: Project Completion and Continuous…');
    assert.equal(p8.description, '1/3 · 33% · outputs 0/4 · 2 findings');
    assert.deepEqual(p8.icon, { id: 'play-circle', color: 'charts.yellow' });
    assert.equal(p8.contextValue, 'proofmark.phase');
    assert.equal(p8.expanded, true, 'the current phase starts expanded');
    assert.deepEqual(labels(view, p8.children), ['Outputs', 'T8.1: Final Project Validation', 'Validation']);
    const p7 = byLabel(view, 'Phase 7: Hardening');
    assert.equal(p7.description, '2/2 · 100% · outputs 4/4');
    assert.equal(p7.icon.id, 'pass-filled');
    assert.equal(p7.expanded, false);
  });

  it('flags a phase marked done while boxes are open with a warning icon', () => {
    const contradicted = initiative({ phases: [phase('2', { state: 'done', statusText: '✅ COMPLETED', done: 11, total: 15 })] });
    const row = byLabel(buildView(tree(1, [contradicted]), { openOnly: false }), 'Phase 2: Title 2');
    assert.deepEqual(row.icon, { id: 'warning', color: 'list.warningForeground' });
    assert.match(row.tooltip, /Marked done, but 4 boxes are still open/);
  });

  it('nests checklist items, each revealing its line and marked open or done', () => {
    const demo = byLabel(view, 'Demonstrate AC2');
    assert.deepEqual(demo.location, { uri: TODO, line: 86 });
    assert.equal(demo.contextValue, 'proofmark.item.open');
    assert.deepEqual(labels(view, demo.children), ['Record the demo']);
    assert.equal(byLabel(view, 'Run the suite').contextValue, 'proofmark.item.done');
    assert.equal(byLabel(view, 'Validation').description, '1/3');
  });

  it('lists requirements with their evidence state', () => {
    const branch = byLabel(view, 'PRD requirements');
    assert.equal(branch.description, '1/3 evidenced');
    assert.deepEqual(branch.children.map((id) => view.nodes.get(id)?.description), ['evidenced', 'claimed without evidence', 'never cited']);
  });

  it('gives every row a unique id, stable across builds', () => {
    const again = buildView(tree(2), { openOnly: false });
    assert.deepEqual([...again.nodes.keys()], [...view.nodes.keys()]);
    const twins = initiative({ phases: [phase('1', { groups: [{ label: 'Same', kind: 'checklist', location: { uri: TODO, line: 1 }, done: 0, total: 2, items: [item(2, 'a', false)] }, { label: 'Same', kind: 'checklist', location: { uri: TODO, line: 5 }, done: 0, total: 1, items: [item(6, 'b', false)] }] })] });
    const built = buildView(tree(1, [twins]), { openOnly: false });
    assert.equal(new Set(built.nodes.keys()).size, built.nodes.size);
    assert.equal([...built.nodes.values()].filter((n) => n.label === 'Same').length, 2);
  });

  it('filters to open items only', () => {
    const open = buildView(tree(), { openOnly: true });
    const root = open.nodes.get(open.roots[0] ?? '');
    assert.deepEqual(labels(open, root?.children ?? []), ['Phase 8: Project Completion and Continuous…', 'PRD requirements']);
    const p8 = byLabel(open, 'Phase 8: Project Completion and Continuous…');
    assert.deepEqual(labels(open, p8.children), ['Outputs', 'Validation']);
    assert.deepEqual(labels(open, byLabel(open, 'Validation').children), ['Demonstrate AC2']);
    assert.deepEqual(labels(open, byLabel(open, 'PRD requirements').children), ['AC2: Requirement AC2', 'NFR3: Requirement NFR3']);
  });
});

describe('diffView', () => {
  const before = buildView(tree(), { openOnly: false });

  it('asks for a full refresh only when the top level changes', () => {
    assert.deepEqual(diffView(EMPTY_VIEW, before), { kind: 'full' });
    assert.deepEqual(diffView(before, buildView(tree(2), { openOnly: false })), { kind: 'none' });
  });

  it('refreshes only the rows that changed when an item is checked', () => {
    const checked = initiative();
    const p8 = checked.phases[1];
    assert.ok(p8);
    const group = p8.groups[1];
    assert.ok(group);
    const next = initiative({
      phases: [checked.phases[0] ?? phase('7'), { ...p8, done: 2, groups: [p8.groups[0] ?? group, { ...group, done: 2, items: [item(85, 'Run the suite', true), item(86, 'Demonstrate AC2', true, [item(87, 'Record the demo', false)])] }] }],
      done: 4,
    });
    const after = buildView(tree(2, [next]), { openOnly: false });
    const change = diffView(before, after);
    assert.equal(change.kind, 'nodes');
    if (change.kind !== 'nodes') return;
    // The initiative row changed (4/5), and it covers every row under it.
    assert.deepEqual(labels(after, change.ids), ['Project Completion']);
  });

  it('refreshes a leaf alone when nothing above it changed', () => {
    const renamed = initiative();
    const p7 = renamed.phases[0];
    assert.ok(p7);
    const checks = p7.groups[0];
    assert.ok(checks);
    const next = initiative({ phases: [{ ...p7, groups: [{ ...checks, items: [item(72, 'Lint (eslint)', true), item(73, 'Types', true)] }] }, renamed.phases[1] ?? phase('8')] });
    const after = buildView(tree(2, [next]), { openOnly: false });
    const change = diffView(before, after);
    assert.equal(change.kind, 'nodes');
    if (change.kind === 'nodes') assert.deepEqual(labels(after, change.ids), ['Lint (eslint)']);
  });
});

describe('activeInitiative', () => {
  const a = initiative({ initiative: { root: 'file:///ws', folder: 'docs/a', id: '001' }, todo: 'file:///ws/docs/a/TODO001.md', name: 'A' });
  const b = initiative({ initiative: { root: 'file:///ws', folder: 'docs/a', id: '002' }, todo: 'file:///ws/docs/a/TODO002.md', name: 'B' });
  const c = initiative({ initiative: { root: 'file:///ws', folder: '', id: '' }, todo: 'file:///ws/TODO.md', name: 'C' });
  const t = tree(1, [c, a, b]);

  it('picks the initiative whose TODO is open', () => {
    assert.equal(activeInitiative(t, 'file:///ws/docs/a/TODO002.md')?.name, 'B');
  });

  it('picks by folder, then by the id in a phase output name', () => {
    assert.equal(activeInitiative(t, 'file:///ws/docs/a/TODO002_phase1_notes.md')?.name, 'B');
    assert.equal(activeInitiative(t, 'file:///ws/docs/a/notes.md')?.name, 'A');
    assert.equal(activeInitiative(t, 'file:///ws/README.md')?.name, 'C');
  });

  it('names no unrelated initiative: the only one, or null', () => {
    assert.equal(activeInitiative(tree(1, [a, b]), undefined), null);
    assert.equal(activeInitiative(tree(1, [a, b]), 'file:///ws/README.md'), null);
    assert.equal(activeInitiative(tree(1, [a]), undefined)?.name, 'A');
    assert.equal(activeInitiative(tree(1, []), 'file:///ws/x.md'), null);
  });
});

describe('initiative names in a big repository', () => {
  const at = (folder: string, id: string, name: string) => initiative({ initiative: { root: 'file:///ws', folder, id }, name, todo: `file:///ws/${folder}/TODO${id}.md` });
  const copies = [
    at('docs/agents/strategy', '001', 'TODO001: Strategy Agent - Planning and Prompts'),
    at('docs/agents/v0_0/strategy', '001', 'TODO001: Strategy Agent - Planning and Prompts'),
    at('docs/agents/v0_0/001/strategy', '001', 'TODO001: Strategy Agent'),
    at('docs/agents/strategy', '002', 'TODO002: Strategy Agent'),
    at('docs/system/upload_refactor/003', '003', 'TODO003: Worker Refactor Implementation - Local-First Development with Extended Validation'),
    at('docs/agents/input_workflow', '001', 'docs/agents/input_workflow 001'),
  ];
  const view = buildView(tree(1, copies), { openOnly: false });
  const rows = view.roots.map((id) => view.nodes.get(id));

  it('labels an initiative with its short title, or its folder and id when it has none', () => {
    assert.deepEqual(rows.map((r) => r?.label), ['Strategy Agent', 'Strategy Agent', 'Strategy Agent', 'Strategy Agent', 'Worker Refactor Implementation', 'input_workflow 001']);
  });

  it('tells repeated titles apart by the fewest folders that differ, and the id, after the counts', () => {
    assert.deepEqual(rows.map((r) => r?.description.split(' · ').slice(3).join(' · ')), ['agents/strategy #001', 'v0_0/strategy #001', '001/strategy #001', 'agents/strategy #002', '', '']);
    assert.match(rows[0]?.description ?? '', /^3\/5 · 60% · 4 findings · /);
    assert.match(rows[0]?.tooltip ?? '', /TODO001: Strategy Agent - Planning and Prompts\nFolder: docs\/agents\/strategy · id 001/);
  });

  it('expands nothing by itself when there are several initiatives', () => {
    assert.ok(rows.every((r) => r?.expanded === false));
    const one = buildView(tree(1, [copies[0] ?? initiative()]), { openOnly: false });
    assert.equal(one.nodes.get(one.roots[0] ?? '')?.expanded, true);
  });
});
