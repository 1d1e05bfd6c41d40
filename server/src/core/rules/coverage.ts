import { STATUS_ROLES, searchable } from '../analyze/document';
import { firstAtOrAfter } from '../text/byLine';
import type { DocumentModel, Evidence } from '../model/document';
import type { Initiative } from '../model/initiative';
import type { Requirement } from '../model/prd';
import type { EvidenceState } from '../../protocol';
import type { RuleContext } from './context';
import { documentGivesEvidence } from './documentEvidence';

/** See `EvidenceState`: evidenced, cited (evidence elsewhere in the report), claimed (a bare claim), never cited. */
export type CoverageStatus = EvidenceState;

export interface Citation {
  readonly file: string;
  readonly line: number;
  /** Evidence near the citation: resolved paths, fenced output, test counts, URLs (as text, for reports). */
  readonly evidence: readonly string[];
}

export interface RequirementCoverage {
  readonly requirement: Requirement;
  readonly status: CoverageStatus;
  readonly citations: readonly Citation[];
}


/** Documents of an initiative whose citations count as evidence of progress. */
export function citingDocuments(ctx: RuleContext, initiative: Initiative): DocumentModel[] {
  const docs: DocumentModel[] = [];
  for (const path of initiative.documents) {
    const m = ctx.models.get(path);
    if (m && STATUS_ROLES.has(m.role.kind)) docs.push(m);
  }
  return docs;
}

function directSection(model: DocumentModel, line: number): { start: number; end: number } {
  const next = firstAtOrAfter(model.headings, line + 1);
  return { start: model.headings[next - 1]?.line ?? 1, end: (model.headings[next]?.line ?? model.lineCount + 1) - 1 };
}

interface Lookup {
  readonly rows: ReadonlySet<number>;
  /** Lines where a KPI label (searchable form) occurs, by label. */
  readonly labels: Map<string, readonly number[]>;
}

/**
 * Per-model lookups, built once per model: models are immutable and an unchanged document keeps
 * its model, so an edit elsewhere in the initiative does not search this document's text again.
 */
const lookups = new WeakMap<DocumentModel, Lookup>();

function lookup(model: DocumentModel): Lookup {
  let hit = lookups.get(model);
  if (!hit) {
    hit = { rows: new Set(model.tableRows), labels: new Map() };
    lookups.set(model, hit);
  }
  return hit;
}

const NO_LINES: readonly number[] = [];

/**
 * Lines of a model's text where each label occurs (at most 50 per label); none for labels under 4
 * characters. The text is read once for the labels not searched before, and not kept: its holder
 * may keep it compressed (ctx.searchText), and a KPI's label is searched once per model.
 */
function labelLines(ctx: RuleContext, model: DocumentModel, labels: readonly string[]): (readonly number[])[] {
  const known = lookup(model).labels;
  const missing = labels.filter((label) => label.length >= 4 && !known.has(label));
  if (missing.length > 0) {
    const text = ctx.searchText(model);
    const lineStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    for (const label of missing) {
      if (known.has(label)) continue;
      const found: number[] = [];
      for (let at = text.indexOf(label); at >= 0 && found.length < 50; at = text.indexOf(label, at + label.length)) found.push(lineAt(lineStarts, at));
      known.set(label, found);
    }
  }
  return labels.map((label) => (label.length < 4 ? NO_LINES : (known.get(label) ?? NO_LINES)));
}

function describeEvidence(ctx: RuleContext, model: DocumentModel, e: Evidence): string | null {
  if (e.kind === 'failure') return null;
  if (e.kind !== 'reference') return `${e.kind} at ${model.path}:${e.line}`;
  const ref = model.references[e.reference];
  if (!ref) return null;
  const r = ctx.resolve(ref, model.path);
  // The plan (the TODO, the PRD, a phase prompt) proves nothing done: citing it is no evidence.
  if (r.resolved === null || ctx.isPlanningDocument(r.resolved)) return null;
  return r.resolved;
}

/**
 * Evidence near citations, shared within one coverage computation. A requirement is cited on many
 * lines and a line cites many requirements, so the same window of the same report comes back for
 * thousands of citations (1,000 generated documents: 43,000 citations over 6,900 distinct windows,
 * 129,000 evidence entries over 9,700 distinct descriptions): each window's list and each evidence
 * item's description is made once and shared, which keeps the memoised coverage of every
 * initiative (evidenceModel.ts) a fraction of its size. The lists are read-only, so sharing is
 * invisible to their readers.
 */
