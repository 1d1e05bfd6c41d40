import { titlesDiffer } from '../analyze/todoRules';
import type { Initiative } from '../model/initiative';
import type { RuleContext, RuleFinding } from './context';
import { citingDocuments, requirementCoverage } from './coverage';

function label(id: string, title: string): string {
  return id.startsWith('KPI') ? `KPI "${title}"` : `${id} ("${title}")`;
}

/** PRD requirements without evidence, citations of ids the PRD lacks, and PRD phase plans that drifted from the TODO. */
export function requirementRules(ctx: RuleContext, initiative: Initiative): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const prdModel = initiative.prd ? ctx.models.get(initiative.prd) : undefined;
  const prd = prdModel?.prd;
  if (!prdModel || !prd) return findings;
  const docs = citingDocuments(ctx, initiative);
  for (const cov of requirementCoverage(ctx, initiative)) {
    if (cov.status === 'evidenced') continue;
    const r = cov.requirement;
    const message =
      cov.status === 'never-cited'
        ? `${label(r.id, r.title)} is never cited in the ${docs.length} phase outputs and status documents of this initiative, so nothing shows it was met.`
        : `${label(r.id, r.title)} is cited ${cov.citations.length} time${cov.citations.length === 1 ? '' : 's'} (${cov.citations
            .slice(0, 3)
            .map((c) => `${c.file.split('/').pop()}:${c.line}`)
            .join(', ')}${cov.citations.length > 3 ? ', …' : ''}) but never next to evidence (a path that resolves, fenced output, test counts, a URL).`;
    findings.push({
      code: 'requirement-unevidenced',
      file: prdModel.path,
      range: r.range,
      message,
      related: cov.citations.slice(0, 10).map((c) => ({ file: c.file, range: { start: { line: c.line, column: 1 }, end: { line: c.line, column: 1 } }, message: `${r.id} cited without evidence` })),
    });
  }

  const defined = new Set(prd.requirements.map((r) => r.id));
  const kinds = new Set(prd.requirements.map((r) => r.kind));
  for (const path of initiative.documents) {
    const model = ctx.models.get(path);
    if (!model || model === prdModel) continue;
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
