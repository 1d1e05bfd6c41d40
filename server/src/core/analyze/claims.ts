import { readStatus, type CompiledConventions } from '../config/compiled';
import type { Claim, ClaimForm, DocumentRole, Evidence, Heading } from '../model/document';
import type { StatusMarker } from '../model/status';
import { firstAtOrAfter } from '../text/byLine';
import type { LineIndex } from '../text/position';
import { legendLines } from './legend';
import type { Sections } from './sections';
import { statesTargetOnly } from './targetClaims';
import { clip } from '../text/clip';

/** A decision record (a phase's `_decisions` output, `DECISIONS.md`, an ADR): it records choices, and the phase's evidence lives in its other outputs. */
export function isDecisionRecord(path: string, role: DocumentRole): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (role.kind === 'phase-output' && role.outputKind === 'decisions') || /DECISION|\bADR\b|^adr-/i.test(name);
}

/** What kind of status document this is, as far as its claims go. */
export interface ClaimDocument {
  /** A draft, a plan not started, a session prompt: what it says is to become true. */
  readonly planned: boolean;
  /** A decision record: its ✅ marks choices, not work done (only status fields count). */
  readonly decisions: boolean;
  /** A guide, README or runbook: ✅ is a bullet glyph there. */
  readonly guide: boolean;
  /** A test report: its counts and output stand beside the claims they support. */
  readonly testReport: boolean;
}

export interface ClaimInput {
  readonly lines: LineIndex;
  readonly code: Uint8Array;
  readonly sections: Sections;
  /** Sorted by line. */
  readonly evidence: readonly Evidence[];
  readonly evidenceLabels: readonly number[];
  readonly c: CompiledConventions;
  readonly document: ClaimDocument;
  /** Whether a reference (by index) cites a Markdown document rather than code, output or data. */
  readonly citesDocument: (reference: number) => boolean;
}

const DONE_BULLET = /^\s*[-*+]\s+(?:\*\*)?\s*(?:✅|✔️?|☑️?)/u;
const TABLE_CELL_DONE = /^\s*\|.*\|\s*\**\s*✅/u;
const CHECKED_BOX = /^\s*[-*+]\s+\[[xX]\]\s/;
/** A list item, not a checkbox: `- `, `5. `. */
const LIST_ITEM = /^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(?!\[[ xX]\])/;
/**
 * Numbered work said done in words: `Tasks 1-2 + 7 complete`, `Phase 3 is complete`, `T001–T010
 * done`, `Steps 1 and 2 finished`. Not `not complete`, not `incomplete`: the words between the
 * number and the verdict may only be a copula.
 */
const NUMBERED_DONE =
  /\b(?:(?:tasks?|phases?|steps?|stages?|milestones?|sprints?)\s+\d+(?:\.\d+)*|T\d{3,4})(?:\s*(?:-|–|—|,|\+|&|\band\b|\bto\b|\bthrough\b)\s*(?:T?\d+(?:\.\d+)*))*\s+(?:(?:are|is|now|all|fully|were|was)\s+)*(?:complete|completed|done|finished)\b(?!\s*\?)/i;
/** Sections that state what a piece of work starts from: there `Phase 1 complete` is a precondition, not a report. */
const STARTING_POINT = /\b(?:prerequisites?|pre-?conditions?|assumptions?|dependencies|depends\s+on|context|background|before\s+(?:you\s+)?start(?:ing)?)\b/i;
/** Words before the verdict, in its clause, that make it a condition, a plan or a question: `once Tasks 1-2 are complete`. */
const NOT_YET = /\b(?:once|when|after|until|before|if|unless|whether|should|must|will|to\s+be|needs?|can|could|would|expected|target|planned)\b/i;
const PERCENT_CLAIM = /\b\d{1,3}(?:\.\d+)?%\s+(?:complete|success|production ready|achievement)/i;
/** In decision records `- ✅ **Pros**:` is a pro/con bullet, not a claim. */
const PRO_CON = /^\s*[-*+]\s+(?:✅|❌|⚠️)\s*\**\s*(?:Pros?|Cons?|Advantages?|Disadvantages?|Benefits?|Drawbacks?|Trade-?offs?)\b/iu;
/** A decision record's status that its decisions are made (`✅ DECISIONS COMPLETED`): the record is its own proof. */
const DECISIONS_DONE = /\bdecisions?\b/i;

