import { CodeActionKind, type CodeAction, type Connection, type Disposable } from 'vscode-languageserver';
import { codeActionsAt, type ActionView } from '../core/views/codeActions';
import { lineSpan, toDiagnostic } from './convert';
import { checkCreates, toWorkspaceEdit, type EditCapabilities } from './edits';
import { actionOptions } from './handoff';
import type { DocumentContext, Session } from './session';

function toAction(session: Session, doc: DocumentContext, a: ActionView): CodeAction {
  const action: CodeAction = { title: a.title, kind: a.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite, isPreferred: a.preferred };
  if (a.finding) action.diagnostics = [toDiagnostic(a.finding, (p) => session.uriOf(doc.root, p))];
  return action;
}

/** Quick fixes and rewrites, each a WorkspaceEdit computed in core/views; files to create are checked on disk first. */
export function registerCodeActionSupport(connection: Connection, session: Session, caps: EditCapabilities): Disposable {
  return connection.onCodeAction(async (params, token): Promise<CodeAction[]> => {
    const doc = await session.document(params.textDocument.uri, token);
    if (!doc || doc.text === null) return [];
    const { from, to } = lineSpan(params.range);
    const options = await actionOptions(session, doc.root, doc.path, doc.text);
    const actions: CodeAction[] = [];
    for (const a of codeActionsAt(doc.project, doc.path, doc.text, from, to, options)) {
      if (a.creates.length > 0) {
        const checked = await checkCreates(doc.root, a.creates);
        if (checked.refused.length > 0) {
          // A file whose real path leaves the workspace is never offered as a fix that would write it.
          if (caps.disabledActions) actions.push({ ...toAction(session, doc, a), isPreferred: false, disabled: { reason: checked.refused.join('; ') } });
          continue;
        }
      }
      const edit = toWorkspaceEdit(session, doc.root, caps, a.edits, a.creates);
      if (edit) actions.push({ ...toAction(session, doc, a), edit });
    }
    return actions;
  });
}
