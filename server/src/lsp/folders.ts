import type { Connection, Disposable } from 'vscode-languageserver';
import type { Root } from './roots';
import type { Session } from './session';

/** Workspace folders added and removed while running: each folder is its own project. */
export function registerFolderSupport(connection: Connection, session: Session, index: (root: Root) => void): Disposable {
  return connection.workspace.onDidChangeWorkspaceFolders((event) => {
    for (const f of event.removed) {
      const root = session.roots.remove(f.uri);
      if (root) root.generation++;
    }
    for (const f of event.added) {
      const root = session.roots.add(f.uri);
      if (root) index(root);
    }
    session.changed([], true);
  });
}