/**
 * Sections that state what should become true, not what is: targets, criteria, goals, a definition
 * of done, what to test, pros and cons, success factors, recommendations. A heading that reports on
 * them (Validation, Results, Achieved, Met, Status) is a report again.
 */
const TARGET_SECTION =
  /\b(?:success\s+criteria|acceptance\s+criteria|exit\s+criteria|completion\s+criteria|validation\s+criteria|criteria|targets?|expected\s+(?:outcomes?|results?|outputs?|behaviou?r)|what\s+to\s+test|test\s+plan|definition\s+of\s+done|goals?|objectives?|requirements?|success\s+factors|key\s+success|pros|cons|benefits|advantages|trade-?offs|recommendations?|next\s+steps|lessons\s+learned|strategy|approach|options|alternatives|checklist\s+template|how\s+to|usage|instructions|procedure|steps)\b/i;
/** A field stating a phase's own status (`**Phase 6 Status**: ✅ COMPLETED`) reports it wherever it stands, under "Next Steps" too. */
const PHASE_STATUS_LABEL = /^\s*phase\s+\d+(?:[._]\d+)*\s+status\s*$/i;
const SUCCESS_METRICS = /\b(?:success\s+metrics|kpis?)\b/i;
const REPORT_WORDS = /\b(?:validation|validated|results?|achieved|achievement|met|status|verification|verified|outcome|delivered|completed?|summary|passed)\b/i;
/** Sections that speak for the whole document: its summary, status, conclusion or sign-off. */
const SUMMARY_SECTION = /\b(?:summary|overview|conclusion|status|sign-?off|final|verdict|tl;?dr|at a glance|result)\b/i;

