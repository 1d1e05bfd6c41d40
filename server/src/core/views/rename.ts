import type { Project } from '../project/project';
import type { Range } from '../text/position';
import { findRequirement, findTask, initiativeOf, scopeOf, targetAt } from './lookup';
import { NO_TEXT, type TextOf } from './specContext';
import { specPrepareRename, specRename } from './specNavigation';
import { specAt } from './navigation';

export interface FileEdit {
  readonly file: string;
  readonly range: Range;
  readonly newText: string;
}

export type PrepareRenameView = { readonly range: Range; readonly placeholder: string } | { readonly error: string };
export type RenameView = { readonly edits: readonly FileEdit[] } | { readonly error: string };

const TASK_ID = /^T\d+(?:\.\d+)+$/;

function renamable(project: Project, path: string, line: number, column: number): { kind: 'requirement' | 'task'; id: string; range: Range } | { error: string } {
  const model = project.model(path);
  const target = model ? targetAt(model, line, column) : null;
  if (!target || (target.kind !== 'requirement' && target.kind !== 'task')) {
    return { error: 'Only a requirement id (FR1, NFR3, AC2) or a task id (T8.1) can be renamed.' };
  }
  return { kind: target.kind, id: target.id, range: target.range };
}

export function prepareRenameAt(project: Project, path: string, line: number, column: number, texts: TextOf = NO_TEXT): PrepareRenameView {
  const spec = specAt(project, path, line, column, texts);
  if (spec) return specPrepareRename(spec.target);
  const r = renamable(project, path, line, column);
  return 'error' in r ? r : { range: r.range, placeholder: r.id };
}

/** Whether an id is taken in the initiative: defined in the PRD or TODO, or mentioned anywhere. */
function taken(project: Project, path: string, kind: 'requirement' | 'task', id: string): boolean {
  const initiative = initiativeOf(project, path);
  if (kind === 'requirement' && findRequirement(project, initiative, id)) return true;
  if (kind === 'task' && findTask(project, initiative, id)) return true;
  return scopeOf(project, path).some((file) => project.model(file)?.mentions.some((m) => m.kind === kind && m.id === id));
}

/**
 * Renames a requirement or task id in every document of the initiative, sub-ids included
 * (FR1 → FR7 turns FR1.2 into FR7.2). Refused when the new id is malformed or already exists.
 */
export function renameAt(project: Project, path: string, line: number, column: number, newName: string, texts: TextOf = NO_TEXT): RenameView {
  const spec = specAt(project, path, line, column, texts);
  if (spec) return specRename(spec.view, spec.target, texts, newName);
  const r = renamable(project, path, line, column);
  if ('error' in r) return r;
  const next = newName.trim();
  const kinds = project.ruleContext().c.requirementKinds;
  const valid = r.kind === 'task' ? TASK_ID.test(next) : new RegExp(`^(?:${[...kinds].join('|')})\\d+(?:\\.\\d+)*$`).test(next);
  if (!valid) {
    const shape = r.kind === 'task' ? 'T<phase>.<n>, e.g. T8.2' : `${[...kinds].join('/')} followed by a number, e.g. FR7 or FR7.1`;
    return { error: `"${next}" is not a ${r.kind} id: write ${shape}.` };
  }
  if (next === r.id) return { edits: [] };
  if (taken(project, path, r.kind, next)) return { error: `${next} already exists in this initiative; renaming ${r.id} to it would merge two ${r.kind === 'task' ? 'tasks' : 'requirements'}.` };
  const edits: FileEdit[] = [];
  for (const file of scopeOf(project, path)) {
    for (const m of project.model(file)?.mentions ?? []) {
      if (m.kind !== r.kind) continue;
      if (m.id === r.id) edits.push({ file, range: m.range, newText: next });
      else if (m.id.startsWith(`${r.id}.`)) edits.push({ file, range: m.range, newText: next + m.id.slice(r.id.length) });
    }
  }
  return { edits };
}
