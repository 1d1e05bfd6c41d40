import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../server/src/core/config/config';
import { documentRole } from '../../server/src/core/parse/role';
import { compileConventions } from '../../server/src/core/config/compiled';
import { prefixedIds, readTraceValue } from '../../server/src/core/analyze/specIds';
import { check, checkedThreeWays, model, only } from '../support/memory';

const KIRO_REQUIREMENTS = `# Requirements Document

## Requirements

### Requirement 1: Detect

#### Acceptance Criteria

1. WHEN two versions differ THEN the system SHALL mark the note
2. WHEN marked THEN the system SHALL keep both

### Requirement 2 – Review

#### Acceptance Criteria

1. WHEN opened THEN the system SHALL show both
2. WHEN picked THEN the system SHALL discard the other
3. WHEN cancelled THEN the system SHALL keep it

### Requirement 3

#### Acceptance Criteria

1. WHEN a week ends THEN the system SHALL count
`;

const KIRO_TASKS = `# Implementation Plan

- [x] 1. Detect conflicts
  - _Requirements: 1.1, 1.2_

- [x] 2. Review screen
- [x] 2.1 Side by side
  - _Requirements: 2.1_
- [ ] 2.2 Discard after confirmation
  - _Requirements: 2.2, 2.4_
- [ ]* 2.3 Property test
  - **Validates: Requirements 2.1-2.2**
`;

const SPEC = `# Feature Specification: Export

**Status**: Draft

### User Story 1 - Export a day (Priority: P1)

### User Story 2 - Resume (Priority: P2)

- **FR-001**: MUST write rows
- **FR-002**: MUST name files
- **FR-003**: MUST resume [NEEDS CLARIFICATION: how long is a cursor kept?]
`;

const TASKS = `# Tasks

## Phase 1: Setup (2 tasks)

- [x] T001 Writer (FR-001)
- [x] T002 [US1] Naming

**Checkpoint**: ✅ setup done

## Phase 2: User Story 1 (1 tasks)

- [x] T003 [US1] Stream notes
- [ ] T004 [US3] Button

**Checkpoint**: ✅ User Story 1 works

- [ ] T004 Docs

**Total Tasks**: 5
`;

describe('spec layouts', () => {
  const c = compileConventions(parseConfig({}).config.conventions);
  it('recognises spec-kit and Kiro folders, and the three-file layout elsewhere, by path', () => {
    assert.deepEqual(documentRole('specs/002-export/spec.md', c), { kind: 'spec', layout: 'spec-kit', folder: 'specs/002-export', part: 'requirements' });
    assert.deepEqual(documentRole('.kiro/specs/review/tasks.md', c), { kind: 'spec', layout: 'kiro', folder: '.kiro/specs/review', part: 'tasks' });
    assert.deepEqual(documentRole('.spec-workflow/specs/x/design.md', c), { kind: 'spec', layout: 'kiro', folder: '.spec-workflow/specs/x', part: 'design' });
    assert.deepEqual(documentRole('.specify/memory/constitution.md', c), { kind: 'spec', layout: 'spec-kit', folder: '.specify/memory', part: 'constitution' });
    assert.equal(documentRole('specs/002-export/checklists/requirements.md', c).kind, 'other');
    assert.equal(documentRole('docs/tasks.md', c).kind, 'other');
  });

  it('takes a team layout from the configuration, and refuses a malformed one with a reason', () => {
    const parsed = parseConfig({ conventions: { specLayouts: [{ name: 'rfc', folder: 'rfcs/*', documents: { 'proposal.md': 'requirements', 'work.md': 'tasks' } }] } });
    assert.deepEqual(parsed.problems, []);
    const own = compileConventions(parsed.config.conventions);
    assert.deepEqual(documentRole('rfcs/12-sync/work.md', own), { kind: 'spec', layout: 'rfc', folder: 'rfcs/12-sync', part: 'tasks' });
    const bad = parseConfig({ conventions: { specLayouts: [{ name: 'x', folder: '../out', documents: {} }] } });
    assert.match(bad.problems[0]?.message ?? '', /workspace-relative "folder" glob/);
  });
});

