import type {
  ChecklistItemNode,
  CompletionTree,
  InitiativeId,
  InitiativeNode,
  PhaseNode,
  RequirementNode,
  SpecNode,
  TaskGroupNode,
} from '../../../server/src/protocol';
import { evidenceIcon, evidenceText, percent, phaseIcon, phaseStateText, plural, progressText, shorten } from './format';
import { distinguishers, shortName } from './initiativeNames';
import { addSpecChildren, specSummary } from './specView';
import type { ViewModel, ViewNode } from './viewNode';

export interface ViewOptions {
  /** Show only what is still open: unchecked items, unfinished phases, requirements without evidence. */
  readonly openOnly: boolean;
}

export function initiativeKey(initiative: InitiativeId): string {
  return `${initiative.root}|${initiative.folder}|${initiative.id}`;
}

/** Collects nodes and hands out ids that stay unique even when two rows would share one. */
class Collector {
  readonly nodes = new Map<string, ViewNode>();

  uniqueId(base: string): string {
    if (!this.nodes.has(base)) return base;
    let n = 2;
    while (this.nodes.has(`${base}#${n}`)) n++;
    return `${base}#${n}`;
  }

  add(node: ViewNode): string {
    this.nodes.set(node.id, node);
    return node.id;
  }
}

/**
 * Turns the server's completion tree into the rows of the side panel. Pure: the same tree and
 * options always give the same ids and rows, which is what lets the provider refresh only the
 * rows that changed.
 */
export function buildView(tree: CompletionTree, options: ViewOptions): ViewModel {
  const out = new Collector();
  const places = distinguishers(tree.initiatives);
  // Nothing opens by itself in a workspace of many initiatives; a single one is what the user came for.
  const expand = tree.initiatives.length === 1;
  const roots = tree.initiatives.map((initiative) => addInitiative(out, initiative, options, places.get(initiative) ?? '', expand));
  return { roots, nodes: out.nodes };
}

/** Longest phase title kept whole in a row, so that the counts after it stay in view. */
const PHASE_TITLE_MAX = 40;

function addInitiative(out: Collector, node: InitiativeNode, options: ViewOptions, place: string, expand: boolean): string {
  const key = initiativeKey(node.initiative);
  const id = out.uniqueId(`i:${key}`);
  // Reserve the id before the children take theirs.
  out.nodes.set(id, placeholder(id, node.initiative));
  if (node.spec) return addSpec(out, node, node.spec, id, options, place, expand);
  const children: string[] = [];
  for (const phase of node.phases) {
    if (options.openOnly && !phaseIsOpen(phase)) continue;
    children.push(addPhase(out, node, phase, phase.number === node.currentPhase, options));
  }
  if (node.requirements.length > 0) children.push(addRequirements(out, node, options));
  // Counts first, then what tells this initiative from others of the same name.
  const description = [progressText(node.done, node.total), node.findings > 0 ? plural(node.findings, 'finding') : '', place].filter((p) => p !== '').join(' · ');
  return out.add({
    id,
    kind: 'initiative',
    label: shortName(node),
    description,
    tooltip: [
      node.name,
      `Folder: ${node.initiative.folder || '(workspace root)'}${node.initiative.id ? ` · id ${node.initiative.id}` : ''}`,
      node.todo ? `TODO: ${node.todo}` : 'No TODO found',
      node.prd ? `PRD: ${node.prd}` : 'No PRD found',
      `${node.done} of ${node.total} checklist items done (${percent(node.done, node.total)}%)`,
      node.currentPhase ? `Current phase: ${node.currentPhase}` : '',
      plural(node.findings, 'open finding'),
    ].filter((line) => line !== '').join('\n'),
    icon: { id: 'project' },
    location: node.todo ? { uri: node.todo, line: 0 } : null,
    contextValue: 'proofmark.initiative',
    expanded: expand,
    children,
    initiative: node.initiative,
    phase: null,
  });
}

/** A spec folder: named by folder and layout, its phases, tasks and requirements below it. */
function addSpec(out: Collector, node: InitiativeNode, spec: SpecNode, id: string, options: ViewOptions, place: string, expand: boolean): string {
  const children = addSpecChildren(out, node, spec, id, options);
  const summary = specSummary(node, spec);
  return out.add({
    id,
    kind: 'initiative',
    label: shortName(node),
    description: [summary.description, place].filter((p) => p !== '').join(' · '),
    tooltip: summary.tooltip,
    icon: { id: 'checklist' },
    location: spec.tasks ? { uri: spec.tasks, line: 0 } : spec.requirements ? { uri: spec.requirements, line: 0 } : null,
    contextValue: 'proofmark.spec',
    expanded: expand,
    children,
    initiative: node.initiative,
    phase: null,
  });
}

