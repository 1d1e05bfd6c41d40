import type { DocumentModel } from '../model/document';
import { isMissing } from '../resolve/resolve';
import type { RuleContext } from './context';

/**
 * Whether a document gives any evidence anywhere: fenced output, test counts, measured values, a
 * URL, a commit, inline output, or a cited file of the repository that is not a planning document
 * (citing the TODO or the PRD proves nothing done).
 */
export function documentGivesEvidence(ctx: RuleContext, model: DocumentModel): boolean {
  return model.evidence.some((e) => {
    if (e.kind === 'failure') return false;
    if (e.kind !== 'reference') return true;
    const ref = model.references[e.reference];
    return ref !== undefined && !/\.mdx?$/i.test(ref.target) && ref.intent === 'record' && !isMissing(ctx.resolve(ref, model.path));
  });
}
