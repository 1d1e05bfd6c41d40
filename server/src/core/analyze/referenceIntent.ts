import type { Reference, ReferenceIntent } from '../model/document';
import type { Range } from '../text/position';
import type { Sections } from './sections';

/**
 * What a citation says about its file, read as a careful reader would from the words around it,
 * the checklist item it stands in, the section and the document: that the file exists (a record),
 * that it is to be made (a plan), that it was removed or moved (history), or nothing about this
 * repository (an example, a negation). Only records are checked against the disk as claims.
 */

/** Words right before a citation that make it history: "Removed `a.py`", "renamed from `a`", "moved `a` to". */
const HISTORY_BEFORE = /\b(?:deleted|removed|remove|delete|dropped|drop|retired|renamed(?:\s+from)?|rename|moved(?:\s+from)?|move|migrated\s+from|relocated\s+from|(?:relocation|migration|move|transition)\s+from|replaced|replace|deprecated|obsolete|superseded|archived|legacy|old|former(?:ly)?|previously)\s*[:(]?\s*(?:the\s+)?(?:file\s+|folder\s+|directory\s+)?$/i;
/** The same in Chinese, where words are not separated by spaces: "删除了 `a.ts`", "移除 `b`", "重命名为". */
const HISTORY_BEFORE_CJK = /(?:删除|移除|删掉|去掉|废弃|弃用|重命名|迁移|移动)了?\s*(?:文件|目录|旧的)?\s*$/u;
/** Words right after a citation that make it history: "`a.py` (removed)", "`a` was deleted", "`a` → `b`". */
const HISTORY_AFTER = /^\s*(?:\(?\s*(?:removed|deleted|deprecated|obsolete|moved|renamed|archived|gone|dropped|retired)\b|(?:was|were|has been|have been|is now|got)\s+(?:removed|deleted|moved|renamed|archived|dropped|replaced|superseded|retired)\b|(?:→|->|=>|⟶)\s*\S)/i;
/** Words right before a citation that make it a plan: "Create `a.ts`", "will add `b`", "New file: `c`". */
const PLAN_BEFORE = /\b(?:create|add|implement|write|generate|scaffold|introduce|new(?:\s+file)?|will\s+(?:create|add|write|be|live)|to\s+(?:create|add|write)|should\s+(?:create|add)|planned|proposed|future|todo)\s*[:(]?\s*(?:a\s+|an\s+|the\s+)?(?:new\s+)?(?:file\s+|folder\s+|module\s+|script\s+|test\s+)?$/i;
/** The end of the citation's line says it is still to be made, with no other citation between: "- `a.md` - the summary (to be created)". */
const PLAN_AT_LINE_END = /^[^`[\]]*[([]\s*(?:to be (?:created|written|added|generated)|not yet (?:created|written)|planned|todo|to do|coming soon)\s*[)\]]\s*\.?\s*$/i;
const PLAN_AFTER = /^\s*[([]\s*(?:new\b|to be created|planned|proposed|todo\b|future|not yet created|to do\b)|^\s*(?:will be|to be|is to be)\s+(?:created|added|written|generated)\b|^\s*\(?\s*NEW\b/;
/** "e.g. `a.ts`", "such as `b`", "for example `c`". */
const EXAMPLE_BEFORE = /\b(?:e\.g\.|eg\.|e\.g|for example|for instance|such as|example|examples|like|say|hypothetical(?:ly)?|sample)\s*[:,]?\s*(?:`[^`]*`\s*,\s*)*$/i;
/** "there is no `a.toml`", "without `b`", "`c` does not exist". */
const NEGATION_BEFORE = /\b(?:no|without|missing|lacks?|absent|nor|neither|instead of)\s+(?:a\s+|an\s+|the\s+|any\s+)?$/i;
const NEGATION_AFTER = /^\s*(?:file\s+|folder\s+)?(?:is|was|are|were)?\s*(?:missing|absent|not\s+(?:found|present|created|committed|tracked|included|checked in)|does(?:n't|\s+not)\s+exist|never\s+existed)\b/i;

/** Headings of sections that list what is to be made. */
const PLAN_SECTION = /\b(?:files?\s+to\s+(?:create|add|modify|update|change|write)|(?:documentation|docs|tests?|scripts?|deliverables?|code|components?)\s+to\s+(?:create|add|write|build)|to\s+be\s+created|new\s+files?|planned|proposed|future|roadmap|next\s+steps|backlog|upcoming|out\s+of\s+scope|create\/modify|implementation\s+plan|project\s+structure|proposed\s+structure|target\s+structure|file\s+structure|directory\s+structure|source\s+code|structure\s+decision)\b/i;
/** Headings of sections that list what was removed or moved. */
const HISTORY_SECTION = /\b(?:deleted|removed|deprecated|obsolete|retired|moved|renamed|superseded|archived|legacy|cleanup|clean-up|breaking\s+changes?)\b|(?:→|->|=>)\s*`?[~\w.-]*\/[\w./-]*`?\s*$/i;
const EXAMPLE_SECTION = /\b(?:examples?|sample|illustration|template|naming\s+conventions?|file\s+naming)\b/i;
/** A citation the document itself hedges: "`a.md` (if exists)", "`b.json` (optional)". */
const HEDGED_AFTER = /^[^|]*?\(\s*(?:if\s+(?:it\s+)?(?:exists?|present|available|any)|optional|when\s+available)\s*\)/i;

/** A history verb earlier in the clause with no "to"/"into" after it: "Delete `a`, `b` and `c`" (but "rename `a` to `b`": `b` is kept). */
const HISTORY_CLAUSE = /\b(?:delete|deleted|remove|removed|drop|dropped|retire|retired|rename|renamed|move|moved|archive|archived|deprecate|deprecated|purge|purged)\b(?![^]*\b(?:to|into|as|with)\b\s)(?![^]*(?:→|->|=>))/i;
/** A checklist item whose task is a removal: every file it names is history. */
const REMOVAL_TASK = /^\W*(?:T?\d+(?:\.\d+)*\.?\s+)?(?:\*\*[^*]*\*\*\s*)?(?:(?:remove|delete|clean\s*up|drop|deprecate|archive|retire|purge|prune|gc|garbage[- ]collect|consolidate and remove)\b|(?:移除|删除|清理|删掉|去掉|废弃))/i;
/** "`a.ts`（文件已删除）", "`b` 已删除": the file is gone, as the text says. */
const HISTORY_AFTER_CJK = /^\s*[（(]?\s*(?:文件)?(?:已|已经)?(?:删除|移除|废弃)/u;
/** A task that inspects a built artifact: the paths it names are inside the artifact, not files of the repository. */
const ARTIFACT_CHECK_TASK = /^\W*(?:T?\d+(?:\.\d+)*\.?\s+)?(?:\[[^\]]*\]\s*)*(?:\*\*[^*]*\*\*\s*)?(?:validate|verify|check|inspect|confirm)\b[^.`]*\b(?:artifacts?|bundles?|packages?|archives?|images?|build output|release|dist)\b/i;
/** Sub-bullets of a checklist item that name what it uses or checks, not what it makes: `Leverage:`, `Verify:`, `See`. */
const SUPPORT_BULLET = /^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*|_)?\s*(?:Leverage[sd]?|Verify|Verification|Validate|Test(?:ed)? (?:with|by)|Reference[sd]?|See|Context|Depends(?: on)?|Dependencies|Related|Requirements?|Purpose|Based on|Pattern|Example|Note|Follows?|Uses?|Reads?)\b/i;

/** Sections of a plan document that list what must already exist (documents to read, inputs). */
const RECORD_SECTION = /\b(?:references?|read(?:ing)?|prerequisites?|context|background|inputs?|sources?|existing)\b/i;

export interface IntentInput {
  readonly line: (n: number) => string;
  readonly sections: Sections;
  /** For each line, the index of the innermost checklist item holding it (its text or sub-bullets), or -1. */
  readonly boxAt: Int32Array;
  readonly boxChecked: (box: number) => boolean;
  readonly boxText: (box: number) => string;
  /** Whether the line is a checklist item's own first line (not one of its sub-bullets). */
  readonly isBoxLine: (line: number) => boolean;
  /**
   * What the document as a whole says of what it names: a plan (a draft, a session prompt, a plan
   * not started), history (a changelog), or a record.
   */
  readonly documentIntent: ReferenceIntent;
}

/** For each line, the innermost checklist item whose text or body holds it (boxes sorted by line). */
export function boxesByLine(boxes: readonly { readonly line: number; readonly endLine: number }[], lineCount: number): Int32Array {
  const at = new Int32Array(lineCount + 2).fill(-1);
  boxes.forEach((b, i) => {
    for (let l = b.line; l <= Math.min(b.endLine, lineCount); l++) at[l] = i;
  });
  return at;
}

/** Inside `~~…~~` on its line. */
function struckThrough(text: string, from: number, to: number): boolean {
  let open = -1;
  for (let i = text.indexOf('~~'); i >= 0; i = text.indexOf('~~', i + 2)) {
    if (open < 0) open = i;
    else {
      if (open < from && i + 2 > to - 1) return true;
      open = -1;
    }
  }
  return false;
}

/** Words right before a citation that say it is made here: "Create `a.ts`", "Create: a.ts", "New file `b`". */
const CREATE_BEFORE = /\b(?:create|creates|new\s+file|add\s+(?:a\s+)?new\s+file)\s*[:(]?\s*(?:a\s+|an\s+|the\s+)?(?:new\s+)?(?:file\s+|module\s+|script\s+|test\s+file\s+)?$/i;
/** A table row of a file plan whose first cell is the action: `| Create | `a.ts` | … |`. */
const CREATE_ROW = /^\s*\|\s*(?:\*\*)?(?:create|new|add)(?:\*\*)?\s*\|/i;
/** A task that makes files: "T003 Write unit tests … in `a_test.go`", "Create `b.ts`" (not "Add x to `go.mod`"). */
const CREATE_TASK = /^\W*(?:T?\d+(?:\.\d+)*\.?\s+)?(?:\[[^\]]*\]\s*)*(?:\*\*[^*]*\*\*\s*)?(?:create|write|scaffold|generate)\b/i;
/** A clause ending at the destination of a move by one of `verbs`: "… `a.py` → ", "rename `a` to ". */
function moveDestination(verbs: string): RegExp {
  return new RegExp(`\\b(?:${verbs})\\b[^]*(?:→|->|=>|⟶|\\bto|\\binto)\\s*[\`*_]*$`, 'i');
}
/** The destination of a move to make ("Move: `a.py` → `b.py`", "rename `a` to `b`"): planned, like "Create `b.py`". */
const MOVE_TO = moveDestination('move|rename|relocate|git\\s+mv|mv');
/** The destination of a move or rename: "Move: `a.py` → `b.py`", "rename `a` to `b`" (the plan makes `b`). */
const MOVED_TO = moveDestination('move|moved|moves|rename|renamed|renames|relocate|relocated|git\\s+mv|mv');
/** A citation that is the object of a change, not something made: "… to `go.mod`", "… from `a`", "update `b`". */
const CHANGED_BEFORE = /\b(?:to|into|from|of|update|updates|modify|modifies|edit|extend|existing)\s*[`*_]*$/i;

/**
 * Whether a citation names a file the plan makes (not one it changes or reads). A plan left with
 * every box open while the files it makes exist has not been kept up to date (rules/openPlan.ts).
 */
function createdHere(text: string, before: string, box: number, input: IntentInput): boolean {
  if (MOVED_TO.test(before)) return true;
  if (CHANGED_BEFORE.test(before)) return false;
  if (CREATE_BEFORE.test(before) || CREATE_ROW.test(text)) return true;
  return box >= 0 && CREATE_TASK.test(input.boxText(box));
}

/**
 * What may stand before a citation that is the subject of its line or table cell: list markers,
 * numbering, emphasis, status marks, other citations and the separators between them.
 */
const LEADING = /`[^`]*`|\[[^\]]*\]\([^)]*\)|^\s*(?:[-+]|\d+[.)])\s+|\[[ xX-]\]|[*_#>~]+|[\p{Extended_Pictographic}\u2190-\u21FF\u2600-\u27BF\uFE0F]|\b(?:and|or)\b|[,&/+—–()-]/gu;
/** A label or a word that says where the file is or what was done to it, right before it: "**File**:", "Created", "tests in". */
const SUBJECT_END = /(?:[:：=]|\b(?:created|added|modified|updated|changed|edited|implemented|wrote|written|rewritten|generated|fixed|extended|refactored|delivered|built|produced|saved|committed|configured|documented|see|in|at|under|inside|within|located|stored|lives?))$/i;

/**
 * Whether a citation is named in passing, in the middle of a sentence ("unblocks mobile `a.md`",
 * "Compose mounts `b.json` at the root", "each module's `mod.rs`"), rather than presented as a file
 * of this repository: the subject of a list item, a table cell or a label, or the object of what was
 * done ("Created `a`", "tests in `b`"). Such a mention says nothing sure about this repository.
 */
function namedInPassing(before: string): boolean {
  const rest = before.replace(LEADING, ' ').trim();
  if (rest === '' || /[:：=]$/.test(rest)) return false;
  // Someone's file: "governor's own test suite in `src/a.rs`", "each initiative's `fracas.md`".
  return !SUBJECT_END.test(rest) || /\b\w[\w.-]*['’]s\b/.test(rest);
}

/** A mark before a citation that says it is not done or not there: "❌ `a.test.ts` – not yet tested". */
const NOT_DONE_MARK = /[❌✗✘⬜☐🔲⏳🚧🔜]/u;

/** The citation's own clause: from the last sentence break (or table cell border) before it. */
function clauseBefore(text: string, from: number): string {
  return text.slice(0, from).replace(/[`*_]+$/, '').split(/[.;!?]\s|\|/).pop() ?? '';
}

/** "… or `b.ts`", "(or create `b.ts`", "and/or `c`", "alternatively, `d`": the citation is an alternative to one before it. */
const OR_BEFORE = /(?:\b(?:or|and\/or|alternatively)|\beither)\s*,?\s*(?:(?:create|add|write|use|update|extend|modify|edit|put\s+it\s+in|in|into|to|a|an|the|new|separate|file|module)\s+){0,3}[(`*_\s]*$/i;
/** "`a.ts` or …", "`a.ts` (or create …", "`a.md`, or …": the citation is the first of alternatives. */
const OR_AFTER = /^[`*_]*\s*,?\s*\(?\s*(?:or|and\/or)\b/i;

/** Words that make the work on a file conditional, read in the citation's sentence. */
const NEED_WORD = '(?:needed|necessary|required|applicable|relevant|appropriate|warranted|desired|separate|so|any)';
/** "`a.md` if any principles changed", "`b.ts` (if needed)", "`c` as needed", "`d` where applicable". */
const CONDITION_AFTER = new RegExp(`^[\`*_]*\\s*[,(]?\\s*(?:(?:if|when|where|as)\\s+(?:it\\s+is\\s+|they\\s+are\\s+)?${NEED_WORD}\\b|if\\s+(?:[\\w'’-]+\\s+){0,5}(?:changed|changes|change|differ|differs|differed|exists?|needs?\\s+(?:it|one|updating|changes?)))`, 'i');
/** "If needed, create `a.md`", "Optionally update `b`", "where applicable, `c`". */
const CONDITION_BEFORE = new RegExp(`(?:\\b(?:if|when|where|as)\\s+${NEED_WORD}\\b|\\boptionally\\b|\\bif\\s+(?:[\\w'’-]+\\s+){0,5}(?:changed|changes|differ|differs|exists?)\\s*,)[^.;]*$`, 'i');

/** Whether the citation is one of alternatives, and whether the work on it is conditional, from its sentence. */
function hedges(text: string, range: Range): { alternative?: true; conditional?: true } {
  const from = range.start.column - 1;
  const to = range.end.line === range.start.line ? range.end.column - 1 : text.length;
  const before = clauseBefore(text, from);
  const after = text.slice(to);
  return {
    ...(OR_BEFORE.test(before) || OR_AFTER.test(after) ? { alternative: true as const } : {}),
    ...(CONDITION_AFTER.test(after) || CONDITION_BEFORE.test(before) ? { conditional: true as const } : {}),
  };
}

/** What the words around a citation say of it (the fields of `Reference` read from them). */
export type ReferenceReading = { readonly intent: ReferenceIntent; readonly box: number; readonly creates: boolean } & Pick<Reference, 'passing' | 'alternative' | 'conditional'>;

/**
 * What a citation says of its file, the checklist item holding it, whether the plan makes it, and,
 * for a record outside checklists, whether it is only named in passing; for one inside a checklist
 * item, whether the text offers it as an alternative or makes its work conditional.
 */
export function referenceIntent(range: Range, input: IntentInput): ReferenceReading {
  const found = readIntent(range, input);
  const text = input.line(range.start.line);
  if (found.intent === 'record' && found.box < 0 && namedInPassing(clauseBefore(text, range.start.column - 1))) return { ...found, creates: false, passing: true };
  const hedged = found.box >= 0 ? hedges(text, range) : {};
  if (found.intent !== 'plan') return { ...found, creates: false, ...hedged };
  const before = text.slice(0, range.start.column - 1).replace(/[`*_]+$/, '');
  return { ...found, creates: createdHere(text, before, found.box, input), ...hedged };
}

function readIntent(range: Range, input: IntentInput): { intent: ReferenceIntent; box: number } {
  const line = range.start.line;
  const text = input.line(line);
  const from = range.start.column - 1;
  const to = range.end.line === line ? range.end.column - 1 : text.length;
  const before = clauseBefore(text, from);
  const after = text.slice(to).replace(/^[`*_]+/, '');
  const box = input.boxAt[line] ?? -1;

  if (struckThrough(text, from, to) || HISTORY_AFTER.test(after) || HISTORY_AFTER_CJK.test(after.replace(/^[^（(]*?(?=[（(])/, '')) || HISTORY_BEFORE.test(before) || HISTORY_BEFORE_CJK.test(before) || HISTORY_CLAUSE.test(before)) return { intent: 'history', box };
  if (box >= 0 && REMOVAL_TASK.test(input.boxText(box))) return { intent: 'history', box };
  if (box >= 0 && ARTIFACT_CHECK_TASK.test(input.boxText(box))) return { intent: 'support', box };
  if (box >= 0 && SUPPORT_BULLET.test(text) && !input.isBoxLine(line)) return { intent: 'support', box };
  if (NEGATION_BEFORE.test(before) || NEGATION_AFTER.test(after)) return { intent: 'example', box };
  if (EXAMPLE_BEFORE.test(before) || HEDGED_AFTER.test(after)) return { intent: 'example', box };
  if (PLAN_AFTER.test(after) || PLAN_AT_LINE_END.test(after)) return { intent: 'plan', box };
  if (box >= 0) return { intent: input.boxChecked(box) ? 'record' : 'plan', box };
  if (NOT_DONE_MARK.test(before)) return { intent: 'plan', box };
  if (PLAN_BEFORE.test(before) || MOVE_TO.test(before)) return { intent: 'plan', box };
  for (const h of input.sections.ancestors(line)) {
    if (HISTORY_SECTION.test(h.text)) return { intent: 'history', box };
    if (PLAN_SECTION.test(h.text)) return { intent: 'plan', box };
    if (EXAMPLE_SECTION.test(h.text)) return { intent: 'example', box };
  }
  if (input.documentIntent === 'plan' && input.sections.ancestors(line).some((h) => RECORD_SECTION.test(h.text))) return { intent: 'record', box };
  return { intent: input.documentIntent, box };
}
