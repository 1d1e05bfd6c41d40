import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSelection } from '../../server/src/core/engine';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { check, only } from '../support/memory';

const spec = (status: string): string => `# Feature Specification: Sync\n\n**Status**: ${status}\n\n### User Story 1 - Sync a note (Priority: P1)\n\n### User Story 2 - Resolve (Priority: P2)\n`;
const tasks = (box: string): string => `# Tasks\n\n- [${box}] T001 [US1] Queue\n- [${box}] T002 [US1] Upload\n- [${box}] T003 [US2] Merge\n`;

/** Three spec folders, two finished, all headers Draft unless said. */
function workspace(thirdStatus = 'Draft'): Record<string, string> {
  return {
    'specs/001-a/spec.md': spec('Draft'),
    'specs/001-a/tasks.md': tasks('x'),
    'specs/002-b/spec.md': spec('Draft'),
    'specs/002-b/tasks.md': tasks('x'),
    'specs/003-c/spec.md': spec(thirdStatus),
    'specs/003-c/tasks.md': tasks(' '),
  };
}

describe('a spec header left at the template status by the whole workspace', () => {
  it('is only a hint where none of three spec headers at least moves past a planned status', async () => {
    const conflicts = only(await check(workspace()), 'status-conflict');
    assert.deepEqual(conflicts.map((f) => `${f.file} ${f.severity}`), ['specs/001-a/spec.md hint', 'specs/002-b/spec.md hint']);
    assert.match(conflicts[0]?.message ?? '', /none of the 3 spec headers of this workspace moves past a planned status, so this is only a hint/);
  });

  it('is reported where another spec header says the work is done: that workspace keeps its headers', async () => {
    const conflicts = only(await check(workspace('Complete')), 'status-conflict');
    assert.deepEqual(
      conflicts.filter((f) => /all 3 tasks/.test(f.message)).map((f) => `${f.file} ${f.severity}`),
      ['specs/001-a/spec.md info', 'specs/002-b/spec.md info'],
    );
  });

  it('is reported where two spec headers are too few to show a convention', async () => {
    const files = workspace();
    delete files['specs/003-c/spec.md'];
    delete files['specs/003-c/tasks.md'];
    assert.deepEqual(only(await check(files), 'status-conflict').map((f) => `${f.file} ${f.severity}`), ['specs/001-a/spec.md info', 'specs/002-b/spec.md info']);
  });

  it('gives a check of one spec the finding a check of the workspace gives it (the other specs are read)', async () => {
    const result = await checkSelection({ workspace: new MemoryWorkspace(workspace()), selected: (p) => p === 'specs/001-a/spec.md' });
    assert.deepEqual(only(result.findings.filter((f) => f.file === 'specs/001-a/spec.md'), 'status-conflict').map((f) => f.severity), ['hint']);
    assert.ok(result.analysed.includes('specs/003-c/spec.md'));
  });
});

const KIRO_REQUIREMENTS = `# Requirements Document

### Requirement 1: Publish

#### Acceptance Criteria

1. WHEN a release is tagged THEN the system SHALL build the formula
2. WHEN the build passes THEN the system SHALL commit it
3. WHEN the commit fails THEN the system SHALL retry
`;
const KIRO_TASKS = '# Implementation Plan\n\n- [x] 1. Build the formula\n  - _Requirements: 1.1_\n- [x] 2. Commit it\n  - _Requirements: 1.2_\n';

