import type { ProofmarkConfig } from '../config/config';
import { isSuppressed } from '../analyze/suppressions';
import type { DocumentModel } from '../model/document';
import type { RuleFinding } from '../rules/context';
import { phaseDoneOpenFact, type Finding, type Severity } from './finding';

const LOWER: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'hint', hint: 'hint' };

/** Gives rule findings their configured severity and drops those turned off or suppressed in the document. */
export function finalize(raw: readonly RuleFinding[], models: ReadonlyMap<string, DocumentModel>, config: ProofmarkConfig): Finding[] {
  const result: Finding[] = [];
  for (const f of raw) {
    const finding = finalizeOne(f, models.get(f.file), config);
    if (finding) result.push(finding);
  }
  return result;
}

/** One rule finding with its configured severity, or null when it is turned off or suppressed in `model`. */
export function finalizeOne(f: RuleFinding, model: DocumentModel | undefined, config: ProofmarkConfig): Finding | null {
  const setting = config.severity[f.code];
  if (setting === 'off') return null;
  if (model && isSuppressed(model.suppressions, f.code, f.range.start.line)) return null;
  const severity = f.quiet ? 'hint' : f.weak ? LOWER[setting] : setting;
  return { code: f.code, severity, file: f.file, range: f.range, message: f.message, related: f.related, ...(f.data ? { data: f.data } : {}) };
}

/** The findings a document proves on its own, as rule findings of that file. */
export function localRuleFindings(model: DocumentModel): RuleFinding[] {
  return model.localFindings.map((f) => ({
    code: f.code,
    file: model.path,
    range: f.range,
    message: f.message,
    related: f.related.map((r) => ({ file: model.path, range: { start: { line: r.line, column: 1 }, end: { line: r.line, column: 1 } }, message: r.message })),
    ...(f.donePhase !== undefined ? { data: { fact: phaseDoneOpenFact(model.path, f.donePhase) } } : {}),
  }));
}