describe('spec model', () => {
  it('reads Kiro requirements with their numbered criteria', () => {
    const spec = model('.kiro/specs/r/requirements.md', KIRO_REQUIREMENTS).spec;
    assert.deepEqual(spec?.items.map((i) => i.id), ['1', '1.1', '1.2', '2', '2.1', '2.2', '2.3', '3', '3.1']);
    assert.equal(spec?.items.find((i) => i.id === '2.2')?.text, 'WHEN picked THEN the system SHALL discard the other');
  });

  it('reads spec-kit stories, requirements and markers', () => {
    const spec = model('specs/002-x/spec.md', SPEC).spec;
    assert.deepEqual(spec?.items.map((i) => i.id), ['US-1', 'US-2', 'FR-1', 'FR-2', 'FR-3']);
    assert.deepEqual(spec?.markers.map((m) => m.kind), ['clarification']);
    assert.equal(spec?.status?.marker, 'planned');
  });

  it('reads Kiro tasks: ids, flat subtasks under their number, optional boxes and traces with ranges', () => {
    const spec = model('.kiro/specs/r/tasks.md', KIRO_TASKS).spec;
    assert.deepEqual(spec?.tasks.map((t) => [t.id, t.parent, t.optional]), [
      ['1', -1, false],
      ['2', -1, false],
      ['2.1', 1, false],
      ['2.2', 1, false],
      ['2.3', 1, true],
    ]);
    assert.deepEqual(spec?.tasks[4]?.traces.map((t) => t.ids), [['2.1', '2.2']]);
  });

  it('reads trace values as a person does', () => {
    assert.deepEqual(readTraceValue('1.1, 2.3_'), { ids: ['1.1', '2.3'], freeText: false });
    assert.deepEqual(readTraceValue('Requirement 3.1, 3.2 (Kiro CLI)'), { ids: ['3.1', '3.2'], freeText: false });
    assert.deepEqual(readTraceValue('R1 Acceptance 2'), { ids: ['1.2'], freeText: false });
    assert.deepEqual(readTraceValue('TR-1, NFR-2, Design Section 12'), { ids: ['TR-1', 'NFR-2'], freeText: false });
    assert.deepEqual(readTraceValue('All'), { ids: [], freeText: true });
  });

  it('reads a range of ids as every id in it, and two ids of different families as two', () => {
    const ids = (text: string) => prefixedIds(text).map((p) => p.id);
    assert.deepEqual(ids('Covers FR-001 through FR-004'), ['FR-1', 'FR-2', 'FR-3', 'FR-4']);
    assert.deepEqual(ids('validate SC-001…SC-003'), ['SC-1', 'SC-2', 'SC-3']);
    assert.deepEqual(ids('FR-002–FR-004 and FR-009'), ['FR-2', 'FR-3', 'FR-4', 'FR-9']);
    assert.deepEqual(ids('FR-001, FR-005'), ['FR-1', 'FR-5']);
    assert.deepEqual(ids('FR-001 to SC-003'), ['FR-1', 'SC-3']);
  });
});

