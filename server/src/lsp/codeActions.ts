import { CodeActionKind, type CodeAction, type Connection, type Disposable } from 'vscode-languageserver';
import { codeActionsAt } from '../core/views/codeActions';
import { lineSpan, toDiagnostic } from './convert';
import { toWorkspaceEdit, type EditCapabilities } from './edits';
import { actionOptions } from './handoff';
import type { Session } from './session';

/** Quick fixes and rewrites, each a WorkspaceEdit computed in core/views. */
export function registerCodeActionSupport(connection: Connection, session: Session, caps: EditCapabilities): Disposable {
  return connection.onCodeAction(async (params, token): Promise<CodeAction[]> => {
    const doc = await session.document(params.textDocument.uri, token);
    if (!doc || doc.text === null) return [];
    const { from, to } = lineSpan(params.range);
    const options = await actionOptions(session, doc.root, doc.path, doc.text);
    return codeActionsAt(doc.project, doc.path, doc.text, from, to, options).flatMap((a) => {
      const edit = toWorkspaceEdit(session, doc.root, caps, a.edits, a.creates);
      if (!edit) return [];
      const action: CodeAction = { title: a.title, kind: a.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite, edit, isPreferred: a.preferred };
      if (a.finding) action.diagnostics = [toDiagnostic(a.finding, (p) => session.uriOf(doc.root, p))];
      return [action];
    });
  });
}