/** The words of a list item that claim numbered work done, or null (see NUMBERED_DONE, NOT_YET). */
export function numberedDone(text: string): string | null {
  if (!LIST_ITEM.test(text)) return null;
  const m = NUMBERED_DONE.exec(text);
  if (!m) return null;
  const clause = text.slice(0, m.index).split(/[.;:!?(]|—|–(?=\s)/).pop() ?? '';
  return NOT_YET.test(clause) ? null : m[0];
}

/** The last line of the list item at `line`: its continuation lines and the items nested under it. */
function itemEnd(lines: LineIndex, code: Uint8Array, line: number): number {
  const indent = LIST_ITEM.exec(lines.line(line))?.[1]?.length ?? 0;
  let end = line;
  for (let next = line + 1; next <= lines.lineCount; next++) {
    const text = lines.line(next);
    if (text.trim() === '' || code[next]) break;
    const own = text.search(/\S/);
    if (own <= indent && (LIST_ITEM.test(text) || /^\s*#/.test(text))) break;
    end = next;
  }
  return end;
}

function trimmed(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return clip(t, 120);
}

/**
 * Finds the claims of completion in a status document and the evidence a reader would look at for
 * each (see windowOf): the whole section of the claim, subsections included. Claims in target
 * sections, in drafts and plans, in guides and (but for status fields) in decision records are not
 * claims. Headings and status fields are always reported on their own; bullets, table cells,
 * checked boxes and percentages are covered by an enclosing claim.
 */
export function findClaims(input: ClaimInput): Claim[] {
  const { lines, code, sections, c, document } = input;
  if (document.planned || document.guide) return [];
  const claims: Claim[] = [];
  const headingLines = new Set(sections.headings.map((h) => h.line));
  const firstSecondLevel = sections.headings.find((h) => h.level <= 2 && h.line > 1 && h !== sections.headings[0])?.line ?? lines.lineCount + 1;
  const whole = { start: 1, end: lines.lineCount };
  let coveredUntil = 0;
  const legend = legendLines(lines, code);

  // Evidence is sorted by line, so a window is one binary search and a short scan.
  const evidenceIn = (start: number, end: number): number[] => {
    const result: number[] = [];
    const documentWide = start === whole.start && end === whole.end;
    for (let i = firstAtOrAfter(input.evidence, start); i < input.evidence.length && (input.evidence[i]?.line ?? Infinity) <= end; i++) {
      // Across a whole document, the planning documents it cites (the TODO, the PRD) prove nothing done.
      if (documentWide && input.evidence[i]?.kind === 'reference' && input.citesDocument(input.evidence[i]?.reference ?? -1)) continue;
      result.push(i);
    }
    return result;
  };
  const labelIn = (start: number, end: number): number | null => input.evidenceLabels.find((l) => l >= start && l <= end) ?? null;

  /**
   * The window of a claim: its heading's section; for a status field at the top of the document or
   * in its summary, conclusion or sign-off, the whole document; in a test report, the whole
   * second-level section (a report's counts and output stand beside the claims they support).
   */
  const windowOf = (line: number, heading: Heading | undefined, form: ClaimForm): { start: number; end: number } => {
    const ancestors = sections.ancestors(line);
    if (form === 'field' && (line < firstSecondLevel || ancestors.some((h) => h.level === 2 && SUMMARY_SECTION.test(h.text)))) return whole;
    const h = heading ?? ancestors[0];
    return h ? { start: h.line, end: h.sectionEnd } : whole;
  };
  // A target section among the claim's headings, unless the heading reports on it; the title (a
  // level-1 heading) names the document, not a section of targets.
  const inTargets = (line: number): boolean => sections.ancestors(line).some((h) => h.level > 1 && TARGET_SECTION.test(h.text) && !REPORT_WORDS.test(h.text.replace(TARGET_SECTION, ' ')));
  // A bound ticked under "Success Metrics" (not "… Achieved") is the metric a plan sets, not a result.
  const inMetricTargets = (line: number): boolean => sections.ancestors(line).some((h) => h.level > 1 && SUCCESS_METRICS.test(h.text) && !REPORT_WORDS.test(h.text.replace(SUCCESS_METRICS, ' ')));

  const add = (form: ClaimForm, line: number, marker: StatusMarker, window: { start: number; end: number }, reportable: boolean): void => {
    const text = lines.line(line);
    const first = text.search(/\S/);
    claims.push({
      form,
      line,
      range: { start: { line, column: first + 1 }, end: { line, column: text.trimEnd().length + 1 } },
      text: trimmed(text),
      marker,
      window,
      evidence: evidenceIn(window.start, window.end),
      proseEvidenceLine: labelIn(window.start, window.end),
      reportable,
    });
    if (reportable) coveredUntil = Math.max(coveredUntil, window === whole ? line : window.end);
  };

  for (let line = 1; line <= lines.lineCount; line++) {
    if (code[line]) continue;
    if (headingLines.has(line)) {
      const heading = sections.headings[sections.at(line)];
      if (heading && heading.status?.status === 'done' && !document.decisions && !inTargets(line)) {
        add('heading', line, heading.status, windowOf(line, heading, 'heading'), true);
      }
      continue;
    }
    const text = lines.line(line);
    if (text.trim().length === 0) continue;
    const field = c.statusField.exec(text);
    if (field) {
      const marker = readStatus(field[2] ?? '', c, 'field');
      if (marker?.status === 'done') {
        if ((!inTargets(line) || PHASE_STATUS_LABEL.test(field[1] ?? '')) && !(document.decisions && DECISIONS_DONE.test(field[2] ?? ''))) add('field', line, marker, windowOf(line, undefined, 'field'), true);
        continue;
      }
    }
    if (document.decisions || legend.has(line)) continue;
    let form: ClaimForm | null = null;
    if (statesTargetOnly(text)) form = 'target';
    else if (DONE_BULLET.test(text) && !PRO_CON.test(text)) form = 'bullet';
    else if (TABLE_CELL_DONE.test(text)) form = 'table-cell';
    else if (CHECKED_BOX.test(text)) form = 'checked-box';
    else if (PERCENT_CLAIM.test(text)) form = 'percentage';
    const words = form === null ? numberedDone(text) : null;
    if (words !== null) {
      if (inTargets(line) || sections.ancestors(line).some((h) => STARTING_POINT.test(h.text))) continue;
      add('prose', line, { status: 'done', text: words, percent: null }, { start: line, end: itemEnd(lines, code, line) }, line > coveredUntil);
      continue;
    }
    // A checked box under criteria says the criterion is met: a claim even there.
    if (form === null || (form !== 'checked-box' && inTargets(line)) || (form === 'target' && inMetricTargets(line))) continue;
    const marker: StatusMarker = readStatus(text, c) ?? { status: 'done', text: form === 'checked-box' ? '[x]' : trimmed(text), percent: null };
    if (marker.status !== 'done') continue;
    add(form, line, marker, windowOf(line, undefined, form), line > coveredUntil);
  }
  return claims;
}
