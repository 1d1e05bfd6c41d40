import type { Connection, Disposable, Location } from 'vscode-languageserver';
import { referencesAt } from '../core/views/navigation';
import { fromPosition, toRange } from './convert';
import type { Session } from './session';

export function registerReferencesSupport(connection: Connection, session: Session): Disposable {
  return connection.onReferences(async (params, token): Promise<Location[]> => {
    const doc = await session.document(params.textDocument.uri, token);
    if (!doc) return [];
    const p = fromPosition(params.position);
    return referencesAt(doc.project, doc.path, p.line, p.column, params.context?.includeDeclaration ?? true).map((l) => ({ uri: session.uriOf(doc.root, l.file), range: toRange(l.range) }));
  });
}