describe('spec rules', () => {
  it('reports Kiro criteria no task traces, unknown traces and a checked parent with open flat subtasks', async () => {
    const findings = await check({ '.kiro/specs/r/requirements.md': KIRO_REQUIREMENTS, '.kiro/specs/r/tasks.md': KIRO_TASKS });
    const uncovered = only(findings, 'requirement-uncovered').map((f) => `${f.range.start.line} ${f.message}`);
    assert.deepEqual(uncovered, ['18 Criterion 2.3 of Requirement 2 is traced by no task in tasks.md, though its other criteria are.', '20 Requirement 3 (1 criterion) is traced by no task in tasks.md.']);
    assert.deepEqual(only(findings, 'requirement-unknown').map((f) => f.message), ['This task traces requirement 2.4, which the spec does not define: Requirement 2 of requirements.md has 3 criteria.']);
    const parent = only(findings, 'phase-done-checklist-open');
    assert.deepEqual(parent.map((f) => `${f.file}:${f.range.start.line}`), ['.kiro/specs/r/tasks.md:6']);
    assert.match(parent[0]?.message ?? '', /1 of its 2 required subtasks is open: task 2\.2/);
  });

  it('gives one quiet finding on the spec when its tasks trace nothing, and when it has no task list', async () => {
    const untraced = await check({ '.kiro/specs/r/requirements.md': KIRO_REQUIREMENTS, '.kiro/specs/r/tasks.md': '# Plan\n\n- [x] 1. Do it\n- [ ] 2. Then this\n' });
    assert.deepEqual(only(untraced, 'requirement-uncovered').map((f) => [f.range.start.line, f.severity]), [[5, 'hint']]);
    const none = await check({ '.kiro/specs/r/requirements.md': KIRO_REQUIREMENTS });
    assert.deepEqual(only(none, 'requirement-uncovered').map((f) => f.severity), ['hint']);
  });

  it('reports spec-kit stories and FR ids by family, duplicates, counts, checkpoints and a marker left in a spec with checked tasks', async () => {
    const findings = await check({ 'specs/002-x/spec.md': SPEC, 'specs/002-x/tasks.md': TASKS });
    const at = (code: string) => only(findings, code).map((f) => `${f.file}:${f.range.start.line}`);
    assert.deepEqual(at('requirement-uncovered'), ['specs/002-x/spec.md:7', 'specs/002-x/spec.md:10']);
    assert.deepEqual(at('requirement-unknown'), ['specs/002-x/tasks.md:13']);
    assert.deepEqual(at('task-id-duplicate'), ['specs/002-x/tasks.md:17']);
    assert.deepEqual(at('unresolved-marker'), ['specs/002-x/spec.md:11']);
    assert.deepEqual(at('phase-done-checklist-open'), ['specs/002-x/tasks.md:15']);
    const numbers = only(findings, 'numbers-inconsistent');
    assert.deepEqual(numbers.map((f) => f.range.start.line), [19]);
    assert.match(numbers[0]?.message ?? '', /The total here is 5, but the phase headings' task counts add up to 3. Phase 2 states 1 tasks; it lists 3./);
  });

  it('reads Chinese Kiro criteria and traces, and prose about the clarification marker is no marker', async () => {
    const findings = await check({
      '.kiro/specs/z/requirements.md': '# 需求文档\n\n### 需求 1: 登录\n\n#### 验收标准\n\n1. WHEN x THEN y\n2. WHEN a THEN b\n',
      '.kiro/specs/z/tasks.md': '- [x] 1. 登录\n  - _需求: 1.1, 1.2_\n',
      'specs/001-a/spec.md': '# S\n\n- **FR-001**: x\n\nNo [NEEDS CLARIFICATION] markers remain.\n',
      'specs/001-a/tasks.md': '- [x] T001 a (FR-001)\n',
    });
    assert.deepEqual(only(findings, 'requirement-uncovered'), []);
    assert.deepEqual(only(findings, 'unresolved-marker'), []);
  });

  it('honours a folder README that marks the specs historical', async () => {
    const findings = await check({ '.kiro/README.md': '# Historical planning records — not current documentation\n', '.kiro/specs/r/requirements.md': KIRO_REQUIREMENTS, '.kiro/specs/r/tasks.md': KIRO_TASKS });
    const uncovered = only(findings, 'requirement-uncovered');
    assert.ok(uncovered.length > 0, 'a criterion never traced was never traced');
    assert.deepEqual(uncovered.filter((f) => f.severity !== 'hint' || !/marks this folder historical, so this is only a hint/.test(f.message)), [], 'in a kept record it is only a hint');
  });

  it('reports a Draft spec whose tasks are all checked, and not one with work open', async () => {
    const done = TASKS.replace(/- \[ \]/g, '- [x]');
    const findings = await check({ 'specs/002-x/spec.md': SPEC, 'specs/002-x/tasks.md': done });
    assert.deepEqual(only(findings, 'status-conflict').map((f) => f.message), ['The spec says "Draft", but all 5 tasks of tasks.md are checked.']);
    assert.deepEqual(only(await check({ 'specs/002-x/spec.md': SPEC, 'specs/002-x/tasks.md': TASKS }), 'status-conflict'), []);
  });

  it('keeps a Draft header with every task checked to a hint where no spec header of the workspace ever moves on, alike in a whole, batched and one-file check', async () => {
    const done = TASKS.replace(/- \[ \]/g, '- [x]');
    const files: Record<string, string> = { 'specs/002-x/spec.md': SPEC, 'specs/002-x/tasks.md': done, 'specs/003-y/spec.md': SPEC, 'specs/004-z/spec.md': SPEC };
    const three = await checkedThreeWays(files, 'specs/002-x/spec.md');
    for (const [way, findings] of Object.entries(three)) {
      const conflicts = only(findings, 'status-conflict').filter((f) => f.file === 'specs/002-x/spec.md');
      assert.deepEqual(conflicts.map((f) => f.severity), ['hint'], way);
      assert.match(conflicts[0]?.message ?? '', /no spec header of this workspace states more than a planned status, so this is only a hint/, way);
    }
    // One header that moves on (Complete) makes the others statuses again.
    const kept = await check({ ...files, 'specs/004-z/spec.md': SPEC.replace('Draft', 'Complete') });
    assert.deepEqual(only(kept, 'status-conflict').filter((f) => f.file === 'specs/002-x/spec.md').map((f) => f.severity === 'hint'), [false]);
  });

  it('reports a report beside the spec that says done while no task is checked, once for all such reports', async () => {
    const open = TASKS.replace(/- \[x\]/g, '- [ ]');
    const findings = await check({
      'specs/002-x/spec.md': SPEC.replace('Draft', 'Complete'),
      'specs/002-x/tasks.md': open,
      'specs/002-x/IMPLEMENTATION_SUMMARY.md': '# Summary\n\n**Status**: ✅ COMPLETE\n',
      'specs/002-x/PHASE2_REPORT.md': '# Phase 2\n\n**Status**: ✅ COMPLETE\n',
      'specs/002-x/PHASE3_REPORT.md': '# Phase 3\n\n**Status**: ✅ READY TO EXECUTE\n',
    });
    const conflicts = only(findings, 'status-conflict').map((f) => `${f.file}:${f.range.start.line} ${f.related.length}`);
    assert.deepEqual(conflicts, ['specs/002-x/IMPLEMENTATION_SUMMARY.md:3 2', 'specs/002-x/spec.md:3 1']);
  });
});

describe('a report beside a spec saying the work is done while no task is checked', () => {
  const requirements = ['# 需求文档', '', '### 需求 1', '', '#### 验收标准', '', '1. WHEN 启动 THEN 系统 SHALL 检查配置', '2. WHEN 授权 THEN 系统 SHALL 验证', ''].join('\n');
  const tasks = ['# 实施计划', '', '- [ ] 1. 创建配置读取器', '  - _需求: 1.1_', '- [ ] 2. 创建权限缓存', '  - _需求: 1.2_', '- [ ] 3. 集成', '  - _需求: 1.1, 1.2_', ''].join('\n');
  const spec = (report: string): Record<string, string> => ({
    '.kiro/specs/perm/requirements.md': requirements,
    '.kiro/specs/perm/tasks.md': tasks,
    '.kiro/specs/perm/acceptance-report.md': report,
  });
  it('reads a status field written in Chinese (验收状态: ✅ 通过) in a lower-case report name', async () => {
    const findings = only(await check(spec('# 验收报告\n\n**验收状态**: ✅ **通过**\n')), 'status-conflict');
    assert.deepEqual(findings.map((f) => `${f.file}:${f.range.start.line}`), ['.kiro/specs/perm/acceptance-report.md:3']);
    assert.match(findings[0]?.message ?? '', /says the work is done \(✅ 通过\), but none of the 3 tasks of tasks\.md is checked/);
  });
  it('does not read 未通过 (not passed) as done', async () => {
    assert.deepEqual(only(await check(spec('# 验收报告\n\n**验收状态**: 未通过\n')), 'status-conflict'), []);
  });
});
