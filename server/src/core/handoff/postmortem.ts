import type { DocumentModel, Heading } from '../model/document';
import type { Initiative } from '../model/initiative';
import { basename } from '../parse/role';
import type { RuleContext } from '../rules/context';

export interface PostmortemItem {
  /** The heading text without its numbering (`1. `). */
  readonly name: string;
  /** The heading it is grouped under (`Primary Root Causes`), or the section itself. */
  readonly group: string;
  readonly line: number;
}

export interface PreviousIteration {
  readonly path: string;
  readonly rootCauses: readonly PostmortemItem[];
  readonly lessons: readonly PostmortemItem[];
  /** Lines of the two sections, for a pointer when they hold no sub-headings. */
  readonly rootCauseLine: number | null;
  readonly lessonsLine: number | null;
}

/**
 * The post-mortem of the previous iteration, when the initiative's PRD, CONTEXT or TODO cites one
 * (`docs/…/002/POSTMORTEM002.md`) and it resolves to a document whose role is a post-mortem.
 */
export function previousIteration(ctx: RuleContext, initiative: Initiative): PreviousIteration | null {
  for (const source of [initiative.prd, initiative.context, initiative.todo]) {
    const model = source ? ctx.models.get(source) : undefined;
    if (!model) continue;
    for (const ref of model.references) {
      if (!/^POSTMORTEM/i.test(basename(ref.target))) continue;
      const found = ctx.resolve(ref, model.path).resolved;
      const target = found ? ctx.models.get(found) : undefined;
      if (target && target.role.kind === 'postmortem') return read(target);
    }
  }
  return null;
}

function read(model: DocumentModel): PreviousIteration {
  const rootCause = model.headings.find((h) => /\broot causes?\b/i.test(h.text)) ?? null;
  const lessons = model.headings.find((h) => /\blessons\b/i.test(h.text)) ?? null;
  return {
    path: model.path,
    rootCauses: rootCause ? leaves(model.headings, rootCause) : [],
    lessons: lessons ? leaves(model.headings, lessons) : [],
    rootCauseLine: rootCause?.line ?? null,
    lessonsLine: lessons?.line ?? null,
  };
}

/** The innermost headings of a section, each with the heading that groups it. */
function leaves(headings: readonly Heading[], section: Heading): PostmortemItem[] {
  const inside = headings.filter((h) => h.line > section.line && h.line <= section.sectionEnd);
  const items: PostmortemItem[] = [];
  for (const h of inside) {
    const hasChild = inside.some((o) => o.level > h.level && o.line > h.line && o.line <= h.sectionEnd);
    if (hasChild) continue;
    const parent = [...inside].reverse().find((o) => o.level < h.level && o.line < h.line && o.sectionEnd >= h.line) ?? section;
    items.push({ name: clean(h.text), group: clean(parent.text), line: h.line });
  }
  return items;
}

function clean(text: string): string {
  return text.replace(/^\s*(?:\d+[.)]\s*)+/, '').trim();
}
