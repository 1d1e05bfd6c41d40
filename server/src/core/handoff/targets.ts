import type { DocumentModel } from '../model/document';
import type { Initiative } from '../model/initiative';
import type { NamedFile, Phase } from '../model/todo';
import { basename, dirname, normalisePhase } from '../parse/role';
import { joinPath } from '../resolve/resolve';
import type { RuleContext } from '../rules/context';

export interface HandoffTarget {
  readonly kind: string;
  readonly path: string;
  readonly exists: boolean;
  /** The Expected Outputs entry the name comes from, or null when it follows the convention. */
  readonly expected: NamedFile | null;
}

/** The Expected Outputs entry naming this phase's output of a kind (`@` already stripped by the model). */
export function expectedOutput(ctx: RuleContext, phase: Phase, kind: string): NamedFile | null {
  for (const out of phase.expectedOutputs) {
    const m = ctx.c.phaseOutputFile.exec(basename(out.name));
    // An entry naming another phase's file is a mistake in the TODO, not a name for this phase.
    if (m && normalisePhase(m[2] ?? '') === phase.number && m[3] === kind) return out;
  }
  return null;
}

/** `TODO003_phase8_notes.md`: the name the conventions give a phase output when the TODO names none. */
export function conventionalName(todo: DocumentModel, phase: string, kind: string): string {
  const id = 'initiativeId' in todo.role ? todo.role.initiativeId : '';
  return `TODO${id}_phase${phase}_${kind}.md`;
}

/**
 * Where each output of the phase goes and whether it is already there. A bare name is looked up
 * the way the TODO's citations resolve (its folder, then inside the initiative), so an output kept
 * in a phase sub-folder is found; an output that exists under a drifted name (`@` prefix, no
 * `TODO` prefix) also counts as existing, so a second copy is never created beside it.
 */
export function phaseTargets(ctx: RuleContext, initiative: Initiative, todo: DocumentModel, phase: Phase): HandoffTarget[] {
  const folder = dirname(todo.path);
  return ctx.c.outputKinds.map((kind) => {
    const expected = expectedOutput(ctx, phase, kind);
    const name = expected?.name ?? conventionalName(todo, phase.number, kind);
    let path = joinPath(folder, name) ?? joinPath(folder, basename(name)) ?? basename(name);
    let exists = ctx.index.hasFile(path);
    if (!exists && !name.includes('/')) {
      const found = ctx.resolve({ target: name, shape: 'file' }, todo.path);
      if (found.resolved !== null && ctx.index.hasFile(found.resolved)) {
        path = found.resolved;
        exists = true;
      }
    }
    const drifted = initiative.outputs.get(phase.number)?.get(kind);
    if (!exists && drifted !== undefined) {
      path = drifted;
      exists = true;
    }
    return { kind, path, exists, expected };
  });
}
