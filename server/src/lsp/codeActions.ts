import { CodeActionKind, type CodeAction, type Connection, type Disposable } from 'vscode-languageserver';
import { codeActionsAt, type ActionView } from '../core/views/codeActions';
import { ServerCommands } from '../protocol';
import { lineSpan, toDiagnostic } from './convert';
import { checkCreates, toWorkspaceEdit, type EditCapabilities } from './edits';
import { actionOptions } from './handoff';
import { object, range, textDocument } from './params';
import { serve } from './serve';
import type { DocumentContext, Session } from './session';

function toAction(session: Session, doc: DocumentContext, a: ActionView): CodeAction {
  const action: CodeAction = { title: a.title, kind: a.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite, isPreferred: a.preferred };
  if (a.finding) action.diagnostics = [toDiagnostic(a.finding, (p) => session.uriOf(doc.root, p))];
  return action;
}

/**
 * A fix that creates a file, or null when the disk already has it. It is a command, not an edit:
 * the server asks the disk again when it runs (the file may appear between the offer and the
 * choice, and a client may truncate a `CreateFile` target that exists, as Neovim 0.7 does).
 */
async function createAction(session: Session, doc: DocumentContext, caps: EditCapabilities, a: ActionView): Promise<CodeAction | null> {
  const checked = await checkCreates(doc.root, a.creates);
  if (checked.existing.length > 0) return null;
  if (checked.refused.length > 0) {
    // A file whose real path leaves the workspace is never offered as a fix that would write it.
    return caps.disabledActions ? { ...toAction(session, doc, a), isPreferred: false, disabled: { reason: checked.refused.join('; ') } } : null;
  }
  const [create] = a.creates;
  if (!create || a.creates.length > 1 || !(caps.documentChanges && caps.createFiles)) return null;
  const args = { uri: doc.uri, file: session.uriOf(doc.root, create.file) };
  return { ...toAction(session, doc, a), command: { title: a.title, command: ServerCommands.createOutput, arguments: [args] } };
}

/** Quick fixes and rewrites, each a WorkspaceEdit computed in core/views; files to create are asked of the disk. */
export function registerCodeActionSupport(connection: Connection, session: Session, caps: EditCapabilities): Disposable {
  return serve(connection, session, 'textDocument/codeAction', object({ textDocument, range }), async (params, token): Promise<CodeAction[]> => {
    const doc = await session.document(params.textDocument.uri, token);
    if (!doc || doc.text === null) return [];
    const { from, to } = lineSpan(params.range);
    const options = await actionOptions(session, doc.root, doc.path, doc.text);
    const actions: CodeAction[] = [];
    for (const a of codeActionsAt(doc.project, doc.path, doc.text, from, to, options)) {
      if (a.creates.length > 0) {
        const action = await createAction(session, doc, caps, a);
        if (action) actions.push(action);
        continue;
      }
      const edit = toWorkspaceEdit(session, doc.root, caps, a.edits, a.creates);
      if (edit) actions.push({ ...toAction(session, doc, a), edit });
    }
    return actions;
  });
}
