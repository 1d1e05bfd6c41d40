import type { Range } from '../text/position';

/**
 * The documents of a spec folder (spec-kit `specs/NNN-name/`, Kiro `.kiro/specs/<name>/`): what each
 * one is for. `constitution` is spec-kit's `.specify/memory/constitution.md`, read for placeholders only.
 */
/** `status`: a machine-written lifecycle record (`spec.json`, `.spec-context.json`), read for its `"status"` only. */
export type SpecPart = 'requirements' | 'tasks' | 'design' | 'plan' | 'constitution' | 'status';

/**
 * A requirement-like item a task can trace: a functional requirement (`FR-001`, `R001`, `TR-1`), a
 * success criterion (`SC-001`), a user story (`US1`, `US-1`), a Kiro requirement (`3`) and its
 * acceptance criteria (`3.1`, `3.2`).
 */
export type SpecItemKind = 'requirement' | 'criterion' | 'story' | 'success';

export interface SpecItem {
  readonly kind: SpecItemKind;
  /** Normalised id: `FR-001`, `SC-001`, `US1`, `3`, `3.1`, `TR-1`. */
  readonly id: string;
  /** The family an id belongs to, for coverage: `FR`, `SC`, `US`, `KIRO`, `TR`, … */
  readonly family: string;
  /** The id as a reader names it: `FR-001`, `User Story 2`, `Requirement 3`, `3.1`. */
  readonly label: string;
  /** The item's text (title or criterion), trimmed, for hovers and messages. */
  readonly text: string;
  readonly line: number;
  readonly range: Range;
  /** For a Kiro criterion, its requirement's id (`3` for `3.1`); else null. */
  readonly parent: string | null;
}

/** A trace written on a task: `_Requirements: 1.1, 2.3_`, `**Validates**: TR-1`, `[US1]`, `(FR-013)`. */
export interface SpecTrace {
  /** Normalised ids traced, ranges expanded (`2.1-2.4` → 2.1 … 2.4). */
  readonly ids: readonly string[];
  /** Free text that names no id (`All`, `Git workflow compliance`). */
  readonly freeText: boolean;
  readonly line: number;
  readonly range: Range;
}

export interface SpecTask {
  /** `T001`, `3`, `3.1`, `8.1.2`; null for a box with no id. */
  readonly id: string | null;
  /** Index in `DocumentModel.checkboxes`. */
  readonly checkbox: number;
  readonly line: number;
  readonly range: Range;
  readonly text: string;
  readonly checked: boolean;
  readonly optional: boolean;
  /** Index in `SpecModel.tasks` of the parent task (by indentation, or by id: `4.2` under `4.`), or -1. */
  readonly parent: number;
  readonly traces: readonly SpecTrace[];
  /** Index in `SpecModel.phases`, or -1 outside any phase section. */
  readonly phase: number;
  /** A checkpoint task (`- [x] 5. Checkpoint - ensure all tests pass`). */
  readonly checkpoint: boolean;
}

export interface SpecPhase {
  /** As written: `1`, `0`, `3`. */
  readonly number: string;
  readonly title: string;
  readonly line: number;
  readonly sectionEnd: number;
  /** `(16 tasks)` in the heading: the count it states, or null. */
  readonly statedTasks: number | null;
  /** The status its heading states (`✅ COMPLETE`): the marker as written when done, null otherwise. */
  readonly statedDone: string | null;
}

/** A `**Checkpoint**: …` line that says its phase is done (`✅`, "complete"). */
export interface SpecCheckpoint {
  readonly line: number;
  readonly range: Range;
  readonly text: string;
  /** Index in `SpecModel.phases`, or -1. */
  readonly phase: number;
}

/** A statement of how many tasks or requirements there are: `Total Tasks: 126`, `17/17 requirements`. */
export interface SpecCountStatement {
  readonly line: number;
  readonly range: Range;
  readonly what: 'tasks' | 'subtasks' | 'requirements' | 'phases';
  readonly stated: number;
  readonly text: string;
}

/** Something left to decide or fill: `[NEEDS CLARIFICATION: …]`, a template placeholder `[FEATURE NAME]`. */
export interface SpecMarker {
  readonly line: number;
  readonly range: Range;
  readonly text: string;
  readonly kind: 'clarification' | 'placeholder';
}

export interface SpecModel {
  readonly part: SpecPart;
  /** Requirements, criteria and stories defined here (a requirements or spec document). */
  readonly items: readonly SpecItem[];
  /** Every prefixed id written anywhere in a requirements document (`SC-001` in a table) or a task list (`FR-001 → T001–T003`), defined or not. */
  readonly mentioned: readonly string[];
  readonly tasks: readonly SpecTask[];
  readonly phases: readonly SpecPhase[];
  readonly checkpoints: readonly SpecCheckpoint[];
  readonly counts: readonly SpecCountStatement[];
  readonly markers: readonly SpecMarker[];
  /** The document's own `**Status**:` field near its top (spec headers: Draft, Complete), or null. */
  readonly status: { readonly line: number; readonly range: Range; readonly text: string; readonly marker: 'done' | 'in-progress' | 'planned' | null } | null;
  /** The date its header says it was written (`**Created**: 2025-10-22`, `**Date**:`), as `YYYY-MM-DD`, or null. */
  readonly created: { readonly line: number; readonly date: string } | null;
}
