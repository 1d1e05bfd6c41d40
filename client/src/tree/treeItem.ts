import * as vscode from 'vscode';
import type { ViewNode } from './viewNode';

/** The `vscode.TreeItem` for a row; a row with a location opens its file at that line when clicked. */
export function toTreeItem(node: ViewNode): vscode.TreeItem {
  const state = node.children.length === 0
    ? vscode.TreeItemCollapsibleState.None
    : node.expanded
      ? vscode.TreeItemCollapsibleState.Expanded
      : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(node.label, state);
  item.id = node.id;
  item.description = node.description;
  item.tooltip = node.tooltip;
  item.contextValue = node.contextValue;
  item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
  item.accessibilityInformation = { label: node.description ? `${node.label}, ${node.description}` : node.label };
  if (node.location) {
    const line = node.location.line;
    const options: vscode.TextDocumentShowOptions = { selection: new vscode.Range(line, 0, line, 0), preserveFocus: true };
    item.command = { command: 'vscode.open', title: 'Reveal', arguments: [vscode.Uri.parse(node.location.uri), options] };
  }
  return item;
}