function placeholder(id: string, initiative: InitiativeId): ViewNode {
  return { id, kind: 'initiative', label: '', description: '', tooltip: '', icon: { id: 'project' }, location: null, contextValue: '', expanded: false, children: [], initiative, phase: null };
}

function phaseIsOpen(phase: PhaseNode): boolean {
  return phase.state !== 'done' || phase.done < phase.total || phase.outputs.some((o) => !o.exists);
}

function addPhase(out: Collector, owner: InitiativeNode, phase: PhaseNode, current: boolean, options: ViewOptions): string {
  const base = `i:${initiativeKey(owner.initiative)}|p:${phase.number}`;
  const id = out.uniqueId(base);
  out.nodes.set(id, placeholder(id, owner.initiative));
  const children: string[] = [];
  const outputs = addOutputs(out, owner.initiative, id, phase, options);
  if (outputs !== null) children.push(outputs);
  for (const group of phase.groups) {
    const child = addGroup(out, owner.initiative, id, phase.number, group, current, options);
    if (child !== null) children.push(child);
  }
  const existing = phase.outputs.filter((o) => o.exists).length;
  // Marked done while boxes are open: the contradiction Proofmark exists to show, so it gets its own icon.
  const contradicted = phase.state === 'done' && phase.done < phase.total;
  const parts = [
    progressText(phase.done, phase.total),
    phase.outputs.length > 0 ? `outputs ${existing}/${phase.outputs.length}` : '',
    phase.findings > 0 ? plural(phase.findings, 'finding') : '',
  ].filter((part) => part !== '');
  return out.add({
    id,
    kind: 'phase',
    label: `Phase ${phase.number}: ${shorten(phase.title, PHASE_TITLE_MAX)}`,
    description: parts.join(' · '),
    tooltip: [
      `Phase ${phase.number} — ${phase.title}`,
      `Status: ${phase.statusText || phaseStateText(phase.state)}`,
      contradicted ? `Marked done, but ${plural(phase.total - phase.done, 'box is', 'boxes are')} still open` : '',
      `${phase.done} of ${phase.total} checklist items done (${percent(phase.done, phase.total)}%)`,
      phase.outputs.length > 0 ? `Outputs: ${existing} of ${phase.outputs.length} exist` : '',
      plural(phase.findings, 'open finding'),
    ].filter((line) => line !== '').join('\n'),
    icon: contradicted ? { id: 'warning', color: 'list.warningForeground' } : phaseIcon(phase.state),
    location: phase.location,
    contextValue: 'proofmark.phase',
    expanded: current,
    children,
    initiative: owner.initiative,
    phase: phase.number,
  });
}

function addOutputs(out: Collector, initiative: InitiativeId, parentId: string, phase: PhaseNode, options: ViewOptions): string | null {
  const shown = phase.outputs.filter((o) => !options.openOnly || !o.exists);
  if (shown.length === 0) return null;
  const id = out.uniqueId(`${parentId}|outputs`);
  const existing = phase.outputs.filter((o) => o.exists).length;
  const children = shown.map((output) =>
    out.add({
      id: out.uniqueId(`${parentId}|o:${output.kind}`),
      kind: 'output',
      label: output.name,
      description: output.exists ? 'exists' : 'missing',
      tooltip: `${output.kind}: ${output.name} ${output.exists ? 'exists' : 'does not exist yet'}`,
      icon: output.exists ? { id: 'file', color: 'testing.iconPassed' } : { id: 'file-add', color: 'list.warningForeground' },
      location: output.exists && output.uri ? { uri: output.uri, line: 0 } : null,
      contextValue: output.exists ? 'proofmark.output.exists' : 'proofmark.output.missing',
      expanded: false,
      children: [],
      initiative,
      phase: phase.number,
    }),
  );
  return out.add({
    id,
    kind: 'outputs',
    label: 'Outputs',
    description: `${existing}/${phase.outputs.length}`,
    tooltip: `${existing} of ${phase.outputs.length} expected outputs exist`,
    icon: { id: 'files' },
    location: null,
    contextValue: 'proofmark.outputs',
    expanded: false,
    children,
    initiative,
    phase: phase.number,
  });
}

