import { blankLines, frontMatterEnd } from '../parse/frontMatter';
import { compileConventions } from '../config/compiled';
import type { ProofmarkConfig } from '../config/config';
import type { DocumentModel, DocumentRole, Evidence, LocalFinding, ReferenceContext, ReferenceIntent } from '../model/document';
import type { PrdModel } from '../model/prd';
import type { TodoModel } from '../model/todo';
import { decodeDocument } from '../parse/decode';
import { nestingProblem } from '../parse/markdown';
import type { ParseCache } from '../parse/parseCache';
import { basename, documentRole, reportByName } from '../parse/role';
import { contentHash } from '../text/hash';
import { LineIndex, type Range } from '../text/position';
import { frontMatterStatus } from './frontStatus';
import { findClaims, isDecisionRecord, type ClaimDocument } from './claims';
import type { Collected } from './collect';
import { collectChunks } from './collectChunks';
import { checkedParentOpen, headingDoneOpen, inconsistentNumbers, partialDone } from './localRules';
import { countAgainstEnumeration } from './countRules';
import { placeholderCommits } from './recordRules';
import { fractionalTableCounts, tableTotals } from './tableRules';
import { analysePrd } from './prd';
import { findReferences } from './references';
import { boxesByLine, referenceIntent, type ReferenceReading } from './referenceIntent';
import { Sections } from './sections';
import { readLead } from './lead';
import { readTestTally } from './testTally';
import { CHANGELOG_NAME, readReleaseItems } from './releaseNotes';
import { STATUS_RECORD_FILE, statusRecordModel } from './statusRecord';
import { readSuppressions } from './suppressions';
import { commandsOnly } from './commandBlocks';
import { EVIDENCE_SLOT, scanLine, type LineFacts } from './textScan';
import { analyseTodo } from './todo';
import { analyseSpec } from './spec';
import { specFindings } from './specRules';
import { todoFindings } from './todoRules';

/** The result of analysing one file: its model, or why it was not analysed. */
export type AnalysisOutcome =
  | { readonly path: string; readonly model: DocumentModel }
  | { readonly path: string; readonly skipped: string };

/**
 * Status documents: phase outputs, other per-phase documents and reports. Their claims are checked
 * for evidence and their citations of requirements count (their text is kept for KPI labels).
 */
export const STATUS_ROLES: ReadonlySet<string> = new Set(['phase-output', 'phase-doc', 'status-doc']);

/**
 * Lower-cased text with every character above U+00FF folded to a space (same length), so that V8
 * stores it one byte per character; KPI labels are folded the same way before searching.
 */
export function searchable(text: string): string {
  return text.toLowerCase().replace(/[^\u0000-\u00ff]/g, ' ');
}


/** The region comments the handoff generator writes around what it copied or computed. */
export const GENERATED_OPEN = '<!-- proofmark:generated -->';
export const GENERATED_CLOSE = '<!-- /proofmark:generated -->';

function generatedRegions(comments: readonly { startLine: number; endLine: number; value: string }[]): { start: number; end: number }[] {
  const regions: { start: number; end: number }[] = [];
  let open: number | null = null;
  for (const c of comments) {
    const v = c.value.trim();
    if (v === GENERATED_OPEN) open ??= c.startLine;
    else if (v === GENERATED_CLOSE && open !== null) {
      regions.push({ start: open, end: c.endLine });
      open = null;
    }
  }
  return regions;
}

