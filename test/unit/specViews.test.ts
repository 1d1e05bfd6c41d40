import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadProject } from '../../server/src/core/engine';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import type { Project } from '../../server/src/core/project/project';
import { phaseLenses } from '../../server/src/core/views/codeLens';
import { completionsAt } from '../../server/src/core/views/completion';
import { hoverAt } from '../../server/src/core/views/hover';
import { definitionAt, referencesAt } from '../../server/src/core/views/navigation';
import { prepareRenameAt, renameAt } from '../../server/src/core/views/rename';
import type { TextOf } from '../../server/src/core/views/specContext';

const KIRO_REQ = `# Requirements Document

### Requirement 1: Detect conflicts

#### Acceptance Criteria

1. WHEN two versions differ THEN the system SHALL mark the note as conflicted
2. WHEN a conflict is marked THEN the system SHALL keep both versions

### Requirement 2: Review conflicts

#### Acceptance Criteria

1. WHEN the user opens a conflicted note THEN the system SHALL show both versions
2. WHEN the user picks a version THEN the system SHALL discard the other
`;

const KIRO_TASKS = `# Implementation Plan

- [x] 1. Detect conflicting versions
  - _Requirements: 1.1, 1.2_

- [ ] 2. Build the review screen
- [x] 2.1 Show both versions side by side
  - _Requirements: 2.1_
- [ ] 2.2 Discard the other version
  - _Requirements: 2.1, 1.2_

- [ ] 3. Weekly report
  - _Requirements: 2.4_
`;

const KIRO_DESIGN = `# Design

Criterion 2.1 is met by the compare view (Requirement 2.1); task 2.1 builds it.
`;

const SPEC = `# Feature Specification: Export

### User Story 1 - Export a day (Priority: P1)

A surveyor exports a day.

### User Story 2 - Resume (Priority: P2)

Resume where it stopped.

## Requirements

- **FR-001**: The app MUST write one CSV row per note.
- **FR-002**: The app MUST name the file after the date.
- **FR-003**: The app MUST resume without duplicates.
`;

const TASKS = `# Tasks: Export

## Phase 1: Setup

- [x] T001 Add the CSV writer (FR-001)
- [x] T002 [P] Name files by date (FR-002)

## Phase 2: User Story 1 - Export a day (Priority: P1)

- [x] T003 [US1] Stream the notes into the writer, after T001
- [ ] T004 [US1] Progress indicator (FR-001)
`;

const PLAN = `# Plan

FR-001 comes first; T001 writes it, then [US1] builds on it.
`;

const FILES: Record<string, string> = {
  '.kiro/specs/review/requirements.md': KIRO_REQ,
  '.kiro/specs/review/tasks.md': KIRO_TASKS,
  '.kiro/specs/review/design.md': KIRO_DESIGN,
  'specs/002-export/spec.md': SPEC,
  'specs/002-export/tasks.md': TASKS,
  'specs/002-export/plan.md': PLAN,
};

const texts: TextOf = (path) => FILES[path] ?? null;

/** 1-based (line, column) of the nth occurrence of a needle in a file (column inside the needle). */
function at(file: string, needle: string, nth = 0, offset = 0): { line: number; column: number } {
  const lines = (FILES[file] ?? '').split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    let from = 0;
    for (let c = lines[i]?.indexOf(needle, from) ?? -1; c >= 0; c = lines[i]?.indexOf(needle, from) ?? -1) {
      if (seen++ === nth) return { line: i + 1, column: c + 1 + offset };
      from = c + 1;
    }
  }
  throw new Error(`${needle} #${nth} not in ${file}`);
}

const KR = '.kiro/specs/review/requirements.md';
const KT = '.kiro/specs/review/tasks.md';
const KD = '.kiro/specs/review/design.md';
const SS = 'specs/002-export/spec.md';
const ST = 'specs/002-export/tasks.md';
const SP = 'specs/002-export/plan.md';

