/**
 * Every custom message between the Proofmark client and server, typed once and imported by both.
 * Plain data only: no imports from `vscode` or `vscode-languageserver`, so either side can bundle it.
 * Lines are 0-based here, as in LSP.
 */

export type PhaseState = 'done' | 'in-progress' | 'failed' | 'not-started';
/**
 * What Proofmark found for a requirement or KPI, in one named scope (see `evidenceScope` where it is
 * sent): cited next to evidence; cited, with evidence elsewhere in the citing report but not beside
 * the citation; cited only by reports that give no evidence at all (a bare claim); never cited.
 */
export type EvidenceState = 'evidenced' | 'cited' | 'claimed' | 'never-cited';

/** The words every surface uses for an evidence state (hover, tree, panels, generated files). */
export const EVIDENCE_STATE_TEXT: Readonly<Record<EvidenceState, string>> = {
  evidenced: 'evidenced',
  cited: 'cited, no evidence beside it',
  claimed: 'claimed without evidence',
  'never-cited': 'never cited',
};

export interface InitiativeId {
  /** Workspace folder URI the initiative belongs to. */
  readonly root: string;
  /** Folder relative to that root, '' for the root itself. */
  readonly folder: string;
  /** `003`, `TVDb001`, or '' for an un-numbered TODO. */
  readonly id: string;
}

export interface Location0 {
  readonly uri: string;
  readonly line: number;
}

export interface ChecklistItemNode {
  readonly text: string;
  readonly checked: boolean;
  readonly location: Location0;
  readonly children: readonly ChecklistItemNode[];
}

export interface TaskGroupNode {
  /** `T8.1: Final Project Validation` or a checklist heading such as `Docker Environment Setup`. */
  readonly label: string;
  readonly kind: 'task' | 'checklist';
  readonly location: Location0;
  readonly done: number;
  readonly total: number;
  readonly items: readonly ChecklistItemNode[];
}

export interface OutputNode {
  readonly kind: string;
  readonly name: string;
  readonly exists: boolean;
  readonly uri: string | null;
}

export interface PhaseNode {
  readonly number: string;
  readonly title: string;
  readonly state: PhaseState;
  /** The status as written, e.g. `✅ COMPLETED`, or '' when none is stated. */
  readonly statusText: string;
  readonly location: Location0;
  readonly done: number;
  readonly total: number;
  readonly outputs: readonly OutputNode[];
  readonly groups: readonly TaskGroupNode[];
  /** Open findings in the phase's section of the TODO and in its outputs. */
  readonly findings: number;
}

export interface RequirementNode {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly target: string | null;
  readonly location: Location0;
  readonly state: EvidenceState;
  readonly citations: number;
}

/** A task of a spec's task list (spec-kit `T001`, Kiro `3.1`), with its sub-tasks. */
export interface SpecTaskNode {
  /** `T001`, `3.1`, or null for a box with no id. */
  readonly id: string | null;
  readonly text: string;
  readonly checked: boolean;
  readonly optional: boolean;
  readonly location: Location0;
  /** Ids it traces (`1.1`, `US-1`, `FR-1`), normalised. */
  readonly traces: readonly string[];
  readonly children: readonly SpecTaskNode[];
}

/** Done and total of required tasks, and of optional ones apart. */
export interface SpecProgress {
  readonly done: number;
  readonly total: number;
  readonly optionalDone: number;
  readonly optionalTotal: number;
}

export interface SpecPhaseNode extends SpecProgress {
  readonly number: string;
  readonly title: string;
  readonly location: Location0;
  readonly tasks: readonly SpecTaskNode[];
}

/** A requirement, criterion or story of a spec, with the tasks that trace it. */
export interface SpecItemNode {
  /** Normalised: `FR-1`, `US-1`, `3`, `3.1`. */
  readonly id: string;
  /** As a reader names it: `FR-001`, `User Story 1`, `Requirement 3`, `3.1`. */
  readonly label: string;
  readonly text: string;
  readonly kind: 'requirement' | 'criterion' | 'story' | 'success';
  readonly location: Location0;
  readonly tracedBy: number;
  readonly tracedDone: number;
}

/** A spec folder (spec-kit, Kiro): its phases and tasks, and its requirements with their coverage. */
export interface SpecNode extends SpecProgress {
  /** `spec-kit`, `kiro`, or a configured layout's name. */
  readonly layout: string;
  readonly requirements: string | null;
  readonly tasks: string | null;
  readonly phases: readonly SpecPhaseNode[];
  /** Tasks outside any phase section (a Kiro task list has none). */
  readonly looseTasks: readonly SpecTaskNode[];
  readonly items: readonly SpecItemNode[];
}

