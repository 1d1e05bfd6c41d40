import { GENERATED_CLOSE, GENERATED_OPEN } from '../analyze/document';
import type { Phase } from '../model/todo';
import { basename, dirname } from '../parse/role';
import { joinPath } from '../resolve/resolve';
import type { RequirementCoverage } from '../rules/coverage';
import { evidenceStateText } from '../rules/evidenceModel';
import { headingAnchors } from './anchors';
import { listedDepths } from './checklist';
import { relativeLink } from './evidence';
import { at, type HandoffContext } from './context';
import { inert } from './inert';
import { earlierPhases, nextPhase } from './phases';
import { expectedOutput, conventionalName } from './targets';

export interface OpenItem {
  readonly text: string;
  readonly file: string;
  readonly line: number;
  readonly phase: string;
}

function openIndexes(h: HandoffContext, phase: Phase): number[] {
  return phase.checkboxes.filter((i) => h.todo.checkboxes[i]?.checked === false);
}

/** Unchecked boxes of this phase, then of the earlier phases in number order. */
export function openItems(h: HandoffContext): OpenItem[] {
  const items: OpenItem[] = [];
  for (const phase of [h.phase, ...earlierPhases(h.todoModel, h.phase.number)]) {
    for (const i of openIndexes(h, phase)) {
      const box = h.todo.checkboxes[i];
      if (box) items.push({ text: box.text, file: h.todo.path, line: box.line, phase: phase.number });
    }
  }
  return items;
}

function phaseOpenBlock(h: HandoffContext, phase: Phase, level: string): string | null {
  const indexes = openIndexes(h, phase);
  if (indexes.length === 0) return null;
  const depths = listedDepths(h.todo.checkboxes, indexes);
  const lines = indexes.map((i) => {
    const box = h.todo.checkboxes[i];
    return box ? `${'  '.repeat(depths.get(i) ?? 0)}- ${inert(box.text, h.c)} — ${at(h, box.line)}` : '';
  });
  return [`${level} Phase ${phase.number}: ${inert(phase.title, h.c)} (${indexes.length} open)`, '', ...lines].join('\n');
}

/** Phases before this one with unchecked boxes, in number order, each with its count. */
export function earlierLeftovers(h: HandoffContext): { phase: Phase; open: number }[] {
  return earlierPhases(h.todoModel, h.phase.number)
    .map((phase) => ({ phase, open: openIndexes(h, phase).length }))
    .filter((p) => p.open > 0);
}

/**
 * This phase's open items in full, then one line per earlier phase that still has some: its count
 * and a link to its section of the TODO (relative to the folder the output is written in), so the
 * handoff stays about its phase however many boxes earlier phases left open.
 */
export function openItemsBlock(h: HandoffContext, outputFolder: string): string {
  const own = phaseOpenBlock(h, h.phase, '###') ?? `### Phase ${h.phase.number}: ${inert(h.phase.title, h.c)}\n\nEvery box of this phase is checked in ${h.todoName}.`;
  const earlier = earlierLeftovers(h);
  if (earlier.length === 0) return own;
  const anchors = headingAnchors(h.todo.headings);
  const target = relativeLink(outputFolder, h.todo.path);
  const lines = earlier.map(({ phase, open }) => {
    const anchor = anchors.get(phase.line);
    const name = `Phase ${phase.number}: ${inert(phase.title, h.c)}`;
    return `- [${name}](${target}${anchor ? `#${anchor}` : ''}) — ${open} open (${at(h, phase.line)})`;
  });
  const total = earlier.reduce((n, p) => n + p.open, 0);
  return [own, '### Earlier Phases Still Open', `${total} unchecked ${total === 1 ? 'box' : 'boxes'} in ${earlier.length} earlier ${earlier.length === 1 ? 'phase' : 'phases'}; each is listed in its phase's section of ${h.todoName}.`, lines.join('\n')].join('\n\n');
}

