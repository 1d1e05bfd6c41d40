import type { CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { FileCreate } from '../core/views/codeActions';
import type { FileEdit } from '../core/views/rename';
import { checkWrite } from '../node/writeGuard';
import { toRange } from './convert';
import type { Root } from './roots';
import type { Session } from './session';

export interface EditCapabilities {
  /** The client takes `documentChanges` (versioned edits). */
  readonly documentChanges: boolean;
  /** The client can create files in a workspace edit. */
  readonly createFiles: boolean;
  /** The client shows a code action that cannot be applied, greyed, with the reason (`CodeAction.disabled`). */
  readonly disabledActions?: boolean;
}

/** Files to create, sorted by what the disk says now: only `creates` may be sent to a client. */
export interface CheckedCreates {
  readonly creates: readonly FileCreate[];
  /** Paths already on disk (the index may lag behind it or ignore their folder). */
  readonly existing: readonly string[];
  /** Why each refused path may not be written (it leads outside the workspace). */
  readonly refused: readonly string[];
}

/**
 * Asks the disk about each file to create, through the write guard the CLI uses too: a file that
 * exists is never sent (a client may truncate it: Neovim 0.7 opens a `CreateFile` target for
 * writing), and nothing whose real path leaves the workspace is sent either.
 */
export async function checkCreates(root: Root, creates: readonly FileCreate[]): Promise<CheckedCreates> {
  const result = { creates: [] as FileCreate[], existing: [] as string[], refused: [] as string[] };
  for (const c of creates) {
    const target = await checkWrite(root.fsPath, c.file);
    if (target.kind === 'new') result.creates.push(c);
    else if (target.kind === 'exists') result.existing.push(c.file);
    else result.refused.push(target.reason);
  }
  return result;
}

/**
 * Domain edits as one WorkspaceEdit (creates checked with `checkCreates` first). Files are created with neither `overwrite` nor
 * `ignoreIfExists`, then filled by an insertion: should a file appear between this answer and the
 * client applying it (another tool, a second click on the same fix), the client refuses the
 * creation instead of overwriting the file or inserting the text into it. Returns null when the
 * edit needs file creation the client cannot do.
 */
export function toWorkspaceEdit(session: Session, root: Root, caps: EditCapabilities, edits: readonly FileEdit[], creates: readonly FileCreate[]): WorkspaceEdit | null {
  if (creates.length > 0 && !(caps.documentChanges && caps.createFiles)) return null;
  const byFile = new Map<string, TextEdit[]>();
  for (const e of edits) {
    const list = byFile.get(e.file) ?? [];
    list.push({ range: toRange(e.range), newText: e.newText });
    byFile.set(e.file, list);
  }
  if (!caps.documentChanges) {
    const changes: Record<string, TextEdit[]> = {};
    for (const [file, list] of byFile) changes[session.uriOf(root, file)] = list;
    return { changes };
  }
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const c of creates) {
    const uri = session.uriOf(root, c.file);
    documentChanges.push({ kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } });
    documentChanges.push({ textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: c.content }] });
  }
  for (const [file, list] of byFile) {
    const uri = session.uriOf(root, file);
    documentChanges.push({ textDocument: { uri, version: session.documents.get(uri)?.version ?? null }, edits: list });
  }
  return { documentChanges };
}