function addGroup(
  out: Collector,
  initiative: InitiativeId,
  parentId: string,
  phase: string,
  group: TaskGroupNode,
  current: boolean,
  options: ViewOptions,
): string | null {
  // Groups are keyed by label so that inserting a line above keeps their expansion state.
  const id = out.uniqueId(`${parentId}|g:${group.label}`);
  out.nodes.set(id, placeholder(id, initiative));
  const children = addItems(out, initiative, parentId, phase, group.items, options);
  if (options.openOnly && children.length === 0) {
    out.nodes.delete(id);
    return null;
  }
  return out.add({
    id,
    kind: 'group',
    label: group.label,
    description: group.total > 0 ? `${group.done}/${group.total}` : '',
    tooltip: group.total > 0 ? `${group.label}\n${group.done} of ${group.total} done` : group.label,
    icon: group.kind === 'task' ? { id: 'tasklist' } : group.total > 0 && group.done === group.total ? { id: 'checklist', color: 'testing.iconPassed' } : { id: 'checklist' },
    location: group.location,
    contextValue: `proofmark.group.${group.kind}`,
    // Inside the current phase, the groups still open, the finished ones closed.
    expanded: current && group.done < group.total,
    children,
    initiative,
    phase,
  });
}

function itemIsOpen(item: ChecklistItemNode): boolean {
  return !item.checked || item.children.some(itemIsOpen);
}

function addItems(
  out: Collector,
  initiative: InitiativeId,
  phaseId: string,
  phase: string,
  items: readonly ChecklistItemNode[],
  options: ViewOptions,
): string[] {
  const ids: string[] = [];
  for (const item of items) {
    if (options.openOnly && !itemIsOpen(item)) continue;
    const id = out.uniqueId(`${phaseId}|L:${item.location.uri}:${item.location.line}`);
    out.nodes.set(id, placeholder(id, initiative));
    const children = addItems(out, initiative, phaseId, phase, item.children, options);
    ids.push(
      out.add({
        id,
        kind: 'item',
        label: item.text,
        description: '',
        tooltip: `${item.checked ? '☑' : '☐'} ${item.text}\nLine ${item.location.line + 1}`,
        icon: item.checked ? { id: 'pass', color: 'testing.iconPassed' } : { id: 'circle-large-outline' },
        location: item.location,
        contextValue: item.checked ? 'proofmark.item.done' : 'proofmark.item.open',
        expanded: true,
        children,
        initiative,
        phase,
      }),
    );
  }
  return ids;
}

function addRequirements(out: Collector, owner: InitiativeNode, options: ViewOptions): string {
  const id = out.uniqueId(`i:${initiativeKey(owner.initiative)}|requirements`);
  out.nodes.set(id, placeholder(id, owner.initiative));
  const shown = owner.requirements.filter((r) => !options.openOnly || r.state !== 'evidenced');
  const children = shown.map((requirement) => addRequirement(out, owner.initiative, id, requirement));
  const evidenced = owner.requirements.filter((r) => r.state === 'evidenced').length;
  return out.add({
    id,
    kind: 'requirements',
    label: 'PRD requirements',
    description: `${evidenced}/${owner.requirements.length} evidenced`,
    tooltip: `${evidenced} of ${owner.requirements.length} requirements and KPIs are cited with evidence ${owner.evidenceScope}`.trim(),
    icon: { id: 'book' },
    location: owner.prd ? { uri: owner.prd, line: 0 } : null,
    contextValue: 'proofmark.requirements',
    expanded: false,
    children,
    initiative: owner.initiative,
    phase: null,
  });
}

function addRequirement(out: Collector, initiative: InitiativeId, parentId: string, requirement: RequirementNode): string {
  const target = requirement.target ? ` (target ${requirement.target})` : '';
  return out.add({
    id: out.uniqueId(`${parentId}|r:${requirement.id}`),
    kind: 'requirement',
    label: requirement.title ? `${requirement.id}: ${requirement.title}` : requirement.id,
    description: evidenceText(requirement.state),
    tooltip: `${requirement.id} ${requirement.title}${target}\n${evidenceText(requirement.state)}; ${plural(requirement.citations, 'citation')}`,
    icon: evidenceIcon(requirement.state),
    location: requirement.location,
    contextValue: `proofmark.requirement.${requirement.state}`,
    expanded: false,
    children: [],
    initiative,
    phase: null,
  });
}
