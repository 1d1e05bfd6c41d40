import type { Claim, DocumentModel } from '../model/document';
import { checklistName } from '../analyze/todoRules';
import { normalisePhase } from '../parse/role';
import { isMissing } from '../resolve/resolve';
import type { RuleContext, RuleFinding } from './context';

/** How far into a phase output a claim counts as "this output says the phase is done". */
const OUTPUT_HEAD_LINES = 60;

function windowText(claim: Claim): string {
  return claim.window.start === claim.window.end ? `line ${claim.window.start}` : `lines ${claim.window.start}–${claim.window.end}`;
}

/** Claims of success with no evidence, or with only references that do not resolve. */
export function claimRules(ctx: RuleContext, model: DocumentModel): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const claim of model.claims) {
    if (!claim.reportable) continue;
    const finding = checkClaim(ctx, model, claim);
    if (finding) findings.push(finding);
  }
  findings.push(...outputContradictsTodo(ctx, model));
  return findings;
}

function checkClaim(ctx: RuleContext, model: DocumentModel, claim: Claim): RuleFinding | null {
  let broken = 0;
  const brokenRefs: string[] = [];
  for (const i of claim.evidence) {
    const e = model.evidence[i];
    if (!e) continue;
    if (e.kind !== 'reference') return null;
    const ref = model.references[e.reference];
    if (!ref) continue;
    if (!isMissing(ctx.resolve(ref, model.path))) return null;
    broken++;
    brokenRefs.push(ref.raw);
  }
  if (broken > 0) {
    return {
      code: 'claim-evidence-broken',
      file: model.path,
      range: claim.range,
      message: `"${claim.text}" claims success, but its only evidence (${brokenRefs.slice(0, 3).join(', ')}) does not resolve in the workspace (${windowText(claim)}).`,
      related: [],
    };
  }
  const prose = claim.proseEvidenceLine !== null ? `; the "Evidence:" at line ${claim.proseEvidenceLine} is prose` : '';
  return {
    code: 'claim-without-evidence',
    file: model.path,
    range: claim.range,
    message: `"${claim.text}" claims success with no evidence in ${windowText(claim)}: no path, link, fenced output, test count, URL or commit${prose}.`,
    related: claim.proseEvidenceLine !== null ? [{ file: model.path, range: { start: { line: claim.proseEvidenceLine, column: 1 }, end: { line: claim.proseEvidenceLine, column: 1 } }, message: 'Prose evidence, nothing to check' }] : [],
  };
}

/** A phase output that claims done near its top while the TODO's checklist for that phase is open. */
function outputContradictsTodo(ctx: RuleContext, model: DocumentModel): RuleFinding[] {
  if (model.role.kind !== 'phase-output') return [];
  const initiative = ctx.initiativeOf(model.path);
  if (!initiative) return [];
  const todo = ctx.todoOf(initiative);
  const phase = ctx.phase(initiative, model.role.phase);
  if (!todo || !phase) return [];
  // The output's own verdict: a status field or a top-level heading near its top, not a sub-section's tick.
  const statedDone = phase.statuses.some((s) => s.marker?.status === 'done') && phase.statuses.every((s) => s.marker === null || s.marker.status === 'done');
  const todoName0 = todo.path.split('/').pop() ?? todo.path;
  // A field about another phase ("**Phase 9 Status**: 🔄") says nothing about this one.
  const aboutThisPhase = (label: string): boolean => {
    const other = /Phase\s+(\d+(?:[._]\d+)?)/i.exec(label);
    return !other || normalisePhase(other[1] ?? '') === phase.number;
  };
  const notDone = model.statusFields.find((f) => f.marker.status !== 'done' && aboutThisPhase(f.label));
  if (statedDone && notDone) {
    const doneAt = phase.statuses.find((s) => s.marker?.status === 'done');
    return [
      {
        code: 'status-conflict',
        file: model.path,
        range: notDone.range,
        message: `This Phase ${phase.number} output says ${notDone.label}: ${notDone.marker.text}, but ${todoName0} marks Phase ${phase.number} ${doneAt?.marker?.text ?? 'done'} (line ${doneAt?.line ?? phase.line}).`,
        related: doneAt ? [{ file: todo.path, range: doneAt.range, message: `Phase ${phase.number} status in the TODO` }] : [],
      },
    ];
  }
  const claim = model.claims.find((c) => c.line <= OUTPUT_HEAD_LINES && (c.form === 'field' || (c.form === 'heading' && (model.headings.find((h) => h.line === c.line)?.level ?? 9) <= 3)));
  if (!claim) return [];
  const open = phase.checklist.total - phase.checklist.checked;
  const todoName = todo.path.split('/').pop() ?? todo.path;
  const checklistRange = { start: { line: phase.progressChecklistLine ?? phase.line, column: 1 }, end: { line: phase.progressChecklistLine ?? phase.line, column: 1 } };
  if (open > 0) {
    return [
      {
        code: 'status-conflict',
        file: model.path,
        range: claim.range,
        message: `This Phase ${phase.number} output claims "${claim.marker.text}", but in ${todoName} ${checklistName(phase)} has ${open} of ${phase.checklist.total} boxes unchecked.`,
        related: [{ file: todo.path, range: checklistRange, message: `Phase ${phase.number} checklist: ${phase.checklist.checked}/${phase.checklist.total} checked` }],
      },
    ];
  }
  const stated = phase.statuses.filter((s) => s.marker !== null);
  const contrary = stated.length > 0 && stated.every((s) => s.marker?.status !== 'done') ? stated[0] : undefined;
  if (contrary?.marker) {
    return [
      {
        code: 'status-conflict',
        file: model.path,
        range: claim.range,
        message: `This Phase ${phase.number} output claims "${claim.marker.text}", but ${todoName} marks Phase ${phase.number} ${contrary.marker.text} (line ${contrary.line}).`,
        related: [{ file: todo.path, range: contrary.range, message: `Phase ${phase.number} status in the TODO` }],
      },
    ];
  }
  return [];
}