export interface InitiativeNode {
  readonly initiative: InitiativeId;
  readonly name: string;
  readonly todo: string | null;
  readonly prd: string | null;
  readonly phases: readonly PhaseNode[];
  readonly requirements: readonly RequirementNode[];
  /** Where the requirements' states were looked for, e.g. `in the 12 phase outputs and status documents of this initiative`. */
  readonly evidenceScope: string;
  readonly done: number;
  readonly total: number;
  readonly findings: number;
  /** The phase to act on next: the first not done, else the last. */
  readonly currentPhase: string | null;
  /** Set for a spec folder, which has no TODO phases or PRD requirements of its own. */
  readonly spec?: SpecNode;
}

export interface CompletionTree {
  readonly revision: number;
  readonly initiatives: readonly InitiativeNode[];
  /**
   * Present while a folder's first index is incomplete: the Markdown documents read so far and in
   * all (`total` is 0 while the folders are being listed). The initiatives are then those read so
   * far, so an empty list does not mean that there is none.
   */
  readonly indexing?: { readonly documents: number; readonly total: number };
}

/** Client → server: the completion tree of every initiative, for the side panel and status bar. */
export const CompletionTreeRequest = 'proofmark/completionTree';
export type CompletionTreeParams = Record<string, never>;

export interface TraceCell {
  readonly phase: string;
  readonly citations: readonly { readonly location: Location0; readonly evidence: readonly string[] }[];
}

export interface TraceRow {
  readonly requirement: RequirementNode;
  readonly cells: readonly TraceCell[];
}

export interface TraceabilityMatrix {
  readonly initiative: InitiativeId;
  readonly name: string;
  readonly phases: readonly string[];
  readonly rows: readonly TraceRow[];
  /** Where the states were looked for (the same scope as the completion tree's). */
  readonly evidenceScope: string;
}

/** Client → server: requirements × phases × evidence, for the traceability report. */
export const TraceabilityRequest = 'proofmark/traceability';
export interface TraceabilityParams {
  readonly initiative?: InitiativeId;
}
export interface TraceabilityResult {
  readonly matrices: readonly TraceabilityMatrix[];
}

export interface HandoffFile {
  readonly kind: string;
  readonly uri: string;
  /** Whether the disk has the file (not the editor: a deleted file still open in a tab does not exist). */
  readonly exists: boolean;
  /** Why the file may not be written, when its real path leaves the workspace (then nothing is created). */
  readonly refused?: string;
  /** The generated text (shown as a preview; written only when the file does not exist). */
  readonly content: string;
}

export interface HandoffPlanResult {
  readonly initiative: InitiativeId;
  readonly phase: string;
  readonly title: string;
  readonly files: readonly HandoffFile[];
  /** Unchecked items of this phase, then of earlier phases, each with its phase number. */
  readonly openItems: readonly { readonly text: string; readonly location: Location0; readonly phase: string }[];
  /** Earlier phases still holding unchecked items: their heading in the TODO and how many. */
  readonly earlierPhases: readonly { readonly phase: string; readonly title: string; readonly open: number; readonly location: Location0 }[];
  readonly unevidenced: readonly RequirementNode[];
  /** Where `unevidenced` was looked for: the outputs written before this phase. */
  readonly evidenceScope: string;
}

/** Client → server: what "Generate Phase N handoff" would create, for the handoff panel. */
export const HandoffPlanRequest = 'proofmark/handoffPlan';
export interface HandoffPlanParams {
  readonly initiative: InitiativeId;
  readonly phase: string;
}

/**
 * Server → client: a workspace folder started indexing, read more documents (at most five times a
 * second) or finished. `ready` is sent after the diagnostics of the finished index were published,
 * so a client (or a test) can wait for it.
 */
export const IndexStatusNotification = 'proofmark/indexStatus';
export interface IndexStatusParams {
  /** Workspace folder URI. */
  readonly root: string;
  readonly state: 'indexing' | 'ready';
  /** Markdown documents read so far (from the cache, analysed or skipped). */
  readonly documents: number;
  /** Markdown documents the index reads in all; 0 while the folder is being listed. */
  readonly total: number;
}

/**
 * Client → server: "Check Workspace". The diagnostics scope widens to the whole workspace for the
 * rest of the session (until `proofmark.diagnostics.scope` changes), the server waits for every
 * folder's index, publishes (or asks the client to pull) every file's diagnostics, and answers
 * with the counts of the complete check, the same findings as the CLI's.
 */
