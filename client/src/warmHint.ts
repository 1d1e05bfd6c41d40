import * as vscode from 'vscode';
import type { WarmHint } from '../../server/src/protocol';

/** At most this many open tabs are named (the server parses at most 16 documents ahead, their scopes included). */
const MAX_OPEN = 8;

const MARKDOWN = /\.(?:md|markdown)$/i;

/**
 * The workspace folders and the Markdown files open in editor tabs, the active tab first: the
 * server forked now parses them while this client starts (protocol.ts WARM_ENV). Tabs are known
 * at activation, before their documents are loaded, as a restored window reopens them.
 */
export function warmHint(): WarmHint {
  try {
    return openDocuments();
  } catch {
    // Only a head start: a server named nothing reads everything as it would anyway.
    return { folders: [], open: [] };
  }
}

function openDocuments(): WarmHint {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const tabs = vscode.window.tabGroups;
  const active = tabs.activeTabGroup.activeTab;
  const open: string[] = [];
  for (const tab of [...(active ? [active] : []), ...tabs.all.flatMap((g) => g.tabs)]) {
    const input = tab.input;
    if (!(input instanceof vscode.TabInputText) || input.uri.scheme !== 'file' || !MARKDOWN.test(input.uri.fsPath)) continue;
    if (!open.includes(input.uri.fsPath)) open.push(input.uri.fsPath);
    if (open.length >= MAX_OPEN) break;
  }
  return { folders, open };
}
