import * as vscode from 'vscode';
import { ClientCommands } from '../commandIds';
import { handoffPicks, parseHandoffTarget } from '../handoff/picks';
import type { ProofmarkApi } from '../services';
import { activeInitiative } from '../tree/activeInitiative';
import { initiativeKey } from '../tree/buildView';

/** "Generate Phase Handoff…": accepts `{initiative, phase}` (keybindings, tests), else asks with a quick pick. */
async function generateHandoffPicker(api: ProofmarkApi, arg?: unknown): Promise<void> {
  if (api.source.tree === null) await api.source.refresh();
  const tree = api.source.tree;
  const target = parseHandoffTarget(arg, tree);
  if (target) return api.handoff.show(target);
  if (tree === null || tree.initiatives.every((i) => i.phases.length === 0)) {
    void vscode.window.showInformationMessage('Proofmark found no TODO with phases in this workspace.');
    return;
  }
  const active = activeInitiative(tree, vscode.window.activeTextEditor?.document.uri.toString());
  const activeKey = active ? initiativeKey(active.initiative) : null;
  const picks = handoffPicks(tree, (id) => initiativeKey(id) === activeKey);
  const choice = await vscode.window.showQuickPick(picks, {
    title: 'Proofmark: Generate Phase Handoff',
    placeHolder: 'Choose the phase whose notes, decisions, handoff and testing summary to create',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (choice) await api.handoff.show({ initiative: choice.initiative, phase: choice.phase });
}

export function registerHandoffCommands(api: ProofmarkApi): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(ClientCommands.generateHandoffPicker, (arg?: unknown) => generateHandoffPicker(api, arg)),
    vscode.commands.registerCommand(ClientCommands.treeGenerateHandoff, async (id?: unknown) => {
      const node = typeof id === 'string' ? api.tree.node(id) : undefined;
      if (node?.phase) await api.handoff.show({ initiative: node.initiative, phase: node.phase });
      else await generateHandoffPicker(api);
    }),
  ];
}
