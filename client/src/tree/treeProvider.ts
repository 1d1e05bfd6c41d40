import * as vscode from 'vscode';
import type { CompletionTree } from '../../../server/src/protocol';
import { ContextKeys } from '../commandIds';
import { buildView } from './buildView';
import { diffView } from './diffView';
import { toTreeItem } from './treeItem';
import { EMPTY_VIEW, type ViewModel, type ViewNode } from './viewNode';

/**
 * The completion tree of the side panel. Elements are the rows' stable ids, so a new revision from
 * the server refreshes only the rows whose look or children changed (no flicker, expansion kept).
 */
export class CompletionTreeProvider implements vscode.TreeDataProvider<string>, vscode.Disposable {
  private tree: CompletionTree | null = null;
  private model: ViewModel = EMPTY_VIEW;
  private parents = new Map<string, string>();
  private openOnlyValue = false;
  private readonly changeEmitter = new vscode.EventEmitter<string | string[] | undefined>();
  private readonly renderEmitter = new vscode.EventEmitter<ViewModel>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  /** Fires after each new model is in place (tests and the status bar wait on it). */
  readonly onDidRender = this.renderEmitter.event;

  get openOnly(): boolean {
    return this.openOnlyValue;
  }

  get view(): ViewModel {
    return this.model;
  }

  node(id: string): ViewNode | undefined {
    return this.model.nodes.get(id);
  }

  setTree(tree: CompletionTree): void {
    this.tree = tree;
    this.render();
  }

  setOpenOnly(value: boolean): void {
    this.openOnlyValue = value;
    void vscode.commands.executeCommand('setContext', ContextKeys.openOnly, value);
    this.render();
  }

  private render(): void {
    if (this.tree === null) return;
    const next = buildView(this.tree, { openOnly: this.openOnlyValue });
    const change = diffView(this.model, next);
    this.model = next;
    this.parents = new Map();
    for (const node of next.nodes.values()) for (const child of node.children) this.parents.set(child, node.id);
    if (change.kind === 'full') this.changeEmitter.fire(undefined);
    else if (change.kind === 'nodes') this.changeEmitter.fire([...change.ids]);
    void vscode.commands.executeCommand('setContext', ContextKeys.hasInitiatives, next.roots.length > 0);
    this.renderEmitter.fire(next);
  }

  getTreeItem(id: string): vscode.TreeItem {
    const node = this.model.nodes.get(id);
    return node ? toTreeItem(node) : new vscode.TreeItem('…');
  }

  getChildren(id?: string): string[] {
    if (id === undefined) return [...this.model.roots];
    return [...(this.model.nodes.get(id)?.children ?? [])];
  }

  getParent(id: string): string | undefined {
    return this.parents.get(id);
  }

  dispose(): void {
    this.changeEmitter.dispose();
    this.renderEmitter.dispose();
  }
}