class EvidenceWindows {
  private readonly windows = new Map<DocumentModel, Map<number, readonly string[]>>();
  private readonly descriptions = new Map<Evidence, string | null>();

  constructor(private readonly ctx: RuleContext) {}

  /**
   * Evidence that supports a citation at `line`: in its section, within the field window; for a
   * citation in a table row, only that row (a link in one row proves nothing about the next).
   */
  near(model: DocumentModel, line: number): readonly string[] {
    const section = directSection(model, line);
    const row = lookup(model).rows.has(line);
    const from = row ? line : Math.max(section.start, line - this.ctx.config.evidenceWindow.field);
    const to = row ? line : Math.min(section.end, line + this.ctx.config.evidenceWindow.field);
    let byWindow = this.windows.get(model);
    if (!byWindow) {
      byWindow = new Map();
      this.windows.set(model, byWindow);
    }
    // Lines fit in 2^26, so one number names the window.
    const key = from * 0x4000000 + to;
    const hit = byWindow.get(key);
    if (hit) return hit;
    const found: string[] = [];
    for (let i = firstAtOrAfter(model.evidence, from); i < model.evidence.length; i++) {
      const e = model.evidence[i];
      if (!e || e.line > to) break;
      const d = this.describe(model, e);
      if (d !== null && !found.includes(d)) found.push(d);
    }
    byWindow.set(key, found);
    return found;
  }

  private describe(model: DocumentModel, e: Evidence): string | null {
    let d = this.descriptions.get(e);
    if (d === undefined) {
      d = describeEvidence(this.ctx, model, e);
      this.descriptions.set(e, d);
    }
    return d;
  }
}

/**
 * Where each PRD requirement and KPI is cited in the initiative's outputs, and whether with
 * evidence. Callers outside this folder use `initiativeEvidence` (evidenceModel.ts), which names
 * the scope and computes it once per revision.
 */
export function requirementCoverage(ctx: RuleContext, initiative: Initiative): RequirementCoverage[] {
  const prd = initiative.prd ? ctx.models.get(initiative.prd)?.prd : undefined;
  if (!prd) return [];
  const docs = citingDocuments(ctx, initiative);
  const windows = new EvidenceWindows(ctx);
  const citations = new Map<string, Citation[]>();
  const cite = (id: string, model: DocumentModel, line: number): void => {
    const list = citations.get(id) ?? [];
    if (list.some((c) => c.file === model.path && c.line === line)) return;
    list.push({ file: model.path, line, evidence: windows.near(model, line) });
    citations.set(id, list);
  };
  // The first definition of an id wins; a second one is reported as requirement-duplicate. A
  // requirement with an id is cited by its id: a heading that happens to share its title
  // ("Monitoring and Observability") traces nothing. KPIs have no id and are cited by their label.
  const kpiLabels = prd.kpis.map((kpi) => searchable(kpi.title));
  const topLevel = prd.requirements.filter((r, i) => r.parent === null && prd.requirements.findIndex((o) => o.id === r.id) === i);

  for (const model of docs) {
    // A line with an empty evidence slot is a question, not a citation (generated files are full of them).
    const slots = new Set(model.evidenceSlots);
    for (const m of model.mentions) {
      if (m.kind !== 'requirement' || slots.has(m.line)) continue;
      cite(m.id, model, m.line);
      const dot = m.id.indexOf('.');
      if (dot > 0) cite(m.id.slice(0, dot), model, m.line);
    }
    const kpiLines = labelLines(ctx, model, kpiLabels);
    prd.kpis.forEach((kpi, k) => {
      for (const line of kpiLines[k] ?? NO_LINES) if (!slots.has(line)) cite(kpi.id, model, line);
    });
  }

  // A report that gives no evidence anywhere makes a bare claim of what it cites: never evidence.
  const gives = new Map<string, boolean>();
  const givesEvidence = (file: string): boolean => {
    let hit = gives.get(file);
    if (hit === undefined) {
      const m = ctx.models.get(file);
      hit = m !== undefined && documentGivesEvidence(ctx, m);
      gives.set(file, hit);
    }
    return hit;
  };
  return [...topLevel, ...prd.kpis].map((requirement) => {
    const list = citations.get(requirement.id) ?? [];
    const status: CoverageStatus =
      list.length === 0 ? 'never-cited' : list.some((c) => c.evidence.length > 0) ? 'evidenced' : list.some((c) => givesEvidence(c.file)) ? 'cited' : 'claimed';
    return { requirement, status, citations: list };
  });
}

/** 1-based line of an offset, given the offsets where lines start. */
function lineAt(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
