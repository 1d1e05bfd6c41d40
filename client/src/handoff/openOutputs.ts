import type { HandoffFile } from '../../../server/src/protocol';
import { fileName } from '../webview/html';

/** What the editor holds for a file: open with unsaved changes, or open in a tab. */
export interface EditorState {
  readonly dirty: boolean;
  readonly inTab: boolean;
}

/**
 * The plan's files that are missing on disk but still open in the editor (unsaved, or in a tab):
 * a deleted output whose text the user may still want. The server's `CreateFile` would replace
 * the editor's text with the template (VS Code reloads a model whose file is created), so these
 * are never created without asking whether to save the editor's text or to use the template.
 */
export function deletedButOpen(files: readonly HandoffFile[], editor: (uri: string) => EditorState | undefined): HandoffFile[] {
  return files.filter((f) => {
    if (f.exists || f.refused !== undefined) return false;
    const state = editor(f.uri);
    return state !== undefined && (state.dirty || state.inTab);
  });
}

/** The files "Create missing files" would create: missing on disk and not refused by the write guard. */
export function creatable(files: readonly HandoffFile[]): HandoffFile[] {
  return files.filter((f) => !f.exists && f.refused === undefined);
}

export const SAVE_EDITOR_TEXT = 'Save the Editor Text';
export const USE_TEMPLATE = 'Recreate from the Template';

/** The question asked before creating files that are deleted on disk but open in the editor. */
export function deletedButOpenQuestion(files: readonly HandoffFile[]): { message: string; detail: string } {
  const names = files.map((f) => fileName(f.uri)).join(', ');
  const one = files.length === 1;
  return {
    message: `${names} ${one ? 'was' : 'were'} deleted on disk but ${one ? 'is' : 'are'} still open in the editor.`,
    detail: `"${SAVE_EDITOR_TEXT}" writes the editor's text back to disk. "${USE_TEMPLATE}" creates ${one ? 'it' : 'them'} from the handoff template and discards the editor's text. Cancel creates nothing.`,
  };
}
