import type { CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { FileCreate } from '../core/views/codeActions';
import type { FileEdit } from '../core/views/rename';
import { toRange } from './convert';
import type { Root } from './roots';
import type { Session } from './session';

export interface EditCapabilities {
  /** The client takes `documentChanges` (versioned edits). */
  readonly documentChanges: boolean;
  /** The client can create files in a workspace edit. */
  readonly createFiles: boolean;
}

/**
 * Domain edits as one WorkspaceEdit. Files are created with neither `overwrite` nor
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
