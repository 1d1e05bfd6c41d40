import { CompletionItemKind, type CompletionItem, type Connection, type Disposable } from 'vscode-languageserver';
import { completionsAt, type CompletionKind } from '../core/views/completion';
import { fromPosition, toRange } from './convert';
import { textDocumentPosition } from './params';
import { serve } from './serve';
import type { Session } from './session';

const KIND: Record<CompletionKind, CompletionItemKind> = {
  requirement: CompletionItemKind.Reference,
  task: CompletionItemKind.Event,
  path: CompletionItemKind.File,
  status: CompletionItemKind.EnumMember,
};

export const TRIGGER_CHARACTERS = ['@', '`', ':', 'R', 'C', 'T', '.', ',', 'S'];

export function registerCompletionSupport(connection: Connection, session: Session): Disposable {
  return serve(connection, session, 'textDocument/completion', textDocumentPosition, async (params, token): Promise<CompletionItem[]> => {
    const doc = await session.document(params.textDocument.uri, token);
    if (!doc || doc.text === null) return [];
    const p = fromPosition(params.position);
    const lineText = doc.text.split('\n')[p.line - 1] ?? '';
    return completionsAt(doc.project, doc.path, lineText.replace(/\r$/, ''), p.line, p.column).map((c) => ({
      label: c.label,
      kind: KIND[c.kind],
      detail: c.detail,
      sortText: c.sortText,
      filterText: c.insertText,
      textEdit: { range: toRange(c.range), newText: c.insertText },
    }));
  });
}
