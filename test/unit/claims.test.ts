import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, model, only } from '../support/memory';

const OUTPUT = [
  '# Phase 2 Testing Summary', //1
  '', //2
  '**Status**: ✅ COMPLETED', //3
  '', //4
  '## Results', //5
  '#### Unit tests ✅', //6
  '- 38/40 tests passing (98%)', //7
  '', //8
  '#### Load ✅ PASSED', //9
  'It was fast.', //10
  '**Evidence**: the dashboard looked green', //11
  '', //12
  '#### Soak ✅', //13
  'See `reports/missing.txt`.', //14
  '', //15
  '#### Decision record', //16
  '- ✅ **Pros**: simple', //17
  '', //18
  '<!-- proofmark-disable-next-line claim-without-evidence -->', //19
  '#### Accessibility ✅', //20
  'Looked at it.', //21
  '', //22
  '#### Fractions', //23
  'We ran 44.1/45 tests.', //24
  '**Result**: ✅ DONE (92%)', //25
  '',
].join('\n');

describe('claims and evidence', () => {
  const m = model('x/TODO009_phase2_testing_summary.md', OUTPUT);
  it('finds fields and headings as claims, not pro/con bullets', () => {
    assert.deepEqual(
      m.claims.filter((c) => c.reportable).map((c) => [c.line, c.form]),
      [[3, 'field'], [6, 'heading'], [9, 'heading'], [13, 'heading'], [20, 'heading'], [25, 'field']],
    );
  });
  it('records the prose "Evidence:" line of a claim', () => {
    assert.equal(m.claims.find((c) => c.line === 9)?.proseEvidenceLine, 11);
  });
});

describe('claim rules', async () => {
  const findings = await check({ 'x/TODO009_phase2_testing_summary.md': OUTPUT });
  it('reports claims without evidence, except where suppressed or where test counts stand near', () => {
    // The document's own status (line 3) is supported by the counts the document gives (line 7).
    assert.deepEqual(only(findings, 'claim-without-evidence').map((f) => f.range.start.line), [9]);
    assert.match(only(findings, 'claim-without-evidence')[0]?.message ?? '', /"#### Load ✅ PASSED" claims success with no evidence in lines 9–12.*the "Evidence:" at line 11 is prose/);
  });
  it('reads a block of shell commands as what to run, not as output that shows a result', async () => {
    const report = (block: string): string => ['# Phase 4 Handoff', '', '**Status**: ✅ COMPLETED', '', '## Testing Procedures', '', '```bash', block, '```', ''].join('\n');
    const claims = async (block: string): Promise<string[]> => only(await check({ 'docs/x/TODO001_phase4_handoff.md': report(block) }), 'claim-without-evidence').map((f) => f.message);
    const commands = await claims('# Start the services\ndocker compose up -d\n./scripts/validate.sh');
    assert.equal(commands.length, 1);
    assert.match(commands[0] ?? '', /this report gives no evidence anywhere/);
    assert.deepEqual(await claims('$ pytest tests/\n12 passed in 0.31s'), []);
    assert.deepEqual(await claims('curl localhost:8000/health\n{"status": "healthy"}'), []);
  });
  it('reports claims whose only evidence does not resolve', () => {
    const broken = only(findings, 'claim-evidence-broken');
    assert.deepEqual(broken.map((f) => f.range.start.line), [13]);
    assert.match(broken[0]?.message ?? '', /reports\/missing\.txt/);
  });
  it('reports percentages that do not add up and fractional counts', () => {
    assert.deepEqual(only(findings, 'numbers-inconsistent').map((f) => f.range.start.line), [7, 24]);
    assert.match(only(findings, 'numbers-inconsistent')[0]?.message ?? '', /38\/40 is 95%, not 98%/);
  });
  it('reads a decimal numerator whole: 9.9/11 (90%) adds up, 9/11 (90%) does not', async () => {
    const text = '# Summary\n\n- Score: 9.9/11 (90%)\n- Phases: 5.5/10 phases (55%)\n- Checks: 9/11 (90%)\n- Coverage: 90% (9.9/11)\n';
    const found = only(await check({ 'x/SESSION-SUMMARY.md': text }), 'numbers-inconsistent');
    assert.deepEqual(found.map((f) => f.range.start.line), [5]);
  });
  it('reports done qualified by a partial percentage', () => {
    assert.deepEqual(only(findings, 'done-with-partial-percentage').map((f) => f.range.start.line), [25]);
  });
  it('lets done stand where all that remains is optional or deferred', async () => {
    const report = (remaining: string): string =>
      ['# Session Summary', '', '### Phase 9: Documentation ✅ 90% COMPLETE (9/10 tasks)', '', '- Wrote the guides (`docs/guide.md`)', '', remaining, '', '## Next', 'More.', ''].join('\n');
    const lines = async (text: string): Promise<number[]> =>
      only(await check({ 'docs/SESSION-SUMMARY.md': text, 'docs/guide.md': '# Guide\n' }), 'done-with-partial-percentage').map((f) => f.range.start.line);
    assert.deepEqual(await lines(report('**Only Remaining**: T116 (optional context script)')), []);
    assert.deepEqual(await lines(report('Remaining: the export task, deferred to v2')), []);
    assert.deepEqual(await lines(report('**Only Remaining**: T116 (the release notes)')), [3]);
    assert.deepEqual(await lines(report('Some work is optional.')), [3]);
  });
  it('reads the figure of "COMPLETED SUCCESSFULLY (90%)" and a phase status stated under "Next Steps"', async () => {
    const report = (status: string): string => ['# Phase 3 Handoff', '', '## Results', '- Loader written (`src/loader.py`)', '', '### Next Steps', '1. Restart the worker', '', status, ''].join('\n');
    const partial = async (text: string): Promise<number[]> =>
      only(await check({ 'docs/HANDOFF.md': text, 'src/loader.py': '' }), 'done-with-partial-percentage').map((f) => f.range.start.line);
    assert.deepEqual(await partial(report('**Phase 3 Status**: ✅ **COMPLETED SUCCESSFULLY (90%)**')), [9]);
    assert.deepEqual(await partial(report('**Phase 3 Status**: ✅ **COMPLETED (100%)**')), []);
    // Another field under "Next Steps" is a step's target, not the phase's status.
    assert.deepEqual(await partial(report('**Target**: ✅ COMPLETED (90%)')), []);
    assert.deepEqual(await partial(report('**Phase 3 Status**: ✅ 40% faster')), []);
  });
});