export const CheckWorkspaceRequest = 'proofmark/checkWorkspace';
export type CheckWorkspaceParams = Record<string, never>;
export interface CheckWorkspaceResult {
  readonly findings: number;
  readonly files: number;
  readonly initiatives: number;
}

/** Server → client: the completion tree or traceability changed; ask again. */
export const TreeChangedNotification = 'proofmark/treeChanged';
export interface TreeChangedParams {
  readonly revision: number;
}

/**
 * Commands the server executes (workspace/executeCommand). The language client registers them in
 * VS Code under these ids, so the client must not register the same ids itself.
 */
export const ServerCommands = {
  /** Arguments: `{ initiative: InitiativeId, phase: string }`. Returns the WorkspaceEdit it applied (create-only). */
  generateHandoff: 'proofmark.generateHandoff',
  /** Arguments: `{ uri: string, line: number }`. Toggles the checkbox on that 0-based line. */
  toggleCheckbox: 'proofmark.toggleCheckbox',
  /**
   * Arguments: `{ uri: string, file: string }`: the TODO and the URI of one of its missing outputs
   * (the "Create …" quick fix). The disk is asked again when it runs, so a file that appeared since
   * the fix was offered is never written; returns the WorkspaceEdit it applied (create-only).
   */
  createOutput: 'proofmark.createOutput',
} as const;

/**
 * What gets diagnostics in the editor (`proofmark.diagnostics.scope`): the open documents and every
 * document of their initiatives (the default), or every document of the workspace. The CLI and the
 * "Check Workspace" command always check everything.
 */
export const DIAGNOSTICS_SCOPES = ['openInitiatives', 'workspace'] as const;
export type DiagnosticsScope = (typeof DIAGNOSTICS_SCOPES)[number];

/** What the client passes in `initializationOptions`. */
export interface InitializationOptions {
  /** A folder the server may use for its cache of document models. */
  readonly storagePath?: string;
  /**
   * The editor's `proofmark` settings: those mirroring `.proofmark.json` (which wins per folder),
   * and `diagnostics: { scope: DiagnosticsScope }`, which only the editor has.
   */
  readonly settings?: unknown;
  /** Milliseconds the server waits after an edit before re-analysing (default 100). */
  readonly debounceMs?: number;
  /**
   * `false` when the editor does not trust the workspace (VS Code's Restricted Mode); absent or
   * `true` otherwise. Untrusted, the server ignores the conventions (patterns) and templates that
   * the repository's `.proofmark.json` and the settings name, and uses its built-in ones.
   */
  readonly trusted?: boolean;
}

/**
 * Client → server: the editor's trust in the workspace changed (VS Code grants trust without a
 * restart). The server re-indexes every folder with, or without, the configured conventions and templates.
 */
export const TrustChangedNotification = 'proofmark/trustChanged';
export interface TrustChangedParams {
  readonly trusted: boolean;
}

/**
 * Node flags the server is started with (the VS Code client passes them; so do the protocol tests
 * and bench:lsp, which start it as the editor does). V8's young generation is set at process start
 * only. Its default 16–32 MB semi-spaces put the cold index of the generated 10,000 files at a peak
 * RSS of 395 MB (383 MB at ready); 4 MB semi-spaces at 365–375 MB, but every young collection more
 * costs CPU the editor's start has none of: in code-server on the corpus, activation → first
 * diagnostics of TODO003.md had a median of 2.77 s over 10 runs with 4 MB against 2.09 s (5 runs,
 * default) and 2.47 s (5 runs, 8 MB), and the whole editor suite (its index) ran 1.5–6.3 s longer in 8
 * of the 10 pairs. 8 MB: 380–382 MB on the 10,000 files (two runs), under the 400 MB asked.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];

/**
 * The environment variable through which the VS Code client, forking the server at activation,
 * names the workspace folders and the Markdown documents open in the editor (the active one first),
 * as JSON `WarmHint`. The server parses those documents and their own scopes while the client is
 * still starting (lsp/warmStart.ts); what it parses then is only cached, never reported, so a hint
 * that is wrong or stale costs time and nothing else. Other clients need not set it.
 */
export const WARM_ENV = 'PROOFMARK_WARM';
export interface WarmHint {
  /** Absolute paths of the workspace folders on disk. */
  readonly folders: readonly string[];
  /** Absolute paths of open Markdown documents, the active one first. */
  readonly open: readonly string[];
}
