import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { TrustChangedNotification, type InitializationOptions, type TrustChangedParams } from '../../server/src/protocol';
import { ServerProcesses, serverWorkingDir } from './serverProcess';
import { readServerSettings, SETTINGS_SECTION } from './settings';
import { warmHint } from './warmHint';

/** The engine settings (not `trace.server`, no nulls) in the shape of a `.proofmark.json`, and the diagnostics scope. */
function engineSettings(scope?: vscode.Uri): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return readServerSettings((key) => config.get(key));
}

/** The storage folder, the settings, and whether the workspace is trusted (untrusted, the server ignores configured conventions and templates). */
function initializationOptions(context: vscode.ExtensionContext): InitializationOptions {
  return { storagePath: context.storageUri?.fsPath ?? context.globalStorageUri.fsPath, settings: engineSettings(), trusted: vscode.workspace.isTrusted };
}

/**
 * The language client for the bundled server (dist/server.js over IPC). Throws with a readable
 * reason when the server file is missing, so activation can tell the user.
 */
export function createLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  if (!existsSync(module)) throw new Error(`the bundled language server is missing (${module}); reinstall the extension`);
  const processes = new ServerProcesses(module, serverWorkingDir(vscode.workspace.workspaceFolders), log, warmHint);
  context.subscriptions.push(processes);
  const serverOptions: ServerOptions = processes.next;
  const watchers = [
    vscode.workspace.createFileSystemWatcher('**/*.md'),
    // Spec status records (spec.json, .spec-context.json) are analysed too (server: isDocumentFile).
    vscode.workspace.createFileSystemWatcher('**/{spec.json,.spec-context.json}'),
    vscode.workspace.createFileSystemWatcher('**/.proofmark.json'),
  ];
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    synchronize: { fileEvents: watchers },
    // A function, so that a restart sends the settings as they are then.
    initializationOptions: () => initializationOptions(context),
    diagnosticCollectionName: 'proofmark',
    outputChannel: log,
    middleware: {
      workspace: {
        // The server may ask for the `proofmark` section: answer with the engine settings only.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value: unknown, i) => {
            const item = params.items[i];
            return item?.section === SETTINGS_SECTION ? engineSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : value;
          });
        },
      },
    },
  };
  const client = new LanguageClient('proofmark', 'Proofmark', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SETTINGS_SECTION) || !client.isRunning()) return;
      void client.sendNotification(DidChangeConfigurationNotification.type, { settings: { [SETTINGS_SECTION]: engineSettings() } });
    }),
    // VS Code grants trust without a restart (revoking it reloads the window).
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (!client.isRunning()) return;
      const params: TrustChangedParams = { trusted: true };
      void client.sendNotification(TrustChangedNotification, params);
    }),
  );
  return client;
}
