import type { InitiativeId, InitiativeNode, SpecItemNode, SpecNode, SpecPhaseNode, SpecProgress, SpecTaskNode } from '../../../server/src/protocol';
import { percent, plural, progressText, shorten } from './format';
import type { IconSpec, ViewNode } from './viewNode';

/** What the tree builder hands the spec rows: unique ids and a place to put rows (buildView.ts's Collector). */
export interface NodeSink {
  readonly nodes: Map<string, ViewNode>;
  uniqueId(base: string): string;
  add(node: ViewNode): string;
}

export interface SpecViewOptions {
  readonly openOnly: boolean;
}

const TITLE_MAX = 40;
const TASK_MAX = 60;

/** `3/5 · 60%`, with the optional tasks apart: `3/5 · 60% · optional 1/2`. */
export function specProgressText(p: SpecProgress): string {
  const optional = p.optionalTotal > 0 ? `optional ${p.optionalDone}/${p.optionalTotal}` : '';
  return [progressText(p.done, p.total), optional].filter((s) => s !== '').join(' · ');
}

function progressTooltip(p: SpecProgress): string {
  const optional = p.optionalTotal > 0 ? `\n${p.optionalDone} of ${p.optionalTotal} optional tasks done (not counted)` : '';
  return `${p.done} of ${p.total} tasks done (${percent(p.done, p.total)}%)${optional}`;
}

function row(initiative: InitiativeId, fields: Omit<ViewNode, 'initiative' | 'phase' | 'expanded'> & { expanded?: boolean; phase?: string | null }): ViewNode {
  return { expanded: false, phase: null, ...fields, initiative };
}

function taskIsOpen(task: SpecTaskNode): boolean {
  return !task.checked || task.children.some(taskIsOpen);
}

function taskIcon(task: SpecTaskNode): IconSpec {
  if (task.checked) return { id: 'pass', color: 'testing.iconPassed' };
  return task.optional ? { id: 'circle-large-outline', color: 'disabledForeground' } : { id: 'circle-large-outline' };
}

function addTasks(out: NodeSink, initiative: InitiativeId, parentId: string, tasks: readonly SpecTaskNode[], options: SpecViewOptions): string[] {
  const ids: string[] = [];
  for (const task of tasks) {
    if (options.openOnly && !taskIsOpen(task)) continue;
    // Keyed by id (or line) so that editing above a task keeps its row.
    const id = out.uniqueId(`${parentId}|t:${task.id ?? `L${task.location.line}`}`);
    out.nodes.set(id, row(initiative, { id, kind: 'item', label: '', description: '', tooltip: '', icon: { id: 'circle-large-outline' }, location: null, contextValue: '', children: [] }));
    const children = addTasks(out, initiative, id, task.children, options);
    const sub = countTasks(task.children);
    const label = shorten(task.id ? `${task.id} ${task.text}` : task.text, TASK_MAX);
    const traces = task.traces.length > 0 ? `\nTraces: ${task.traces.join(', ')}` : '';
    ids.push(
      out.add(
        row(initiative, {
          id,
          kind: 'item',
          label,
          description: [task.optional ? 'optional' : '', sub.total > 0 ? `${sub.done}/${sub.total}` : ''].filter((s) => s !== '').join(' · '),
          tooltip: `${task.checked ? '☑' : '☐'} ${task.id ? `${task.id} ` : ''}${task.text}${task.optional ? ' (optional)' : ''}${traces}\nLine ${task.location.line + 1}`,
          icon: taskIcon(task),
          location: task.location,
          // proofmark.item.* rows can be toggled from the tree, like a TODO's checklist items.
          contextValue: task.checked ? 'proofmark.item.done' : 'proofmark.item.open',
          expanded: !task.checked && children.length > 0,
          children,
        }),
      ),
    );
  }
  return ids;
}

function countTasks(tasks: readonly SpecTaskNode[]): { done: number; total: number } {
  let done = 0;
  let total = 0;
  for (const t of tasks) {
    const sub = countTasks(t.children);
    total += 1 + sub.total;
    done += (t.checked ? 1 : 0) + sub.done;
  }
  return { done, total };
}