export function statusText(cov: RequirementCoverage): string {
  return evidenceStateText(cov.status);
}

export function requirementLabel(h: HandoffContext, cov: RequirementCoverage): string {
  const r = cov.requirement;
  const target = r.target ? ` (target: ${inert(r.target, h.c)})` : '';
  return `${r.id}: ${inert(r.title, h.c)}${target}`;
}

/** Wraps computed text in the generator's region comments: the engine reads no citation or claim there. */
export function generated(text: string): string {
  return `${GENERATED_OPEN}\n${text}\n${GENERATED_CLOSE}`;
}

/** Requirements and KPIs that no earlier output cites next to evidence. */
export function unevidencedBlock(h: HandoffContext): string {
  if (!h.prdName) return 'No PRD found for this initiative, so there are no requirements to carry forward.';
  const open = h.coverage.filter((c) => c.status !== 'evidenced');
  if (h.coverage.length === 0) return `${h.prdName} defines no requirement ids or KPIs that Proofmark reads.`;
  if (open.length === 0) return `Every requirement and KPI of ${h.prdName} is cited with evidence in the outputs of earlier phases.`;
  return open
    .map((cov) => {
      const where = cov.citations
        .slice(0, 3)
        .map((c) => `${basename(c.file)} line ${c.line}`)
        .join(', ');
      const more = cov.citations.length > 3 ? `, and ${cov.citations.length - 3} more` : '';
      return `- ${requirementLabel(h, cov)} — ${statusText(cov)}${where ? ` (${where}${more})` : ''}`;
    })
    .join('\n');
}

/** Outputs earlier phases name (or, naming none, the four conventional ones) that are not in the workspace. */
export function missingOutputsBlock(h: HandoffContext): string {
  const earlier = earlierPhases(h.todoModel, h.phase.number);
  if (earlier.length === 0) return `Phase ${h.phase.number} is the first phase of ${h.todoName}.`;
  const lines: string[] = [];
  for (const phase of earlier) {
    const named = phase.expectedOutputs.length > 0;
    for (const kind of h.c.outputKinds) {
      const expected = expectedOutput(h.ctx, phase, kind);
      if (named && !expected) continue;
      if (h.initiative.outputs.get(phase.number)?.has(kind)) continue;
      const name = expected?.name ?? conventionalName(h.todo, phase.number, kind);
      if (h.ctx.resolve({ target: name, shape: 'file' }, h.todo.path).resolved !== null) continue;
      // A bare name in prose is no citation, so a missing file named here is not reported again as a broken reference.
      const where = expected ? `named at ${at(h, expected.line)}` : 'by the naming convention';
      lines.push(`- Phase ${phase.number}: ${basename(name)}, ${where}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') : 'None: every output the earlier phases name is in the workspace.';
}

/** The files the next phase reads first, and whether each is there. */
export function nextPrerequisitesBlock(h: HandoffContext): string {
  const next = nextPhase(h.todoModel, h.phase.number);
  if (!next) return `Phase ${h.phase.number} is the last phase of ${h.todoName}.`;
  const head = `Phase ${next.number}: ${inert(next.title, h.c)} (${at(h, next.line)})`;
  if (next.prerequisites.length === 0) return `${head} names no prerequisite files.`;
  const folder = dirname(h.todo.path);
  const lines = next.prerequisites.map((pre) => {
    const ref = h.todo.references[pre.reference];
    const resolved = ref ? h.ctx.resolve(ref, h.todo.path).resolved : null;
    const target = h.targets.find((t) => t.path === resolved || t.path === joinPath(folder, pre.name));
    if (target && !target.exists) return `- \`${pre.name}\` — written by this handoff`;
    if (resolved !== null) return `- \`${pre.name}\` — in the workspace`;
    return `- ${basename(pre.name)} — not found in the workspace (${at(h, pre.line)})`;
  });
  return [`${head} reads first:`, '', ...lines].join('\n');
}
