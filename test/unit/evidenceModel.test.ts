import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadProject } from '../../server/src/core/engine';
import { planHandoff } from '../../server/src/core/handoff/plan';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { Project } from '../../server/src/core/project/project';
import { initiativeEvidence } from '../../server/src/core/rules/evidenceModel';
import { hoverAt } from '../../server/src/core/views/hover';
import { traceabilityMatrix } from '../../server/src/core/views/traceability';
import { initiativeNodes, type Locator } from '../../server/src/core/views/tree';
import { ModelCompactor } from '../../server/src/lsp/compactModel';
import { heldSearchText } from '../../server/src/lsp/searchTexts';
import { EVIDENCE_STATE_TEXT, type EvidenceState } from '../../server/src/protocol';

const TODO = `# TODO051: Sync

## Phase 1: Queue
- [x] Queue edits

### Expected Outputs
- \`TODO051_phase1_notes.md\`

## Phase 2: Replay
- [ ] Replay edits
`;

const PRD = `# PRD051: Sync

## Success Metrics
- **Sync Success Rate**: >99% of edits reach the server
- **Replay Latency**: under 2 seconds per edit

## Functional Requirements

### FR1: Offline Queue
- edits are queued

### FR2: Replay Order
- edits replay in order

### FR3: Conflict Merge
- fields merge

### FR4: Audit Log
- every replay is logged
`;

// FR1 is cited next to test counts; FR2 in a report whose evidence is elsewhere, not beside it.
const NOTES = `# Phase 1 Notes

## Queue

FR1 is implemented: 12/12 tests passing.

## Later

FR2 follows the same design.

## Appendix

## Another

Measured run:

\`\`\`
queue ok
\`\`\`
`;

// A report that gives no evidence anywhere: what it cites is a bare claim.
const REPORT = `# Final Report

- ✅ FR3 complete
- ✅ 100% Sync Success Rate
`;

const locator: Locator = { root: 'file:///w', uri: (p) => `file:///w/${p}` };

const EXPECTED: Readonly<Record<string, EvidenceState>> = { FR1: 'evidenced', FR2: 'cited', FR3: 'claimed', FR4: 'never-cited', KPI1: 'claimed', KPI2: 'never-cited' };

const KPI_LABELS: Readonly<Record<string, string>> = { KPI1: 'Sync Success Rate', KPI2: 'Replay Latency' };

function lineOf(text: string, needle: string): { line: number; column: number } {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  return { line: i + 1, column: (lines[i] ?? '').indexOf(needle) + 1 };
}

/** The state of each requirement as each surface shows it. */
function surfaces(project: Project): Record<string, Record<string, string>> {
  const initiative = project.initiatives().initiatives[0];
  assert.ok(initiative);
  const out: Record<string, Record<string, string>> = { model: {}, tree: {}, traceability: {}, hover: {}, rule: {}, handoff: {} };
  for (const c of initiativeEvidence(project.ruleContext(), initiative).coverage) (out.model ??= {})[c.requirement.id] = c.status;
  for (const r of initiativeNodes(project, locator)[0]?.requirements ?? []) (out.tree ??= {})[r.id] = r.state;
  for (const row of traceabilityMatrix(project, locator, initiative)?.rows ?? []) (out.traceability ??= {})[row.requirement.id] = row.requirement.state;
  for (const id of Object.keys(EXPECTED)) {
    const label = KPI_LABELS[id];
    const at = label ? lineOf(PRD, label) : lineOf(PRD, `### ${id}`);
    const hover = hoverAt(project, 'PRD051.md', at.line, label ? at.column + 1 : at.column + 4)?.contents ?? '';
    const state = (Object.keys(EVIDENCE_STATE_TEXT) as EvidenceState[]).find((s) => hover.includes(`: **${EVIDENCE_STATE_TEXT[s]}**`));
    (out.hover ??= {})[id] = state ?? `no state in: ${hover}`;
    // The rule reports exactly "never cited" and "claimed without evidence".
    const reported = project.findingsFor('PRD051.md').some((f) => f.code === 'requirement-unevidenced' && f.message.includes(label ? `"${label}"` : `${id} (`));
    (out.rule ??= {})[id] = reported ? 'reported' : 'quiet';
  }
  // Every output of the initiative is from Phase 1 or has no phase, so "before Phase 2" reads the same documents.
  const plan = planHandoff(project, initiative.key, '2', { now: new Date('2026-01-01T00:00:00Z') });
  assert.ok('plan' in plan);
  const summary = plan.plan.files.find((f) => f.kind === 'testing_summary')?.content ?? '';
  for (const id of Object.keys(EXPECTED)) {
    const row = summary.split('\n').find((l) => l.startsWith(`| ${id} |`)) ?? '';
    const state = (Object.keys(EVIDENCE_STATE_TEXT) as EvidenceState[]).find((s) => row.includes(`| ${EVIDENCE_STATE_TEXT[s]} |`));
    (out.handoff ??= {})[id] = state ?? `no state in: ${row}`;
  }
  return out;
}

