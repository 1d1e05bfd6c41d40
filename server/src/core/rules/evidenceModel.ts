import { EVIDENCE_STATE_TEXT, type EvidenceState } from '../../protocol';
import { comparePhases } from '../handoff/phases';
import { initiativeKeyString, type Initiative } from '../model/initiative';
import type { RuleContext } from './context';
import { citingDocuments, requirementCoverage, type RequirementCoverage } from './coverage';

/**
 * The one evidence model: what every surface (hover, tree, traceability, the handoff panel and
 * files, the requirement-unevidenced rule) says of a requirement or KPI comes from here, with the
 * scope it was looked for in. Only ids cite a requirement (labels cite a KPI); planning documents
 * and failures are no evidence; generated regions and lines with an empty evidence slot cite
 * nothing; a report that gives no evidence anywhere makes a bare claim, never evidence.
 */
export interface EvidenceScope {
  /** The phase whose earlier outputs were read, or null for every output of the initiative. */
  readonly before: string | null;
  /** Phase outputs and status documents read. */
  readonly documents: number;
  /** `in the 12 phase outputs and status documents of this initiative`. */
  readonly text: string;
}

export interface InitiativeEvidence {
  readonly scope: EvidenceScope;
  readonly coverage: readonly RequirementCoverage[];
}

export function evidenceStateText(state: EvidenceState): string {
  return EVIDENCE_STATE_TEXT[state];
}

function documents(n: number): string {
  return `${n} phase output${n === 1 ? '' : 's'} and status document${n === 1 ? '' : 's'}`;
}

/** Documents of the initiative as they stood before a phase: its outputs and those of later phases left out. */
function before(ctx: RuleContext, initiative: Initiative, phase: string): Initiative {
  const kept = initiative.documents.filter((path) => {
    const role = ctx.models.get(path)?.role;
    if (!role) return false;
    if (role.kind !== 'phase-output' && role.kind !== 'phase-doc') return true;
    return !/^\d/.test(role.phase) || comparePhases(role.phase, phase) < 0;
  });
  return { ...initiative, documents: kept };
}

/**
 * Kept per rule context (a project revision) for the initiatives asked for last. Every initiative's
 * is computed when the findings are (requirement-unevidenced) and again for the completion tree,
 * but a surface asks for one initiative at a time (a hover, the traceability report, a handoff),
 * while all of them are large: the citations of every requirement, with the evidence near each
 * (10,000 generated documents: 49 MB kept for all of them). A result is a function of the rule
 * context, so one computed again is the same.
 */
const memo = new WeakMap<RuleContext, Map<string, InitiativeEvidence>>();
const KEPT = 16;

/**
 * The evidence state of every requirement and KPI of an initiative's PRD: in all of its phase
 * outputs and status documents, or (`beforePhase`) in those written before a phase, as a handoff
 * for that phase sees them (so regenerating a phase never reads its own files).
 */
export function initiativeEvidence(ctx: RuleContext, initiative: Initiative, beforePhase: string | null = null): InitiativeEvidence {
  let cache = memo.get(ctx);
  if (!cache) {
    cache = new Map();
    memo.set(ctx, cache);
  }
  const key = `${initiativeKeyString(initiative.key)}\u0000${beforePhase ?? ''}`;
  let hit = cache.get(key);
  if (hit) {
    // The most recently asked for is kept longest.
    cache.delete(key);
  } else {
    const scoped = beforePhase === null ? initiative : before(ctx, initiative, beforePhase);
    const n = citingDocuments(ctx, scoped).length;
    const text = beforePhase === null ? `in the ${documents(n)} of this initiative` : `in the ${documents(n)} of this initiative written before Phase ${beforePhase}`;
    hit = { scope: { before: beforePhase, documents: n, text }, coverage: requirementCoverage(ctx, scoped) };
    for (const oldest of cache.keys()) {
      if (cache.size < KEPT) break;
      cache.delete(oldest);
    }
  }
  cache.set(key, hit);
  return hit;
}

/** One requirement's or KPI's entry (a sub-requirement answers for its parent), or null when the PRD has no such id. */
export function evidenceOf(evidence: InitiativeEvidence, id: string): RequirementCoverage | null {
  return evidence.coverage.find((c) => c.requirement.id === id) ?? null;
}
