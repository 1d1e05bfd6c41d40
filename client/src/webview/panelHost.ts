import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { makeNonce, type PageContext } from './html';

/** Creates a Proofmark webview panel: scripts on, local resources limited to media/. */
export function createPanel(viewType: string, title: string, extensionUri: vscode.Uri): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(viewType, title, { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, {
    enableScripts: true,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  });
}

/** A fresh nonce and the media/ asset URIs for one rendering of a page. */
export function pageContext(webview: vscode.Webview, extensionUri: vscode.Uri): PageContext {
  return {
    cspSource: webview.cspSource,
    nonce: makeNonce((n) => randomBytes(n)),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.css')).toString(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.js')).toString(),
  };
}

/** Opens a document at a 0-based line, beside the panel. Only URIs of the workspace's own scheme are followed. */
export async function openLocation(uri: string, line: number): Promise<void> {
  const target = vscode.Uri.parse(uri, true);
  if (target.scheme !== 'file' && target.scheme !== vscode.workspace.workspaceFolders?.[0]?.uri.scheme) return;
  const selection = new vscode.Range(line, 0, line, 0);
  await vscode.window.showTextDocument(target, { selection, viewColumn: vscode.ViewColumn.One, preserveFocus: false });
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