describe('a phase output against its TODO checklist', async () => {
  const todo = ['# TODO001', '', '## Phase 1: Setup', '', '### Progress Checklist', '- [ ] Set up the database', '- [ ] Write the loader', ''].join('\n');
  const codesOf = async (output: string): Promise<string[]> => {
    return (await check({ 'docs/x/TODO001.md': todo, 'docs/x/TODO001_phase1_notes.md': output })).filter((f) => f.file === 'docs/x/TODO001_phase1_notes.md' && f.code === 'status-conflict').map((f) => f.message);
  };
  it('reads the phase\'s own verdict in words of completion', async () => {
    assert.equal((await codesOf('# Phase 1 Notes\n\n**Status**: ✅ COMPLETED\n')).length, 1);
    assert.equal((await codesOf('# Phase 1 Notes\n\n## ✅ READY FOR HANDOFF\n')).length, 1);
  });
  it('does not read a results heading or a component\'s state as the phase\'s status', async () => {
    assert.deepEqual(await codesOf('# Phase 1 Notes\n\n## ✅ All Tests Passing\n\n- **API server**: ✅ Fully operational\n'), []);
  });
  it('leaves the fact to the TODO when the TODO marks the phase done over its open checklist too: one fact, one finding', async () => {
    const doneTodo = todo.replace('## Phase 1: Setup', '## Phase 1: Setup ✅ COMPLETED');
    const said = '# Phase 1 Notes\n\n**Status**: ✅ COMPLETED\n';
    const findings = await check({ 'docs/x/TODO001.md': doneTodo, 'docs/x/TODO001_phase1_notes.md': said, 'docs/x/TODO001_phase1_handoff.md': said.replace('Notes', 'Handoff') });
    assert.deepEqual(findings.filter((f) => f.code === 'phase-done-checklist-open').map((f) => [f.file, f.severity]), [['docs/x/TODO001.md', 'error']]);
    // Each output keeps its hint; the TODO's finding names them as related locations, the fact once.
    assert.deepEqual(findings.filter((f) => f.code === 'status-conflict').map((f) => [f.file, f.severity]), [['docs/x/TODO001_phase1_handoff.md', 'hint'], ['docs/x/TODO001_phase1_notes.md', 'hint']]);
    const todoFinding = only(findings, 'phase-done-checklist-open')[0];
    assert.deepEqual(todoFinding?.related.filter((r) => r.file !== 'docs/x/TODO001.md').map((r) => [r.file, r.range.start.line, r.message]), [['docs/x/TODO001_phase1_handoff.md', 3, 'Said here too'], ['docs/x/TODO001_phase1_notes.md', 3, 'Said here too']]);
    assert.doesNotMatch(todoFinding?.message ?? '', /Also stated/);
  });
  it('reports the outputs of one phase that claim it done as one finding, with the others related', async () => {
    const claim = (title: string): string => `# Phase 1 ${title}\n\n**Phase 1 Status**: ✅ COMPLETED SUCCESSFULLY\n`;
    const findings = await check({ 'docs/x/TODO001.md': todo, 'docs/x/TODO001_phase1_handoff.md': claim('Handoff'), 'docs/x/TODO001_phase1_notes.md': claim('Notes'), 'docs/x/TODO001_phase1_decisions.md': claim('Decisions') });
    const conflicts = only(findings, 'status-conflict');
    assert.deepEqual(conflicts.map((f) => f.file), ['docs/x/TODO001_phase1_decisions.md']);
    assert.match(conflicts[0]?.message ?? '', /Also stated in 2 other documents/);
  });
  it('reads boxes right under a phase heading as its progress when the TODO ticks other phases so', async () => {
    const plain = (firstBox: string): string => ['# TODO001', '', '## Phase 1 — Setup', firstBox, '', '## Phase 2 — Loader', '- [ ] Write the loader', '- [ ] Test the loader', ''].join('\n');
    const conflicts = async (firstBox: string): Promise<string[]> =>
      only(await check({ 'docs/x/TODO001.md': plain(firstBox), 'docs/x/TODO001_phase2_notes.md': '# Phase 2 Notes\n\n## Phase 2 Status: ✅ **DEVELOPMENT LOADER VALIDATION AND INTEGRATION COMPLETED**\n' }), 'status-conflict').map((f) => f.file);
    assert.deepEqual(await conflicts('- [x] Set up the database'), ['docs/x/TODO001_phase2_notes.md']);
    // No box ticked anywhere: the boxes may be criteria, there is nothing to contradict.
    assert.deepEqual(await conflicts('- [ ] Set up the database'), []);
  });
  it('does not read "Complete" before a noun in a field as a status', async () => {
    assert.deepEqual(await codesOf('# Phase 1 Notes\n\n- **Result**: Complete performance visibility and tracking\n'), []);
    assert.equal((await codesOf('# Phase 1 Notes\n\n- **Result**: Complete and verified\n')).length, 1);
  });
});

