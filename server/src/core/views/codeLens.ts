import type { InitiativeKey } from '../model/initiative';
import type { Project } from '../project/project';
import type { Range } from '../text/position';
import { initiativeOf } from './lookup';
import { phaseLensTitle, summarisePhase } from './phases';
import { specViewOfInitiative } from './specContext';
import { specCoverageLenses } from './specLens';

export interface LensView {
  readonly range: Range;
  readonly title: string;
  /** Set for the "Generate handoff" lens. */
  readonly handoff: { readonly initiative: InitiativeKey; readonly phase: string } | null;
}

/** Two lenses on every phase heading of a TODO (its progress, and "Generate handoff"); on a spec's requirements, their coverage by tasks. */
export function phaseLenses(project: Project, path: string): LensView[] {
  const model = project.model(path);
  const initiative = initiativeOf(project, path);
  const spec = initiative ? specViewOfInitiative(project, initiative) : null;
  if (spec) return specCoverageLenses(spec, path).map((l) => ({ ...l, handoff: null }));
  if (!model?.todo || !initiative || initiative.todo !== path) return [];
  return model.todo.phases.flatMap((phase) => [
    { range: phase.range, title: phaseLensTitle(summarisePhase(project, initiative, model, phase)), handoff: null },
    { range: phase.range, title: 'Generate handoff', handoff: { initiative: initiative.key, phase: phase.number } },
  ]);
}
