import type { Range } from '../text/position';
import type { FindingCode } from '../findings/codes';
import type { PrdModel } from './prd';
import type { StatusMarker } from './status';
import type { TodoModel } from './todo';
import type { SpecModel, SpecPart } from './spec';

/** What kind of planning document a file is, decided from its name by the conventions. */
export type DocumentRole =
  | { readonly kind: 'prd' | 'rfc' | 'context' | 'todo' | 'postmortem' | 'anchor'; readonly anchorType: string; readonly initiativeId: string }
  | { readonly kind: 'phase-output'; readonly initiativeId: string; readonly phase: string; readonly outputKind: string }
  | { readonly kind: 'phase-prompt'; readonly phase: string }
  | { readonly kind: 'phase-doc'; readonly phase: string; readonly docKind: string }
  | { readonly kind: 'status-doc' }
  | { readonly kind: 'spec'; readonly layout: string; readonly folder: string; readonly part: SpecPart }
  | { readonly kind: 'other' };

export interface Heading {
  readonly level: number;
  /** Plain text of the heading (markup removed, trimmed). */
  readonly text: string;
  readonly line: number;
  readonly range: Range;
  /** Last line of the heading's section (before the next heading of the same or higher level). */
  readonly sectionEnd: number;
  readonly status: StatusMarker | null;
}

export interface Checkbox {
  readonly line: number;
  /** Last line of the item, its sub-bullets and children included. */
  readonly endLine: number;
  /** The `[ ]` / `[x]` marker. */
  readonly range: Range;
  readonly checked: boolean;
  /** `- [-]`: started, not done. */
  readonly inProgress: boolean;
  /** Not required for its parent to be done: optional (`- [ ]*`, "(optional)", "nice to have") or deferred ("deferred to v2"). */
  readonly optional: boolean;
  /** 0 for a top-level item, 1 for its children, … */
  readonly depth: number;
  /** Index in `DocumentModel.checkboxes` of the parent item, or -1. */
  readonly parent: number;
  readonly text: string;
}

/** `bare`: a file name in prose (`see USAGE.md`): evidence when it resolves, never reported as broken outside a checklist item. */
export type ReferenceVia = 'code' | 'at' | 'link' | 'prose' | 'bare';
export type ReferenceShape = 'file' | 'directory';
/** Where a reference stands, which decides which rule reports it when it does not resolve. */
export type ReferenceContext = 'expected-output' | 'prerequisite' | 'output-item' | 'text';
/**
 * What a citation says about its file (see analyze/referenceIntent.ts): that it exists (a record:
 * a report, a checked task), that it is to be made (a plan: an open task, "Files to Create"), that
 * it was removed or moved (history), nothing about this repository (an example, a negation), or
 * that a checklist item uses or checks it (`Leverage:`, `Verify:`), not that it made it (support).
 */
export type ReferenceIntent = 'record' | 'plan' | 'history' | 'example' | 'support';

export interface Reference {
  /** As written, e.g. `@TODO003_phase2_notes.md:12`. */
  readonly raw: string;
  /** Normalised target: `@`, line suffix, anchor and trailing `/` stripped, URL-decoded. */
  readonly target: string;
  readonly line: number;
  readonly range: Range;
  readonly via: ReferenceVia;
  readonly shape: ReferenceShape;
  readonly context: ReferenceContext;
  readonly intent: ReferenceIntent;
  /** Index in `DocumentModel.checkboxes` of the checklist item whose text or sub-bullets hold it, or -1. */
  readonly box: number;
  /**
   * Folders named in the same paragraph or the enclosing heading (`src/a/` beside a bare `b.ts`), where
   * a reader would look for a name that is not found as written.
   */
  readonly near: readonly string[];
  /** Whether the plan citing it makes the file ("Create `a.ts`", a `| Create |` row, a task that writes it). */
  readonly creates?: boolean;
  /**
   * A record named only in passing, mid-sentence ("unblocks mobile `a.md`"), not presented as a file
   * of this repository (see analyze/referenceIntent.ts): not a sure claim that it exists.
   */
  readonly passing?: true;
  /** One of alternatives the text offers ("update `a.ts` (or create `b.ts`)", "`a.md` or `b.md`"): either one does. */
  readonly alternative?: true;
  /** Named in work the text makes conditional ("update `a.md` if any principle changed", "if needed, create `b`"). */
  readonly conditional?: true;
}

/**
 * What supports a claim: a citation, fenced output, test counts, a measured quantity in a results
 * row, a URL, a commit, inline output. `failure` is the opposite: a count with fewer passing than
 * run, a failure count, a ❌ row (it contradicts a claim of success nearby).
 */
export type EvidenceKind = 'reference' | 'code-block' | 'test-numbers' | 'measure' | 'url' | 'commit' | 'inline-output' | 'failure';

export interface Evidence {
  readonly kind: EvidenceKind;
  readonly line: number;
  /** For kind 'reference': index in `DocumentModel.references`. */
  readonly reference: number;
}

/**
 * `target`: a bullet or row that states only a target as met (`Startup: <50ms ✅`), no measured
 * value. `prose`: a list item saying in words that numbered work is done (`Tasks 1-2 + 7 complete`);
 * its evidence is looked for in the item itself.
 */
export type ClaimForm = 'field' | 'heading' | 'bullet' | 'table-cell' | 'checked-box' | 'percentage' | 'target' | 'prose';

