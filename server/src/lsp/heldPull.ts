import type { CancellationToken } from 'vscode-languageserver';
import type { Root } from './roots';
import { shownPaths } from './scope';
import type { Session } from './session';

/** The longest a pull is held: past it, what is shown is answered, and the refresh after the index brings the rest. */
const HOLD_MS = 5_000;

/**
 * Resolves once an open document's diagnostics are shown (its own scope is read during a first
 * index), the index has ended, the document was closed, the request was cancelled, or HOLD_MS has
 * passed (an index that failed leaves its folder indexing: the timer ends the wait). A pull that
 * came before its document's scope was read is answered then, rather than empty and followed by a
 * refresh: the client would pull again, a round trip through its extension host while that host is
 * busiest (the editor's start).
 */
export function whenShown(session: Session, root: Root, path: string, token?: CancellationToken): Promise<void> {
  const waiting = (): boolean => root.partial && root.state === 'indexing' && session.isOpen(root, path) && !shownPaths(session, root).has(path) && token?.isCancellationRequested !== true;
  if (!waiting()) return Promise.resolve();
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
  });
}
