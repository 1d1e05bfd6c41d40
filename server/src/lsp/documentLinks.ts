import type { Connection, Disposable, DocumentLink } from 'vscode-languageserver';
import { documentLinks } from '../core/views/links';
import { toRange } from './convert';
import { object, textDocument } from './params';
import { serve } from './serve';
import type { Session } from './session';

export function registerDocumentLinkSupport(connection: Connection, session: Session): Disposable {
  return serve(connection, session, 'textDocument/documentLink', object({ textDocument }), async (params, token): Promise<DocumentLink[]> => {
    const doc = await session.document(params.textDocument.uri, token);
    if (!doc) return [];
    return documentLinks(doc.project, doc.path).map((l) => ({ range: toRange(l.range), target: session.uriOf(doc.root, l.target), tooltip: l.tooltip }));
  });
}