describe('spec views', () => {
  let project: Project;
  before(async () => {
    project = await loadProject({ workspace: new MemoryWorkspace(FILES) });
  });
  const hover = (file: string, needle: string, nth = 0): string => {
    const p = at(file, needle, nth);
    return hoverAt(project, file, p.line, p.column, texts)?.contents ?? '';
  };
  const lines = (locations: readonly { file: string; range: { start: { line: number } } }[]): string[] => locations.map((l) => `${l.file}:${l.range.start.line}`);

  describe('hover', () => {
    it('on a Kiro trace shows the criterion, its requirement and the tasks tracing it', () => {
      const text = hover(KT, '2.1_');
      assert.match(text, /\*\*Criterion 2\.1\*\* of Requirement 2 \(Review conflicts\) — WHEN the user opens a conflicted note/);
      assert.match(text, /Traced by 2 tasks \(1 done\): 2\.1, 2\.2/);
      assert.match(text, /Defined in requirements\.md:14/);
    });
    it('on a spec-kit FR id and a story label in a task', () => {
      assert.match(hover(ST, 'FR-001'), /\*\*FR-001\*\* — The app MUST write one CSV row per note\.\n\nTraced by 2 tasks \(1 done\): T001, T004/);
      // T003 and T004 carry [US1], and their phase heading names User Story 1.
      assert.match(hover(ST, 'US1'), /\*\*User Story 1\*\* — Export a day\n\nTraced by 2 tasks \(1 done\): T003, T004/);
    });
    it('on a definition shows its coverage', () => {
      assert.match(hover(SS, 'FR-003'), /Traced by no task in tasks\.md/);
      assert.match(hover(KR, 'WHEN the user picks'), /Criterion 2\.2[\s\S]*Traced by no task/);
      assert.match(hover(KR, 'Requirement 1'), /\*\*Requirement 1\*\* — Detect conflicts[\s\S]*Traced by 2 tasks \(1 done\): 1, 2\.2/);
    });
    it('on a task id shows its text, state, phase and traces', () => {
      const text = hover(ST, 'T004');
      assert.match(text, /\*\*T004\*\* — \[US1\] Progress indicator \(FR-001\)/);
      assert.match(text, /State: open/);
      assert.match(text, /Phase 2: User Story 1/);
      assert.match(text, /- User Story 1 — Export a day\n- FR-001 — The app MUST write/);
      const kiro = hover(KT, '2.2 Discard');
      assert.match(kiro, /\*\*2\.2\*\* — Discard the other version[\s\S]*Part of 2\n[\s\S]*- 2\.1 — WHEN the user opens/);
    });
    it('says when a traced id is not defined, and leaves plain text alone', () => {
      assert.equal(hover(KT, '2.4'), '**2.4** is not defined in requirements.md.');
      const p = at(ST, 'Stream');
      assert.equal(hoverAt(project, ST, p.line, p.column, texts), null);
    });
  });

  describe('definition and references', () => {
    it('go from N.M, FR-001, US1 and T001 to their definitions', () => {
      const def = (file: string, needle: string, nth = 0): string[] => {
        const p = at(file, needle, nth);
        return lines(definitionAt(project, file, p.line, p.column, texts));
      };
      assert.deepEqual(def(KT, '1.2'), [`${KR}:8`]);
      assert.deepEqual(def(KD, 'Requirement 2.1', 0), []);
      assert.deepEqual(def(KD, '2.1', 1), [`${KR}:14`]);
      assert.deepEqual(def(ST, 'FR-001'), [`${SS}:13`]);
      assert.deepEqual(def(SP, 'US1'), [`${SS}:3`]);
      assert.deepEqual(def(SP, 'T001'), [`${ST}:5`]);
    });
    it('find the definition and every trace and mention in the spec folder', () => {
      const refs = (file: string, needle: string, include = true, nth = 0): string[] => {
        const p = at(file, needle, nth);
        return lines(referencesAt(project, file, p.line, p.column, include, texts));
      };
      assert.deepEqual(refs(KT, '2.1_'), [`${KR}:14`, `${KT}:8`, `${KT}:10`, `${KD}:3`]);
      assert.deepEqual(refs(KT, '2.1_', false), [`${KT}:8`, `${KT}:10`, `${KD}:3`]);
      assert.deepEqual(refs(SS, 'FR-001', true), [`${SS}:13`, `${ST}:5`, `${ST}:11`, `${SP}:3`]);
      assert.deepEqual(refs(ST, 'US1'), [`${SS}:3`, `${ST}:8`, `${ST}:10`, `${ST}:11`, `${SP}:3`]);
      assert.deepEqual(refs(SP, 'T001'), [`${ST}:5`, `${ST}:10`, `${SP}:3`]);
    });
  });

  describe('rename', () => {
    it('rewrites the id as typed in every document of the spec', () => {
      const p = at(ST, 'FR-001');
      assert.deepEqual(prepareRenameAt(project, ST, p.line, p.column, texts), { range: { start: { line: 5, column: 32 }, end: { line: 5, column: 38 } }, placeholder: 'FR-001' });
      const view = renameAt(project, ST, p.line, p.column, 'FR-010', texts);
      assert.ok('edits' in view);
      assert.deepEqual(view.edits.map((e) => `${e.file}:${e.range.start.line}:${e.range.start.column}=${e.newText}`), [`${SS}:13:5=FR-010`, `${ST}:5:32=FR-010`, `${ST}:11:38=FR-010`, `${SP}:3:1=FR-010`]);
    });
    it('renames a story in its heading number and its labels', () => {
      const p = at(ST, 'US1');
      const view = renameAt(project, ST, p.line, p.column, 'US4', texts);
      assert.ok('edits' in view);
      assert.deepEqual(view.edits.map((e) => `${e.file}:${e.range.start.line}=${e.newText}`), [`${SS}:3=4`, `${ST}:8=4`, `${ST}:10=US4`, `${ST}:11=US4`, `${SP}:3=US4`]);
    });
    it('renames a task id and refuses what would merge or break ids', () => {
      const p = at(SP, 'T001');
      const view = renameAt(project, SP, p.line, p.column, 'T010', texts);
      assert.ok('edits' in view);
      assert.equal(view.edits.length, 3);
      assert.match(JSON.stringify(renameAt(project, SP, p.line, p.column, 'T002', texts)), /already exists/);
      assert.match(JSON.stringify(renameAt(project, SP, p.line, p.column, 'FR-9', texts)), /not a task id/);
      const f = at(ST, 'FR-001');
      assert.match(JSON.stringify(renameAt(project, ST, f.line, f.column, 'SC-001', texts)), /not a FR id/);
      const k = at(KT, '1.2');
      assert.match(JSON.stringify(prepareRenameAt(project, KT, k.line, k.column, texts)), /renumber the list/);
    });
  });

  describe('completion', () => {
    it('offers criteria inside a Kiro trace, with their text', () => {
      const line = '  - _Requirements: 1.1, ';
      const items = completionsAt(project, KT, line, 4, line.length + 1);
      assert.deepEqual(items.map((i) => i.label), ['1', '1.1', '1.2', '2', '2.1', '2.2']);
      assert.match(items.find((i) => i.label === '2.2')?.detail ?? '', /picks a version/);
      assert.equal(items[0]?.range.start.column, line.length + 1);
    });
    it('offers stories inside [US and FR ids after Validates', () => {
      const story = '- [ ] T005 [US';
      assert.deepEqual(completionsAt(project, ST, story, 12, story.length + 1).map((i) => `${i.insertText}:${i.range.start.column}`), ['US1:13', 'US2:13']);
      const validates = '  **Validates**: FR-0';
      const items = completionsAt(project, ST, validates, 12, validates.length + 1);
      assert.deepEqual(items.map((i) => i.insertText), ['US1', 'US2', 'FR-001', 'FR-002', 'FR-003']);
      assert.equal(items[2]?.detail, 'The app MUST write one CSV row per note.');
    });
  });

  describe('code lens', () => {
    it('shows the coverage of each requirement, criterion and story', () => {
      assert.deepEqual(phaseLenses(project, SS).map((l) => `${l.range.start.line}:${l.title}`), ['3:traced by 2 tasks (1 done)', '7:traced by no task', '13:traced by 2 tasks (1 done)', '14:traced by 1 task (1 done)', '15:traced by no task']);
      assert.deepEqual(phaseLenses(project, KR).map((l) => l.title), ['traced by 2 tasks (1 done)', 'traced by 1 task (1 done)', 'traced by 2 tasks (1 done)', 'traced by 2 tasks (1 done)', 'traced by 2 tasks (1 done)', 'traced by no task']);
      assert.deepEqual(phaseLenses(project, ST), []);
    });
  });
});
