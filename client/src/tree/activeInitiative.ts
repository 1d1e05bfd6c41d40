import type { CompletionTree, InitiativeNode } from '../../../server/src/protocol';

function folderUri(node: InitiativeNode): string {
  const root = node.initiative.root.replace(/\/+$/, '');
  return node.initiative.folder === '' ? root : `${root}/${node.initiative.folder.replace(/^\/+|\/+$/g, '')}`;
}

/**
 * The initiative the user is looking at: the one whose TODO or PRD is the active document, else the
 * one whose folder holds it most closely (preferring the one whose id the file name carries, as in
 * `TODO003_phase8_notes.md`), else the workspace's only initiative. `null` when none is the
 * document's: an unrelated initiative is never named for it.
 */
export function activeInitiative(tree: CompletionTree, activeUri: string | undefined): InitiativeNode | null {
  if (activeUri !== undefined) {
    const own = tree.initiatives.find((i) => i.todo === activeUri || i.prd === activeUri);
    if (own) return own;
    const baseName = activeUri.slice(activeUri.lastIndexOf('/') + 1);
    let best: InitiativeNode | null = null;
    let bestScore = -1;
    for (const node of tree.initiatives) {
      const folder = folderUri(node);
      if (!activeUri.startsWith(`${folder}/`)) continue;
      const named = node.initiative.id !== '' && baseName.includes(`${node.initiative.id}_`) ? 1 : 0;
      const score = folder.length * 2 + named;
      if (score > bestScore) {
        best = node;
        bestScore = score;
      }
    }
    if (best) return best;
  }
  return tree.initiatives.length === 1 ? (tree.initiatives[0] ?? null) : null;
}
