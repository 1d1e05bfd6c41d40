import type { HandoffPlanResult } from '../../../server/src/protocol';

type OpenItem = HandoffPlanResult['openItems'][number];
type EarlierPhase = HandoffPlanResult['earlierPhases'][number];

export interface OpenItemGroups {
  /** The open items of the plan's own phase, in TODO order. */
  readonly own: readonly OpenItem[];
  /** Each earlier phase with open items, in number order, with its items (shown collapsed). */
  readonly earlier: readonly (EarlierPhase & { readonly items: readonly OpenItem[] })[];
}

/**
 * The handoff panel's open items: this phase's first, in full; each earlier phase's leftovers as
 * one group, so that a phase whose predecessors left hundreds of boxes open still shows its own.
 */
export function openItemGroups(plan: HandoffPlanResult): OpenItemGroups {
  const byPhase = new Map<string, OpenItem[]>();
  for (const item of plan.openItems) {
    const list = byPhase.get(item.phase);
    if (list) list.push(item);
    else byPhase.set(item.phase, [item]);
  }
  return {
    own: byPhase.get(plan.phase) ?? [],
    earlier: plan.earlierPhases.map((p) => ({ ...p, items: byPhase.get(p.phase) ?? [] })),
  };
}
