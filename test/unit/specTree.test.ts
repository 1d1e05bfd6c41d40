import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { buildView } from '../../client/src/tree/buildView';
import type { ViewModel } from '../../client/src/tree/viewNode';
import { loadProject } from '../../server/src/core/engine';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { initiativeNodes, type Locator } from '../../server/src/core/views/tree';
import type { InitiativeNode, SpecTaskNode } from '../../server/src/protocol';

const FILES: Record<string, string> = {
  '.kiro/specs/review/requirements.md': `# Requirements

### Requirement 1: Detect conflicts

#### Acceptance Criteria

1. WHEN two versions differ THEN the system SHALL mark the note
2. WHEN marked THEN the system SHALL keep both versions
`,
  '.kiro/specs/review/tasks.md': `# Implementation Plan

- [x] 1. Detect conflicts
  - _Requirements: 1.1_
- [ ] 2. Review screen
- [x] 2.1 Show both versions
- [ ] 2.2 Discard the other
- [ ]* 2.3 Property test
`,
  'specs/002-export/spec.md': `# Spec

### User Story 1 - Export a day (Priority: P1)

- **FR-001**: The app MUST write one row per note.
- **FR-002**: The app MUST name the file.
`,
  'specs/002-export/tasks.md': `# Tasks

## Phase 1: Setup

- [x] T001 CSV writer (FR-001)
- [ ] T002 Naming

## Phase 2: User Story 1 - Export a day

- [x] T003 [US1] Stream the notes
`,
  'TODO007.md': '# TODO007: Other\n\n## Phase 1: Start\n\n- [ ] a\n',
};

const locator: Locator = { root: 'file:///w', uri: (p) => `file:///w/${p}` };

function outline(tasks: readonly SpecTaskNode[], depth = 0): string[] {
  return tasks.flatMap((t) => [`${'  '.repeat(depth)}${t.checked ? 'x' : ' '}${t.optional ? '*' : ''} ${t.id ?? t.text}`, ...outline(t.children, depth + 1)]);
}

describe('spec tree', () => {
  let nodes: InitiativeNode[];
  before(async () => {
    nodes = initiativeNodes(await loadProject({ workspace: new MemoryWorkspace(FILES) }), locator);
  });
  const named = (name: string): InitiativeNode => {
    const n = nodes.find((i) => i.name === name);
    assert.ok(n, `no initiative ${name} among ${nodes.map((i) => i.name).join(', ')}`);
    return n;
  };

  it('lists specs beside initiatives, named by folder and layout', () => {
    assert.deepEqual(nodes.filter((n) => n.spec).map((n) => n.name).sort(), ['002-export · spec-kit', 'review · kiro']);
    assert.equal(nodes.filter((n) => !n.spec).length, 1);
    assert.equal(named('002-export · spec-kit').spec?.layout, 'spec-kit');
  });

  it('gives a spec-kit spec its phases, tasks and counts, and its requirements with coverage', () => {
    const spec = named('002-export · spec-kit').spec;
    assert.ok(spec);
    assert.deepEqual(spec.phases.map((p) => `${p.number} ${p.title}: ${p.done}/${p.total}`), ['1 Setup: 1/2', '2 User Story 1 - Export a day: 1/1']);
    assert.deepEqual(outline(spec.phases[0]?.tasks ?? []), ['x T001', '  T002']);
    assert.deepEqual(spec.items.map((i) => `${i.label}:${i.tracedBy}/${i.tracedDone}`), ['User Story 1:1/1', 'FR-001:1/1', 'FR-002:0/0']);
    assert.deepEqual([spec.done, spec.total], [2, 3]);
    assert.equal(named('002-export · spec-kit').currentPhase, '1');
  });

  it('gives a Kiro spec its tasks and sub-tasks, optional ones counted apart', () => {
    const kiro = named('review · kiro');
    const spec = kiro.spec;
    assert.ok(spec);
    assert.deepEqual(spec.phases, []);
    assert.deepEqual(outline(spec.looseTasks), ['x 1', '  2', '  x 2.1', '    2.2', '   * 2.3']);
    assert.deepEqual([spec.done, spec.total, spec.optionalDone, spec.optionalTotal], [2, 4, 0, 1]);
    assert.deepEqual([kiro.done, kiro.total], [2, 4]);
    assert.deepEqual(spec.items.map((i) => `${i.id}:${i.tracedBy}`), ['1:1', '1.1:1', '1.2:0']);
  });

  it('shows the rows of the side panel: phases, tasks, sub-tasks and requirements', () => {
    const view: ViewModel = buildView({ revision: 1, initiatives: nodes }, { openOnly: false });
    const row = (label: string) => [...view.nodes.values()].find((n) => n.label === label);
    const kiro = row('review · kiro');
    assert.ok(kiro);
    assert.equal(kiro.description, '2/4 · 50% · optional 0/1 · 1 finding');
    assert.deepEqual(kiro.children.map((id) => view.nodes.get(id)?.label), ['1 Detect conflicts', '2 Review screen', 'Requirements']);
    const review = row('2 Review screen');
    assert.deepEqual(review?.children.map((id) => `${view.nodes.get(id)?.label}|${view.nodes.get(id)?.description}`), ['2.1 Show both versions|', '2.2 Discard the other|', '2.3 Property test|optional']);
    assert.equal(review?.description, '1/3');
    assert.equal(review?.contextValue, 'proofmark.item.open');
    const requirements = view.nodes.get(kiro.children[2] ?? '');
    assert.equal(requirements?.description, '2/3 traced');
    assert.deepEqual(requirements?.children.map((id) => `${view.nodes.get(id)?.label}|${view.nodes.get(id)?.description}`), ['Requirement 1: Detect conflicts|1 task · 1 done', '1.1: WHEN two versions differ THEN the system SHALL mark…|1 task · 1 done', '1.2: WHEN marked THEN the system SHALL keep both versions|traced by no task']);
    const specKit = row('002-export · spec-kit');
    assert.deepEqual(specKit?.children.map((id) => `${view.nodes.get(id)?.label}|${view.nodes.get(id)?.description}|${view.nodes.get(id)?.contextValue}`), [
      'Phase 1: Setup|1/2 · 50%|proofmark.spec.phase',
      'Phase 2: User Story 1 - Export a day|1/1 · 100%|proofmark.spec.phase',
      'Requirements|2/3 traced|proofmark.spec.requirements',
    ]);
    const open = buildView({ revision: 1, initiatives: nodes }, { openOnly: true });
    const openSpec = [...open.nodes.values()].find((n) => n.label === '002-export · spec-kit');
    assert.deepEqual(openSpec?.children.map((id) => open.nodes.get(id)?.label), ['Phase 1: Setup', 'Requirements']);
  });
});
