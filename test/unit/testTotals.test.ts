import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, checkedThreeWays, only } from '../support/memory';

/** A Kiro spec whose task list opens with the results of its last test run. */
function spec(total: string, parts: readonly string[] = ['- Parser: all 120 tests passing', '- Storage: 64/64 tests passing']): Record<string, string> {
  return {
    '.kiro/specs/ledger-sync/requirements.md': '# Requirements\n\n### Requirement 1\n\n1. WHEN a ledger changes THEN the system SHALL sync it\n',
    '.kiro/specs/ledger-sync/tasks.md': ['# Implementation Plan', '', '## Test Results', '', ...parts, total, '', '- [x] 1. Build the sync worker', '  - _Requirements: 1.1_', ''].join('\n'),
  };
}

/** A run report at the root, counting the same suites under headings. */
const REPORT = [
  '# Full Test Run Summary',
  '',
  '**Date**: 2026-05-04',
  '',
  '### Parser Tests',
  '- **Total Tests**: 120',
  '- **Passed**: 120',
  '',
  '### Storage Tests',
  '- **Total Tests**: 64',
  '',
  '### Overall Results',
  '- **Total Tests**: 184',
  '- **Passed**: 184',
  '',
].join('\n');

describe('two accounts of one test run with different totals', () => {
  it('reports a report whose parts agree with the task list but whose total does not', async () => {
    const files = { ...spec('- Overall: 199/199 tests passing'), 'RUN_SUMMARY.md': REPORT };
    const findings = only(await check(files), 'numbers-inconsistent');
    assert.deepEqual(findings.map((f) => `${f.file}:${f.range.start.line}`), ['RUN_SUMMARY.md:13']);
    assert.match(findings[0]?.message ?? '', /gives 184 tests in all, and tasks\.md 199 .*both count 120 parser and 64 storage tests/);
    assert.deepEqual(findings[0]?.related.map((r) => `${r.file}:${r.range.start.line}`), ['.kiro/specs/ledger-sync/tasks.md:7', '.kiro/specs/ledger-sync/tasks.md:5', '.kiro/specs/ledger-sync/tasks.md:6']);
    const ways = await checkedThreeWays(files, 'RUN_SUMMARY.md');
    for (const list of [ways.batches, ways.alone]) assert.deepEqual(only(list, 'numbers-inconsistent').filter((f) => f.file === 'RUN_SUMMARY.md').length, 1);
  });

  it('says nothing when the totals agree, when a shared part differs, or when only one part is shared', async () => {
    const agree = only(await check({ ...spec('- Overall: 184/184 tests passing'), 'RUN_SUMMARY.md': REPORT }), 'numbers-inconsistent');
    assert.deepEqual(agree, []);
    // Another run: the storage suite had grown, so the totals are of different runs.
    const otherRun = only(await check({ ...spec('- Overall: 199/199 tests passing', ['- Parser: all 120 tests passing', '- Storage: 79/79 tests passing']), 'RUN_SUMMARY.md': REPORT }), 'numbers-inconsistent');
    assert.deepEqual(otherRun, []);
    const onePart = only(await check({ ...spec('- Overall: 199/199 tests passing', ['- Parser: all 120 tests passing', '- Sync: 79/79 tests passing']), 'RUN_SUMMARY.md': REPORT }), 'numbers-inconsistent');
    assert.deepEqual(onePart, []);
  });

  it('takes no total from a document that follows a run over time', async () => {
    const timeline = `${REPORT}\n### After the Fix\n\n- Overall: 170/170 tests passing\n`;
    assert.deepEqual(only(await check({ ...spec('- Overall: 199/199 tests passing'), 'RUN_SUMMARY.md': timeline }), 'numbers-inconsistent'), []);
  });
});
