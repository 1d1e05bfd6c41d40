import { brokenReferenceRule } from './brokenReferences';
import { claimRules } from './claims';
import type { RuleContext, RuleFinding } from './context';
import { phaseCountRule } from './phaseCount';
import { requirementRules } from './requirements';
import { todoFileRules } from './todoFiles';

/** Every cross-document rule, each a pure function of the rule context. */
export const CROSS_DOCUMENT_RULES: readonly ((ctx: RuleContext) => RuleFinding[])[] = [
  todoFileRules,
  brokenReferenceRule,
  claimRules,
  requirementRules,
  phaseCountRule,
];

export function runCrossDocumentRules(ctx: RuleContext): RuleFinding[] {
  return CROSS_DOCUMENT_RULES.flatMap((rule) => rule(ctx));
}