/** The text with every character of the regions' lines but line ends turned to spaces (offsets keep their lines). */
function blankRegions(text: string, lines: LineIndex, regions: readonly { start: number; end: number }[]): string {
  if (regions.length === 0) return text;
  let out = '';
  let from = 0;
  for (const r of regions) {
    const start = lines.offsetAt({ line: r.start, column: 1 });
    const end = r.end < lines.lineCount ? lines.offsetAt({ line: r.end + 1, column: 1 }) : text.length;
    if (start < from) continue;
    out += text.slice(from, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
    from = end;
  }
  return out + text.slice(from);
}

/** A document whose own status says it is not begun (a draft, a plan not started): what it names is planned. */
const PLAN_STATUS = /^\s*(?:[-*+]\s+)?\*{0,2}(?:(?:Document|Spec|Plan|Overall|Current|Implementation)\s+)?Status\*{0,2}\s*:\s*\*{0,2}\s*(?:📝\s*|⬜\s*|📋\s*)?\*{0,2}(?:Draft|Proposed|Planned|Planning|Not Started|Ready for (?:implementation|planning|development|review|execution)|Ready to execute|Specified|Backlog|To ?Do|Idea|RFC)\b/i;

/** A title, note or status at the top of a document that withdraws it. */
const HISTORICAL =
  /^\s*(?:#{1,3}\s.*\b(?:historical|archived?|superseded|deprecated|obsolete)\b|>\s*(?:\[!\w+\]\s*)?\**\s*(?:superseded|deprecated|archived|historical|obsolete|no longer (?:maintained|current|valid|accurate))\b|.*\bnot (?:current|maintained)\b[^.]*\b(?:documentation|docs?)\b|(?:[-*+]\s+)?\*{0,2}status\*{0,2}\s*:\s*\**\s*(?:superseded|deprecated|archived|obsolete|historical)\b|.*\bthis (?:document|doc|file|page|guide|handover|report|plan) is (?:now )?(?:outdated|out of date|stale|obsolete|superseded|deprecated|historical|no longer (?:current|maintained|valid|accurate))\b)/i;

function isHistorical(lines: LineIndex, code: Uint8Array, frontMatter: number): boolean {
  for (let l = 1; l <= Math.min(lines.lineCount, 15 + frontMatter); l++) if ((!code[l] || l <= frontMatter) && HISTORICAL.test(lines.line(l))) return true;
  return false;
}

/** What kind of status document a file is, for its claims (see analyze/claims.ts). */
function claimDocument(path: string, role: DocumentRole, intent: ReferenceIntent): ClaimDocument {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const stem = name.replace(/\.\w+$/, '');
  const testReport = TEST_REPORT_NAME.test(stem);
  return {
    // A plan named so (`PHASE4_USER_STORY_2_PLAN.md`) recaps what is done as its starting point; a report on a design is still a report.
    planned: intent === 'plan' || (FORWARD_NAME.test(stem) && !testReport && !REPORT_NAME.test(stem)),
    decisions: isDecisionRecord(path, role),
    guide: /README|GUIDE|HOW_?TO|INSTRUCTIONS|RUNBOOK|PLAYBOOK|TUTORIAL|QUICKSTART/i.test(name),
    testReport,
  };
}

/** Names of test reports: tests, testing, a validation, a verification, results, QA, UAT. */
const TEST_REPORT_NAME = /(?:^|[^a-z])(?:tests?|testing|validation|verification|results?|qa|uat)(?:[^a-z]|$)/i;
/** Names of other documents that report: a summary, a status, a completion, a report, a handoff, notes. */
const REPORT_NAME = /(?:^|[^a-z])(?:summary|status|complete[ds]?|completion|report|handoff|notes|final)(?:[^a-z]|$)/i;

/** Changelogs and release notes tell what happened; session prompts and drafts what is to happen. */
const HISTORY_NAME = /^(?:CHANGELOG|CHANGES|HISTORY|RELEASE[-_]?NOTES|NEWS)\b/i;
const PROMPT_NAME = /PROMPT/i;

function documentIntent(path: string, role: DocumentRole, lines: LineIndex, code: Uint8Array, frontMatter: number): ReferenceIntent {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (HISTORY_NAME.test(name)) return 'history';
  if (role.kind === 'phase-prompt' || PROMPT_NAME.test(name)) return 'plan';
  // A status stated in front matter (`status: draft`) is the document's own.
  for (let l = 1; l <= Math.min(lines.lineCount, 30 + frontMatter); l++) if ((!code[l] || l <= frontMatter) && PLAN_STATUS.test(lines.line(l))) return 'plan';
  return 'record';
}

/** Documents that describe what is to be built: a plan, a design, research, a proposal, an RFC, a brief. */
const FORWARD_NAME = /(?:^|[^a-z])(?:plan|design|research|proposal|rfc|brief)(?:[^a-z]|$)/i;
/** Folders of agent prompts: `prompts/`, `cursor_prompts/`, `.github/prompts/`. */
const PROMPT_FOLDER = /(?:^|\/)(?:[\w.-]*[_-])?prompts?\//i;

/**
 * What the files a document names are by default. A plan, design or research document and an agent
 * prompt name the files to make: as plans (their reference and context sections still cite what
 * exists; see analyze/referenceIntent.ts). Only citations read this; the document's own status
 * and claims keep `documentIntent`.
 */
function citationIntent(path: string, intent: ReferenceIntent): ReferenceIntent {
  if (intent !== 'record') return intent;
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.\w+$/, '');
  return FORWARD_NAME.test(name) || PROMPT_FOLDER.test(path) ? 'plan' : intent;
}

/** Words of a heading that name a folder or project: `LablabBean.Contracts.Analytics`, `src/viewer`. */
function folderNames(heading: string): string[] {
  return heading.split(/[\s`*()[\],:–—]+/).filter((w) => /^[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)+$|^[\w.-]+\/[\w./-]*$/.test(w) && !/\.(?:md|js|ts|py|json|ya?ml)$/i.test(w)).map((w) => w.replace(/\/+$/, ''));
}

/** Analyses a file's bytes (undefined when it could not be read). Never throws. */
export function analyzeBytes(path: string, bytes: Uint8Array | undefined, config: ProofmarkConfig, cache?: ParseCache): AnalysisOutcome {
  if (bytes === undefined) return { path, skipped: 'File could not be read (missing, a directory, or no permission).' };
  const decoded = decodeDocument(bytes, config.maxFileSize);
  if ('skipped' in decoded) return { path, skipped: decoded.skipped };
  return analyzeText(path, decoded.text, config, cache);
}

/** What of a document's text is parsed as Markdown: its front matter, if any, as blank lines (same positions). */
function parsedPart(text: string, frontMatter: number): string {
  return frontMatter > 0 ? blankLines(text, frontMatter) : text;
}

/**
 * Parses a document's text into `cache` ahead of its analysis, as analyzeText would parse it: the
 * parse needs no configuration, so the server does it while the editor is still starting, and the
 * analysis then finds every chunk parsed. What analyzeText would not parse is left alone, and so is
 * a parser failure (the analysis reports it).
 */
export function preparse(path: string, text: string, cache: ParseCache): void {
  if (STATUS_RECORD_FILE.test(path) || nestingProblem(text)) return;
  try {
    collectChunks(parsedPart(text, frontMatterEnd(text)), cache);
  } catch {
    // analyzeText meets the same failure and says so.
  }
}

/**
 * Analyses the text of one Markdown document into its model. Pure; never throws. With a cache,
 * only the chunks (see parse/chunks.ts) not seen before are parsed.
 */
export function analyzeText(path: string, text: string, config: ProofmarkConfig, cache?: ParseCache): AnalysisOutcome {
  if (text.length > config.maxFileSize) return { path, skipped: `File has ${text.length} characters, over the maxFileSize limit; not analysed.` };
  // A spec's JSON lifecycle record is data: read for its status, never parsed as Markdown.
  if (STATUS_RECORD_FILE.test(path)) return { path, model: statusRecordModel(path, text, documentRole(path, compileConventions(config.conventions))) };
  const tooDeep = nestingProblem(text);
  if (tooDeep) return { path, skipped: tooDeep };
  let raw: Collected;
  const frontMatter = frontMatterEnd(text);
  try {
    raw = collectChunks(parsedPart(text, frontMatter), cache);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { path, skipped: `The Markdown parser failed (${reason}); not analysed.` };
  }
  try {
    return { path, model: buildModel(path, text, raw, config, frontMatter) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { path, skipped: `Proofmark could not analyse this file (${reason}). Please report it.` };
  }
}

function buildModel(path: string, text: string, raw: Collected, config: ProofmarkConfig, frontMatter: number): DocumentModel {
  const c = compileConventions(config.conventions);
  const lines = new LineIndex(text);
  const role = documentRole(path, c);
  const code = new Uint8Array(lines.lineCount + 2);
  for (const b of raw.codeBlocks) for (let l = b.startLine; l <= b.endLine; l++) code[l] = 1;
  // Front matter is data, read like code: no heading, citation, claim or status of the document.
  for (let l = 1; l <= frontMatter; l++) code[l] = 1;
  // What the handoff generator copied or computed (between its region comments) states nothing of
  // its own: read like code, it makes no claim, cites no requirement and is no evidence.
  const regions = generatedRegions(raw.comments);
  for (const region of regions) for (let l = region.start; l <= region.end; l++) code[l] = 1;
  const sections = new Sections(raw.headings, lines.lineCount, c);
  const checkboxes = raw.checkboxes;
  const boxAt = boxesByLine(checkboxes, lines.lineCount);

  // A TODO's and a phase prompt's Expected Outputs name the phase's outputs; a TODO's Prerequisites what a phase needs.
  const contextOf = (line: number): ReferenceContext => {
    if (role.kind !== 'todo' && role.kind !== 'phase-prompt') return 'text';
    for (const h of sections.ancestors(line)) {
      if (/^Expected Outputs\b/i.test(h.text)) return 'expected-output';
      if (role.kind === 'todo' && /^Prerequisites\b/i.test(h.text)) return 'prerequisite';
    }
    return 'text';
  };
  const ownIntent = documentIntent(path, role, lines, code, frontMatter);
  const intentInput = {
    line: (n: number) => lines.line(n),
    sections,
    boxAt,
    boxChecked: (b: number) => checkboxes[b]?.checked === true,
    boxText: (b: number) => checkboxes[b]?.text ?? '',
    isBoxLine: (l: number) => checkboxes[boxAt[l] ?? -1]?.line === l,
    documentIntent: citationIntent(path, ownIntent),
  };
  const intentOf = (range: Range): ReferenceReading => referenceIntent(range, intentInput);
  const headingNames = (line: number): readonly string[] => folderNames(sections.headings[sections.at(line)]?.text ?? '');
  const statusDocument = STATUS_ROLES.has(role.kind);
  const bareNames = (line: number): boolean => statusDocument || (boxAt[line] ?? -1) >= 0;
  const { references, evidence } = findReferences({ lines, code, codeSpans: raw.codeSpans, links: raw.links, contextOf, intentOf, headingNames, bareNames });

  const facts: LineFacts = { evidence, mentions: [], phaseCounts: [], statusFields: [], evidenceSlots: [], tableRows: [], evidenceLabels: [] };
  for (let line = 1; line <= lines.lineCount; line++) {
    if (!code[line]) scanLine(lines.line(line), line, c, facts);
  }
  for (const b of raw.codeBlocks) if (!commandsOnly(b)) evidence.push({ kind: 'code-block', line: b.startLine, reference: -1 });
  const sorted: Evidence[] = [...evidence].sort((a, b) => a.line - b.line);

  const claims = STATUS_ROLES.has(role.kind)
    ? findClaims({ lines, code, sections, evidence: sorted, evidenceLabels: facts.evidenceLabels, c, document: claimDocument(path, role, ownIntent), citesDocument: (i) => /\.mdx?$/i.test(references[i]?.target ?? '') })
    : [];

  const localFindings: LocalFinding[] = [];
  let prd: PrdModel | null = null;
  let todo: TodoModel | null = null;
  const spec = role.kind === 'spec' ? analyseSpec({ part: role.part, lines, code, sections, checkboxes, boxAt, c }) : null;
  if (spec) localFindings.push(...specFindings(spec));
  const phaseLines = new Set<number>();
  if (role.kind === 'prd') {
    const result = analysePrd({ lines, code, sections, c });
    prd = result.prd;
    localFindings.push(...result.findings);
  } else if (role.kind === 'todo') {
    todo = analyseTodo({ lines, code, sections, checkboxes, references, c });
    // A checklist item that produces a file names an expected output: the output rules report it, not broken-reference.
    const itemLines = new Set(todo.phases.flatMap((p) => p.outputItems.map((o) => o.line)));
    references.forEach((r, i) => {
      if (r.context === 'text' && itemLines.has(r.line)) references[i] = { ...r, context: 'output-item' };
    });
    localFindings.push(...todoFindings(todo));
    for (const p of todo.phases) for (const s of p.statuses) phaseLines.add(s.line);
  }
  // A plan's headings state what is to be done ("(100% Complete)" as a success criterion of a prompt).
  if (ownIntent !== 'plan') localFindings.push(...headingDoneOpen(sections.headings, checkboxes, phaseLines));
  localFindings.push(...checkedParentOpen(checkboxes));
  localFindings.push(...partialDone(claims, sections.headings, lines));
  localFindings.push(...inconsistentNumbers(lines, code));
  localFindings.push(...fractionalTableCounts(lines, code));
  localFindings.push(...tableTotals(lines, code));
  localFindings.push(...countAgainstEnumeration(lines, code));
  localFindings.push(...placeholderCommits(lines, code));
  for (const line of facts.evidenceSlots) {
    const slot = EVIDENCE_SLOT.exec(lines.line(line));
    const at = slot?.index ?? 0;
    localFindings.push({
      code: 'evidence-to-fill',
      range: { start: { line, column: at + 1 }, end: { line, column: at + 1 + (slot?.[0].length ?? 0) } },
      message: 'Evidence to fill: replace the placeholder with the file, log or test output that shows this.',
      related: [],
    });
  }

  return {
    path,
    hash: contentHash(text),
    role,
    lineCount: lines.lineCount,
    headings: sections.headings,
    checkboxes,
    references,
    evidence: sorted,
    claims,
    mentions: facts.mentions,
    phaseCounts: facts.phaseCounts,
    statusFields: facts.statusFields,
    frontStatus: frontMatter > 0 ? frontMatterStatus(lines, frontMatter, c) : null,
    evidenceSlots: facts.evidenceSlots,
    tableRows: facts.tableRows,
    suppressions: readSuppressions(raw.comments),
    localFindings,
    historical: isHistorical(lines, code, frontMatter),
    lead: reportByName(path, role) ? readLead(lines, code) : [],
    releaseItems: CHANGELOG_NAME.test(basename(path)) ? readReleaseItems(lines, code, sections) : [],
    testTally: reportByName(path, role) || spec?.part === 'tasks' ? readTestTally(lines, code, sections) : null,
    // KPI labels are searched in this text: a generated region names them without citing them.
    searchText: STATUS_ROLES.has(role.kind) ? searchable(blankRegions(text, lines, regions)) : '',
    prd,
    todo,
    spec,
  };
}
