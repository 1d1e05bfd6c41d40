import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBucketHeading } from '../../server/src/core/analyze/bucketHeadings';
import { check, model, only } from '../support/memory';

/** The headings of a document, each with whether it is a bucket. */
function buckets(text: string): [string, boolean][] {
  const headings = model('docs/x/REPORT.md', text).headings;
  return headings.map((h, i) => [h.text, isBucketHeading(headings, i)]);
}

describe('a heading that names a bucket of a report, not its verdict', () => {
  it('reads a done section beside a pending one, "What\'s …" and a done list as buckets', () => {
    const text = [
      '# Readiness',
      '## Assessment',
      '### ✅ COMPLETED (Ready)',
      '### ⚠️ PENDING (Before release)',
      '## Summary',
      '### ✅ What\'s Working (85% Complete)',
      '## Implementation Summary',
      '### ✅ Completed Components',
      '## Phase 1 Completion Status',
      '### ✅ Completed Deliverables',
      '### 📊 KPIs Met',
      '## ✅ Phase 2 Complete',
      '## 🔄 Phase 3 In Progress',
      '',
    ].join('\n');
    assert.deepEqual(buckets(text).filter(([, bucket]) => bucket).map(([t]) => t), ['✅ COMPLETED (Ready)', '✅ What\'s Working (85% Complete)', '✅ Completed Components']);
  });
});

describe('a phase output whose done heading is a bucket', async () => {
  const todo = ['# TODO001', '', '## Phase 1: Setup', '', '**Status**: 🔄 IN PROGRESS', '', '### Progress Checklist', '- [x] Set up the database', '- [ ] Write the loader', ''].join('\n');
  const conflicts = async (output: string): Promise<number[]> =>
    only(await check({ 'docs/x/TODO001.md': todo, 'docs/x/TODO001_phase1_handoff.md': output }), 'status-conflict').filter((f) => f.file === 'docs/x/TODO001_phase1_handoff.md').map((f) => f.range.start.line);

  it('does not read "✅ COMPLETED" beside "⚠️ PENDING" as the phase\'s status', async () => {
    const output = '# Phase 1 Handoff\n\n## Readiness Assessment\n\n### ✅ COMPLETED (Ready)\n\n- Database: done\n\n### ⚠️ PENDING (Before release)\n\n- Loader\n';
    assert.deepEqual(await conflicts(output), []);
  });

  it('still reads a done heading that answers a status heading', async () => {
    const output = '# Phase 1 Handoff\n\n## Phase 1 Completion Status\n\n### ✅ Completed Deliverables\n\n- Database\n';
    assert.deepEqual(await conflicts(output), [5]);
  });
});

describe('a bucket heading with a percentage', () => {
  it('does not report "What\'s Working (85% Complete)" as done qualified by a percentage, and still reports a status at 85%', async () => {
    const text = '# Phase 3 Status\n\n**Status**: 🔄 IN PROGRESS\n\n### ✅ What\'s Working (85% Complete)\n\n- Upload\n\n### ❌ What\'s Missing\n\n- Retry\n';
    assert.deepEqual(only(await check({ 'docs/x/PHASE3_STATUS.md': text }), 'done-with-partial-percentage'), []);
    const status = '# Phase 3 Status\n\n## ✅ Phase 3 COMPLETE (85%)\n\n- Upload\n';
    assert.deepEqual(only(await check({ 'docs/x/PHASE3_STATUS.md': status }), 'done-with-partial-percentage').map((f) => f.range.start.line), [3]);
  });
});
