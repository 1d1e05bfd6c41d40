import type { Range } from '../text/position';

export interface Requirement {
  /** `FR1`, `NFR3`, `AC2`, `FR1.2`, or `KPI:<label>` for a KPI. */
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  /** For a KPI, its target (`>99% success rate …`). */
  readonly target: string | null;
  readonly line: number;
  readonly range: Range;
  /** Last line of the requirement's text (its section or bullet). */
  readonly endLine: number;
  /** `FR1` for `FR1.2`. */
  readonly parent: string | null;
  /** Its body: criteria bullets and prose, for hovers and generated files. */
  readonly body: readonly string[];
}

/** A "Phase N: title" line of a PRD's implementation plan. */
export interface PlannedPhase {
  readonly phase: string;
  readonly title: string;
  readonly line: number;
  readonly range: Range;
}

export interface PrdModel {
  readonly requirements: readonly Requirement[];
  readonly kpis: readonly Requirement[];
  readonly plan: readonly PlannedPhase[];
  /** Documents this PRD cites as predecessors (e.g. a POSTMORTEM). */
}
