import * as vscode from 'vscode';
import { TREE_VIEW_ID } from '../commandIds';
import type { ProofmarkServer } from '../server/proofmarkServer';
import { activeInitiative } from '../tree/activeInitiative';
import type { TreeSource } from '../tree/treeSource';
import { indexingContent, restricted, restrictedContent, statusContent, sumCounts } from './statusText';

/**
 * The status-bar item: progress of the active initiative's current phase and its open findings, or
 * a spinner while a folder is being indexed; a shield in an untrusted workspace, where the server
 * ignores the repository's conventions and templates.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('proofmark.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];
  /** Folders being indexed, with the documents read so far and in all. */
  private readonly indexing = new Map<string, { documents: number; total: number }>();
  private trusted = vscode.workspace.isTrusted;

  constructor(
    private readonly source: TreeSource,
    server: ProofmarkServer,
  ) {
    this.item.name = 'Proofmark';
    this.item.command = `${TREE_VIEW_ID}.focus`;
    this.subscriptions = [
      this.item,
      source.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.trusted = true;
        this.update();
      }),
      server.onIndexStatus((status) => {
        if (status.state === 'indexing') this.indexing.set(status.root, { documents: status.documents, total: status.total });
        else this.indexing.delete(status.root);
        this.update();
      }),
    ];
    this.update();
  }

  private update(): void {
    if (this.indexing.size > 0) {
      const { documents, total } = sumCounts([...this.indexing.values()]);
      const content = this.trusted ? indexingContent(documents, total) : restricted(indexingContent(documents, total));
      this.item.text = content.text;
      this.item.tooltip = content.tooltip;
      this.item.accessibilityInformation = { label: content.accessibilityLabel };
      this.item.show();
      return;
    }
    const tree = this.source.tree;
    const node = tree ? activeInitiative(tree, vscode.window.activeTextEditor?.document.uri.toString()) : null;
    if (node === null && this.trusted) {
      this.item.hide();
      return;
    }
    const content = node === null ? restrictedContent() : statusContent(node, this.trusted);
    this.item.text = content.text;
    this.item.tooltip = content.tooltip;
    this.item.accessibilityInformation = { label: content.accessibilityLabel };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
