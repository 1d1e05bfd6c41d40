import type { CompletionTree } from '../../../server/src/protocol';
import { activeInitiative } from './activeInitiative';
import { initiativeKey } from './buildView';
import type { ViewModel } from './viewNode';

/**
 * The row to reveal for a document and a 0-based line: among the rows of the document's initiative
 * that point into this document, the one closest above the line (the checklist item under the
 * cursor, else its group or phase; an output's row for an output file); else the initiative's
 * row. Null when no initiative is the document's.
 */
export function revealTarget(view: ViewModel, tree: CompletionTree, uri: string, line: number): string | null {
  const owner = activeInitiative(tree, uri);
  if (!owner) return null;
  const key = initiativeKey(owner.initiative);
  const root = view.roots.find((id) => {
    const n = view.nodes.get(id);
    return n !== undefined && initiativeKey(n.initiative) === key;
  });
  if (root === undefined) return null;
  const best = { id: root, line: -1, depth: 0 };
  const visit = (id: string, depth: number): void => {
    const node = view.nodes.get(id);
    if (!node) return;
    const at = node.location;
    if (depth > 0 && at && at.uri === uri && at.line <= line && (at.line > best.line || (at.line === best.line && depth > best.depth))) Object.assign(best, { id, line: at.line, depth });
    for (const child of node.children) visit(child, depth + 1);
  };
  visit(root, 0);
  return best.id;
}
