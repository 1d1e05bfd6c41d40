import { homedir } from 'node:os';
import * as nodePath from 'node:path';
import type { Disposable } from 'vscode-languageserver';
import { MARKDOWN_FILE } from '../core/project/project';
import { findMarkedAncestor, insideRoot } from '../node/folderPaths';
import { safeParse, type Root } from './roots';
import type { Session } from './session';

export interface LooseRoot {
  readonly dir: string;
  readonly recursive: boolean;
}

/**
 * Where a Markdown document outside every workspace folder is analysed: its repository (the nearest
 * folder with `.git` or `.proofmark.json`), as the CLI would choose, unless that is the home folder,
 * the file-system root or a folder holding a workspace folder; then only the files beside it.
 */
export function looseRootFor(file: string, folders: readonly string[], home: string): LooseRoot {
  const dir = nodePath.dirname(file);
  const marked = findMarkedAncestor(dir);
  if (marked === null || marked === home || nodePath.dirname(marked) === marked || folders.some((f) => insideRoot(marked, f) !== null)) return { dir, recursive: false };
  return { dir: marked, recursive: true };
}

/** Opens a loose root for a Markdown document outside every root; nothing for other documents. */
export function openLooseRoot(session: Session, uri: string, index: (root: Root) => void): void {
  if (session.locate(uri)) return;
  const parsed = safeParse(uri);
  if (parsed?.scheme !== 'file' || !MARKDOWN_FILE.test(parsed.fsPath)) return;
  const folders = session.roots.all().filter((r) => !r.loose).map((r) => r.fsPath);
  const { dir, recursive } = looseRootFor(nodePath.resolve(parsed.fsPath), folders, homedir());
  const root = session.roots.addLoose(dir, recursive);
  session.log(`Opened ${parsed.fsPath} outside every workspace folder: analysing ${recursive ? 'its repository' : 'the files beside it'}, ${dir}.`);
  index(root);
}

/**
 * Single-file mode: a Markdown document opened outside every workspace folder (or with no folder
 * open at all) gets a loose root, indexed like a folder, so it has diagnostics and the rest. Loose
 * roots stay for the session, unless a workspace folder added later overlaps them (folders.ts);
 * the client watches no files there, so disk changes are seen only through the editor.
 */
export function registerLooseFileSupport(session: Session, index: (root: Root) => void): Disposable {
  return session.documents.onDidOpen((e) => openLooseRoot(session, e.document.uri, index));
}
