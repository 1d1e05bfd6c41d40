import type { DocumentModel, Reference } from '../model/document';
import type { Initiative } from '../model/initiative';
import type { Requirement } from '../model/prd';
import type { Phase, Task } from '../model/todo';
import type { Project } from '../project/project';
import type { Range } from '../text/position';

/** What stands at a position of a document, as far as the navigation features care. */
export type Target =
  | { readonly kind: 'requirement'; readonly id: string; readonly range: Range }
  | { readonly kind: 'kpi'; readonly kpi: Requirement; readonly range: Range }
  | { readonly kind: 'task'; readonly id: string; readonly range: Range }
  | { readonly kind: 'phase'; readonly phase: Phase; readonly range: Range }
  | { readonly kind: 'path'; readonly reference: Reference; readonly range: Range };

/** Whether a 1-based (line, column) lies inside a range; the end column counts, so a cursor right after a word hits it. */
export function contains(range: Range, line: number, column: number): boolean {
  if (line < range.start.line || line > range.end.line) return false;
  if (line === range.start.line && column < range.start.column) return false;
  if (line === range.end.line && column > range.end.column) return false;
  return true;
}

/** The target under the cursor: an id mention first (the narrowest), then a path, then a KPI or phase line. */
export function targetAt(model: DocumentModel, line: number, column: number): Target | null {
  for (const m of model.mentions) {
    if (m.line === line && contains(m.range, line, column)) return { kind: m.kind, id: m.id, range: m.range };
  }
  for (const r of model.references) {
    if (r.line === line && contains(r.range, line, column)) return { kind: 'path', reference: r, range: r.range };
  }
  const kpi = model.prd?.kpis.find((k) => k.line === line);
  if (kpi) return { kind: 'kpi', kpi, range: kpi.range };
  const phase = model.todo?.phases.find((p) => p.line === line);
  if (phase) return { kind: 'phase', phase, range: phase.range };
  return null;
}

export function initiativeOf(project: Project, path: string): Initiative | null {
  return project.ruleContext().initiativeOf(path);
}

export function prdOf(project: Project, initiative: Initiative | null): DocumentModel | null {
  return initiative?.prd ? (project.model(initiative.prd) ?? null) : null;
}

export function todoOf(project: Project, initiative: Initiative | null): DocumentModel | null {
  return initiative?.todo ? (project.model(initiative.todo) ?? null) : null;
}

/** The requirement with this id in the initiative's PRD (sub-requirements included). */
export function findRequirement(project: Project, initiative: Initiative | null, id: string): { prd: DocumentModel; requirement: Requirement } | null {
  const prd = prdOf(project, initiative);
  const requirement = prd?.prd?.requirements.find((r) => r.id === id) ?? prd?.prd?.kpis.find((k) => k.id === id);
  return prd && requirement ? { prd, requirement } : null;
}

export function findTask(project: Project, initiative: Initiative | null, id: string): { todo: DocumentModel; phase: Phase; task: Task } | null {
  const todo = todoOf(project, initiative);
  for (const phase of todo?.todo?.phases ?? []) {
    const task = phase.tasks.find((t) => t.id === id);
    if (todo && task) return { todo, phase, task };
  }
  return null;
}

/** The documents a mention can refer across: the initiative's, else the document alone. */
export function scopeOf(project: Project, path: string): readonly string[] {
  return initiativeOf(project, path)?.documents ?? [path];
}

/** Checked and total boxes among the given checkbox indexes of a model. */
export function progress(model: DocumentModel, indexes: Iterable<number>): { done: number; total: number } {
  let done = 0;
  let total = 0;
  for (const i of indexes) {
    const box = model.checkboxes[i];
    if (!box) continue;
    total++;
    if (box.checked) done++;
  }
  return { done, total };
}

/** Indexes of the boxes whose line lies in [from, to]. */
export function boxesBetween(model: DocumentModel, from: number, to: number): number[] {
  const result: number[] = [];
  model.checkboxes.forEach((b, i) => {
    if (b.line >= from && b.line <= to) result.push(i);
  });
  return result;
}
