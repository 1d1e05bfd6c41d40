import * as vscode from 'vscode';
import type { IndexStatusParams } from '../../../server/src/protocol';
import { ContextKeys } from '../commandIds';
import type { ProofmarkServer } from '../server/proofmarkServer';
import { indexingMessage, type IndexCount } from '../status/statusText';
import type { TreeSource } from './treeSource';

/**
 * The index's state, for the side panel: while a folder is indexed, the view says "Indexing…" with
 * the count (above the initiatives read so far, or in place of the empty state), and the context
 * key `proofmark.indexComplete` stays false, so that "No initiative found" is never shown for a
 * workspace still being read. The latest word wins: a `proofmark/indexStatus` notification, or a
 * completion tree, which carries `indexing` while a first index is incomplete.
 */
export class IndexingState implements vscode.Disposable {
  private readonly folders = new Map<string, IndexCount>();
  private fromTree: IndexCount | null = null;
  /** Nothing is known to be complete before the server's first word. */
  private heard = false;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly view: vscode.TreeView<string>,
    server: ProofmarkServer,
    source: TreeSource,
  ) {
    this.subscriptions = [
      server.onIndexStatus((status) => this.status(status)),
      source.onDidChange((tree) => {
        this.heard = true;
        this.fromTree = tree.indexing ?? null;
        if (!tree.indexing) this.folders.clear();
        this.update();
      }),
    ];
    this.update();
  }

  private status(status: IndexStatusParams): void {
    this.heard = true;
    if (status.state === 'indexing') this.folders.set(status.root, { documents: status.documents, total: status.total });
    else this.folders.delete(status.root);
    if (this.folders.size === 0) this.fromTree = null;
    this.update();
  }

  private update(): void {
    const message = indexingMessage(this.folders.size > 0 ? [...this.folders.values()] : this.fromTree ? [this.fromTree] : []);
    this.view.message = message ?? undefined;
    void vscode.commands.executeCommand('setContext', ContextKeys.indexComplete, this.heard && message === null);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
