import * as vscode from 'vscode';
import { ClientCommands } from '../commandIds';
import type { ProofmarkApi } from '../services';
import { plural } from '../tree/format';

function isProofmark(diagnostic: vscode.Diagnostic): boolean {
  return diagnostic.source?.toLowerCase() === 'proofmark';
}

/** "Check Workspace": asks the server for a fresh tree, then shows the findings in the Problems panel. */
async function checkWorkspace(api: ProofmarkApi): Promise<void> {
  if (!api.server.running) {
    void vscode.window.showWarningMessage('The Proofmark server is not running. Run "Proofmark: Restart Server".');
    return;
  }
  await api.source.refresh();
  let findings = 0;
  let files = 0;
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    const own = diagnostics.filter(isProofmark).length;
    findings += own;
    if (own > 0) files++;
  }
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const initiatives = api.source.tree?.initiatives.length ?? 0;
  void vscode.window.showInformationMessage(`Proofmark: ${plural(findings, 'finding')} in ${plural(files, 'file')}, ${plural(initiatives, 'initiative')} checked.`);
}

export function registerServerCommands(api: ProofmarkApi): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(ClientCommands.checkWorkspace, () => checkWorkspace(api)),
    vscode.commands.registerCommand(ClientCommands.restartServer, () => api.restart()),
    vscode.commands.registerCommand(ClientCommands.showLog, () => api.log.show()),
  ];
}
