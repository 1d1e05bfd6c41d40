import type { CompiledConventions } from '../config/compiled';

/**
 * Text copied from the plan (checklist items, task bullets, titles, KPI targets) must not become
 * a claim once it sits in a phase output: the plan says what to do, the output says what was
 * done. These rewrites keep the rendered text (entities render as the character) while the
 * engine's line patterns no longer read a claim, a percentage of success or a fractional count.
 */

/**
 * Done markers are removed, not reworded: in copied plan text a marker is the TODO author's claim,
 * and the generated file must not carry it over. Ordinary words ("completed") are no markers by
 * default (the patterns are case-sensitive); a workspace that makes them markers gets them removed.
 */
function withoutDoneMarkers(text: string, c: CompiledConventions): string {
  return text.replace(c.doneMarkers, '');
}

/** `99% success`, `44.1/45 tests`: the percent sign and the fraction slash become entities. */
function withoutNumberPatterns(text: string): string {
  return text.replace(/(\d)%(?=[\s).,;:!?|*_]|$)/g, '$1&#37;').replace(/(\d\.\d+)(\s*)\/(?=\s*\d)/g, '$1$2&#47;');
}

/** Makes one line of copied text inert. Code spans keep their characters (entities do not render there). */
export function inert(text: string, c: CompiledConventions): string {
  const parts = text.split(/(`+[^`]*`+)/);
  const out = parts.map((part, i) => {
    const unmarked = withoutDoneMarkers(part, c);
    return i % 2 === 1 ? unmarked : withoutNumberPatterns(unmarked);
  });
  return out.join('').replace(/(\S) {2,}(?=\S)/g, '$1 ').trim();
}

/** Inert text for a table cell: pipes escaped, line breaks folded. */
export function inertCell(text: string, c: CompiledConventions): string {
  return inert(text.replace(/\s+/g, ' '), c).replace(/\|/g, '\\|');
}
