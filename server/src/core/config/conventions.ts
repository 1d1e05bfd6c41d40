import { DEFAULT_SPEC_LAYOUTS, type SpecLayout } from './specLayouts';

/**
 * The document conventions Proofmark recognises. Each default was measured on a real corpus
 * (see ../shared/CONVENTIONS.md); every one can be replaced in `.proofmark.json`. Patterns are
 * JavaScript regular-expression sources, compiled once by `compileConventions`.
 */
export interface Conventions {
  /** Anchor documents: group 1 = type (PRD, TODO, …), group 2 = initiative id (may be empty). */
  readonly anchorFile: string;
  /** Phase outputs: group 1 = initiative id, group 2 = phase, group 3 = output kind. */
  readonly phaseOutputFile: string;
  /** Phase prompts: the first non-empty group is the phase. */
  readonly phasePromptFile: string;
  /** Other per-phase documents (PHASE6_COMPLETION_SUMMARY.md): group 1 = phase, group 2 = kind. */
  readonly phaseDocFile: string;
  /** Other status documents whose claims are checked (reports, summaries). */
  readonly statusDocFile: string;
  /** The four output kinds a phase is expected to produce, in order. */
  readonly outputKinds: readonly string[];
  /** Requirement id kinds defined in a PRD. */
  readonly requirementKinds: readonly string[];
  readonly statusDone: string;
  readonly statusInProgress: string;
  readonly statusFailed: string;
  /** Not begun, or put off: `⬜`, `NOT STARTED`, `PLANNED`, `DEFERRED`, `DRAFT`. */
  readonly statusPlanned: string;
  /** Labels of status fields (`**Status**: ✅ …`). */
  readonly statusFieldLabel: string;
  /** Spec folders (spec-kit, Kiro, a team's own layout) and the part each of their documents plays. */
  readonly specLayouts: readonly SpecLayout[];
}

export const DEFAULT_CONVENTIONS: Conventions = {
  anchorFile: '^(PRD|RFC|TODO|CONTEXT|POSTMORTEM|DEBT|ROADMAP|REFACTOR|TEST_METHOD|TESTING_SPEC|prd|rfc|todo|phased-todo)([A-Za-z]*\\d{3})?(?:_[A-Z0-9_]+)?\\.md$',
  phaseOutputFile: '^@?(?:TODO)?([A-Za-z]*\\d{3})_phase(\\d+(?:[._]\\d+)?)_([a-z0-9_]+)\\.md$',
  phasePromptFile: '^(?:PHASE_?(\\d+(?:[._]\\d+)?)_(?:[A-Z0-9_.]*_)?PROMPT|PROMPT_phase(\\d+(?:\\.\\d+)?)|phase_?(\\d+(?:\\.\\d+)?[a-z]?)_prompt|prompt_(\\d+))\\.md$',
  phaseDocFile: '^(?:PHASE_?(\\d+(?:[._]\\d+)?|[A-D])_([A-Z0-9_]+)|phase_?(\\d+(?:\\.\\d+)?)[_-]([a-z0-9_-]+))\\.md$',
  statusDocFile: '(?:SUMMARY|REPORT|STATUS|VALIDATION|HANDOFF|COMPLETION|COMPLETE|CHECKLIST|SESSION)[A-Z0-9_]*\\.md$',
  outputKinds: ['notes', 'decisions', 'handoff', 'testing_summary'],
  requirementKinds: ['FR', 'NFR', 'AC'],
  statusDone: '✅|✔️?|☑️?|\\bCOMPLETED?\\b|\\bDONE\\b|\\bACHIEVED\\b|\\bPASSED\\b',
  statusInProgress: '🔄|🚧|⏳|\\bIN[ _]PROGRESS\\b|\\bONGOING\\b|\\bPENDING\\b|\\bPARTIAL(?:LY)?\\b',
  statusFailed: '❌|✗|✖️?|\\bFAILED\\b|\\bBLOCKED\\b',
  statusPlanned: '⬜|🔲|⏸️?|\\bNOT STARTED\\b|\\bPLANNED\\b|\\bDEFERRED\\b|\\bPOSTPONED\\b|\\bON HOLD\\b|\\bPAUSED\\b|\\bDRAFT\\b|\\bBACKLOG\\b',
  statusFieldLabel: 'Status|Result|Outcome|Verdict|状态|结果',
  specLayouts: DEFAULT_SPEC_LAYOUTS,
};
