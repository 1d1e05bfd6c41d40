import type { ViewModel, ViewNode } from './viewNode';

export type ViewChange =
  | { readonly kind: 'none' }
  | { readonly kind: 'full' }
  | { readonly kind: 'nodes'; readonly ids: readonly string[] };

function sameRow(a: ViewNode, b: ViewNode): boolean {
  return (
    a.label === b.label &&
    a.description === b.description &&
    a.tooltip === b.tooltip &&
    a.icon.id === b.icon.id &&
    a.icon.color === b.icon.color &&
    a.contextValue === b.contextValue &&
    a.location?.uri === b.location?.uri &&
    a.location?.line === b.location?.line
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * Which rows to refresh when the model goes from `before` to `after`: nothing, everything (the top
 * level changed), or the rows whose own look or list of children changed. Refreshing a row also
 * refreshes its children, so a row under a refreshed ancestor is left out.
 */
export function diffView(before: ViewModel, after: ViewModel): ViewChange {
  if (!sameList(before.roots, after.roots)) return { kind: 'full' };
  const changed = new Set<string>();
  for (const [id, next] of after.nodes) {
    const previous = before.nodes.get(id);
    if (previous === undefined) continue; // new rows appear through their parent's list of children
    if (!sameRow(previous, next) || !sameList(previous.children, next.children)) changed.add(id);
  }
  if (changed.size === 0) return { kind: 'none' };
  const covered = new Set<string>();
  const visit = (id: string, underChanged: boolean): void => {
    const node = after.nodes.get(id);
    if (node === undefined) return;
    if (underChanged) covered.add(id);
    const next = underChanged || changed.has(id);
    for (const child of node.children) visit(child, next);
  };
  for (const root of after.roots) visit(root, false);
  return { kind: 'nodes', ids: [...changed].filter((id) => !covered.has(id)) };
}
