import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, only } from '../support/memory';

const PLAN = [
  '# pfind Implementation Plan',
  '',
  '### Task 1: Index builder',
  '',
  '**Files:**',
  '- Create: `tests/test_pfind.py`',
  '- Create: `aishell/commands/pfind.py`',
  '- Modify: `aishell/commands/__init__.py`',
  '',
  '- [ ] **Step 1: Write the failing test**',
  '- [ ] **Step 2: Run it**',
  '- [ ] **Step 3: Implement the index**',
  '',
].join('\n');

const GUIDE = [
  '# Quickstart',
  '',
  '## Step 1',
  'Create `.github/ISSUE_TEMPLATE/bug_report.md`:',
  'Create `.github/ISSUE_TEMPLATE/config.yml`:',
  '',
  '## Checklist',
  'Before pushing, verify:',
  '- [ ] Every template ends in `.md`',
  '- [ ] Front matter is closed',
  '- [ ] Required fields are present',
  '',
].join('\n');

describe('a plan left open while the files it makes exist', () => {
  it('is one finding at its first box, naming the files, when every box is open', async () => {
    const findings = only(await check({ 'docs/plans/pfind.md': PLAN, 'tests/test_pfind.py': '', 'aishell/commands/pfind.py': '', 'aishell/commands/__init__.py': '' }), 'output-exists-unchecked');
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.range.start.line, 10);
    assert.match(findings[0]?.message ?? '', /^All 3 boxes of this plan are unchecked, but the 2 files it makes exist \(tests\/test_pfind\.py, aishell\/commands\/pfind\.py\)/);
    assert.deepEqual(findings[0]?.related.map((r) => `${r.file}:${r.range.start.line}`), ['docs/plans/pfind.md:1', 'tests/test_pfind.py:1', 'aishell/commands/pfind.py:1']);
  });
  it('says nothing when the files it makes do not exist yet (a plan not started), only the ones it changes', async () => {
    assert.deepEqual(only(await check({ 'docs/plans/pfind.md': PLAN, 'aishell/commands/__init__.py': '' }), 'output-exists-unchecked'), []);
  });
  it('says nothing once a box is checked (the plan is being kept)', async () => {
    const started = PLAN.replace('- [ ] **Step 1', '- [x] **Step 1');
    assert.deepEqual(only(await check({ 'docs/plans/pfind.md': started, 'tests/test_pfind.py': '', 'aishell/commands/pfind.py': '' }), 'output-exists-unchecked'), []);
  });
  it('does not read what a guide tells the reader to create as the work of a checklist elsewhere in it', async () => {
    const files = { 'docs/quickstart.md': GUIDE, '.github/ISSUE_TEMPLATE/bug_report.md': '', '.github/ISSUE_TEMPLATE/config.yml': '' };
    assert.deepEqual(only(await check(files), 'output-exists-unchecked'), []);
  });
  it('reads spec-kit tasks that write files as the files they make', async () => {
    const tasks = ['# Tasks: Progress', '', '## Phase 1', '- [ ] T001 Write unit tests in internal/progress/types_test.go', '- [ ] T002 Create internal/progress/display.go', '- [ ] T003 Add the spinner dependency to go.mod', ''].join('\n');
    const files = { 'specs/004-progress/tasks.md': tasks, 'specs/004-progress/spec.md': '# Spec\n', 'internal/progress/types_test.go': '', 'internal/progress/display.go': '', 'go.mod': '' };
    const findings = only(await check(files), 'output-exists-unchecked');
    assert.equal(findings.length, 1);
    assert.match(findings[0]?.message ?? '', /the 2 files it makes exist \(internal\/progress\/types_test\.go, internal\/progress\/display\.go\)/);
  });
});
