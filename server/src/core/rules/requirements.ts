import { titlesDiffer } from '../analyze/todoRules';
import type { Initiative } from '../model/initiative';
import type { DocumentModel } from '../model/document';
import type { RuleContext, RuleFinding } from './context';
import { citingDocuments } from './coverage';
import { initiativeEvidence } from './evidenceModel';

function label(id: string, title: string): string {
  return id.startsWith('KPI') ? `KPI "${title}"` : `${id} ("${title}")`;
}

/** Whether any of the documents mentions one of the ids: a team that traces by id. */
function citesAnyId(docs: readonly DocumentModel[], ids: ReadonlySet<string>): boolean {
  return docs.some((d) => d.mentions.some((m) => m.kind === 'requirement' && (ids.has(m.id) || ids.has(m.id.split('.')[0] ?? ''))));
}

/** PRD requirements without evidence, citations of ids the PRD lacks, and PRD phase plans that drifted from the TODO. */
export function requirementRules(ctx: RuleContext, initiative: Initiative): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const prdModel = initiative.prd ? ctx.models.get(initiative.prd) : undefined;
  const prd = prdModel?.prd;
  if (!prdModel || !prd) return findings;
  const docs = citingDocuments(ctx, initiative);
  // The rule reports exactly what every view calls "never cited" and "claimed without evidence".
  const { coverage } = initiativeEvidence(ctx, initiative);
  const ids = coverage.filter((c) => !c.requirement.id.startsWith('KPI'));
  const prdName = prdModel.path.split('/').pop() ?? prdModel.path;
  const first = coverage[0]?.requirement;
  if (first && docs.length === 0) {
    // One fact, one finding: with no outputs at all, no requirement can be traced.
    findings.push({
      code: 'requirement-unevidenced',
      file: prdModel.path,
      range: first.range,
      message: `None of the ${coverage.length} requirements and KPIs of ${prdName} can be traced: the initiative has no phase outputs or status documents yet.`,
      related: [],
    });
  } else if (first && ids.length > 0 && !citesAnyId(docs, new Set(prd.requirements.map((r) => r.id)))) {
    // Outputs that never cite an id do not trace by id; whether they meet the requirements is not for an id search to say.
    findings.push({
      code: 'requirement-unevidenced',
      file: prdModel.path,
      range: first.range,
      message: `The ${docs.length} phase outputs and status documents of this initiative cite none of the ${ids.length} requirements of ${prdName} by id (${ids.slice(0, 4).map((c) => c.requirement.id).join(', ')}${ids.length > 4 ? ', …' : ''}), so none can be traced to evidence.`,
      related: [],
    });
  } else {
    for (const cov of coverage) {
      const r = cov.requirement;
      if (cov.status === 'never-cited') {
        findings.push({
          code: 'requirement-unevidenced',
          file: prdModel.path,
          range: r.range,
          message: `${label(r.id, r.title)} is never cited in the ${docs.length} phase outputs and status documents of this initiative, so nothing shows it was met.`,
          related: [],
        });
      } else if (cov.status === 'claimed') {
        // Cited only by reports that give no evidence at all: a bare claim is never evidence.
        const where = cov.citations.slice(0, 3).map((c) => `${c.file.split('/').pop()}:${c.line}`).join(', ');
        findings.push({
          code: 'requirement-unevidenced',
          file: prdModel.path,
          range: r.range,
          message: `${label(r.id, r.title)} is cited only by reports that give no evidence at all (${where}${cov.citations.length > 3 ? ', …' : ''}), so nothing shows it was met.`,
          related: cov.citations.slice(0, 10).map((c) => ({ file: c.file, range: { start: { line: c.line, column: 1 }, end: { line: c.line, column: 1 } }, message: `${r.id} cited in a report without evidence` })),
        });
      }
    }
  }

  const defined = new Set(prd.requirements.map((r) => r.id));
  const kinds = new Set(prd.requirements.map((r) => r.kind));
  for (const path of initiative.documents) {
    const model = ctx.models.get(path);
    // An archive's citations are its own (requirement-unknown is reported in archives only for spec traces).
    if (!model || model === prdModel || ctx.archived(path)) continue;
    for (const m of model.mentions) {
      if (m.kind !== 'requirement' || defined.has(m.id)) continue;
      const kind = /^[A-Z]+/.exec(m.id)?.[0] ?? '';
      if (!kinds.has(kind)) continue;
      const parent = m.id.includes('.') ? m.id.slice(0, m.id.indexOf('.')) : null;
      if (parent && defined.has(parent)) continue;
      const known = prd.requirements.filter((r) => r.kind === kind && r.parent === null).map((r) => r.id);
      findings.push({
        code: 'requirement-unknown',
        file: path,
        range: m.range,
        message: `${m.id} is not defined in ${prdModel.path.split('/').pop()} (it defines ${known.join(', ')}).`,
        related: [],
      });
    }
  }

  const todo = ctx.todoOf(initiative)?.todo;
  if (todo) {
    for (const planned of prd.plan) {
      const phase = todo.phases.find((p) => p.number === planned.phase);
      if (!phase || !titlesDiffer(planned.title, phase.title)) continue;
      findings.push({
        code: 'phase-title-mismatch',
        file: prdModel.path,
        range: planned.range,
        message: `The PRD plans Phase ${planned.phase} as "${planned.title}", but the TODO's Phase ${phase.number} is "${phase.title}".`,
        related: [{ file: initiative.todo ?? '', range: phase.range, message: `TODO Phase ${phase.number}` }],
      });
    }
  }
  return findings;
}
