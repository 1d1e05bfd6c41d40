import type { CompiledConventions } from '../config/compiled';

/**
 * Text copied from the plan (checklist items, task bullets, titles, KPI targets) must not become
 * a claim once it sits in a phase output: the plan says what to do, the output says what was
 * done. The generator puts copied text in generated regions (`<!-- proofmark:generated -->`),
 * which the engine reads like code, or in sections that list requirements and targets; what is
 * left here is what a region cannot hide: a done marker in a title or a table cell. The text is
 * otherwise written as the plan wrote it (`99%` stays `99%`: no entities in generated files).
 */

/**
 * Done markers are removed, not reworded: in copied plan text a marker is the TODO author's claim,
 * and the generated file must not carry it over. Ordinary words ("completed") are no markers by
 * default (the patterns are case-sensitive); a workspace that makes them markers gets them removed.
 */
function withoutDoneMarkers(text: string, c: CompiledConventions): string {
  return text.replace(c.doneMarkers, '');
}

/** Makes one line of copied text inert: done markers removed (outside code spans, which keep their characters). */
export function inert(text: string, c: CompiledConventions): string {
  const parts = text.split(/(`+[^`]*`+)/);
  const out = parts.map((part, i) => (i % 2 === 1 ? part : withoutDoneMarkers(part, c)));
  return out.join('').replace(/(\S) {2,}(?=\S)/g, '$1 ').trim();
}

/** Inert text for a table cell: pipes escaped, line breaks folded. */
export function inertCell(text: string, c: CompiledConventions): string {
  return inert(text.replace(/\s+/g, ' '), c).replace(/\|/g, '\\|');
}
