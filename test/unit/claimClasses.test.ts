import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, model, only } from '../support/memory';

/** A completion report whose performance section ticks targets and measures nothing. */
const TARGETS_TICKED = [
  '# Implementation Complete: Exporter', //1
  '', //2
  '**Status**: ✅ COMPLETE', //3
  '', //4
  '## Verification', //5
  '', //6
  '```bash', //7
  'make build   # 0 errors, 0 warnings', //8
  '```', //9
  '', //10
  '## Performance Metrics', //11
  '', //12
  '- Cold start: <50ms ✅', //13
  '- Export of 1,000 rows: < 2 seconds (target: < 2s) ✅', //14
  '| Query | <1s | ✅ PASS |', //15
  '', //16
].join('\n');

describe('a target marked met with no measured value', () => {
  it('reads a bullet or row whose only figure is a bound, ticked, as a claim of its own form', () => {
    const m = model('specs/001-x/IMPLEMENTATION_COMPLETE.md', TARGETS_TICKED);
    assert.deepEqual(
      m.claims.filter((c) => c.form === 'target').map((c) => c.line),
      [13, 14, 15],
    );
  });

  it('does not read a line that states a result beside its target, or two different bounds', () => {
    const text = '# Perf Report\n\n## Results\n\n- Cold start: 32ms (target: <50ms) ✅\n- Errors: <20ms (target: <100ms) ✅\n- Bundle: 1.2 MB ✅\n';
    assert.deepEqual(model('x/PERF_REPORT.md', text).claims.filter((c) => c.form === 'target'), []);
  });

  it('reports the ticked targets of a report that measures nothing, as a problem, once for the section', async () => {
    const findings = only(await check({ 'specs/001-x/IMPLEMENTATION_COMPLETE.md': TARGETS_TICKED }), 'claim-without-evidence');
    assert.deepEqual(
      findings.map((f) => [f.range.start.line, f.severity]),
      [[13, 'info']],
    );
    assert.match(findings[0]?.message ?? '', /gives only a bound, no measured value, nor does the report give one anywhere/);
    assert.deepEqual(findings[0]?.related.map((r) => r.range.start.line), [14, 15]);
  });

  it('keeps them a hint where the report measures something elsewhere', async () => {
    const text = TARGETS_TICKED.replace('make build', 'make build\nbuilt in 4.2 s').replace('```bash', 'Built in 812 ms on CI.\n\n```bash');
    const findings = only(await check({ 'specs/001-x/IMPLEMENTATION_COMPLETE.md': text }), 'claim-without-evidence');
    assert.deepEqual(findings.map((f) => f.severity), ['hint']);
  });

  it('reads the bounds of a plan\'s Success Metrics section as targets, and "Success Metrics Achieved" as a report', () => {
    const plan = '# Phase 3 Summary\n\n## Success Metrics\n\n- ✅ Input processing: <5 seconds\n\n## Success Metrics Achieved\n\n- ✅ Upload success rate: > 99%\n';
    assert.deepEqual(model('x/PHASE3_SUMMARY.md', plan).claims.map((c) => [c.line, c.form]), [[9, 'target']]);
  });
});

/** A spec task list: the phases before the one marked done have no task checked. */
const TASKS = [
  '# Tasks: Exporter', //1
  '', //2
  '## Phase 1: Engine (3 tasks)', //3
  '', //4
  '- [ ] T001 Create the engine project', //5
  '- [ ] T002 Implement render()', //6
  '- [ ] T003 Test render()', //7
  '', //8
  '## Phase 2: Command line (2 tasks)', //9
  '', //10
  '- [ ] T004 Add the export command', //11
  '- [ ] T005 Test the export command', //12
  '', //13
  '## Phase 3: CI integration (2 tasks) ✅ COMPLETE', //14
  '', //15
  '- [x] T006 Run the export command after the tests', //16
  '- [x] T007 Publish the exported files', //17
  '', //18
  '**Checkpoint**: ✅ CI exports on every build.', //19
  '', //20
].join('\n');

describe('a phase marked done after phases with nothing done', () => {
  it('reports the done phase once, naming the untouched phases before it and its checkpoint', async () => {
    const found = only(await check({ 'specs/002-exporter/tasks.md': TASKS }), 'claim-contradicted');
    assert.deepEqual(found.map((f) => f.range.start.line), [14]);
    assert.match(found[0]?.message ?? '', /Phase 3 is marked done and its 2 tasks are checked, but Phases 1 and 2 before it have none of their 5 tasks checked/);
    assert.deepEqual(found[0]?.related.map((r) => r.range.start.line), [19, 3, 9]);
  });

  it('says nothing when the earlier phases are under way, or the done phase has open tasks', async () => {
    const started = TASKS.replace('- [ ] T004', '- [x] T004').replace('- [ ] T001', '- [x] T001');
    assert.deepEqual(only(await check({ 'specs/002-exporter/tasks.md': started }), 'claim-contradicted'), []);
    const openOwn = TASKS.replace('- [x] T007', '- [ ] T007');
    assert.deepEqual(only(await check({ 'specs/002-exporter/tasks.md': openOwn }), 'claim-contradicted'), []);
  });
});

describe('approximate measures, and a change of a named quantity, are measurements', () => {
  const report = (result: string): string => `# Phase 5 Notes\n\n**Status**: ✅ COMPLETED\n\n## Results\n\n${result}\n`;
  for (const result of ['- Processing time: ~45 seconds per job', '- 44% improvement in average job processing time', '- Uploads are ~2x faster', '- Memory fell by ≈ 40%', '- Query time: ≈ 40 ms']) {
    it(`counts "${result.slice(2)}" as evidence of the claim`, async () => {
      assert.ok(model('docs/x/TODO001_phase5_notes.md', report(result)).evidence.some((e) => e.kind === 'measure'));
      assert.deepEqual(only(await check({ 'docs/x/TODO001_phase5_notes.md': report(result) }), 'claim-without-evidence'), []);
    });
  }
  it('still reads a bare or approximate completion percentage, or an exact relative figure, as no measurement', async () => {
    for (const result of ['- 100% success rate', '- ~95% complete', '- Development velocity: 58% improvement']) {
      assert.ok(!model('docs/x/TODO001_phase5_notes.md', report(result)).evidence.some((e) => e.kind === 'measure'), result);
    }
  });
});
