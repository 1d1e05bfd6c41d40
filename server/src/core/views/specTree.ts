import type { SpecItemNode, SpecNode, SpecPhaseNode, SpecProgress, SpecTaskNode } from '../../protocol';
import type { SpecTask } from '../model/spec';
import { specName, tracersOf, type SpecView } from './specContext';
import { location0, type Locator } from './locator';

/** Required tasks done/total, optional ones (`- [ ]*`, dropped) apart. */
export function specProgress(tasks: readonly SpecTask[]): SpecProgress {
  let done = 0;
  let total = 0;
  let optionalDone = 0;
  let optionalTotal = 0;
  for (const t of tasks) {
    if (t.optional) {
      optionalTotal++;
      if (t.checked) optionalDone++;
    } else {
      total++;
      if (t.checked) done++;
    }
  }
  return { done, total, optionalDone, optionalTotal };
}

function taskNodes(locator: Locator, view: SpecView, path: string, indexes: readonly number[]): SpecTaskNode[] {
  const children = new Map<number, number[]>();
  view.taskList.forEach((t, i) => {
    if (t.parent >= 0) children.set(t.parent, [...(children.get(t.parent) ?? []), i]);
  });
  const build = (i: number): SpecTaskNode => {
    const t = view.taskList[i];
    if (!t) throw new Error(`no task ${i}`);
    return {
      id: t.id,
      text: t.text,
      checked: t.checked,
      optional: t.optional,
      location: location0(locator, path, t.line),
      traces: [...new Set(t.traces.flatMap((tr) => tr.ids))],
      children: (children.get(i) ?? []).map(build),
    };
  };
  return indexes.map(build);
}

/** Top-level tasks of a phase (-1: outside every phase): those whose parent is not in the same place. */
function roots(view: SpecView, phase: number): number[] {
  const out: number[] = [];
  view.taskList.forEach((t, i) => {
    if (t.phase !== phase) return;
    const parent = view.taskList[t.parent];
    if (!parent || parent.phase !== phase) out.push(i);
  });
  return out;
}

/** The tree of one spec folder: phases → tasks → sub-tasks with their progress, and each requirement's coverage. */
export function specNode(locator: Locator, view: SpecView): SpecNode {
  const tasksPath = view.tasks?.path ?? '';
  const phases: SpecPhaseNode[] = view.phases.map((p, index) => ({
    number: p.number,
    title: p.title,
    location: location0(locator, tasksPath, p.line),
    tasks: taskNodes(locator, view, tasksPath, roots(view, index)),
    ...specProgress(view.taskList.filter((t) => t.phase === index)),
  }));
  const items: SpecItemNode[] = view.items.map((item) => {
    const tracers = tracersOf(view, item);
    return {
      id: item.id,
      label: item.label,
      text: item.text,
      kind: item.kind,
      location: location0(locator, view.requirements?.path ?? '', item.line),
      tracedBy: tracers.length,
      tracedDone: tracers.filter((t) => t.checked).length,
    };
  });
  return {
    layout: view.spec.layout,
    requirements: view.spec.requirements ? locator.uri(view.spec.requirements) : null,
    tasks: view.spec.tasks ? locator.uri(view.spec.tasks) : null,
    phases,
    looseTasks: taskNodes(locator, view, tasksPath, roots(view, -1)),
    items,
    ...specProgress(view.taskList),
  };
}

/** How the tree names a spec: its folder and layout, `002-field-export · spec-kit`. */
export function specTitle(view: SpecView): string {
  return `${specName(view)} · ${view.spec.layout}`;
}
