import type { Connection, Disposable, Location } from 'vscode-languageserver';
import { definitionAt } from '../core/views/navigation';
import { fromPosition, toRange } from './convert';
import { textDocumentPosition } from './params';
import { serve } from './serve';
import type { Session } from './session';
import { requestTexts } from './texts';

export function registerDefinitionSupport(connection: Connection, session: Session): Disposable {
  return serve(connection, session, 'textDocument/definition', textDocumentPosition, async (params, token): Promise<Location[]> => {
    const doc = await session.document(params.textDocument.uri, token);
    if (!doc) return [];
    const p = fromPosition(params.position);
    return definitionAt(doc.project, doc.path, p.line, p.column, requestTexts(session, doc.root)).map((l) => ({ uri: session.uriOf(doc.root, l.file), range: toRange(l.range) }));
  });
}
