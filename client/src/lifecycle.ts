import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, ContextKeys, type ClientState } from './commandIds';
import type { Timings } from './timings';
import type { TreeSource } from './tree/treeSource';
import { errorText } from './webview/panelHost';

function setState(state: ClientState): void {
  void vscode.commands.executeCommand('setContext', ContextKeys.state, state);
}

async function tellUser(reason: string, log: vscode.LogOutputChannel): Promise<void> {
  const choice = await vscode.window.showErrorMessage(`Proofmark could not start its language server: ${reason}`, 'Show Log', 'Restart Server');
  if (choice === 'Show Log') log.show();
  else if (choice === 'Restart Server') await vscode.commands.executeCommand(ClientCommands.restartServer);
}

/**
 * Starts (or restarts) the server and loads the first tree. Never throws: a failure is logged,
 * shown to the user with its reason, and reported as `false`.
 */
export async function startServer(
  client: LanguageClient,
  source: TreeSource,
  log: vscode.LogOutputChannel,
  timings: Timings,
  restart: boolean,
): Promise<boolean> {
  setState('starting');
  try {
    source.reset();
    if (restart && client.isRunning()) await client.restart();
    else await client.start();
    setState('ready');
    timings.mark('serverReadyAt', 'server ready');
    log.info(restart ? 'Server restarted.' : 'Server started.');
    await source.refresh();
    if (source.tree) timings.mark('firstTreeAt', 'first completion tree');
    return true;
  } catch (error) {
    const reason = errorText(error);
    setState('failed');
    log.error(`Server failed to start: ${reason}`);
    void tellUser(reason, log);
    return false;
  }
}
