import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, checkedThreeWays, only } from '../support/memory';

/** A Kiro-style task list of four tasks, those listed checked. */
function tasks(checked: readonly number[], note = ''): string {
  const titles = ['Add the formula', 'Wire the release job', 'Write the upgrade test', 'Document the tap'];
  return ['# Implementation Plan', '', note, '', ...titles.map((t, i) => `- [${checked.includes(i + 1) ? 'x' : ' '}] ${i + 1}. ${t}\n  - _Requirements: 1.${i + 1}_`), ''].join('\n');
}

const REQUIREMENTS = '# Requirements\n\n### Requirement 1: Install\n\n#### Acceptance Criteria\n\n1. A\n2. B\n3. C\n4. D\n';

describe('one plan kept in two spec folders that disagree on what is done', () => {
  it('reports the copy with fewer tasks checked, at its first task checked in the other', async () => {
    const files = {
      '.spec-workflow/specs/tap-release/requirements.md': REQUIREMENTS,
      '.spec-workflow/specs/tap-release/tasks.md': tasks([1, 2, 3, 4]),
      'Documentation/specs/tap-release/requirements.md': REQUIREMENTS,
      'Documentation/specs/tap-release/tasks.md': tasks([]),
    };
    const findings = only(await check(files), 'status-conflict');
    assert.deepEqual(findings.map((f) => `${f.file}:${f.range.start.line}`), ['Documentation/specs/tap-release/tasks.md:5']);
    assert.match(findings[0]?.message ?? '', /copies of one plan \(4 tasks in common\), but 4 of those tasks are checked there and 0 here/);
    assert.deepEqual(findings[0]?.related.map((r) => `${r.file}:${r.range.start.line}`), ['.spec-workflow/specs/tap-release/tasks.md:5']);
    const three = await checkedThreeWays(files, 'Documentation/specs/tap-release/tasks.md');
    assert.deepEqual(three.batches, three.whole);
    assert.deepEqual(three.alone, three.wholeOfPath, 'the scoped check reads the other copy');
  });

  it('says nothing of copies in step, nearly in step, or of different plans under one name', async () => {
    const inStep = { '.spec-workflow/specs/tap/tasks.md': tasks([1, 2]), 'Documentation/specs/tap/tasks.md': tasks([1, 2]) };
    assert.deepEqual(only(await check(inStep), 'status-conflict'), []);
    const oneBehind = { '.spec-workflow/specs/tap/tasks.md': tasks([1, 2, 3]), 'Documentation/specs/tap/tasks.md': tasks([1, 2]) };
    assert.deepEqual(only(await check(oneBehind), 'status-conflict'), [], 'one task behind is work in progress, not a stale copy');
    const other = '# Implementation Plan\n\n- [ ] 7. Something else\n- [ ] 8. And more\n- [ ] 9. Again\n- [ ] 10. Last\n';
    assert.deepEqual(only(await check({ '.spec-workflow/specs/tap/tasks.md': tasks([1, 2, 3, 4]), 'Documentation/specs/tap/tasks.md': other }), 'status-conflict'), [], 'no task ids in common');
  });
});
