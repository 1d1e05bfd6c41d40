import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/analyze/document';
import { compileConventions } from '../../server/src/core/config/compiled';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { loadProject } from '../../server/src/core/engine';
import { phaseChecklist, titleSimilarity } from '../../server/src/core/handoff/checklist';
import { relativeLink } from '../../server/src/core/handoff/evidence';
import { generated } from '../../server/src/core/handoff/handoffBlocks';
import { inert } from '../../server/src/core/handoff/inert';
import { initiativeOfTodo, planHandoff } from '../../server/src/core/handoff/plan';
import { PLACEHOLDERS, renderTemplate } from '../../server/src/core/handoff/templates/index';
import type { HandoffPlan, HandoffResult } from '../../server/src/core/handoff/types';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { requirementCoverage } from '../../server/src/core/rules/coverage';
import { NOW, NO_EXPECTED_OUTPUTS, NO_PRD, memoryProject, plan } from '../golden/handoff/fixtures';

const c = compileConventions(DEFAULT_CONFIG.conventions);
const CLAIM_CODES = new Set(['claim-without-evidence', 'claim-evidence-broken', 'status-conflict', 'done-with-partial-percentage', 'numbers-inconsistent', 'phase-done-checklist-open']);

function planOf(result: HandoffResult): HandoffPlan {
  if ('error' in result) throw new Error(result.error);
  return result.plan;
}

function file(p: HandoffPlan, kind: string): string {
  const f = p.files.find((x) => x.kind === kind);
  if (!f) throw new Error(`no ${kind} file in the plan`);
  return f.content;
}

/** The claims the engine reads in a text saved as a phase output. */
function claimsIn(text: string): number {
  const outcome = analyzeText('x/TODO009_phase1_notes.md', text, DEFAULT_CONFIG);
  if (!('model' in outcome)) throw new Error(outcome.skipped);
  // Evidence slots left to fill are hints, not claims.
  return outcome.model.claims.length + outcome.model.localFindings.filter((f) => f.code !== 'evidence-to-fill').length;
}

describe('inert copies of plan text', () => {
  const lines = [
    '- ✅ COMPLETED the parser',
    '- **Status**: ✅ DONE',
    '| Parser | ✅ |',
    '- Rejection keeps a 95% success rate',
    '- Report 44.1/45 tests',
    '- 80% (9/10 checks) passing',
  ];

  it('each line is a claim or a finding as written, and none once in a generated region', () => {
    for (const line of lines) {
      assert.ok(claimsIn(`# T\n\n## S\n\n${line}\n`) > 0, `expected the engine to read a claim in: ${line}`);
      assert.equal(claimsIn(`# T\n\n## S\n\n${generated(inert(line, c))}\n`), 0, `still a claim: ${inert(line, c)}`);
    }
  });

  it('removes done markers, keeps the words and writes numbers as the plan does (no entities)', () => {
    assert.equal(inert('Quoted fields ✅ COMPLETED for the sample', c), 'Quoted fields for the sample');
    assert.equal(inert('Rejection keeps a 95% success rate', c), 'Rejection keeps a 95% success rate');
    assert.equal(inert('Report 44.1/45 tests', c), 'Report 44.1/45 tests');
    assert.equal(inert('End-to-end validation completed successfully', c), 'End-to-end validation completed successfully');
  });

  it('leaves code spans and URL escapes alone', () => {
    assert.equal(inert('Run `coverage ✅ 100% success` then ✅', c), 'Run `coverage ✅ 100% success` then');
    assert.equal(inert('See https://x.test/a%20b and 50%20', c), 'See https://x.test/a%20b and 50%20');
  });
});

