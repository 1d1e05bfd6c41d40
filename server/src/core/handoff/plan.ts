import { initiativeKeyString, type InitiativeKey } from '../model/initiative';
import { basename, dirname, normalisePhase } from '../parse/role';
import type { Project } from '../project/project';
import type { HandoffContext } from './context';
import { EVIDENCE_SLOT } from './context';
import { coverageBefore } from './evidence';
import { earlierLeftovers, generated, missingOutputsBlock, nextPrerequisitesBlock, openItems, openItemsBlock, unevidencedBlock } from './handoffBlocks';
import { inert } from './inert';
import { unknownPhaseMessage } from './phases';
import { decisionsBlock, goalBlock, tasksBlock } from './planBlocks';
import { previousIteration } from './postmortem';
import { phaseTargets } from './targets';
import { BUILT_IN_TEMPLATES, GENERIC_TEMPLATE, renderTemplate } from './templates/index';
import { TodoText } from './todoText';
import { previousIterationBlock, traceabilityBlocks } from './traceability';
import type { HandoffFilePlan, HandoffOptions, HandoffResult } from './types';

/** The initiative whose TODO is this file, or null when the file is no initiative's TODO. */
export function initiativeOfTodo(project: Project, todoPath: string): InitiativeKey | null {
  return project.initiatives().initiatives.find((i) => i.todo === todoPath)?.key ?? null;
}

function kindTitle(kind: string): string {
  return kind
    .split('_')
    .map((w) => (w ? `${w[0]?.toUpperCase() ?? ''}${w.slice(1)}` : w))
    .join(' ');
}

/**
 * What "Generate Phase N handoff" would create: the phase's four output files, already filled
 * with what the plan and the evidence say, each marked with whether it already exists. Pure and
 * deterministic (the date comes from `options.now`); nothing is written here.
 */
export function planHandoff(project: Project, key: InitiativeKey, phase: string, options: HandoffOptions): HandoffResult {
  const ctx = project.ruleContext();
  const initiative = project.initiatives().byKey.get(initiativeKeyString(key));
  if (!initiative) return { error: `No initiative with id "${key.id}" in folder "${key.folder || '.'}".` };
  const todo = initiative.todo ? project.model(initiative.todo) : undefined;
  if (!todo?.todo) return { error: `Initiative ${initiative.name} has no TODO to plan a handoff from.` };
  const todoName = basename(todo.path);
  const asked = phase.trim().replace(/^phase\s*/i, '');
  const number = normalisePhase(asked);
  const target = todo.todo.phases.find((p) => p.number === number);
  if (!target) return { error: unknownPhaseMessage(asked, todoName, todo.todo) };

  const prdName = initiative.prd ? basename(initiative.prd) : null;
  const h: HandoffContext = {
    ctx,
    c: ctx.c,
    initiative,
    todo,
    todoModel: todo.todo,
    todoName,
    phase: target,
    text: TodoText.of(todo, options.todoText),
    targets: phaseTargets(ctx, initiative, todo, target),
    prdName,
    coverage: coverageBefore(ctx, initiative, target.number),
  };

  const shared: Record<string, string> = {
    todo: todoName,
    todoName: todoName.replace(/\.(?:md|markdown)$/i, ''),
    initiative: inert(initiative.name, h.c),
    phase: target.number,
    title: inert(target.title, h.c),
    date: options.now.toISOString().slice(0, 10),
    prd: prdName ?? 'no PRD',
    sources: prdName ? `${todoName} and ${prdName}` : todoName,
    evidenceSlot: EVIDENCE_SLOT,
    // Blocks computed from the plan and the outputs, with no slot to fill, sit in generated regions:
    // the engine reads no claim, citation or evidence there (see analyze/document.ts).
    goal: generated(goalBlock(h)),
    tasks: tasksBlock(h),
    decisions: decisionsBlock(h),
    unevidenced: generated(unevidencedBlock(h)),
    missingOutputs: generated(missingOutputsBlock(h)),
    nextPrerequisites: generated(nextPrerequisitesBlock(h)),
    previousIteration: previousIterationBlock(h, previousIteration(ctx, initiative)),
  };

  const files: HandoffFilePlan[] = h.targets.map((t) => {
    // Links are relative to the file they are written in, so each file gets its own table and open items.
    const trace = traceabilityBlocks(h, dirname(t.path));
    const values = {
      ...shared,
      kind: t.kind,
      kindTitle: kindTitle(t.kind),
      openItems: generated(openItemsBlock(h, dirname(t.path))),
      traceability: trace.table,
      evidenceFound: generated(trace.evidence),
    };
    const own = options.templates && Object.hasOwn(options.templates, t.kind) ? options.templates[t.kind] : undefined;
    const template = own ?? BUILT_IN_TEMPLATES.get(t.kind) ?? GENERIC_TEMPLATE;
    return { kind: t.kind, path: t.path, exists: t.exists, content: renderTemplate(template, values) };
  });

  return {
    plan: {
      initiative: initiative.key,
      phase: target.number,
      title: target.title,
      files,
      openItems: openItems(h),
      earlierPhases: earlierLeftovers(h).map(({ phase, open }) => ({ phase: phase.number, title: phase.title, line: phase.line, open })),
      unevidenced: h.coverage.filter((c) => c.status !== 'evidenced'),
    },
  };
}
