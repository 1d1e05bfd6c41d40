import * as vscode from 'vscode';
import { ServerCommands } from '../../../server/src/protocol';
import { ClientCommands } from '../commandIds';
import type { ProofmarkApi } from '../services';
import { revealActive } from '../tree/followEditor';

/**
 * Toggles the checklist box on each line holding a cursor, through the server (one undoable edit
 * each). A line without a box says so in the status bar, not in a dialog.
 */
async function toggleAtCursor(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') return;
  const uri = editor.document.uri.toString();
  const lines = [...new Set(editor.selections.map((s) => s.active.line))].sort((a, b) => a - b);
  let missed = 0;
  for (const line of lines) {
    try {
      await vscode.commands.executeCommand(ServerCommands.toggleCheckbox, { uri, line });
    } catch {
      missed++;
    }
  }
  if (missed > 0) vscode.window.setStatusBarMessage(missed === lines.length ? 'Proofmark: no checklist box on this line' : `Proofmark: ${missed} of ${lines.length} lines have no checklist box`, 4000);
}

export function registerEditorCommands(api: ProofmarkApi): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(ClientCommands.toggleCheckboxAtCursor, () => toggleAtCursor()),
    vscode.commands.registerCommand(ClientCommands.treeRevealActive, async () => {
      if (api.source.tree === null) await api.source.refresh();
      if (!(await revealActive(api.tree, api.source, api.treeView, true))) {
        void vscode.window.showInformationMessage('The active document belongs to no initiative in the Proofmark tree.');
      }
    }),
  ];
}
