import * as vscode from 'vscode';
import type { CompletionTree } from '../../../server/src/protocol';
import type { ProofmarkServer } from '../server/proofmarkServer';

/**
 * Holds the latest completion tree. Asks the server again on `proofmark/treeChanged`; requests never
 * overlap: a change that arrives during a request schedules exactly one more.
 */
export class TreeSource implements vscode.Disposable {
  private current: CompletionTree | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private readonly emitter = new vscode.EventEmitter<CompletionTree>();
  private readonly subscriptions: vscode.Disposable[] = [this.emitter];
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly server: ProofmarkServer,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(server.onTreeChanged(() => void this.refresh()));
  }

  get tree(): CompletionTree | null {
    return this.current;
  }

  /** Resolves once a tree at least as new as the server's state at call time has been received. */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.fetchLoop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async fetchLoop(): Promise<void> {
    do {
      this.again = false;
      if (!this.server.running) return;
      try {
        const tree = await this.server.completionTree();
        if (this.current === null || tree.revision >= this.current.revision) {
          this.current = tree;
          this.emitter.fire(tree);
        }
      } catch (error) {
        this.log.warn(`completion tree request failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    } while (this.again);
  }

  /** A restarted server counts revisions from the start again. */
  reset(): void {
    this.current = null;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
