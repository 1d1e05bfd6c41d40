import type { Range } from '../text/position';
import type { StatusMarker } from './status';

export type StatusSource = 'summary' | 'heading' | 'expected-outputs' | 'completion-checklist' | 'field';

export interface StatusStatement {
  readonly source: StatusSource;
  readonly marker: StatusMarker | null;
  /** The title written with the status, if any (summary bullets and completion-checklist entries). */
  readonly title: string | null;
  readonly line: number;
  readonly range: Range;
  /** For a completion-checklist entry: whether boxes follow it, all checked (its status stated by them). */
  readonly boxesDone?: boolean;
}

export interface Task {
  readonly id: string;
  readonly title: string;
  readonly line: number;
  readonly range: Range;
  readonly sectionEnd: number;
}

export interface NamedFile {
  /** As written, `@` stripped. */
  readonly name: string;
  readonly line: number;
  readonly range: Range;
  /** For checkbox items: whether checked; null when written as a plain bullet. */
  readonly checked: boolean | null;
  /** Index in `DocumentModel.references`. */
  readonly reference: number;
}

/** The boxes a done phase requires (optional and deferred ones, and those of sub-sections with a status of their own, apart). */
export interface ChecklistCount {
  readonly total: number;
  readonly checked: number;
  /** Open boxes not counted: optional, deferred, or under a sub-section that says so or has its own status. */
  readonly notRequired: number;
  /** Line of the first unchecked box, or null. */
  readonly firstOpenLine: number | null;
}

/** A checklist item whose text asks to produce a file: `- [ ] Save \`X.md\` …`. */
export interface OutputItem {
  readonly checkbox: number;
  readonly name: string;
  readonly line: number;
  readonly range: Range;
}

export interface Phase {
  /** Normalised: `8`, `2.5` (from `3_5` too). */
  readonly number: string;
  readonly title: string;
  readonly line: number;
  readonly range: Range;
  readonly sectionEnd: number;
  /** Every place the TODO states this phase's status (summary, heading, Expected Outputs, completion checklist). */
  readonly statuses: readonly StatusStatement[];
  readonly tasks: readonly Task[];
  /** Line of the Progress Checklist heading, or null when the phase has none (then its whole section counts). */
  readonly progressChecklistLine: number | null;
  /** Indexes in `DocumentModel.checkboxes` of the boxes that count for the phase. */
  readonly checkboxes: readonly number[];
  readonly checklist: ChecklistCount;
  readonly expectedOutputsLine: number | null;
  readonly expectedOutputs: readonly NamedFile[];
  readonly prerequisites: readonly NamedFile[];
  readonly outputItems: readonly OutputItem[];
}

export interface TodoModel {
  readonly title: string;
  /** In document order (which may not be numeric order). */
  readonly phases: readonly Phase[];
  /** Line of the Project Completion Checklist heading, or null. */
  readonly completionChecklistLine: number | null;
  /** Statements of a phase's status that have no phase section (summary lists a phase the TODO lacks). */
  readonly orphanStatuses: readonly (StatusStatement & { readonly phase: string })[];
}
