import type { InitiativeKey } from '../model/initiative';
import type { RequirementCoverage } from '../rules/coverage';

/** One of the files "Generate Phase N handoff" creates. */
export interface HandoffFilePlan {
  /** `notes`, `decisions`, `handoff`, `testing_summary`. */
  readonly kind: string;
  /** Workspace-relative path of the target file. */
  readonly path: string;
  /** Whether a file is already there; an existing file is never written. */
  readonly exists: boolean;
  /** The generated text. */
  readonly content: string;
}

export interface HandoffPlan {
  readonly initiative: InitiativeKey;
  readonly phase: string;
  readonly title: string;
  readonly files: readonly HandoffFilePlan[];
  /** Unchecked items of this phase, then of the earlier ones, with their place in the TODO and their phase. */
  readonly openItems: readonly { readonly text: string; readonly file: string; readonly line: number; readonly phase: string }[];
  /** Earlier phases that still have unchecked items, in number order: the phase heading's line in the TODO and the count. */
  readonly earlierPhases: readonly { readonly phase: string; readonly title: string; readonly line: number; readonly open: number }[];
  /** PRD requirements and KPIs still without evidence. */
  readonly unevidenced: readonly RequirementCoverage[];
}

export type HandoffResult = { readonly plan: HandoffPlan } | { readonly error: string };

export interface HandoffOptions {
  /** The clock, injected so generated files are deterministic under test. */
  readonly now: Date;
  /** Template texts by output kind, from the workspace's template folder; missing kinds use the built-in ones. */
  readonly templates?: Readonly<Record<string, string>>;
  /**
   * The TODO's text. The document models keep no prose, so the phase goal ("Context for Claude")
   * and the task bullets are copied from it. Without it, or when it is not the text the model was
   * built from (hash differs), those parts are left as slots to fill.
   */
  readonly todoText?: string;
}