describe('templates', () => {
  it('fills {{name}} placeholders, spaces allowed, and leaves unknown names as written', () => {
    assert.equal(renderTemplate('# {{title}} / {{ phase }} / {{nope}}\r\n\r\n\r\n\r\nend', { title: 'T', phase: '2.5' }), '# T / 2.5 / {{nope}}\n\nend\n');
  });

  it('uses a workspace template for its kind and the built-in ones for the others', async () => {
    const { project, workspace } = await memoryProject(NO_EXPECTED_OUTPUTS);
    const p = planOf(await plan(project, workspace, 'plan/TODO002.md', '1', { templates: { notes: '# Custom {{todoName}} {{phase}}: {{title}}\n\n{{openItems}}\n{{typo}}\n' } }));
    const notes = file(p, 'notes');
    assert.match(notes, /^# Custom TODO002 1: Parser\n/);
    assert.match(notes, /Embedded newlines — TODO002\.md line 15/);
    assert.match(notes, /\{\{typo\}\}/);
    assert.match(file(p, 'handoff'), /^# TODO002 Phase 1 Handoff — Parser\n/);
  });

  it('documents every placeholder the built-in templates use', async () => {
    const { project, workspace } = await memoryProject(NO_EXPECTED_OUTPUTS);
    const p = planOf(await plan(project, workspace, 'plan/TODO002.md', '1'));
    for (const f of p.files) assert.doesNotMatch(f.content, /\{\{/, `${f.path} kept a placeholder`);
    assert.ok(Object.keys(PLACEHOLDERS).includes('traceability'));
  });
});

describe('planHandoff', () => {
  it('finds the initiative of a TODO, and none for other documents', async () => {
    const { project } = await memoryProject(NO_EXPECTED_OUTPUTS);
    assert.deepEqual(initiativeOfTodo(project, 'plan/TODO002.md'), { folder: 'plan', id: '002' });
    assert.equal(initiativeOfTodo(project, 'plan/PRD002.md'), null);
    assert.equal(initiativeOfTodo(project, 'plan/nothing.md'), null);
  });

  it('names the four outputs by convention next to a TODO whose phase lists none', async () => {
    const { project, workspace } = await memoryProject(NO_EXPECTED_OUTPUTS);
    const p = planOf(await plan(project, workspace, 'plan/TODO002.md', '1'));
    assert.deepEqual(
      p.files.map((f) => [f.kind, f.path, f.exists]),
      ['notes', 'decisions', 'handoff', 'testing_summary'].map((k) => [k, `plan/TODO002_phase1_${k}.md`, false]),
    );
  });

  it('takes Expected Output names relative to the TODO, finds bare names in phase folders and drifted names', async () => {
    const { project, workspace } = await memoryProject(NO_PRD);
    const p = planOf(await plan(project, workspace, 'work/TODO005.md', '1'));
    assert.deepEqual(
      p.files.map((f) => [f.kind, f.path, f.exists]),
      [
        ['notes', 'work/phase1/TODO005_phase1_notes.md', false],
        ['decisions', 'work/phase1/TODO005_phase1_decisions.md', true],
        ['handoff', 'work/@TODO005_phase1_handoff.md', true],
        ['testing_summary', 'work/TODO005_phase1_testing_summary.md', false],
      ],
    );
  });

  it('accepts the phase as a user writes it ("Phase 2") and reports an unknown one with the phases that exist', async () => {
    const { project, workspace } = await memoryProject(NO_EXPECTED_OUTPUTS);
    assert.equal(planOf(await plan(project, workspace, 'plan/TODO002.md', 'Phase 2')).phase, '2');
    assert.deepEqual(await plan(project, workspace, 'plan/TODO002.md', '3'), { error: 'Phase 3 does not exist in TODO002.md; its phases are 1, 2.' });
    assert.deepEqual(await plan(project, workspace, 'plan/TODO002.md', 'phase 7'), { error: 'Phase 7 does not exist in TODO002.md; its phases are 1, 2.' });
    const key = { folder: 'elsewhere', id: '002' };
    assert.match(String((planHandoff(project, key, '1', { now: NOW }) as { error: string }).error), /No initiative with id "002" in folder "elsewhere"/);
  });

  it('lists this phase\'s open items in full first, and each earlier phase as one line with its count and a link to its section', async () => {
    const { project, workspace } = await memoryProject(NO_EXPECTED_OUTPUTS);
    const p = planOf(await plan(project, workspace, 'plan/TODO002.md', '2'));
    assert.deepEqual(
      p.openItems.map((o) => `${o.phase}@${o.line} ${o.text}`),
      ['2@31 Insert in batches of 500 rows', '1@14 Quoted fields ✅ COMPLETED for the sample file', '1@15 Embedded newlines', '1@19 Rejection keeps a 95% success rate on the sample', '1@20 Report 44.1/45 tests as they stand'],
    );
    const handoff = file(p, 'handoff');
    assert.match(handoff, /### Phase 2: Loader \(1 open\)\n\n- Insert in batches of 500 rows — TODO002\.md line 31/);
    assert.match(handoff, /### Earlier Phases Still Open\n\n4 unchecked boxes in 1 earlier phase; each is listed in its phase's section of TODO002\.md\.\n\n- \[Phase 1: Parser\]\(TODO002\.md#phase-1-parser\) — 4 open \(TODO002\.md line 3\)\n<!-- \/proofmark:generated -->/);
    assert.ok(handoff.indexOf('Phase 2: Loader (1 open)') < handoff.indexOf('Earlier Phases Still Open'));
    assert.ok(!handoff.includes('Embedded newlines'), 'earlier phases are not listed item by item');
    assert.deepEqual(p.earlierPhases, [{ phase: '1', title: 'Parser', line: 3, open: 4 }]);
    assert.match(handoff, /- Phase 1: TODO002_phase1_notes\.md, by the naming convention/);
  });

  it("lists the next phase's prerequisites: this phase's outputs to write, and files that are missing", async () => {
    const { project, workspace } = await memoryProject(NO_EXPECTED_OUTPUTS);
    const handoff = file(planOf(await plan(project, workspace, 'plan/TODO002.md', '1')), 'handoff');
    assert.match(handoff, /Phase 2: Loader \(TODO002\.md line 22\) reads first:\n\n- `TODO002_phase1_notes\.md` — written by this handoff\n- spec\.md — not found in the workspace \(TODO002\.md line 26\)/);
  });

  it('copies the goal from the text only when it is the text the model was built from', async () => {
    const { project, workspace } = await memoryProject(NO_EXPECTED_OUTPUTS);
    const good = file(planOf(await plan(project, workspace, 'plan/TODO002.md', '1')), 'notes');
    assert.match(good, /> Read the exports the finance team sends every month, exactly as they are\.\n<!-- \/proofmark:generated -->\n\n## Tasks/);
    const stale = file(planOf(await plan(project, workspace, 'plan/TODO002.md', '1', { todoText: `${NO_EXPECTED_OUTPUTS['plan/TODO002.md']}\nedited\n` })), 'notes');
    assert.match(stale, /<!-- the goal of Phase 1: see the introduction of Phase 1 \(TODO002\.md line 3\) -->/);
    assert.match(file(planOf(await plan(project, workspace, 'plan/TODO002.md', '1', { todoText: '' })), 'decisions'), /\*\*Context\*\*: <!-- see TODO002\.md line 11 -->/);
  });

  it('is deterministic: the same project and clock give the same files', async () => {
    const { project, workspace } = await memoryProject(NO_EXPECTED_OUTPUTS);
    const a = planOf(await plan(project, workspace, 'plan/TODO002.md', '1'));
    const b = planOf(await plan(project, workspace, 'plan/TODO002.md', '1'));
    assert.deepEqual(a, b);
    assert.match(file(a, 'notes'), /\*\*Generated\*\*: 2026-11-29 /);
  });
});

describe('checklist groups and tasks', () => {
  it('matches a group to a task by title prefix or shared words, and keeps the others apart', async () => {
    const { project } = await memoryProject(NO_PRD);
    const todo = project.model('work/TODO005.md');
    const phase = todo?.todo?.phases[0];
    assert.ok(todo && phase);
    const result = phaseChecklist(todo, phase, c);
    assert.deepEqual(
      result.tasks.map((t) => [t.task.id, t.groups.map((g) => g.title)]),
      [
        ['T1.1', ['Static Generator']],
        ['T1.2', []],
      ],
    );
    assert.deepEqual(result.others.map((g) => g.title), ['Progress Checklist', 'Hosting']);
    assert.equal(titleSimilarity('Lessons Learned Documentation', 'Lessons Learned and Best Practices Documentation'), 0.6);
    assert.equal(titleSimilarity('Final Project Validation', 'Final Project Validation and Success Metrics'), 1);
  });
});

describe('the generated files make no claim', () => {
  it('the engine reads no claim in them and no requirement gains evidence from them', async () => {
    const { project, workspace } = await memoryProject(NO_EXPECTED_OUTPUTS);
    const key = initiativeOfTodo(project, 'plan/TODO002.md');
    assert.ok(key);
    const p = planOf(await plan(project, workspace, 'plan/TODO002.md', '1'));
    const written = new MemoryWorkspace({ ...NO_EXPECTED_OUTPUTS, ...Object.fromEntries(p.files.map((f) => [f.path, f.content])) });
    const after = await loadProject({ workspace: written });
    for (const f of p.files) {
      assert.deepEqual(after.model(f.path)?.claims, [], `${f.path} holds claims`);
      assert.deepEqual(after.findingsFor(f.path).filter((x) => CLAIM_CODES.has(x.code)).map((x) => x.message), [], `${f.path} has claim findings`);
    }
    const initiative = after.initiatives().byKey.get('plan#002');
    assert.ok(initiative);
    const evidenced = requirementCoverage(after.ruleContext(), initiative).filter((r) => r.status === 'evidenced');
    assert.deepEqual(evidenced.map((r) => r.requirement.id), []);
  });
});

describe('the previous iteration', () => {
  const files = {
    ...NO_EXPECTED_OUTPUTS,
    'plan/PRD002.md': `${NO_EXPECTED_OUTPUTS['plan/PRD002.md']}\n## References\n\n- \`old/POSTMORTEM001.md\` - what went wrong last time\n`,
    'old/POSTMORTEM001.md': [
      '# Importer v1 Post-Mortem',
      '',
      '## Root Causes',
      '',
      '- Nobody owned the schema',
      '',
      '## Lessons Learned',
      '',
      '### Technical',
      '',
      '#### 1. **Validate Before Loading** ✅',
      '',
      '### Process',
      '',
      '#### 1. Own the Schema',
      '',
    ].join('\n'),
  };

  it("lists the post-mortem's lessons by heading, and points at a root-cause section that has none", async () => {
    const { project, workspace } = await memoryProject(files);
    const summary = file(planOf(await plan(project, workspace, 'plan/TODO002.md', '1')), 'testing_summary');
    assert.match(summary, /## Compared with the Previous Iteration\n\nPOSTMORTEM001\.md \(folder old\)/);
    assert.match(summary, /### Root Causes\n\n<!-- its section at POSTMORTEM001\.md line 3 has no sub-headings to list; list them here with their evidence -->/);
    assert.match(summary, /\| Validate Before Loading \| Technical \| 11 \| _\(evidence: path, log or test output\)_ \|\n\| Own the Schema \| Process \| 15 \|/);
    assert.equal(claimsIn(summary), 0);
  });

  it('has no such section when the initiative cites no post-mortem', async () => {
    const { project, workspace } = await memoryProject(NO_EXPECTED_OUTPUTS);
    assert.doesNotMatch(file(planOf(await plan(project, workspace, 'plan/TODO002.md', '1')), 'testing_summary'), /Previous Iteration/);
  });
});

describe('links to evidence', () => {
  it('are relative to the generated file, as Markdown previews resolve them', () => {
    assert.equal(relativeLink('a/b/c', 'a/x.md'), '../../x.md');
    assert.equal(relativeLink('', 'a/b.md'), 'a/b.md');
    assert.equal(relativeLink('a', 'a/b.md'), 'b.md');
    assert.equal(relativeLink('a/b', 'c'), '../../c');
  });
});
