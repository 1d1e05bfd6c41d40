import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, checkedThreeWays, only } from '../support/memory';

const spec = (title: string, created: string): string => [`# Feature Specification: ${title}`, '', `**Created**: ${created}`, '**Status**: Draft', '', '## Requirements', '', '- **FR-001**: System MUST work', ''].join('\n');

function changelog(date: string, ...items: string[]): string {
  return ['# Changelog', '', '## [Unreleased]', '', '- Command timeout retries', '', `## [0.1.0] - ${date}`, '', '### Added', '', ...items, '', '### Changed', '', '- Migrated from bash scripts to a Go binary', '', '[0.1.0]: https://example.com/v0.1.0', ''].join('\n');
}

function files(log: string): Record<string, string> {
  return {
    'specs/002-go-binary-migration/spec.md': spec('Go Binary Migration', '2025-10-22'),
    'specs/003-command-timeout/spec.md': spec('Command Timeout', '2025-10-22'),
    'CHANGELOG.md': log,
  };
}

describe('a changelog release dated before the specs of what it lists', () => {
  it('reports the release, once, at its heading, with the later specs related', async () => {
    const all = files(changelog('2025-01-01', '- Initial Go binary implementation', '- Command execution timeout support'));
    const found = only(await check(all), 'numbers-inconsistent');
    assert.deepEqual(found.map((f) => `${f.file}:${f.range.start.line}`), ['CHANGELOG.md:7']);
    assert.match(found[0]?.message ?? '', /^Release 0\.1\.0 is dated 2025-01-01, but it lists work specified after that: "Initial Go binary implementation" \(002-go-binary-migration, created 2025-10-22\), "Command execution timeout support" \(003-command-timeout, created 2025-10-22\)\./);
    assert.deepEqual(found[0]?.related.map((r) => `${r.file}:${r.range.start.line}`), ['specs/002-go-binary-migration/spec.md:3', 'specs/003-command-timeout/spec.md:3']);
    const ways = await checkedThreeWays(all, 'CHANGELOG.md');
    assert.equal(only(ways.batches, 'numbers-inconsistent').length, 1);
    assert.equal(only(ways.alone, 'numbers-inconsistent').length, 1);
  });

  it('says nothing of a release dated after its specs, of unreleased work, or of items that name only part of a spec', async () => {
    assert.deepEqual(only(await check(files(changelog('2025-11-01', '- Initial Go binary implementation'))), 'numbers-inconsistent'), []);
    // "Command timeout retries" is unreleased; "timeout" alone names no spec.
    const partial = { ...files(changelog('2025-01-01', '- Request timeout for uploads')), 'specs/002-go-binary-migration/spec.md': spec('Go Binary Migration', '2024-12-01') };
    assert.deepEqual(only(await check(partial), 'numbers-inconsistent'), []);
  });
});
