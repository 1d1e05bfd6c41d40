import type { Project } from '../project/project';
import type { Range } from '../text/position';
import { findRequirement, findTask, initiativeOf, scopeOf, targetAt } from './lookup';
import { lineOf, NO_TEXT, specTargetAt, specViewOf, type SpecTarget, type SpecView, type TextOf } from './specContext';
import { specDefinition, specReferences } from './specNavigation';

export interface FileLocation {
  readonly file: string;
  readonly range: Range;
}

const TOP: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/** The spec id under the cursor, in a document of a spec folder. */
export function specAt(project: Project, path: string, line: number, column: number, texts: TextOf): { view: SpecView; target: SpecTarget } | null {
  const view = specViewOf(project, path);
  const target = view ? specTargetAt(view, path, lineOf(texts, path, line), line, column) : null;
  return view && target ? { view, target } : null;
}

/** Where the id, path or output under the cursor is defined: the PRD line, the TODO task heading, the file. */
export function definitionAt(project: Project, path: string, line: number, column: number, texts: TextOf = NO_TEXT): FileLocation[] {
  const spec = specAt(project, path, line, column, texts);
  if (spec) {
    const found = specDefinition(spec.view, spec.target);
    if (found) return [found];
  }
  const model = project.model(path);
  const target = model ? targetAt(model, line, column) : null;
  if (!model || !target) return [];
  const initiative = initiativeOf(project, path);
  switch (target.kind) {
    case 'requirement': {
      const found = findRequirement(project, initiative, target.id);
      return found ? [{ file: found.prd.path, range: found.requirement.range }] : [];
    }
    case 'kpi':
      return [{ file: path, range: target.kpi.range }];
    case 'task': {
      const found = findTask(project, initiative, target.id);
      return found ? [{ file: found.todo.path, range: found.task.range }] : [];
    }
    case 'path': {
      const r = project.ruleContext().resolve(target.reference, path);
      return r.resolved !== null && project.index.hasFile(r.resolved) ? [{ file: r.resolved, range: TOP }] : [];
    }
    case 'phase':
      return [];
  }
}

/** Every mention of the id (or citation of the file) under the cursor across the initiative, in document order. */
export function referencesAt(project: Project, path: string, line: number, column: number, includeDeclaration: boolean, texts: TextOf = NO_TEXT): FileLocation[] {
  const spec = specAt(project, path, line, column, texts);
  if (spec && specDefinition(spec.view, spec.target)) return specReferences(spec.view, spec.target, texts, includeDeclaration);
  const model = project.model(path);
  const target = model ? targetAt(model, line, column) : null;
  if (!model || !target) return [];
  const result: FileLocation[] = [];
  const scope = scopeOf(project, path);
  if (target.kind === 'requirement' || target.kind === 'task') {
    const declaration = target.kind === 'requirement' ? findRequirement(project, initiativeOf(project, path), target.id) : null;
    const task = target.kind === 'task' ? findTask(project, initiativeOf(project, path), target.id) : null;
    const declared = declaration ? { file: declaration.prd.path, line: declaration.requirement.line } : task ? { file: task.todo.path, line: task.task.line } : null;
    for (const file of scope) {
      for (const m of project.model(file)?.mentions ?? []) {
        if (m.kind !== target.kind || m.id !== target.id) continue;
        if (!includeDeclaration && declared && declared.file === file && declared.line === m.line) continue;
        result.push({ file, range: m.range });
      }
    }
    return result;
  }
  if (target.kind === 'path') {
    const ctx = project.ruleContext();
    const wanted = ctx.resolve(target.reference, path).resolved;
    for (const file of scope) {
      for (const r of project.model(file)?.references ?? []) {
        const same = wanted !== null ? ctx.resolve(r, file).resolved === wanted : r.target === target.reference.target && file === path;
        if (same) result.push({ file, range: r.range });
      }
    }
    if (includeDeclaration && wanted !== null && project.index.hasFile(wanted)) result.unshift({ file: wanted, range: TOP });
    return result;
  }
  return [];
}