function addPhase(out: NodeSink, initiative: InitiativeId, parentId: string, phase: SpecPhaseNode, current: boolean, options: SpecViewOptions): string | null {
  if (options.openOnly && phase.done >= phase.total && phase.optionalDone >= phase.optionalTotal) return null;
  const id = out.uniqueId(`${parentId}|sp:${phase.number}`);
  out.nodes.set(id, row(initiative, { id, kind: 'phase', label: '', description: '', tooltip: '', icon: { id: 'circle-large-outline' }, location: null, contextValue: '', children: [] }));
  const children = addTasks(out, initiative, id, phase.tasks, options);
  const done = phase.total > 0 && phase.done === phase.total;
  return out.add(
    row(initiative, {
      id,
      kind: 'phase',
      label: `Phase ${phase.number}: ${shorten(phase.title, TITLE_MAX)}`,
      description: specProgressText(phase),
      tooltip: `Phase ${phase.number} — ${phase.title}\n${progressTooltip(phase)}`,
      icon: done ? { id: 'pass-filled', color: 'testing.iconPassed' } : phase.done > 0 ? { id: 'play-circle', color: 'charts.yellow' } : { id: 'circle-large-outline' },
      location: phase.location,
      contextValue: 'proofmark.spec.phase',
      expanded: current,
      children,
      phase: phase.number,
    }),
  );
}

function itemName(item: SpecItemNode): string {
  return item.kind === 'criterion' ? item.id : item.label;
}

function addItems(out: NodeSink, initiative: InitiativeId, parentId: string, spec: SpecNode, options: SpecViewOptions): string {
  const id = out.uniqueId(`${parentId}|requirements`);
  out.nodes.set(id, row(initiative, { id, kind: 'requirements', label: '', description: '', tooltip: '', icon: { id: 'book' }, location: null, contextValue: '', children: [] }));
  const covered = spec.items.filter((i) => i.tracedBy > 0).length;
  const children = spec.items
    .filter((i) => !options.openOnly || i.tracedBy === 0)
    .map((item) =>
      out.add(
        row(initiative, {
          id: out.uniqueId(`${id}|r:${item.id}`),
          kind: 'requirement',
          label: shorten(item.text && item.text !== item.label ? `${itemName(item)}: ${item.text}` : itemName(item), TASK_MAX),
          description: item.tracedBy === 0 ? 'traced by no task' : `${plural(item.tracedBy, 'task')} · ${item.tracedDone} done`,
          tooltip: `${itemName(item)} ${item.text}\n${item.tracedBy === 0 ? 'Traced by no task' : `Traced by ${plural(item.tracedBy, 'task')} (${item.tracedDone} done)`}`,
          icon: item.tracedBy === 0 ? { id: 'circle-slash', color: 'list.warningForeground' } : item.tracedDone === item.tracedBy ? { id: 'verified-filled', color: 'testing.iconPassed' } : { id: 'info', color: 'charts.yellow' },
          location: item.location,
          contextValue: item.tracedBy === 0 ? 'proofmark.spec.requirement.uncovered' : 'proofmark.spec.requirement.covered',
          children: [],
        }),
      ),
    );
  return out.add(
    row(initiative, {
      id,
      kind: 'requirements',
      label: 'Requirements',
      description: `${covered}/${spec.items.length} traced`,
      tooltip: `${covered} of ${spec.items.length} requirements, criteria and stories are traced by a task`,
      icon: { id: 'book' },
      location: spec.requirements ? { uri: spec.requirements, line: 0 } : null,
      contextValue: 'proofmark.spec.requirements',
      children,
    }),
  );
}

/** The rows under a spec: its phases (or, for a list with none, its tasks), then its requirements. */
export function addSpecChildren(out: NodeSink, owner: InitiativeNode, spec: SpecNode, parentId: string, options: SpecViewOptions): string[] {
  const children: string[] = [];
  for (const phase of spec.phases) {
    const child = addPhase(out, owner.initiative, parentId, phase, phase.number === owner.currentPhase, options);
    if (child !== null) children.push(child);
  }
  children.push(...addTasks(out, owner.initiative, parentId, spec.looseTasks, options));
  if (spec.items.length > 0) children.push(addItems(out, owner.initiative, parentId, spec, options));
  return children;
}

/** The description and tooltip of a spec's own row. */
export function specSummary(owner: InitiativeNode, spec: SpecNode): { description: string; tooltip: string } {
  const covered = spec.items.filter((i) => i.tracedBy > 0).length;
  const description = [specProgressText(spec), owner.findings > 0 ? plural(owner.findings, 'finding') : ''].filter((p) => p !== '').join(' · ');
  const tooltip = [
    owner.name,
    `Folder: ${owner.initiative.folder || '(workspace root)'}`,
    spec.tasks ? `Tasks: ${spec.tasks}` : 'No task list found',
    spec.requirements ? `Requirements: ${spec.requirements}` : 'No requirements document found',
    progressTooltip(spec),
    spec.items.length > 0 ? `${covered} of ${spec.items.length} requirements, criteria and stories traced by a task` : '',
    plural(owner.findings, 'open finding'),
  ].filter((l) => l !== '').join('\n');
  return { description, tooltip };
}
