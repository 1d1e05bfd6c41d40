import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, checkedThreeWays, only } from '../support/memory';

const REQUIREMENTS = '# Requirements\n\n### Requirement 1\n\n#### Acceptance Criteria\n\n1. WHEN the network drops THEN the system SHALL queue uploads\n';

/** A Kiro task list: the upload queue built, its retry open. */
const TASKS = [
  '# Implementation Plan',
  '',
  '- [x] 1. Implement the persistent upload queue',
  '  - _Requirements: 1.1_',
  '- [ ] 2. Implement exponential retry scheduling',
  '  - _Requirements: 1.1_',
  '- [ ] 3. Write property test for retry scheduling',
  '  - _Requirements: 1.1_',
  '- [ ] 4. Add bandwidth throttling controls',
  '  - _Requirements: 1.1_',
  '',
].join('\n');

function changelog(...added: string[]): string {
  return ['# Changelog', '', '## [Unreleased]', '', '- Bandwidth throttling controls', '', '## [1.0.0] - 2026-04-02', '', '### Added', '', ...added, '', '### Fixed', '', '- Exponential retry scheduling no longer stalls', ''].join('\n');
}

function files(text: string): Record<string, string> {
  return { '.kiro/specs/uploads/requirements.md': REQUIREMENTS, '.kiro/specs/uploads/tasks.md': TASKS, 'CHANGELOG.md': text };
}

describe('a changelog shipping a feature whose spec task is open', () => {
  it('reports a released item that names one open task, with the task related', async () => {
    const all = files(changelog('- Persistent upload queue', '- Exponential retry scheduling for uploads'));
    const findings = only(await check(all), 'status-conflict');
    assert.deepEqual(findings.map((f) => `${f.file}:${f.range.start.line}`), ['CHANGELOG.md:12']);
    assert.match(findings[0]?.message ?? '', /^Release 1\.0\.0 lists "Exponential retry scheduling for uploads" as shipped, but task 2 of \.kiro\/specs\/uploads\/tasks\.md, which makes it \("Implement exponential retry scheduling"\), is open\.$/);
    assert.deepEqual(findings[0]?.related.map((r) => `${r.file}:${r.range.start.line}`), ['.kiro/specs/uploads/tasks.md:5']);
    const ways = await checkedThreeWays(all, 'CHANGELOG.md');
    assert.equal(only(ways.batches, 'status-conflict').length, 1);
    assert.equal(only(ways.alone, 'status-conflict').length, 1);
  });

  it('says nothing of unreleased items, fixes, a task checked, a test task, or words shared with two tasks', async () => {
    // The Unreleased and Fixed sections name open tasks (4 and 2); the item names the checked task 1.
    assert.deepEqual(only(await check(files(changelog('- Persistent upload queue'))), 'status-conflict'), []);
    const tied = TASKS.replace('- [ ] 4. Add bandwidth throttling controls', '- [ ] 4. Add retry scheduling controls');
    const twice = { ...files(changelog('- Retry scheduling')), '.kiro/specs/uploads/tasks.md': tied };
    assert.deepEqual(only(await check(twice), 'status-conflict'), []);
    const testOnly = TASKS.replace('- [ ] 2. Implement exponential retry scheduling', '- [x] 2. Implement backoff timer');
    const tests = { ...files(changelog('- Property test for retry scheduling')), '.kiro/specs/uploads/tasks.md': testOnly };
    assert.deepEqual(only(await check(tests), 'status-conflict'), []);
  });

  it('reads only a changelog by name', async () => {
    const notes = { ...files('# Notes\n'), 'docs/ideas.md': changelog('- Exponential retry scheduling for uploads') };
    assert.deepEqual(only(await check(notes), 'status-conflict'), []);
  });
});
