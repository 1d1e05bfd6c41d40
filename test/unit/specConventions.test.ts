import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSelection } from '../../server/src/core/engine';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { check, only } from '../support/memory';

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
    const both = only(await check(files), 'requirement-uncovered');
    const copy = both.filter((f) => f.file.startsWith('docs/'));
    // The two requirements.md are the same text: one finding, on the copy not kept as history, the other related.
    assert.deepEqual(both.map((f) => `${f.file} ${f.severity}`), ['docs/specs/publish/requirements.md hint']);
    assert.ok(copy[0]?.related.some((r) => r.file === '.kiro/specs/publish/requirements.md'));
    assert.match(copy[0]?.message ?? '', /it is a copy of \.kiro\/specs\/publish, and \.kiro\/specs\/README\.md marks that folder historical, so this is only a hint/);
    const live = only(await check({ ...files, '.kiro/specs/README.md': '# Specs\n' }), 'requirement-uncovered');
    assert.deepEqual(live.map((f) => `${f.file} ${f.severity}`), ['.kiro/specs/publish/requirements.md info']);
    const workspace = new MemoryWorkspace(files);
    const path = 'docs/specs/publish/requirements.md';
    const alone = await checkSelection({ workspace, selected: (p) => p === path });
    assert.deepEqual(only(alone.findings, 'requirement-uncovered').filter((f) => f.file === path), copy, 'a check of the copy alone reads the other copy and its folder README');
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

  it('counts an id the task list accounts for outside its tasks (a coverage line, a checkpoint)', async () => {
    const two = TASKS.replace('(SC-001: zero FAIL)', '(SC-001, SC-003)');
    const mapped = `${two}\nRequirement coverage: SC-002 → T003\n`;
    assert.deepEqual(only(await check({ 'specs/001-e/spec.md': SPEC, 'specs/001-e/tasks.md': mapped }), 'requirement-uncovered'), []);
    // A mention alone does not make its family one the list traces.
    const story = ['# Tasks', '', '- [x] T001 [US1] Reader', '- [x] T002 [US1] Table', '', 'R001 needs the reader first.', ''].join('\n');
    assert.deepEqual(only(await check({ 'specs/001-e/spec.md': SPEC, 'specs/001-e/tasks.md': story }), 'requirement-uncovered'), []);
  });
});
