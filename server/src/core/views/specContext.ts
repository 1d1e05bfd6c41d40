import { prefixedIds } from '../analyze/specIds';
import type { DocumentModel } from '../model/document';
import type { Initiative, SpecDocuments } from '../model/initiative';
import type { SpecItem, SpecPhase, SpecTask } from '../model/spec';
import type { Project } from '../project/project';
import { basename } from '../parse/role';
import { contains, initiativeOf } from './lookup';
import { specTokens, type SpecToken } from './specTokens';

/**
 * The text of a workspace document (the editor's when it is open, else the disk's), or null. The
 * models keep no text; the spec views read it to find where each id is written.
 */
export type TextOf = (path: string) => string | null;

export const NO_TEXT: TextOf = () => null;

/** A spec folder as the views read it: its initiative, its requirements and its task list. */
export interface SpecView {
  readonly initiative: Initiative;
  readonly spec: SpecDocuments;
  readonly requirements: DocumentModel | null;
  readonly tasks: DocumentModel | null;
  readonly items: readonly SpecItem[];
  readonly taskList: readonly SpecTask[];
  readonly phases: readonly SpecPhase[];
}

export function specViewOfInitiative(project: Project, initiative: Initiative): SpecView | null {
  const spec = initiative.spec;
  if (!spec) return null;
  const requirements = spec.requirements ? (project.model(spec.requirements) ?? null) : null;
  const tasks = spec.tasks ? (project.model(spec.tasks) ?? null) : null;
  return {
    initiative,
    spec,
    requirements,
    tasks,
    items: requirements?.spec?.items ?? [],
    taskList: tasks?.spec?.tasks ?? [],
    phases: tasks?.spec?.phases ?? [],
  };
}

/** The spec folder a document belongs to, or null for a document of no spec. */
export function specViewOf(project: Project, path: string): SpecView | null {
  const initiative = initiativeOf(project, path);
  return initiative ? specViewOfInitiative(project, initiative) : null;
}

/** The spec's name in the views: its folder's last segment. */
export function specName(view: SpecView): string {
  return basename(view.initiative.key.folder) || view.initiative.key.folder || '.';
}

/** Every Markdown document of the spec folder, the requirements and task list first. */
export function specDocumentPaths(view: SpecView): string[] {
  const { spec } = view;
  const first = [spec.requirements, spec.tasks, spec.design, spec.plan].filter((p): p is string => p !== null);
  return [...new Set([...first, ...view.initiative.documents])].filter((p) => /\.(?:md|markdown)$/i.test(p));
}

export function findItem(view: SpecView, id: string): SpecItem | null {
  return view.items.find((i) => i.id === id) ?? null;
}

export function findSpecTask(view: SpecView, id: string): SpecTask | null {
  return view.taskList.find((t) => t.id === id) ?? null;
}

/** The ids a phase heading names (`Phase 3: User Story 1 - …`): its tasks trace them, as the coverage rule reads it. */
function phaseIds(phase: SpecPhase | undefined): Set<string> {
  const ids = new Set<string>();
  if (!phase) return ids;
  for (const p of prefixedIds(phase.title)) ids.add(p.id);
  for (const m of phase.title.matchAll(/\bUser Story\s+(\d+)\b/gi)) ids.add(`US-${Number(m[1])}`);
  return ids;
}

const definedIds = new WeakMap<readonly SpecItem[], ReadonlySet<string>>();

function defined(view: SpecView): ReadonlySet<string> {
  let ids = definedIds.get(view.items);
  if (!ids) definedIds.set(view.items, (ids = new Set(view.items.map((i) => i.id))));
  return ids;
}

/** Whether a task traces an item: by its own traces, by its phase's heading, or (for a Kiro requirement) through one of its defined criteria. */
export function traces(view: SpecView, task: SpecTask, item: SpecItem): boolean {
  const prefix = item.family === 'KIRO' && item.kind === 'requirement' ? `${item.id}.` : null;
  for (const tr of task.traces) for (const id of tr.ids) if (id === item.id || (prefix !== null && id.startsWith(prefix) && defined(view).has(id))) return true;
  return phaseIds(view.phases[task.phase]).has(item.id);
}

export function tracersOf(view: SpecView, item: SpecItem): SpecTask[] {
  return view.taskList.filter((t) => traces(view, t, item));
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `traced by 3 tasks (2 done)`, `traced by no task`. */
export function coverageText(tasks: readonly SpecTask[]): string {
  if (tasks.length === 0) return 'traced by no task';
  return `traced by ${plural(tasks.length, 'task')} (${tasks.filter((t) => t.checked).length} done)`;
}

/** A task as a reader names it: `T003`, `3.1`, or its text when it has no id. */
export function taskName(task: SpecTask): string {
  return task.id ?? task.text;
}

/** What stands under the cursor in a spec document: an id as written, or a definition line with no id to point at. */
export type SpecTarget =
  | { readonly kind: 'item'; readonly id: string; readonly token: SpecToken | null; readonly range: SpecItem['range'] }
  | { readonly kind: 'task'; readonly id: string; readonly token: SpecToken; readonly range: SpecToken['range'] };

function isTaskLine(view: SpecView, path: string, line: number): boolean {
  return path === view.spec.tasks && view.taskList.some((t) => t.line === line);
}

/** Whether lines are inside fenced code, by a simple fence toggle (ids in code samples are not ids). */
function fencedLines(lines: readonly string[]): boolean[] {
  const fenced: boolean[] = [];
  let fence: string | null = null;
  for (const text of lines) {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(text);
    if (fence === null && m) {
      fence = m[1]?.[0] ?? '`';
      fenced.push(true);
    } else if (fence !== null) {
      fenced.push(true);
      if (m && m[1]?.[0] === fence) fence = null;
    } else fenced.push(false);
  }
  return fenced;
}

/** Every spec id written in a document of the spec, line by line, outside fenced code. */
export function tokensIn(view: SpecView, path: string, text: string): SpecToken[] {
  const lines = text.split(/\r?\n/);
  const fenced = fencedLines(lines);
  const out: SpecToken[] = [];
  lines.forEach((t, i) => {
    if (!fenced[i]) out.push(...specTokens(t, i + 1, { taskLine: isTaskLine(view, path, i + 1) }));
  });
  return out;
}

/** The id under the cursor, or the requirement, criterion or story defined on that line. */
export function specTargetAt(view: SpecView, path: string, lineText: string | null, line: number, column: number): SpecTarget | null {
  if (lineText !== null) {
    const token = specTokens(lineText, line, { taskLine: isTaskLine(view, path, line) }).find((t) => contains(t.range, line, column));
    if (token) return token.kind === 'task' ? { kind: 'task', id: token.id, token, range: token.range } : { kind: 'item', id: token.id, token, range: token.range };
  }
  if (path === view.spec.requirements) {
    const item = view.items.find((i) => i.line === line && contains(i.range, line, column));
    if (item) return { kind: 'item', id: item.id, token: null, range: item.range };
  }
  return null;
}

/** The text of one line of a document, or null. */
export function lineOf(texts: TextOf, path: string, line: number): string | null {
  const text = texts(path);
  if (text === null) return null;
  return text.split(/\r?\n/)[line - 1] ?? null;
}
