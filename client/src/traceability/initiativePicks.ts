import type { CompletionTree, InitiativeId, InitiativeNode } from '../../../server/src/protocol';
import { plural } from '../tree/format';
import { distinguishers, shortName } from '../tree/initiativeNames';

export interface InitiativePick {
  readonly initiative: InitiativeId;
  readonly label: string;
  readonly description: string;
  readonly detail: string;
}

/** Initiatives with a PRD (those that have something to trace), the active one first, named as the tree names them. */
export function traceablePicks(tree: CompletionTree, active: InitiativeNode | null): InitiativePick[] {
  const withPrd = tree.initiatives.filter((i) => i.prd !== null);
  const places = distinguishers(withPrd);
  const ordered = [...withPrd].sort((a, b) => Number(b === active) - Number(a === active));
  return ordered.map((node) => {
    const evidenced = node.requirements.filter((r) => r.state === 'evidenced').length;
    return {
      initiative: node.initiative,
      label: shortName(node),
      description: [node === active ? 'active' : '', places.get(node) ?? ''].filter((p) => p !== '').join(' · '),
      detail: `${evidenced} of ${plural(node.requirements.length, 'requirement')} evidenced · ${node.initiative.folder || '(workspace root)'}`,
    };
  });
}
