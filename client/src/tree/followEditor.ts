import * as vscode from 'vscode';
import { SETTINGS_SECTION, type CLIENT_SETTING_KEYS } from '../settings';
import { revealTarget } from './revealTarget';
import type { CompletionTreeProvider } from './treeProvider';
import type { TreeSource } from './treeSource';

export const FOLLOW_SETTING: (typeof CLIENT_SETTING_KEYS)[number] = 'tree.followActiveEditor';

/** Reveals the row of the active editor's document and line; false when no initiative is the document's. */
export async function revealActive(tree: CompletionTreeProvider, source: TreeSource, view: vscode.TreeView<string>, focus: boolean): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  const completion = source.tree;
  if (!editor || completion === null) return false;
  const id = revealTarget(tree.view, completion, editor.document.uri.toString(), editor.selection.active.line);
  if (id === null) return false;
  await view.reveal(id, { select: true, focus, expand: false });
  return true;
}

/**
 * With `proofmark.tree.followActiveEditor` on, the tree reveals the active document's row whenever
 * the active editor changes (never focusing the tree, never when the tree is hidden). Off by
 * default: nothing opens in the tree that the user did not open.
 */
export function followActiveEditor(tree: CompletionTreeProvider, source: TreeSource, view: vscode.TreeView<string>): vscode.Disposable {
  const enabled = (): boolean => vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>(FOLLOW_SETTING, false);
  return vscode.window.onDidChangeActiveTextEditor((editor) => {
    if (editor && view.visible && enabled()) void revealActive(tree, source, view, false);
  });
}
