import type { DocumentModel } from '../model/document';
import type { Initiative } from '../model/initiative';
import { brokenReferenceRule } from './brokenReferences';
import { claimRules } from './claims';
import type { RuleContext, RuleFinding } from './context';
import { openPlanRule } from './openPlan';
import { phaseCountRule } from './phaseCount';
import { phaseFolderRule } from './phaseFolders';
import { requirementRules } from './requirements';
import { taskFileRule } from './taskFiles';
import { constitutionRule, specRules } from './specs';
import { specReportRule } from './specReports';
import { specCopyRule } from './specCopies';
import { testTotalsRule } from './testTotals';
import { releaseNotesRule } from './releaseNotes';
import { phaseReportCountRule } from './phaseReportCounts';
import { releaseDateRule } from './releaseDates';
import { todoFileRules } from './todoFiles';

/**
 * Rules over one initiative (its TODO, PRD and outputs together). Each reads only the initiative's
 * documents and the file index, so its results can be cached until one of those changes.
 */
export const INITIATIVE_RULES: readonly ((ctx: RuleContext, initiative: Initiative) => RuleFinding[])[] = [todoFileRules, requirementRules, phaseCountRule, specRules];

/** Rules over one document, reading its initiative (if any) and the file index. */
export const DOCUMENT_RULES: readonly ((ctx: RuleContext, model: DocumentModel) => RuleFinding[])[] = [brokenReferenceRule, taskFileRule, openPlanRule, claimRules, constitutionRule, specReportRule, phaseFolderRule, specCopyRule, testTotalsRule, releaseNotesRule, releaseDateRule, phaseReportCountRule];

export function initiativeFindings(ctx: RuleContext, initiative: Initiative): RuleFinding[] {
  const findings = INITIATIVE_RULES.flatMap((rule) => rule(ctx, initiative));
  for (const path of initiative.documents) {
    const model = ctx.models.get(path);
    if (model) findings.push(...documentFindings(ctx, model));
  }
  return findings;
}

export function documentFindings(ctx: RuleContext, model: DocumentModel): RuleFinding[] {
  return DOCUMENT_RULES.flatMap((rule) => rule(ctx, model));
}
