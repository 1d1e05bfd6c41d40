import type { DocumentModel } from '../model/document';
import type { Initiative } from '../model/initiative';
import type { Phase } from '../model/todo';
import type { Project } from '../project/project';
import { basename, dirname } from '../parse/role';
import { joinPath } from '../resolve/resolve';

export type PhaseState = 'done' | 'in-progress' | 'failed' | 'not-started';

export interface PhaseOutput {
  /** `notes`, `decisions`, … or '' when the name does not follow the output pattern. */
  readonly kind: string;
  /** The name as the TODO writes it (or the conventional name when it names none). */
  readonly name: string;
  /** Workspace path it resolves to, or null when it does not exist. */
  readonly path: string | null;
  /** Where it would be created: next to the TODO (the name read from its folder); null when that leaves the workspace. */
  readonly createAt: string | null;
}

export interface PhaseSummary {
  readonly phase: Phase;
  readonly state: PhaseState;
  readonly statusText: string;
  readonly done: number;
  readonly total: number;
  readonly outputs: readonly PhaseOutput[];
}

/**
 * A phase's state: the status the TODO states (the heading first, then any other statement),
 * else what its checklist says.
 */
export function phaseState(phase: Phase): { state: PhaseState; text: string } {
  const stated = phase.statuses.find((s) => s.source === 'heading' && s.marker) ?? phase.statuses.find((s) => s.marker);
  if (stated?.marker) return { state: stated.marker.status === 'planned' ? 'not-started' : stated.marker.status, text: stated.marker.text };
  const { total, checked } = phase.checklist;
  if (total > 0 && checked === total) return { state: 'done', text: '' };
  return { state: checked > 0 ? 'in-progress' : 'not-started', text: '' };
}

/** The outputs a phase is expected to leave: those its Expected Outputs name, else the conventional four. */
export function phaseOutputs(project: Project, initiative: Initiative, todo: DocumentModel, phase: Phase): PhaseOutput[] {
  const ctx = project.ruleContext();
  const folder = dirname(todo.path);
  const at = (name: string): string | null => (name.startsWith('/') ? null : joinPath(folder, name) || null);
  if (phase.expectedOutputs.length > 0) {
    return phase.expectedOutputs.map((out) => {
      const ref = todo.references[out.reference];
      const resolved = ref ? ctx.resolve(ref, todo.path).resolved : null;
      const m = ctx.c.phaseOutputFile.exec(basename(out.name));
      return { kind: m?.[3] ?? '', name: out.name, path: resolved, createAt: at(out.name) };
    });
  }
  const present = initiative.outputs.get(phase.number);
  const id = todo.role.kind === 'todo' ? todo.role.initiativeId : initiative.key.id;
  return ctx.c.outputKinds.map((kind) => {
    const name = `TODO${id}_phase${phase.number}_${kind}.md`;
    return { kind, name, path: present?.get(kind) ?? null, createAt: at(name) };
  });
}

export function summarisePhase(project: Project, initiative: Initiative, todo: DocumentModel, phase: Phase): PhaseSummary {
  const { state, text } = phaseState(phase);
  return { phase, state, statusText: text, done: phase.checklist.checked, total: phase.checklist.total, outputs: phaseOutputs(project, initiative, todo, phase) };
}

/** `Phase 8 · 0/64 done · outputs 4/4`. */
export function phaseLensTitle(s: PhaseSummary): string {
  const present = s.outputs.filter((o) => o.path !== null).length;
  return `Phase ${s.phase.number} · ${s.done}/${s.total} done · outputs ${present}/${s.outputs.length}`;
}
