import type { ChecklistItemNode, CompletionTree, InitiativeNode, PhaseNode, RequirementNode } from '../../server/src/protocol';

/** A small completion tree in the server's shape, for the client's pure-function tests. */
export const TODO = 'file:///ws/TODO003.md';
export const PRD = 'file:///ws/PRD003.md';

export function item(line: number, text: string, checked: boolean, children: ChecklistItemNode[] = []): ChecklistItemNode {
  return { text, checked, location: { uri: TODO, line }, children };
}

export function phase(number: string, over: Partial<PhaseNode> = {}): PhaseNode {
  return {
    number,
    title: `Title ${number}`,
    state: 'not-started',
    statusText: '',
    location: { uri: TODO, line: 10 * Number(number) },
    done: 0,
    total: 0,
    outputs: ['notes', 'decisions', 'handoff', 'testing_summary'].map((kind) => ({ kind, name: `TODO003_phase${number}_${kind}.md`, exists: false, uri: null })),
    groups: [],
    findings: 0,
    ...over,
  };
}

export function requirement(id: string, state: RequirementNode['state'], title = `Requirement ${id}`): RequirementNode {
  return { id, title, kind: id.replace(/\d.*/, ''), target: null, location: { uri: PRD, line: 5 }, state, citations: state === 'never-cited' ? 0 : 1 };
}

export function initiative(over: Partial<InitiativeNode> = {}): InitiativeNode {
  const phases = [
    phase('7', {
      title: 'Hardening',
      state: 'done',
      statusText: '✅ COMPLETED',
      done: 2,
      total: 2,
      outputs: phase('7').outputs.map((o) => ({ ...o, exists: true, uri: `file:///ws/${o.name}` })),
      groups: [{ label: 'Checks', kind: 'checklist', location: { uri: TODO, line: 71 }, done: 2, total: 2, items: [item(72, 'Lint', true), item(73, 'Types', true)] }],
    }),
    phase('8', {
      title: 'Project Completion and Continuous Improvement',
      state: 'in-progress',
      statusText: '🔄 IN PROGRESS',
      done: 1,
      total: 3,
      findings: 2,
      groups: [
        { label: 'T8.1: Final Project Validation', kind: 'task', location: { uri: TODO, line: 81 }, done: 0, total: 0, items: [] },
        {
          label: 'Validation',
          kind: 'checklist',
          location: { uri: TODO, line: 84 },
          done: 1,
          total: 3,
          items: [item(85, 'Run the suite', true), item(86, 'Demonstrate AC2', false, [item(87, 'Record the demo', false)])],
        },
      ],
    }),
  ];
  return {
    initiative: { root: 'file:///ws', folder: '', id: '003' },
    name: 'TODO003: Project Completion',
    todo: TODO,
    prd: PRD,
    phases,
    requirements: [requirement('FR1', 'evidenced'), requirement('AC2', 'claimed'), requirement('NFR3', 'never-cited')],
    evidenceScope: 'in the 3 phase outputs and status documents of this initiative',
    done: 3,
    total: 5,
    findings: 4,
    currentPhase: '8',
    ...over,
  };
}

export function tree(revision = 1, initiatives: InitiativeNode[] = [initiative()]): CompletionTree {
  return { revision, initiatives };
}