describe('the coverage of a spec kept as a record', () => {
  it('is only a hint when its task list says it is superseded', async () => {
    const superseded = KIRO_TASKS.replace('# Implementation Plan\n', '# Implementation Plan\n\n> **Superseded.** The project ships another way; kept as a record.\n');
    const findings = only(await check({ 'docs/specs/publish/requirements.md': KIRO_REQUIREMENTS, 'docs/specs/publish/tasks.md': superseded }), 'requirement-uncovered');
    assert.deepEqual(findings.map((f) => f.severity), ['hint']);
    assert.match(findings[0]?.message ?? '', /\(tasks\.md says it is historical or superseded, so this is only a hint\)\.$/);
  });

  it('is only a hint in a copy of a spec whose folder is marked historical, and reported in a copy of a live one', async () => {
    const files = {
      '.kiro/specs/README.md': '# Historical planning records — not current documentation\n',
      '.kiro/specs/publish/requirements.md': KIRO_REQUIREMENTS,
      '.kiro/specs/publish/tasks.md': KIRO_TASKS,
      'docs/specs/publish/requirements.md': KIRO_REQUIREMENTS,
      'docs/specs/publish/tasks.md': KIRO_TASKS.replace(/\[x\]/g, '[ ]'),
    };
    const copy = only(await check(files), 'requirement-uncovered');
    assert.deepEqual(copy.map((f) => `${f.file} ${f.severity}`), ['docs/specs/publish/requirements.md hint']);
    assert.match(copy[0]?.message ?? '', /it is a copy of \.kiro\/specs\/publish, and \.kiro\/specs\/README\.md marks that folder historical, so this is only a hint/);
    const live = only(await check({ ...files, '.kiro/specs/README.md': '# Specs\n' }), 'requirement-uncovered');
    assert.deepEqual(live.map((f) => `${f.file} ${f.severity}`), ['.kiro/specs/publish/requirements.md info', 'docs/specs/publish/requirements.md info']);
  });

  it('is reported for a spec of the same name with other requirements: not a copy', async () => {
    const files = {
      '.kiro/specs/README.md': '# Historical planning records — not current documentation\n',
      '.kiro/specs/publish/requirements.md': KIRO_REQUIREMENTS.replace(/\n3\. WHEN the commit fails.*\n/, '\n'),
      '.kiro/specs/publish/tasks.md': KIRO_TASKS,
      'docs/specs/publish/requirements.md': KIRO_REQUIREMENTS,
      'docs/specs/publish/tasks.md': KIRO_TASKS,
    };
    assert.deepEqual(only(await check(files), 'requirement-uncovered').map((f) => `${f.file} ${f.severity}`), ['docs/specs/publish/requirements.md info']);
  });
});

describe('requirement ids a task list does not trace', () => {
  const SPEC = [
    '# Feature Specification: Eval',
    '',
    '### User Story 1 - Run (Priority: P1)',
    '',
    '- **R001** (MUST): The eval MUST read the spec',
    '- **R002** (MUST): The eval MUST print a table',
    '- **R003** (MAY): The eval MAY colour the table',
    '',
    '- **SC-001**: Zero FAIL rows on the sample specs',
    '- **SC-002**: Each check catches its regression',
    '- **SC-003**: Runs in seconds',
    '',
  ].join('\n');
  const TASKS = ['# Tasks', '', '- [x] T001 [US1] Reader | R001', '- [x] T002 [US1] Table | R002', '- [x] T003 Validate against the sample specs (SC-001: zero FAIL)', ''].join('\n');

  it('leaves out a requirement stated as MAY: it asks no task', async () => {
    const findings = only(await check({ 'specs/001-e/spec.md': SPEC, 'specs/001-e/tasks.md': TASKS }), 'requirement-uncovered');
    assert.deepEqual(findings.filter((f) => /R00/.test(f.message)), []);
  });

  it('does not read one id named once as a way of tracing its family', async () => {
    assert.deepEqual(only(await check({ 'specs/001-e/spec.md': SPEC, 'specs/001-e/tasks.md': TASKS }), 'requirement-uncovered'), []);
  });

  it('reports the rest of a family the tasks trace two ids of, or one id in two places', async () => {
    const two = TASKS.replace('(SC-001: zero FAIL)', '(SC-001, SC-003)');
    assert.deepEqual(only(await check({ 'specs/001-e/spec.md': SPEC, 'specs/001-e/tasks.md': two }), 'requirement-uncovered').map((f) => f.message), ['SC-002 is traced by no task in tasks.md, which traces others of the same kind.']);
    const twice = `${TASKS}- [x] T004 Re-run the sample specs (SC-001)\n`;
    assert.deepEqual(only(await check({ 'specs/001-e/spec.md': SPEC, 'specs/001-e/tasks.md': twice }), 'requirement-uncovered').map((f) => f.range.start.line), [10]);
  });
});
