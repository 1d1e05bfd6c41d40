import * as nodePath from 'node:path';
import type { Connection, Disposable } from 'vscode-languageserver';
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { IndexStatusNotification, type IndexStatusParams } from '../protocol';
import type { Root } from './roots';
import type { Session } from './session';
import { thousands } from '../core/text/thousands';

/** A count is sent when it advanced by this share of the documents (at most 100 per index), and the last one always. */
const REPORT_STEP = 0.01;

/** `Indexing 812/1,584`, naming the folder when there are several. */
export function progressMessage(root: Root, several: boolean): string {
  const { done, total } = root.progress;
  const what = total > 0 ? `${thousands(done)}/${thousands(total)}` : 'listing files';
  return several ? `Indexing ${nodePath.basename(root.fsPath)} ${what}` : `Indexing ${what}`;
}

function percentage(root: Root): number {
  const { done, total } = root.progress;
  return total > 0 ? Math.min(100, (100 * done) / total) : 0;
}

/**
 * Tells the client how each folder's index goes: `proofmark/indexStatus` when it starts, as it
 * counts up (every 1% of its documents, so at most a hundred times) and when it is ready, and, for a client that supports it,
 * `window/workDoneProgress` ("Indexing 812/1,584"). Registered after the diagnostics support, so
 * `ready` follows the diagnostics of the completed index on the wire.
 */
export function registerIndexStatus(connection: Connection, session: Session): Disposable {
  const sent = new Map<string, string>();
  const lastCount = new Map<string, number>();
  const reporters = new Map<string, Promise<WorkDoneProgressServerReporter | null>>();

  const notify = (root: Root): void => {
    const params: IndexStatusParams = { root: root.root, state: root.state, documents: root.progress.done, total: root.progress.total };
    void connection.sendNotification(IndexStatusNotification, params);
  };
  const reporter = (root: Root): Promise<WorkDoneProgressServerReporter | null> => {
    let hit = reporters.get(root.root);
    if (!hit) {
      hit = connection.window.createWorkDoneProgress().then(
        (r) => {
          r.begin('Proofmark', percentage(root), progressMessage(root, session.roots.all().length > 1));
          return r;
        },
        (error: unknown) => {
          session.log(`The client refused a progress report (${String(error)}); the status bar still counts.`);
          return null;
        },
      );
      reporters.set(root.root, hit);
    }
    return hit;
  };
  const finish = (key: string): void => {
    const r = reporters.get(key);
    reporters.delete(key);
    void r?.then((x) => x?.done());
  };

  const changes = session.onChange(() => {
    const roots = session.roots.all();
    for (const root of roots) {
      const stamp = `${root.state}#${root.generation}`;
      if (sent.get(root.root) === stamp) continue;
      sent.set(root.root, stamp);
      lastCount.set(root.root, root.progress.done);
      notify(root);
      if (root.state === 'indexing') void reporter(root);
      else finish(root.root);
    }
    // A folder removed while indexing ends its progress.
    for (const key of [...reporters.keys()]) if (!roots.some((r) => r.root === key)) finish(key);
  });
  const counts = session.onProgress((root) => {
    if (root.state !== 'indexing' || sent.get(root.root) !== `indexing#${root.generation}`) return;
    const { done, total } = root.progress;
    const previous = lastCount.get(root.root) ?? 0;
    if (done <= previous && total > 0) return;
    if (done < total && done - previous < Math.max(1, REPORT_STEP * total)) return;
    lastCount.set(root.root, done);
    notify(root);
    const several = session.roots.all().length > 1;
    void reporters.get(root.root)?.then((r) => r?.report(percentage(root), progressMessage(root, several)));
  });
  return { dispose: () => [changes, counts].forEach((d) => d.dispose()) };
}
