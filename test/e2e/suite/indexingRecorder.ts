import type * as vscode from 'vscode';
import type { ProofmarkApi } from '../../../client/src/services';

/** What the side panel showed after one event: its message ("Indexing… 812/1,584") and how many initiatives it lists. */
export interface TreeObservation {
  readonly atMs: number;
  readonly event: 'index-status' | 'tree-render';
  readonly message: string | null;
  readonly roots: number;
  /** The server's own count, for an index-status event. */
  readonly state?: 'indexing' | 'ready';
}

/**
 * Records what the Proofmark view shows after each index-status notification and each render of
 * the tree, from activation until the first index is ready. The extension's IndexingState and the
 * tree provider subscribed at activation, before this recorder, so each observation reads the view
 * as that event left it. "No initiative found" is shown exactly when the view lists nothing and
 * has no message once the server has spoken (the viewsWelcome `when` clause in package.json).
 */
export class IndexingRecorder implements vscode.Disposable {
  readonly observations: TreeObservation[] = [];
  readonly ready: Promise<number>;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly api: ProofmarkApi) {
    this.ready = new Promise((resolve) => {
      this.subscriptions.push(
        api.server.onIndexStatus((status) => {
          this.observe('index-status', status.state);
          if (status.state === 'ready') resolve(Date.now() - api.timings.activatedAt);
        }),
        api.tree.onDidRender(() => this.observe('tree-render')),
      );
    });
  }

  private observe(event: TreeObservation['event'], state?: 'indexing' | 'ready'): void {
    const message = this.api.treeView.message ?? null;
    const observation: TreeObservation = { atMs: Date.now() - this.api.timings.activatedAt, event, message: message === '' ? null : message, roots: this.api.tree.view.roots.length };
    this.observations.push(state === undefined ? observation : { ...observation, state });
  }

  /** The distinct "Indexing… N/M" counts shown, in order. */
  counts(): { documents: number; total: number }[] {
    const result: { documents: number; total: number }[] = [];
    let last = '';
    for (const o of this.observations) {
      const match = /^Indexing… ([\d,]+)\/([\d,]+)$/.exec(o.message ?? '');
      if (!match?.[1] || !match[2] || o.message === last) continue;
      last = o.message ?? '';
      result.push({ documents: Number(match[1].replace(/,/g, '')), total: Number(match[2].replace(/,/g, '')) });
    }
    return result;
  }

  /** Observations where the view would show "No initiative found": nothing listed and no message. */
  emptyStates(): TreeObservation[] {
    return this.observations.filter((o) => o.roots === 0 && o.message === null);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
