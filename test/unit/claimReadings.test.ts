import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, model, only } from '../support/memory';

describe('what is no claim of success', () => {
  it('a legend of status symbols: each symbol once, a word or three after it', () => {
    const text = '# Release Checks\n\n| Area | Check | Status |\n|---|---|---|\n| API | Health | □ |\n\n## Key\n- □ Not Started\n- 🔄 In Progress\n- ✅ Passed\n- ❌ Failed\n';
    assert.deepEqual(model('docs/RELEASE_CHECKS_REPORT.md', text).claims, []);
  });

  it('but a list of results is claims, even short ones, when a symbol repeats', () => {
    const text = '# Release Report\n\n## Results\n- ✅ Passed\n- ✅ Deployed\n- ❌ Failed\n';
    assert.deepEqual(model('docs/RELEASE_REPORT.md', text).claims.map((c) => c.line), [4, 5]);
  });

  it('a decision record saying its decisions are completed', () => {
    const text = '# Phase 2 Decisions\n\n## Storage\n\nWe keep SQLite.\n\n**Phase 2 Status**: ✅ **DECISIONS COMPLETED**\n';
    assert.deepEqual(model('a/TODO001_phase2_decisions.md', text).claims, []);
    assert.deepEqual(model('a/TODO001_phase2_decisions.md', text.replace('DECISIONS COMPLETED', 'COMPLETED')).claims.map((c) => c.line), [7]);
  });

  it('a plan whose status says it is ready for execution', () => {
    const text = '# Rollout Plan\n\n**Status**: 📋 **READY FOR EXECUTION**\n\n## Overview\n\nThis builds on the 100% successful pilot.\n\n### ✅ Pilot Complete\n';
    assert.deepEqual(model('ops/PHASE3_EXECUTION.md', text).claims, []);
    assert.deepEqual(model('ops/PHASE3_EXECUTION.md', text.replace('READY FOR EXECUTION', 'IN PROGRESS')).claims.map((c) => c.line), [7, 9]);
  });
});

describe('a document named as a plan', () => {
  const text = '# User Story 2 Plan\n\n## Current State\n- ✅ Phase 1 (Setup) - Complete\n- ✅ Phase 2 (Storage) - Complete\n\n## Next\n- Build the sync queue\n';
  it('recaps what is done as its starting point: no claim of its own', () => {
    assert.deepEqual(model('docs/plans/PHASE4_USER_STORY_2_PLAN.md', text).claims, []);
    assert.deepEqual(model('ops/PHASE3_EXECUTION_PLAN.md', text).claims, []);
  });
  it('but a report on a plan or a design is a report', () => {
    assert.deepEqual(model('docs/PHASE4_COMPLETION_SUMMARY.md', text).claims.map((c) => c.line), [4, 5]);
    assert.deepEqual(model('docs/phase3/PHASE3_RESPONSIVE_DESIGN_VALIDATION.md', text).claims.map((c) => c.line), [4, 5]);
    assert.deepEqual(model('docs/PHASE2_PLAN_COMPLETION_REPORT.md', text).claims.map((c) => c.line), [4, 5]);
  });
});

describe('a claim that says itself it was not measured', () => {
  const REPORT = [
    '# Final Completion', //1
    '', //2
    '## Build', //3
    '', //4
    '```bash', //5
    'dotnet build   # 0 errors', //6
    '```', //7
    '', //8
    '### Rendering ✅ (Qualitative)', //9
    '- Looks right in the terminal', //10
    '', //11
    '### Packaging ✅', //12
    '- Packages are signed', //13
    '', //14
  ].join('\n');

  it('is reported although the report gives evidence elsewhere, while a plain section claim stays a hint', async () => {
    const findings = only(await check({ 'specs/001-x/FINAL_COMPLETION.md': REPORT }), 'claim-without-evidence');
    assert.deepEqual(findings.map((f) => `${f.range.start.line} ${f.severity}`).sort(), ['12 hint', '9 info']);
    assert.match(findings.find((f) => f.range.start.line === 9)?.message ?? '', /It says itself that it was not measured, so the evidence elsewhere in the report does not show it\./);
  });

  it('is one whose verification is pending, not one whose last confirmation is', async () => {
    const pending = (status: string): string => REPORT.replace('### Rendering ✅ (Qualitative)', `### Rendering\n**Status**: ✅ **PASS** (${status})`);
    const severity = async (status: string): Promise<string[]> =>
      only(await check({ 'specs/001-x/FINAL_COMPLETION.md': pending(status) }), 'claim-without-evidence')
        .filter((f) => f.range.start.line === 10)
        .map((f) => f.severity);
    assert.deepEqual(await severity('pending verification'), ['info']);
    assert.deepEqual(await severity('Pending final visual confirmation'), ['hint'], 'the report gives evidence; a last step is pending');
  });

  it('is not a checked action that says how it was done ("- [x] Validate qualitatively (DONE)"): a hint like other section claims', async () => {
    const text = REPORT.replace('### Rendering ✅ (Qualitative)', '### Rendering\n- [x] Validate qualitatively (DONE)');
    const findings = only(await check({ 'specs/001-x/FINAL_COMPLETION.md': text }), 'claim-without-evidence');
    assert.deepEqual(findings.map((f) => f.severity), findings.map(() => 'hint'));
    assert.ok(findings.length >= 1);
  });
});

describe('a value measured against a target in parentheses', () => {
  const report = (result: string): string => ['# Phase 4: Handoff to Phase 5', '', '## Key Achievements', '2. **Load Testing**: 4,814 requests, 100% success rate', '', '## Performance Results', result, ''].join('\n');
  const reported = async (result: string): Promise<string[]> =>
    only(await check({ 'docs/x/phase4/PHASE4_HANDOFF.md': report(result) }), 'claim-without-evidence').filter((f) => f.severity !== 'hint').map((f) => `${f.range.start.line}`);
  it('is evidence: the report is not one that measures nothing', async () => {
    assert.deepEqual(await reported('- **Load Test**: 322.2ms average response time (target: <1000ms) ✅'), []);
  });
  it('but a target alone, in or out of parentheses, measures nothing', async () => {
    assert.deepEqual(await reported('- **Load Test**: response time (target: <1000ms)'), ['4']);
    assert.deepEqual(await reported('- **Load Test**: under 1000ms'), ['4']);
  });
});
