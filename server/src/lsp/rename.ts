import { ErrorCodes, ResponseError, type Connection, type Disposable } from 'vscode-languageserver';
import { prepareRenameAt, renameAt } from '../core/views/rename';
import { fromPosition, toRange } from './convert';
import { toWorkspaceEdit, type EditCapabilities } from './edits';
import { object, position, string, textDocument, textDocumentPosition } from './params';
import { serve } from './serve';
import type { Session } from './session';
import { requestTexts } from './texts';

const renameParams = object({ textDocument, position, newName: string });

/** Renames requirement and task ids across the initiative (or the spec folder); a refusal is an error the editor shows. */
export function registerRenameSupport(connection: Connection, session: Session, caps: EditCapabilities): Disposable {
  const prepare = serve(connection, session, 'textDocument/prepareRename', textDocumentPosition, async (params, token) => {
    const doc = await session.document(params.textDocument.uri, token);
    if (!doc) return null;
    const p = fromPosition(params.position);
    const view = prepareRenameAt(doc.project, doc.path, p.line, p.column, requestTexts(session, doc.root));
    if ('error' in view) throw new ResponseError(ErrorCodes.InvalidRequest, view.error);
    return { range: toRange(view.range), placeholder: view.placeholder };
  });
  const rename = serve(connection, session, 'textDocument/rename', renameParams, async (params, token) => {
    const doc = await session.document(params.textDocument.uri, token);
    if (!doc) return null;
    const p = fromPosition(params.position);
    const view = renameAt(doc.project, doc.path, p.line, p.column, params.newName, requestTexts(session, doc.root));
    if ('error' in view) throw new ResponseError(ErrorCodes.InvalidRequest, view.error);
    return toWorkspaceEdit(session, doc.root, caps, view.edits, []);
  });
  return { dispose: () => [prepare, rename].forEach((d) => d.dispose()) };
}
