import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, only } from '../support/memory';

describe('a count against the ids it enumerates', () => {
  it('reports a count whose list of ids and ranges has another size', async () => {
    const text = [
      '# Milestone audit',
      '',
      'All 7 requirements (AUTH-01..03, SYNC-01..02, UI-01..03) are satisfied.',
      'Phase 2 covered 3 tasks (T004-T006).',
      'The 2 remaining tasks (T010, T011, T012) are deferred.',
      '',
    ].join('\n');
    const found = only(await check({ 'x/MILESTONE-AUDIT.md': text }), 'numbers-inconsistent');
    assert.deepEqual(found.map((f) => f.range.start.line), [3, 5]);
    assert.match(found[0]?.message ?? '', /counts 7 requirements, but the ids it lists number 8/);
  });

  it('does not read a phase number, priorities or prose in the parenthesis as a count of ids', async () => {
    const text = [
      '# Notes',
      '',
      '1. Complete Phase 9 tasks (T113-T114, T116)',
      '- 5 user stories (P1-P3)',
      '- 3 tasks (T001, T002 and the docs)',
      '- 769 tests (395 application + 353 infrastructure + 21 e2e)',
      '',
    ].join('\n');
    assert.deepEqual(only(await check({ 'x/NOTES.md': text }), 'numbers-inconsistent'), []);
  });
});

describe('a table total against its rows', () => {
  const table = (total: string): string =>
    ['# Requirements', '', '| Phase | Requirements | Count |', '|---|---|---|', '| 1 | A-01, A-02 | 2 |', '| 2 | B-01 … B-08 | 8 |', '| 3 | C-01 … C-08 | 8 |', `| **Total** | | ${total} |`, ''].join('\n');

  it('reports a Total row that is not the sum of the rows above it, a fraction by its denominator', async () => {
    const found = only(await check({ 'x/REQUIREMENTS.md': table('**17 / 17**') }), 'numbers-inconsistent');
    assert.deepEqual(found.map((f) => f.range.start.line), [8]);
    assert.match(found[0]?.message ?? '', /gives 17 \/ 17 under "Count", but the 3 rows above it add up to 18/);
  });

  it('says nothing of a total that adds up, of 16 of 18 done, or of a column of rates', async () => {
    assert.deepEqual(only(await check({ 'x/REQUIREMENTS.md': table('**18**') }), 'numbers-inconsistent'), []);
    assert.deepEqual(only(await check({ 'x/REQUIREMENTS.md': table('16 / 18') }), 'numbers-inconsistent'), []);
    const rates = '# R\n\n| Suite | Pass rate |\n|---|---|\n| a | 90 |\n| b | 80 |\n| Total | 85 |\n';
    assert.deepEqual(only(await check({ 'x/R.md': rates }), 'numbers-inconsistent'), []);
  });

  it('keeps the finding, as a hint, in a document marked historical', async () => {
    const found = only(await check({ 'x/REQUIREMENTS.md': `> Superseded by v2.\n\n${table('17')}` }), 'numbers-inconsistent');
    assert.deepEqual(found.map((f) => [f.range.start.line, f.severity]), [[10, 'hint']]);
    assert.match(found[0]?.message ?? '', /historical or superseded, so this is only a hint/);
  });
});

describe('a commit left to be filled in a record of commits', () => {
  it('reports the placeholder entry of a list whose other entries give hashes', async () => {
    const log = '# DONE\n\n### Key Commits\n- `a1b2c3d` — feat: index — 16 tests\n- TBD — feat: fuzzy search — 21 tests\n\n- TBD — write the docs\n';
    const found = only(await check({ 'DONE.md': log }), 'unresolved-marker');
    assert.deepEqual(found.map((f) => f.range.start.line), [5]);
  });
});

describe('a trace to an undefined requirement in a folder marked historical', () => {
  it('is kept as a hint that says why', async () => {
    const files = {
      '.kiro/README.md': '# Historical planning records — not current documentation\n',
      '.kiro/specs/r/requirements.md': '# Requirements\n\n### Requirement 1\n\n#### Acceptance Criteria\n\n1. WHEN a THEN the system SHALL b\n',
      '.kiro/specs/r/tasks.md': '- [x] 1. Do a\n  - _Requirements: 1.1, 2.1_\n',
    };
    const found = only(await check(files), 'requirement-unknown');
    assert.deepEqual(found.map((f) => [f.file, f.range.start.line, f.severity]), [['.kiro/specs/r/tasks.md', 2, 'hint']]);
    assert.match(found[0]?.message ?? '', /marks this folder historical, so this is only a hint/);
  });
});
