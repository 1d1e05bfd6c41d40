import type { Connection, Disposable, Location } from 'vscode-languageserver';
import { referencesAt } from '../core/views/navigation';
import { fromPosition, toRange } from './convert';
import { boolean, object, optional, position, textDocument } from './params';
import { serve } from './serve';
import type { Session } from './session';
import { requestTexts } from './texts';

const referenceParams = object({ textDocument, position, context: optional(object({ includeDeclaration: optional(boolean) })) });

export function registerReferencesSupport(connection: Connection, session: Session): Disposable {
  return serve(connection, session, 'textDocument/references', referenceParams, async (params, token): Promise<Location[]> => {
    const doc = await session.document(params.textDocument.uri, token);
    if (!doc) return [];
    const p = fromPosition(params.position);
    return referencesAt(doc.project, doc.path, p.line, p.column, params.context?.includeDeclaration ?? true, requestTexts(session, doc.root)).map((l) => ({ uri: session.uriOf(doc.root, l.file), range: toRange(l.range) }));
  });
}