function assertOneAnswer(project: Project): void {
  const seen = surfaces(project);
  const rule = Object.fromEntries(Object.entries(EXPECTED).map(([id, s]) => [id, s === 'never-cited' || s === 'claimed' ? 'reported' : 'quiet']));
  assert.deepEqual(seen, { model: EXPECTED, tree: EXPECTED, traceability: EXPECTED, hover: EXPECTED, rule, handoff: EXPECTED });
}

describe('one evidence model', () => {
  const files = { 'TODO051.md': TODO, 'PRD051.md': PRD, 'TODO051_phase1_notes.md': NOTES, 'FINAL_REPORT.md': REPORT, 'src/queue.ts': '' };

  it('gives one requirement the same state on hover, tree, traceability, the rule and the generated files', async () => {
    assertOneAnswer(await loadProject({ workspace: new MemoryWorkspace(files) }));
  });

  it('answers the same from models whose search texts are set aside, as the language server keeps its index', async () => {
    const analysed = await loadProject({ workspace: new MemoryWorkspace(files) });
    const project = new Project(heldSearchText);
    project.setFiles(Object.keys(files));
    const compactor = new ModelCompactor();
    for (const model of analysed.models.values()) project.setOutcome({ path: model.path, model: compactor.parsed(structuredClone(model)) });
    // KPI1 is cited by its label only: found in the text set aside.
    assert.equal(project.model('FINAL_REPORT.md')?.searchText, '');
    assertOneAnswer(project);
  });

  it('answers the same when the evidence of an initiative is computed again (only the last ones asked for are kept)', async () => {
    const extra: Record<string, string> = {};
    for (let i = 0; i < 20; i++) extra[`other${i}/PRD${100 + i}.md`] = PRD.replace('PRD051', `PRD${100 + i}`);
    const project = await loadProject({ workspace: new MemoryWorkspace({ ...files, ...extra }) });
    const initiatives = project.initiatives().initiatives;
    const first = initiatives.find((i) => i.prd === 'PRD051.md');
    assert.ok(first && initiatives.length > 20);
    const before = initiativeEvidence(project.ruleContext(), first);
    for (const i of initiatives) initiativeEvidence(project.ruleContext(), i);
    const again = initiativeEvidence(project.ruleContext(), first);
    assert.notEqual(again, before, 'computed again');
    assert.deepEqual(again, before);
  });

  it('names the scope it looked in', async () => {
    const project = await loadProject({ workspace: new MemoryWorkspace(files) });
    const initiative = project.initiatives().initiatives[0];
    assert.ok(initiative);
    assert.equal(initiativeEvidence(project.ruleContext(), initiative).scope.text, 'in the 2 phase outputs and status documents of this initiative');
    assert.equal(initiativeEvidence(project.ruleContext(), initiative, '1').scope.text, 'in the 1 phase output and status document of this initiative written before Phase 1');
    assert.equal(initiativeNodes(project, locator)[0]?.evidenceScope, 'in the 2 phase outputs and status documents of this initiative');
  });

  it('shares the evidence of one window between the citations in it, each item described once', async () => {
    // FR1 and FR3 cited on neighbouring lines of one section: the same window, the same list.
    const notes = '# Phase 1 Notes\n\n## Queue\n\nFR1 is implemented: 12/12 tests passing.\nFR3 merges fields, see `src/queue.ts`.\n\n## Later\n\nFR2 follows the same design.\n';
    const project = await loadProject({ workspace: new MemoryWorkspace({ ...files, 'TODO051_phase1_notes.md': notes }) });
    const initiative = project.initiatives().initiatives[0];
    assert.ok(initiative);
    const coverage = initiativeEvidence(project.ruleContext(), initiative).coverage;
    const inNotes = (id: string) => coverage.find((c) => c.requirement.id === id)?.citations.find((c) => c.file === 'TODO051_phase1_notes.md');
    const fr1 = inNotes('FR1');
    const fr3 = inNotes('FR3');
    assert.ok(fr1 && fr3);
    assert.deepEqual(fr1.evidence, ['test-numbers at TODO051_phase1_notes.md:5', 'src/queue.ts']);
    assert.equal(fr1.evidence, fr3.evidence, 'one list for one window');
    assert.equal(inNotes('FR2')?.evidence.length, 0);
  });

  it('does not count the generated scaffolds as citations of what they list', async () => {
    const project = await loadProject({ workspace: new MemoryWorkspace(files) });
    const initiative = project.initiatives().initiatives[0];
    assert.ok(initiative);
    const plan = planHandoff(project, initiative.key, '2', { now: new Date('2026-01-01T00:00:00Z') });
    assert.ok('plan' in plan);
    const withGenerated: Record<string, string> = { ...files };
    for (const f of plan.plan.files) withGenerated[f.path] = f.content;
    assert.equal(plan.plan.files.length, 4);
    assertOneAnswer(await loadProject({ workspace: new MemoryWorkspace(withGenerated) }));
  });
});
