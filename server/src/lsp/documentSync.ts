import type { Connection, Disposable, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFileEvent } from './fileEvents';
import { array, integer, object, optional, range, string, textDocument } from './params';
import { listen } from './serve';
import type { Session } from './session';

const openParams = object({ textDocument: object({ uri: string, languageId: string, version: integer, text: string }) });
const changeParams = object({ textDocument: object({ uri: string, version: integer }), contentChanges: array(object({ text: string, range: optional(range) })) });
const closeParams = object({ textDocument });

type TextDocumentConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

/**
 * The connection as `TextDocuments` sees it: open, change and close notifications reach it only
 * with parameters of their shape (a malformed one is logged and dropped, not thrown inside the
 * library); save notifications, which the server does not ask for, pass as they are.
 */
export function checkedSync(connection: Connection): TextDocumentConnection {
  return {
    onDidOpenTextDocument: (handler) => listen(connection, 'textDocument/didOpen', openParams, handler),
    onDidChangeTextDocument: (handler) => listen(connection, 'textDocument/didChange', changeParams, handler),
    onDidCloseTextDocument: (handler) => listen(connection, 'textDocument/didClose', closeParams, handler),
    onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument(handler),
    onWillSaveTextDocumentWaitUntil: (handler) => connection.onWillSaveTextDocumentWaitUntil(handler),
    onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument(handler),
  };
}

/**
 * Open, edit and close: an edit re-analyses its document (debounced); a close lets the disk copy
 * win again, and clears the diagnostics of what leaves the scope with it.
 */
export function registerDocumentSyncSupport(_connection: Connection, session: Session): Disposable {
  const disposables = [
    session.documents.onDidOpen((e) => session.opened(e.document.uri)),
    session.documents.onDidChangeContent((e) => session.edited(e.document.uri)),
    session.documents.onDidClose((e) => {
      const at = session.locate(e.document.uri);
      session.closed(e.document.uri);
      if (!at) return;
      // Announced whatever the disk says: what the scope shows may have changed (the initiative left it).
      void session.enqueue(async () => {
        await applyFileEvent(session, at.root, at.path, 'changed');
        session.changed([], true);
      });
    }),
  ];
  return { dispose: () => disposables.forEach((d) => d.dispose()) };
}
