import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/core/findings/finding';
import { leadTaskCount } from '../../server/src/core/rules/phaseReportCounts';
import { check, checkedThreeWays, only } from '../support/memory';

const report = (title: string, field: string): string => [`# ${title}`, '', field, '**Build**: ✅ passing', '', '## Summary', '', 'Work on the media player.', ''].join('\n');

/** Checks the workspace whole, in batches of one file and `path` alone, asserts the three agree on this code, and returns the whole check's findings. */
async function sameEveryWay(files: Record<string, string>, path: string): Promise<readonly Finding[]> {
  const { whole, batches, alone, wholeOfPath } = await checkedThreeWays(files, path);
  const messages = (list: readonly Finding[]): string[] => only(list, 'numbers-inconsistent').map((f) => f.message);
  assert.deepEqual(messages(batches), messages(whole));
  assert.deepEqual(messages(alone), messages(wholeOfPath));
  return whole;
}

describe('reports of one phase that count its tasks differently', () => {
  it('reads the headline count of tasks done in the shapes reports write it', () => {
    const lead = (text: string) => leadTaskCount([{ line: 3, text }]);
    assert.deepEqual(lead('**Tasks Completed**: 46/49 (94%)'), { done: 46, total: 49, line: 3 });
    assert.deepEqual(lead('**Completion**: 49/49 tasks (100%) 🎉'), { done: 49, total: 49, line: 3 });
    assert.deepEqual(lead('**Overall Status**: 94% Complete (46/49 tasks)'), { done: 46, total: 49, line: 3 });
    assert.equal(lead('**Tasks remaining**: 3/49'), null);
    assert.equal(lead('**Tasks**: 2/3'), null, 'too few tasks to compare');
    assert.equal(lead('**Date**: 26/10 tasks meeting'), null, 'the count may not exceed its total');
  });

  it('reports once, at the highest count, with the other reports as related locations', async () => {
    const files = {
      'docs/PHASE3_COMPLETE.md': report('Phase 3 Complete', '**Implementation Progress**: 43/49 tasks (88%)'),
      'docs/PHASE3_FINAL_STATUS.md': report('Phase 3: FINAL STATUS', '**Tasks Completed**: 46/49 (94%)'),
      'docs/PHASE3_ALL_COMPLETE.md': report('Phase 3: 100% COMPLETE', '**Completion**: 49/49 tasks (100%)'),
    };
    const found = only(await check(files), 'numbers-inconsistent');
    assert.equal(found.length, 1);
    assert.equal(found[0]?.file, 'docs/PHASE3_ALL_COMPLETE.md');
    assert.equal(found[0]?.range.start.line, 3);
    assert.match(found[0]?.message ?? '', /counts 49\/49 tasks of Phase 3 done, but 2 other reports of Phase 3 in this folder count 43\/49 \(PHASE3_COMPLETE\.md:3\), 46\/49 \(PHASE3_FINAL_STATUS\.md:3\): 3 different counts/);
    assert.deepEqual(found[0]?.related.map((r) => r.file), ['docs/PHASE3_COMPLETE.md', 'docs/PHASE3_FINAL_STATUS.md']);
    assert.equal(found[0]?.severity, 'warning');
  });

  it('gives the same finding whether the workspace, batches of one file or the report alone is checked', async () => {
    const files = {
      'docs/PHASE3_FINAL_STATUS.md': report('Phase 3: FINAL STATUS', '**Tasks Completed**: 46/49 (94%)'),
      'docs/PHASE3_ALL_COMPLETE.md': report('Phase 3: 100% COMPLETE', '**Completion**: 49/49 tasks (100%)'),
    };
    const whole = await sameEveryWay(files, 'docs/PHASE3_ALL_COMPLETE.md');
    assert.equal(only(whole, 'numbers-inconsistent').length, 1);
  });

  it('compares the documents of a per-phase folder alike, whichever way the workspace is checked', async () => {
    const files = {
      'docs/phase_3/handoff.md': report('Phase 3 Handoff', '**Tasks Completed**: 40/49'),
      'docs/phase_3/summary.md': report('Phase 3 Summary', '**Completion**: 49/49 tasks'),
    };
    const whole = await sameEveryWay(files, 'docs/phase_3/summary.md');
    assert.deepEqual(only(whole, 'numbers-inconsistent').map((f) => f.file), ['docs/phase_3/summary.md']);
  });

  it('says nothing of reports that agree, of other phases or folders, of another total, or of a progress snapshot', async () => {
    const files = {
      'docs/PHASE3_COMPLETE.md': report('Phase 3 Complete', '**Completion**: 49/49 tasks'),
      'docs/PHASE3_SUMMARY.md': report('Phase 3 Summary', '**Tasks Completed**: 49/49'),
      'docs/PHASE3_PROGRESS.md': report('Phase 3 Progress', '**Tasks Completed**: 39/49'),
      'docs/PHASE3_US2_COMPLETE.md': report('Phase 3 US2 Complete', '**Tasks Completed**: 8/12'),
      'docs/PHASE4_COMPLETE.md': report('Phase 4 Complete', '**Tasks Completed**: 40/49'),
      'other/PHASE3_COMPLETE.md': report('Phase 3 Complete', '**Tasks Completed**: 30/49'),
    };
    assert.deepEqual(only(await check(files), 'numbers-inconsistent'), []);
  });

  it('keeps the finding, as a hint that says why, when the reports lie in an archive folder', async () => {
    const files = {
      'docs/archive/PHASE3_FINAL_STATUS.md': report('Phase 3: FINAL STATUS', '**Tasks Completed**: 46/49 (94%)'),
      'docs/archive/PHASE3_ALL_COMPLETE.md': report('Phase 3: 100% COMPLETE', '**Completion**: 49/49 tasks (100%)'),
    };
    const found = only(await check(files), 'numbers-inconsistent');
    assert.deepEqual(found.map((f) => [f.file, f.severity]), [['docs/archive/PHASE3_ALL_COMPLETE.md', 'hint']]);
    assert.match(found[0]?.message ?? '', /archive.*only a hint/);
  });
});