export interface Claim {
  readonly form: ClaimForm;
  readonly line: number;
  readonly range: Range;
  /** The claim's line, trimmed (for messages). */
  readonly text: string;
  readonly marker: StatusMarker;
  /** Lines searched for evidence, inclusive. */
  readonly window: { readonly start: number; readonly end: number };
  /** Indexes in `DocumentModel.evidence` inside the window. */
  readonly evidence: readonly number[];
  /** Line of a prose `Evidence:` label in the window, when that is all there is. */
  readonly proseEvidenceLine: number | null;
  /** Whether the claim's finding is reported (grouped bullets and cells are covered by an enclosing claim). */
  readonly reportable: boolean;
}

export type MentionKind = 'requirement' | 'task';

export interface Mention {
  readonly kind: MentionKind;
  /** Normalised id: `FR1`, `NFR1.2`, `T8.1`. */
  readonly id: string;
  readonly line: number;
  readonly range: Range;
}

/** A statement of how many phases there are: `**Total Phases**: 9`, `6/8 phases`, `all 8 phases`. */
export interface PhaseCountStatement {
  readonly line: number;
  readonly range: Range;
  readonly stated: number;
  readonly text: string;
}

/** A count of tests a document gives under a label: `Application: All 395 tests passing`. */
export interface TestCount {
  /** The part counted, normalised (`application`), or for the total the label as written. */
  readonly label: string;
  readonly count: number;
  readonly line: number;
}

/** The tests a document counts part by part, and its total for all of them (analyze/testTally.ts). */
export interface TestTally {
  readonly total: TestCount;
  /** At least two. */
  readonly parts: readonly TestCount[];
}

/** An item a changelog's released version lists: `- Offline fallback with caching` under `## [0.1.0]`. */
export interface ReleaseItem {
  readonly line: number;
  readonly range: Range;
  readonly text: string;
  /** The version, as its heading writes it: `0.1.0`. */
  readonly release: string;
  /** The line of the release's heading. */
  readonly releaseLine: number;
  /** The date its heading gives (`## [0.1.0] - 2025-01-01`), as `YYYY-MM-DD`, or null. */
  readonly date: string | null;
  /** Listed as shipped: directly under the version or under `### Added` / `### Features`, not Changed or Fixed. */
  readonly shipped: boolean;
}

/** A status field of any status: `**Status**: 🔄 IN PROGRESS`, `**Result**: ✅ PASSED`. */
export interface StatusField {
  readonly line: number;
  readonly range: Range;
  readonly label: string;
  readonly marker: StatusMarker;
}

export interface Suppression {
  /** Codes suppressed; empty means every code. */
  readonly codes: readonly string[];
  readonly fromLine: number;
  /** Inclusive; Number.MAX_SAFE_INTEGER for "to the end of the file". */
  readonly toLine: number;
}

/** A line of a report's opening (title, header fields, first paragraph), as written. */
export interface LeadLine {
  readonly line: number;
  readonly text: string;
}

/** A finding that one document proves on its own, before configuration gives it a severity. */
export interface LocalFinding {
  readonly code: FindingCode;
  readonly range: Range;
  readonly message: string;
  readonly related: readonly { readonly line: number; readonly message: string }[];
  /** The phase whose done status over open boxes this states (other documents may say the phase is done too: findings/finding.ts phaseDoneOpenFact). */
  readonly donePhase?: string;
}

/**
 * Everything the cross-document rules need to know about one file. Plain data: it crosses
 * worker threads and is cached on disk, keyed by the hash of the text it was built from.
 */
export interface DocumentModel {
  readonly path: string;
  readonly hash: string;
  readonly role: DocumentRole;
  readonly lineCount: number;
  readonly headings: readonly Heading[];
  readonly checkboxes: readonly Checkbox[];
  readonly references: readonly Reference[];
  readonly evidence: readonly Evidence[];
  readonly claims: readonly Claim[];
  readonly mentions: readonly Mention[];
  readonly phaseCounts: readonly PhaseCountStatement[];
  readonly statusFields: readonly StatusField[];
  /** The `status:` of the document's YAML front matter (`status: human_needed`), when it states one (analyze/frontStatus.ts). */
  readonly frontStatus: StatusField | null;
  /** Lines holding an empty evidence slot `[](<!-- … -->)` left to fill. */
  readonly evidenceSlots: readonly number[];
  /** Lines that are table rows (a citation there has only its own row as evidence window). */
  readonly tableRows: readonly number[];
  readonly suppressions: readonly Suppression[];
  readonly localFindings: readonly LocalFinding[];
  /**
   * The document says at its top that it is historical, superseded, archived or deprecated (a
   * `> [!NOTE] **Superseded.**` block, such a title); a README saying so marks its whole folder.
   */
  readonly historical: boolean;
  /** For a report by its name (parse/role.ts, reportByName): its opening lines, which say what it reports on; else empty. */
  readonly lead: readonly LeadLine[];
  /** The tests it counts, part by part, with their total; null unless it gives both. */
  readonly testTally: TestTally | null;
  /** For a changelog by name (analyze/releaseNotes.ts): what its released versions list as shipped; else empty. */
  readonly releaseItems: readonly ReleaseItem[];
  /** Lower-cased text, for citations of requirement titles and KPI labels. */
  readonly searchText: string;
  readonly prd: PrdModel | null;
  readonly todo: TodoModel | null;
  /** For a spec document (role `spec`): its requirements, tasks and traces. */
  readonly spec: SpecModel | null;
}
