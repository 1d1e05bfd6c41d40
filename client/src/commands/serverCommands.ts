import * as vscode from 'vscode';
import { ClientCommands } from '../commandIds';
import type { ProofmarkApi } from '../services';
import { plural } from '../tree/format';

/**
 * "Check Workspace": the server checks every document of every folder (waiting for the index) and
 * from then on shows the whole workspace's diagnostics, whatever `proofmark.diagnostics.scope`
 * says, until that setting changes or the window reloads; then the Problems panel opens.
 */
async function checkWorkspace(api: ProofmarkApi): Promise<void> {
  if (!api.server.running) {
    void vscode.window.showWarningMessage('The Proofmark server is not running. Run "Proofmark: Restart Server".');
    return;
  }
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Proofmark: checking the workspace' }, () => api.server.checkWorkspace());
  await api.source.refresh();
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  void vscode.window.showInformationMessage(`Proofmark: ${plural(result.findings, 'finding')} in ${plural(result.files, 'file')}, ${plural(result.initiatives, 'initiative')} checked. The Problems panel shows the whole workspace until the window reloads.`);
}

export function registerServerCommands(api: ProofmarkApi): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(ClientCommands.checkWorkspace, () => checkWorkspace(api)),
    vscode.commands.registerCommand(ClientCommands.restartServer, () => api.restart()),
    vscode.commands.registerCommand(ClientCommands.showLog, () => api.log.show()),
  ];
}
