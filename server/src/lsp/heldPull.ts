import type { CancellationToken } from 'vscode-languageserver';
import type { Root } from './roots';
import { shownPaths } from './scope';
import type { Session } from './session';

/** The longest a pull is held: past it, what is shown is answered, and the refresh after the index brings the rest. */
const HOLD_MS = 5_000;

/**
 * Pulls held until their documents' diagnostics are shown. A pull is held until its open document's
 * diagnostics are shown (its own scope is read during a first index), the index has ended, the
 * document was closed, the request was cancelled, or HOLD_MS has passed (an index that failed
 * leaves its folder indexing: the timer ends the wait). A pull that came before its document's
 * scope was read is answered then, rather than empty and followed by a refresh: the client would
 * pull again, a round trip through its extension host while that host is busiest (the editor's
 * start).
 */
export class HeldPulls {
  /** Held pulls by document URI. */
  private readonly held = new Map<string, number>();

  /**
   * Whether a pull of `uri` is held: it is answered with what is shown once released, so a change
   * of that document's diagnostics needs no refresh. (A refresh sent before the held answer made
   * VS Code cancel the pull, drop its answer and pull again: 0.4-0.6 s later at an editor's start.)
   */
  has(uri: string): boolean {
    return this.held.has(uri);
  }

  whenShown(session: Session, root: Root, path: string, uri: string, token?: CancellationToken): Promise<void> {
    const waiting = (): boolean => root.partial && root.state === 'indexing' && session.isOpen(root, path) && !shownPaths(session, root).has(path) && token?.isCancellationRequested !== true;
    if (!waiting()) return Promise.resolve();
    this.held.set(uri, (this.held.get(uri) ?? 0) + 1);
    return new Promise((resolve) => {
      const done = (): void => {
        listener.dispose();
        cancelled?.dispose();
        clearTimeout(timer);
        const left = (this.held.get(uri) ?? 1) - 1;
        if (left > 0) this.held.set(uri, left);
        else this.held.delete(uri);
        resolve();
      };
      const listener = session.onChange(() => {
        if (!waiting()) done();
      });
      const cancelled = token?.onCancellationRequested(done);
      const timer = setTimeout(done, HOLD_MS);
    });
  }
}
