import { FileChangeType, type Connection, type Disposable } from 'vscode-languageserver';
import { applyFileEvent, type FileEventKind } from './fileEvents';
import type { Root } from './roots';
import { array, object, oneOf, string } from './params';
import { listen } from './serve';
import type { Session } from './session';

const watchedParams = object({ changes: array(object({ uri: string, type: oneOf(FileChangeType.Created, FileChangeType.Changed, FileChangeType.Deleted) })) });

const KIND: Record<number, FileEventKind> = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' };

/** Created, changed, deleted and renamed files (any kind: references resolve against all files) update the index. */
export function registerWatchedFilesSupport(connection: Connection, session: Session, reindex: (root: Root) => void): Disposable {
  return listen(connection, 'workspace/didChangeWatchedFiles', watchedParams, ({ changes }) => {
    void session.enqueue(async () => {
      const configChanged = new Set<Root>();
      let files = false;
      for (const change of changes) {
        const at = session.locate(change.uri);
        const kind = KIND[change.type];
        if (!at || !kind || at.path === '') continue;
        const result = await applyFileEvent(session, at.root, at.path, kind);
        if (result === 'config') configChanged.add(at.root);
        files ||= result === 'files';
      }
      if (files) session.changed([], true);
      for (const root of configChanged) reindex(root);
    });
  });
}
