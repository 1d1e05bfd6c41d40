import { CodeActionKind, type CodeAction, type Connection, type Disposable } from 'vscode-languageserver';
import { codeActionsAt, fixAllIn, type ActionView } from '../core/views/codeActions';
import { ServerCommands } from '../protocol';
import { lineSpan, toDiagnostic } from './convert';
import { checkCreates, toWorkspaceEdit, type EditCapabilities } from './edits';
import { actionOptions } from './handoff';
import { whenOpenScopesRead } from './heldPull';
import { array, object, optional, range, string, textDocument } from './params';
import { serve } from './serve';
import type { DocumentContext, Session } from './session';

/** The kind "Fix all" answers with, on save (`editor.codeActionsOnSave`) or from the Source Action menu. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.proofmark`;

const KINDS: Readonly<Record<ActionView['kind'], string>> = { quickfix: CodeActionKind.QuickFix, 'refactor.rewrite': CodeActionKind.RefactorRewrite, 'source.fixAll': FIX_ALL_KIND };

/** Whether a client's `context.only` asks for a kind: `source` asks for `source.fixAll.proofmark`. */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  return only === undefined || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

function toAction(session: Session, doc: DocumentContext, a: ActionView): CodeAction {
  const action: CodeAction = { title: a.title, kind: KINDS[a.kind], isPreferred: a.preferred };
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

/**
 * Quick fixes and rewrites, each a WorkspaceEdit computed in core/views, in the order core/views
 * lists them (the preferred fix first, Suppress last); files to create are asked of the disk. Asked
 * for `source.fixAll` only (on save), the answer is the document's "Fix all" alone. Asked while a
 * first index still reads what the open documents' own findings need (VS Code asks at the cursor as
 * a document opens), the answer waits for it, as the completion tree does (heldPull.ts): computed
 * meanwhile from findings not yet final (35–134 ms in the editor's start on the corpus), it
 * offered fixes of findings not shown and delayed the open document's first diagnostics.
 */
export function registerCodeActionSupport(connection: Connection, session: Session, caps: EditCapabilities): Disposable {
  const params = object({ textDocument, range, context: optional(object({ only: optional(array(string)) })) });
  return serve(connection, session, 'textDocument/codeAction', params, async (params, token): Promise<CodeAction[]> => {
    await whenOpenScopesRead(session, token);
    const doc = await session.document(params.textDocument.uri, token);
    if (!doc || doc.text === null) return [];
    const only = params.context?.only;
    const actions: CodeAction[] = [];
    if (only !== undefined && wants(only, FIX_ALL_KIND)) {
      const fixAll = fixAllIn(doc.project, doc.path, doc.text);
      const edit = fixAll ? toWorkspaceEdit(session, doc.root, caps, fixAll.edits, []) : null;
      if (fixAll && edit) actions.push({ ...toAction(session, doc, fixAll), edit });
    }
    if (only !== undefined && !wants(only, CodeActionKind.QuickFix) && !wants(only, CodeActionKind.RefactorRewrite)) return actions;
    const { from, to } = lineSpan(params.range);
    const options = await actionOptions(session, doc.root, doc.path, doc.text);
    for (const a of codeActionsAt(doc.project, doc.path, doc.text, from, to, options)) {
      if (!wants(only, KINDS[a.kind])) continue;
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
