import type { DocumentModel, Reference } from '../model/document';
import { basename, normalisePhase } from '../parse/role';
import type { RuleContext, RuleFinding } from './context';

const DOCUMENT = /\.(?:md|mdx|txt|pdf)$/i;

export function referenceKind(ref: Pick<Reference, 'target' | 'shape'>): string {
  if (ref.shape === 'directory') return 'folder';
  return DOCUMENT.test(ref.target) ? 'document' : 'code path';
}

/** Cited documents and code paths that resolve nowhere in the workspace. */
export function brokenReferenceRule(ctx: RuleContext, model: DocumentModel): RuleFinding[] {
  const findings: RuleFinding[] = [];
  if (/(^|\/)templates?\//.test(model.path)) return findings;
  const initiative = ctx.initiativeOf(model.path);
  const seen = new Set<string>();
  for (const ref of model.references) {
    if (ref.context !== 'text') continue;
    const name = basename(ref.target);
    if (/^\.env(?:\.|$)/.test(name)) continue;
    const output = ctx.c.phaseOutputFile.exec(name);
    if (output && initiative && !ctx.phaseStarted(initiative, normalisePhase(output[2] ?? ''))) continue;
    const r = ctx.resolve(ref, model.path);
    if (r.resolved !== null) continue;
    const key = `${ref.line}:${ref.target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const tried = r.tried.length > 0 ? `; tried ${r.tried.slice(0, 4).join(', ')}${r.tried.length > 4 ? ', …' : ''}` : '';
    findings.push({
      code: 'broken-reference',
      file: model.path,
      range: ref.range,
      message: `The ${referenceKind(ref)} ${ref.raw} does not resolve: ${r.reason}${tried}.`,
      related: [],
      weak: r.lowConfidence,
    });
  }
  return findings;
}
