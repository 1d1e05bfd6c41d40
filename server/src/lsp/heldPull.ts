import type { CancellationToken } from 'vscode-languageserver';
import type { Root } from './roots';
import { openStage, shownPaths } from './scope';
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
    const waiting = (): boolean => root.partial && root.state === 'indexing' && session.isOpen(root, path) && !shownPaths(session, root).has(path);
    if (!waiting()) return Promise.resolve();
    this.held.set(uri, (this.held.get(uri) ?? 0) + 1);
    return holdWhile(session, waiting, token).then(() => {
      const left = (this.held.get(uri) ?? 1) - 1;
      if (left > 0) this.held.set(uri, left);
      else this.held.delete(uri);
    });
  }
}

/**
 * Resolves once no folder's first index is still reading what its open documents' own diagnostics
 * need (scope.ts openStage), or as a held pull would (HOLD_MS, cancellation). The completion tree
 * waits for it: computed meanwhile (0.2 s the first time in a busy editor's start), it delayed the
 * open document's first diagnostics by as much; the view says "Indexing…" from the index status.
 */
export function whenOpenScopesRead(session: Session, token?: CancellationToken): Promise<void> {
  const reading = (root: Root): boolean => root.partial && root.state === 'indexing' && session.openPaths(root).length > 0 && (!root.listed || openStage(session, root) === 'reading');
  const waiting = (): boolean => session.roots.all().some(reading);
  return waiting() ? holdWhile(session, waiting, token) : Promise.resolve();
}

/** Resolves once `waiting` is false after a change of the session, the request is cancelled, or HOLD_MS has passed. */
function holdWhile(session: Session, waiting: () => boolean, token: CancellationToken | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      listener.dispose();
      cancelled?.dispose();
      clearTimeout(timer);
      resolve();
    };
    const listener = session.onChange(() => {
      if (!waiting()) done();
    });
    const cancelled = token?.onCancellationRequested(done);
    const timer = setTimeout(done, HOLD_MS);
    if (token?.isCancellationRequested === true) done();
  });
}
