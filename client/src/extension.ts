import * as vscode from 'vscode';
import { TREE_VIEW_ID } from './commandIds';
import { registerEditorCommands } from './commands/editorCommands';
import { registerHandoffCommands } from './commands/handoffCommands';
import { registerServerCommands } from './commands/serverCommands';
import { registerTraceabilityCommands } from './commands/traceabilityCommands';
import { registerTreeCommands } from './commands/treeCommands';
import { HandoffPanel } from './handoff/handoffPanel';
import { createLanguageClient } from './languageClient';
import { startServer } from './lifecycle';
import { ProofmarkServer } from './server/proofmarkServer';
import type { ProofmarkApi } from './services';
import { StatusBar } from './status/statusBar';
import { Timings } from './timings';
import { TraceabilityPanel } from './traceability/traceabilityPanel';
import { followActiveEditor } from './tree/followEditor';
import { IndexingState } from './tree/indexingState';
import { CompletionTreeProvider } from './tree/treeProvider';
import { TreeSource } from './tree/treeSource';
import { errorText } from './webview/panelHost';

/**
 * Wires the language client to the side panel, status bar, panels and commands. The client shows
 * what the server computes and never analyses documents itself. The returned API is for tests.
 */
export function activate(context: vscode.ExtensionContext): ProofmarkApi {
  const log = vscode.window.createOutputChannel('Proofmark', { log: true });
  const timings = new Timings(log);
  context.subscriptions.push(log, timings);
  try {
    const client = createLanguageClient(context, log);
    const server = new ProofmarkServer(client);
    const source = new TreeSource(server, log);
    const tree = new CompletionTreeProvider();
    const treeView = vscode.window.createTreeView(TREE_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
    const handoff = new HandoffPanel(context.extensionUri, server, source, log);
    const traceability = new TraceabilityPanel(context.extensionUri, server, source, log);
    context.subscriptions.push(client, source, tree, treeView, handoff, traceability, new StatusBar(source, server), new IndexingState(treeView, server, source), source.onDidChange((t) => tree.setTree(t)));
    const api: ProofmarkApi = {
      client, server, source, tree, treeView, handoff, traceability, log, timings,
      ready: startServer(client, source, log, timings, false),
      restart: () => startServer(client, source, log, timings, true),
    };
    context.subscriptions.push(
      ...registerServerCommands(api),
      ...registerTreeCommands(api),
      ...registerHandoffCommands(api),
      ...registerTraceabilityCommands(api),
      ...registerEditorCommands(api),
      followActiveEditor(tree, source, treeView),
    );
    return api;
  } catch (error) {
    const reason = errorText(error);
    log.error(`Activation failed: ${reason}`);
    void vscode.window.showErrorMessage(`Proofmark could not start: ${reason}`);
    throw error;
  }
}

export function deactivate(): void {
  // Everything, the language client included, is disposed through context.subscriptions.
}
