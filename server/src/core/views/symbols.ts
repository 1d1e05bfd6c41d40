import type { DocumentModel } from '../model/document';
import type { Requirement } from '../model/prd';
import type { Project } from '../project/project';
import type { Range } from '../text/position';

export type SymbolKind = 'phase' | 'task' | 'requirement' | 'kpi' | 'heading';

export interface SymbolView {
  readonly name: string;
  readonly detail: string;
  readonly kind: SymbolKind;
  /** The whole section (1-based lines). */
  readonly range: Range;
  /** The heading or line that names it. */
  readonly selectionRange: Range;
  readonly children: readonly SymbolView[];
}

export interface WorkspaceSymbolView {
  readonly name: string;
  readonly kind: SymbolKind;
  readonly file: string;
  readonly range: Range;
  readonly container: string;
}

function sectionRange(line: number, end: number, selection: Range): Range {
  return { start: { line, column: 1 }, end: { line: Math.max(line, end), column: line >= end ? selection.end.column : 1 } };
}

function requirementSymbols(requirements: readonly Requirement[]): SymbolView[] {
  const top = requirements.filter((r) => r.parent === null);
  return top.map((r) => ({
    name: r.id,
    detail: r.title,
    kind: 'requirement' as const,
    range: sectionRange(r.line, r.endLine, r.range),
    selectionRange: r.range,
    children: requirements
      .filter((c) => c.parent === r.id)
      .map((c) => ({ name: c.id, detail: c.title, kind: 'requirement' as const, range: sectionRange(c.line, c.endLine, c.range), selectionRange: c.range, children: [] })),
  }));
}

/** The outline: phases → tasks in a TODO, requirements and KPIs in a PRD, the heading tree elsewhere. */
export function documentSymbols(model: DocumentModel): SymbolView[] {
  if (model.todo) {
    return model.todo.phases.map((p) => ({
      name: `Phase ${p.number}`,
      detail: `${p.title} · ${p.checklist.checked}/${p.checklist.total}`,
      kind: 'phase' as const,
      range: sectionRange(p.line, p.sectionEnd, p.range),
      selectionRange: p.range,
      children: p.tasks.map((t) => ({ name: t.id, detail: t.title, kind: 'task' as const, range: sectionRange(t.line, t.sectionEnd, t.range), selectionRange: t.range, children: [] })),
    }));
  }
  if (model.prd) {
    const kpis = model.prd.kpis.map((k) => ({ name: k.title, detail: k.target ?? '', kind: 'kpi' as const, range: k.range, selectionRange: k.range, children: [] }));
    return [...requirementSymbols(model.prd.requirements), ...kpis].sort((a, b) => a.range.start.line - b.range.start.line);
  }
  const roots: SymbolView[] = [];
  const stack: { level: number; node: { children: SymbolView[] } }[] = [{ level: 0, node: { children: roots } }];
  for (const h of model.headings) {
    const node = { name: h.text || '(empty heading)', detail: '', kind: 'heading' as const, range: sectionRange(h.line, h.sectionEnd, h.range), selectionRange: h.range, children: [] as SymbolView[] };
    while (stack.length > 1 && (stack[stack.length - 1]?.level ?? 0) >= h.level) stack.pop();
    stack[stack.length - 1]?.node.children.push(node);
    stack.push({ level: h.level, node });
  }
  return roots;
}

/** Case-insensitive subsequence match, as editors filter symbol lists. */
export function fuzzyMatch(query: string, name: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const n = name.toLowerCase();
  let i = 0;
  for (const ch of n) if (ch === q[i]) i++;
  return i >= q.length;
}

/** Phases, tasks, requirements and KPIs of every initiative whose name matches the query. */
export function workspaceSymbols(project: Project, query: string, limit = 1000): WorkspaceSymbolView[] {
  const result: WorkspaceSymbolView[] = [];
  const push = (s: WorkspaceSymbolView): void => {
    if (result.length < limit && fuzzyMatch(query, s.name)) result.push(s);
  };
  for (const initiative of project.initiatives().initiatives) {
    const todo = initiative.todo ? project.model(initiative.todo) : undefined;
    for (const p of todo?.todo?.phases ?? []) {
      push({ name: `Phase ${p.number}: ${p.title}`, kind: 'phase', file: todo?.path ?? '', range: p.range, container: initiative.name });
      for (const t of p.tasks) push({ name: `${t.id}: ${t.title}`, kind: 'task', file: todo?.path ?? '', range: t.range, container: `${initiative.name} · Phase ${p.number}` });
    }
    const prd = initiative.prd ? project.model(initiative.prd) : undefined;
    for (const r of prd?.prd?.requirements ?? []) push({ name: `${r.id}: ${r.title}`, kind: 'requirement', file: prd?.path ?? '', range: r.range, container: initiative.name });
    for (const k of prd?.prd?.kpis ?? []) push({ name: k.title, kind: 'kpi', file: prd?.path ?? '', range: k.range, container: initiative.name });
  }
  return result;
}
