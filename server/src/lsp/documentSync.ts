import type { Connection, Disposable } from 'vscode-languageserver';
import { applyFileEvent } from './fileEvents';
import type { Session } from './session';

/** Open, edit and close: an edit re-analyses its document (debounced); a close lets the disk copy win again. */
export function registerDocumentSyncSupport(_connection: Connection, session: Session): Disposable {
  const disposables = [
    session.documents.onDidOpen((e) => session.opened(e.document.uri)),
    session.documents.onDidChangeContent((e) => session.edited(e.document.uri)),
    session.documents.onDidClose((e) => {
      const at = session.locate(e.document.uri);
      session.closed(e.document.uri);
      if (!at) return;
      void session.enqueue(async () => {
        if ((await applyFileEvent(session, at.root, at.path, 'changed')) !== 'none') session.changed([], true);
      });
    }),
  ];
  return { dispose: () => disposables.forEach((d) => d.dispose()) };
}
