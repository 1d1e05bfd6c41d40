import { SymbolKind, type Connection, type Disposable, type DocumentSymbol, type WorkspaceSymbol } from 'vscode-languageserver';
import { documentSymbols, workspaceSymbols, type SymbolKind as ViewKind, type SymbolView } from '../core/views/symbols';
import { toRange } from './convert';
import { object, string, textDocument } from './params';
import { serve } from './serve';
import type { Session } from './session';

const KIND: Record<ViewKind, SymbolKind> = {
  phase: SymbolKind.Module,
  task: SymbolKind.Method,
  requirement: SymbolKind.Interface,
  kpi: SymbolKind.Constant,
  heading: SymbolKind.String,
};

function toSymbol(s: SymbolView): DocumentSymbol {
  return { name: s.name, detail: s.detail, kind: KIND[s.kind], range: toRange(s.range), selectionRange: toRange(s.selectionRange), children: s.children.map(toSymbol) };
}

export function registerDocumentSymbolSupport(connection: Connection, session: Session): Disposable {
  return serve(connection, session, 'textDocument/documentSymbol', object({ textDocument }), async (params, token): Promise<DocumentSymbol[]> => {
    const doc = await session.document(params.textDocument.uri, token);
    if (!doc?.model) return [];
    return documentSymbols(doc.model).map(toSymbol);
  });
}

export function registerWorkspaceSymbolSupport(connection: Connection, session: Session): Disposable {
  return serve(connection, session, 'workspace/symbol', object({ query: string }), async (params, token): Promise<WorkspaceSymbol[]> => {
    await session.settled();
    if (token.isCancellationRequested) return [];
    return session.roots.all().flatMap((root) =>
      workspaceSymbols(root.project, params.query).map((s) => ({ name: s.name, kind: KIND[s.kind], containerName: s.container, location: { uri: session.uriOf(root, s.file), range: toRange(s.range) } })),
    );
  });
}
