import type { ChecklistItemNode, InitiativeId, InitiativeNode, OutputNode, PhaseNode, RequirementNode, TaskGroupNode } from '../../protocol';
import type { Finding } from '../findings/finding';
import type { DocumentModel } from '../model/document';
import type { Initiative } from '../model/initiative';
import type { Phase } from '../model/todo';
import type { Project } from '../project/project';
import type { RequirementCoverage } from '../rules/coverage';
import { initiativeEvidence } from '../rules/evidenceModel';
import { boxesBetween, progress } from './lookup';
import { summarisePhase } from './phases';
import { location0, type Locator } from './locator';
import { specViewOfInitiative, type SpecView } from './specContext';
import { specNode, specTitle } from './specTree';
import { isTemplateInitiative } from './templates';

export { location0, type Locator } from './locator';

export function initiativeId(locator: Locator, initiative: Initiative): InitiativeId {
  return { root: locator.root, folder: initiative.key.folder, id: initiative.key.id };
}

export function requirementNode(locator: Locator, prdPath: string, cov: RequirementCoverage): RequirementNode {
  const r = cov.requirement;
  return { id: r.id, title: r.title, kind: r.kind, target: r.target, location: location0(locator, prdPath, r.line), state: cov.status, citations: cov.citations.length };
}

function items(locator: Locator, model: DocumentModel, indexes: readonly number[]): ChecklistItemNode[] {
  const wanted = new Set(indexes);
  const build = (i: number): ChecklistItemNode => {
    const box = model.checkboxes[i];
    const children: ChecklistItemNode[] = [];
    model.checkboxes.forEach((b, j) => {
      if (b.parent === i && wanted.has(j)) children.push(build(j));
    });
    return { text: box?.text ?? '', checked: box?.checked ?? false, location: location0(locator, model.path, box?.line ?? 1), children };
  };
  return indexes.filter((i) => !wanted.has(model.checkboxes[i]?.parent ?? -1)).map(build);
}

function groups(locator: Locator, model: DocumentModel, phase: Phase): TaskGroupNode[] {
  const result: TaskGroupNode[] = [];
  const counted = new Set(phase.checkboxes);
  for (const t of phase.tasks) {
    const boxes = boxesBetween(model, t.line, t.sectionEnd);
    const p = progress(model, boxes);
    result.push({ label: t.title ? `${t.id}: ${t.title}` : t.id, kind: 'task', location: location0(locator, model.path, t.line), done: p.done, total: p.total, items: items(locator, model, boxes) });
  }
  const from = phase.progressChecklistLine ?? phase.line;
  const headings = model.headings.filter((h) => h.line > from && h.line <= phase.sectionEnd && !phase.tasks.some((t) => t.line === h.line));
  for (const h of headings) {
    const boxes = boxesBetween(model, h.line, h.sectionEnd).filter((i) => counted.has(i));
    if (boxes.length === 0) continue;
    const p = progress(model, boxes);
    result.push({ label: h.text, kind: 'checklist', location: location0(locator, model.path, h.line), done: p.done, total: p.total, items: items(locator, model, boxes) });
  }
  return result;
}

function countIn(findings: readonly Finding[], file: string, from: number, to: number): number {
  return findings.filter((f) => f.file === file && f.range.start.line >= from && f.range.start.line <= to).length;
}

function phaseNode(project: Project, locator: Locator, initiative: Initiative, todo: DocumentModel, phase: Phase): PhaseNode {
  const s = summarisePhase(project, initiative, todo, phase);
  const outputs: OutputNode[] = s.outputs.map((o) => ({ kind: o.kind, name: o.name, exists: o.path !== null, uri: o.path !== null ? locator.uri(o.path) : null }));
  const findings = project.findingsFor(todo.path);
  let count = countIn(findings, todo.path, phase.line, phase.sectionEnd);
  for (const path of initiative.outputs.get(phase.number)?.values() ?? []) count += project.findingsFor(path).length;
  return {
    number: phase.number,
    title: phase.title,
    state: s.state,
    statusText: s.statusText,
    location: location0(locator, todo.path, phase.line),
    done: s.done,
    total: s.total,
    outputs,
    groups: groups(locator, todo, phase),
    findings: count,
  };
}

/** The initiatives the views list: every one but templates. */
export function listedInitiatives(project: Project): Initiative[] {
  return project.initiatives().initiatives.filter((i) => !isTemplateInitiative(i));
}

/** The completion tree of every initiative of one workspace root (templates left out). */
export function initiativeNodes(project: Project, locator: Locator): InitiativeNode[] {
  const ctx = project.ruleContext();
  return listedInitiatives(project).map((initiative) => {
    const spec = specViewOfInitiative(project, initiative);
    if (spec) return specInitiativeNode(project, locator, initiative, spec);
    const todo = initiative.todo ? project.model(initiative.todo) : undefined;
    const phases = todo?.todo ? todo.todo.phases.map((p) => phaseNode(project, locator, initiative, todo, p)) : [];
    const evidence = initiative.prd ? initiativeEvidence(ctx, initiative) : null;
    const requirements = evidence ? evidence.coverage.map((c) => requirementNode(locator, initiative.prd ?? '', c)) : [];
    const current = phases.find((p) => p.state !== 'done') ?? phases[phases.length - 1];
    return {
      initiative: initiativeId(locator, initiative),
      name: initiative.name,
      todo: initiative.todo ? locator.uri(initiative.todo) : null,
      prd: initiative.prd ? locator.uri(initiative.prd) : null,
      phases,
      requirements,
      evidenceScope: evidence?.scope.text ?? '',
      done: phases.reduce((n, p) => n + p.done, 0),
      total: phases.reduce((n, p) => n + p.total, 0),
      findings: initiative.documents.reduce((n, d) => n + project.findingsFor(d).length, 0),
      currentPhase: current ? current.number : null,
    };
  });
}

/** A spec folder in the tree: named by folder and layout, its progress that of its task list. */
function specInitiativeNode(project: Project, locator: Locator, initiative: Initiative, view: SpecView): InitiativeNode {
  const node = specNode(locator, view);
  const current = node.phases.find((p) => p.done < p.total) ?? node.phases[node.phases.length - 1];
  return {
    initiative: initiativeId(locator, initiative),
    name: specTitle(view),
    todo: null,
    prd: null,
    phases: [],
    requirements: [],
    evidenceScope: '',
    done: node.done,
    total: node.total,
    findings: initiative.documents.reduce((n, d) => n + project.findingsFor(d).length, 0),
    currentPhase: current ? current.number : null,
    spec: node,
  };
}