describe('a decision record claims nothing it owes evidence for', () => {
  it('reports its bare status claim only as a hint, and the same claim in notes as a finding', async () => {
    const text = '# Phase 3 Decisions\n\n**Phase Status**: ✅ **COMPLETED SUCCESSFULLY**\n\n## Decision 1: Use one queue\n\nChosen for simplicity.\n';
    const severities = async (path: string): Promise<string[]> => only(await check({ [path]: text }), 'claim-without-evidence').map((f) => f.severity);
    assert.deepEqual(await severities('docs/x/TODO001_phase3_decisions.md'), ['hint']);
    assert.deepEqual(await severities('docs/x/phase2/PHASE2_DECISIONS.md'), ['hint']);
    assert.deepEqual(await severities('docs/x/TODO001_phase3_notes.md'), ['info']);
  });
});

describe('done over open boxes: the message counts in good English', () => {
  it('says "is" of one open box and "are" of several, under a heading and under a checked item', async () => {
    const text = ['# Plan', '', '## Setup ✅ DONE', '- [x] one', '- [ ] two', '', '## Build ✅ DONE', '- [ ] three', '- [ ] four', '', '## Items', '- [x] parent', '  - [ ] child', '  - [x] other child', ''].join('\n');
    const messages = only(await check({ 'notes/plan.md': text }), 'phase-done-checklist-open').map((f) => f.message);
    assert.deepEqual(messages, [
      '"Setup ✅ DONE" is marked ✅ DONE, but 1 of 2 required boxes under it is unchecked (first at line 5).',
      '"Build ✅ DONE" is marked ✅ DONE, but 2 of 2 required boxes under it are unchecked (first at line 8).',
      'This item is checked, but 1 of its 2 sub-items is unchecked (first at line 13).',
    ]);
  });
});
