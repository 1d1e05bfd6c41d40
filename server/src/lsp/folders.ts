import * as nodePath from 'node:path';
import type { Connection, Disposable } from 'vscode-languageserver';
import { insideRoot } from '../node/folderPaths';
import { openLooseRoot } from './looseFiles';
import { safeParse, type Root } from './roots';
import { anything, array, object, string } from './params';
import { listen } from './serve';
import type { Session } from './session';

const folder = object({ uri: string, name: anything });
const folderParams = object({ event: object({ added: array(folder), removed: array(folder) }) });

function overlaps(a: string, b: string): boolean {
  return insideRoot(a, b) !== null || insideRoot(b, a) !== null;
}

/**
 * Workspace folders added and removed while running: each folder is its own project. A loose root
 * (see looseFiles.ts) that overlaps an added folder gives way to it, so no file has two projects,
 * and open documents left outside every folder get a new loose root (also when a folder is removed).
 * The notification is handled here directly, in place of the library's handler: see server.ts.
 */
export function registerFolderSupport(connection: Connection, session: Session, index: (root: Root) => void): Disposable {
  return listen(connection, 'workspace/didChangeWorkspaceFolders', folderParams, ({ event }) => {
    for (const f of event.removed) {
      const root = session.roots.remove(f.uri);
      if (root) root.generation++;
    }
    for (const f of event.added) {
      const parsed = safeParse(f.uri);
      const folder = parsed?.scheme === 'file' ? nodePath.resolve(parsed.fsPath) : null;
      for (const loose of session.roots.all().filter((r) => r.loose && folder !== null && overlaps(r.fsPath, folder))) {
        session.roots.remove(loose.root);
        loose.generation++;
      }
      const root = session.roots.add(f.uri);
      if (root) index(root);
    }
    // Open documents whose loose root gave way, and are in no folder, get a new one.
    for (const doc of session.documents.all()) openLooseRoot(session, doc.uri, index);
    session.changed([], true);
  });
}
