import { MarkupKind, type Connection, type Disposable, type Hover } from 'vscode-languageserver';
import { hoverAt } from '../core/views/hover';
import { fromPosition, toRange } from './convert';
import { textDocumentPosition } from './params';
import { serve } from './serve';
import type { Session } from './session';
import { requestTexts } from './texts';

export function registerHoverSupport(connection: Connection, session: Session): Disposable {
  return serve(connection, session, 'textDocument/hover', textDocumentPosition, async (params, token): Promise<Hover | null> => {
    const doc = await session.document(params.textDocument.uri, token);
    if (!doc) return null;
    const p = fromPosition(params.position);
    const view = hoverAt(doc.project, doc.path, p.line, p.column, requestTexts(session, doc.root));
    return view ? { contents: { kind: MarkupKind.Markdown, value: view.contents }, range: toRange(view.range) } : null;
  });
}
