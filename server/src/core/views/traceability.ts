import type { TraceabilityMatrix, TraceCell } from '../../protocol';
import type { Initiative } from '../model/initiative';
import type { Project } from '../project/project';
import { initiativeEvidence } from '../rules/evidenceModel';
import { initiativeId, location0, requirementNode, type Locator } from './tree';

/** The column for citations in documents that belong to no phase (status documents, reports). */
export const OTHER_COLUMN = 'other';

function phaseOfDocument(project: Project, path: string): string | null {
  const role = project.model(path)?.role;
  if (role && (role.kind === 'phase-output' || role.kind === 'phase-doc' || role.kind === 'phase-prompt')) return role.phase;
  return null;
}

/** Requirements × phases × evidence of one initiative; null when it has no PRD. */
export function traceabilityMatrix(project: Project, locator: Locator, initiative: Initiative): TraceabilityMatrix | null {
  if (!initiative.prd) return null;
  const prdPath = initiative.prd;
  const { coverage, scope } = initiativeEvidence(project.ruleContext(), initiative);
  const todo = initiative.todo ? project.model(initiative.todo)?.todo : undefined;
  const phases = (todo?.phases ?? []).map((p) => p.number);
  let other = false;
  const rows = coverage.map((cov) => {
    const byPhase = new Map<string, TraceCell['citations'][number][]>();
    for (const c of cov.citations) {
      let phase = phaseOfDocument(project, c.file) ?? OTHER_COLUMN;
      if (phase !== OTHER_COLUMN && !phases.includes(phase)) phase = OTHER_COLUMN;
      if (phase === OTHER_COLUMN) other = true;
      const list = byPhase.get(phase) ?? [];
      list.push({ location: location0(locator, c.file, c.line), evidence: c.evidence });
      byPhase.set(phase, list);
    }
    return { requirement: requirementNode(locator, prdPath, cov), byPhase };
  });
  const columns = other ? [...phases, OTHER_COLUMN] : phases;
  return {
    initiative: initiativeId(locator, initiative),
    name: initiative.name,
    phases: columns,
    rows: rows.map((r) => ({ requirement: r.requirement, cells: columns.map((phase) => ({ phase, citations: r.byPhase.get(phase) ?? [] })) })),
    evidenceScope: scope.text,
  };
}
