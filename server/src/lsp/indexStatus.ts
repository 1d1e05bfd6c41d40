import type { Connection, Disposable } from 'vscode-languageserver';
import { IndexStatusNotification, type IndexStatusParams } from '../protocol';
import type { Session } from './session';

/**
 * Tells the client when a folder starts and finishes indexing. Registered after the diagnostics
 * support, so `ready` follows the diagnostics of the completed index on the wire.
 */
export function registerIndexStatus(connection: Connection, session: Session): Disposable {
  const sent = new Map<string, string>();
  return session.onChange(() => {
    for (const root of session.roots.all()) {
      if (sent.get(root.root) === `${root.state}#${root.generation}`) continue;
      sent.set(root.root, `${root.state}#${root.generation}`);
      const params: IndexStatusParams = { root: root.root, state: root.state, documents: root.project.models.size + root.project.skippedFiles.size };
      void connection.sendNotification(IndexStatusNotification, params);
    }
  });
}
