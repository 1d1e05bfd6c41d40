import type { CompletionTree, InitiativeId, PhaseNode } from '../../../server/src/protocol';
import { plural } from '../tree/format';

export interface HandoffTarget {
  readonly initiative: InitiativeId;
  readonly phase: string;
}

export interface HandoffPick extends HandoffTarget {
  readonly label: string;
  readonly description: string;
  readonly detail: string;
}

function filesText(phase: PhaseNode): string {
  const missing = phase.outputs.filter((o) => !o.exists).length;
  if (phase.outputs.length === 0) return 'no expected outputs listed';
  return missing === 0 ? `all ${phase.outputs.length} files exist` : `${plural(missing, 'file')} to create`;
}

/**
 * One quick-pick entry per phase, `Generate Phase 8 handoff — Title (4 files to create)`, with each
 * initiative's current phase first. `activeKey` puts the active initiative's phases at the top.
 */
export function handoffPicks(tree: CompletionTree, activeKey?: (initiative: InitiativeId) => boolean): HandoffPick[] {
  const initiatives = [...tree.initiatives].sort((a, b) => Number(activeKey?.(b.initiative) ?? false) - Number(activeKey?.(a.initiative) ?? false));
  const picks: HandoffPick[] = [];
  for (const node of initiatives) {
    const ordered = [...node.phases].sort((a, b) => Number(b.number === node.currentPhase) - Number(a.number === node.currentPhase));
    for (const phase of ordered) {
      picks.push({
        initiative: node.initiative,
        phase: phase.number,
        label: `Generate Phase ${phase.number} handoff — ${phase.title} (${filesText(phase)})`,
        description: phase.number === node.currentPhase ? 'current phase' : '',
        detail: tree.initiatives.length > 1 ? node.name : '',
      });
    }
  }
  return picks;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInitiativeId(value: unknown): value is InitiativeId {
  return isRecord(value) && typeof value.root === 'string' && typeof value.folder === 'string' && typeof value.id === 'string';
}

/**
 * Reads `{initiative, phase}` passed by a keybinding, the tree or a test. A phase alone (`{phase: "3"}`
 * or `"3"`) is resolved against the tree when exactly one initiative has it; anything else is `null`.
 */
export function parseHandoffTarget(arg: unknown, tree: CompletionTree | null): HandoffTarget | null {
  const phase = typeof arg === 'string' || typeof arg === 'number' ? String(arg) : isRecord(arg) && (typeof arg.phase === 'string' || typeof arg.phase === 'number') ? String(arg.phase) : null;
  if (phase === null) return null;
  if (isRecord(arg) && isInitiativeId(arg.initiative)) return { initiative: arg.initiative, phase };
  const owners = tree?.initiatives.filter((i) => i.phases.some((p) => p.number === phase)) ?? [];
  const owner = owners.length === 1 ? owners[0] : undefined;
  return owner ? { initiative: owner.initiative, phase } : null;
}
