import * as vscode from 'vscode';
import { ServerCommands } from '../../../server/src/protocol';
import { ClientCommands } from '../commandIds';
import type { ProofmarkApi } from '../services';

/** Toggles the checklist item of a tree row through the server, which edits exactly that line. */
async function toggleItem(api: ProofmarkApi, id: unknown): Promise<void> {
  const node = typeof id === 'string' ? api.tree.node(id) : undefined;
  if (node?.kind !== 'item' || node.location === null) return;
  await vscode.commands.executeCommand(ServerCommands.toggleCheckbox, { uri: node.location.uri, line: node.location.line });
}

export function registerTreeCommands(api: ProofmarkApi): vscode.Disposable[] {
  const setOpenOnly = (value: boolean): void => {
    api.tree.setOpenOnly(value);
    api.treeView.description = value ? 'open items' : undefined;
  };
  return [
    vscode.commands.registerCommand(ClientCommands.treeToggleItem, (id?: unknown) => toggleItem(api, id)),
    vscode.commands.registerCommand(ClientCommands.treeShowOpenOnly, () => setOpenOnly(true)),
    vscode.commands.registerCommand(ClientCommands.treeShowAll, () => setOpenOnly(false)),
    vscode.commands.registerCommand(ClientCommands.treeRefresh, () => api.source.refresh()),
  ];
}
