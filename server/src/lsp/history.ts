import type { Disposable } from 'vscode-languageserver';
import { GitHistoryCache } from '../node/gitHistory';
import type { Root } from './roots';
import type { Session } from './session';

/**
 * Gives each indexed folder's project its git history (node/gitHistory.ts), so that a missing
 * file's diagnostic says where it went. It is asked again after every change to the files or an
 * index (a checkout or a pull changes files): git tells whether HEAD moved, and the history is read
 * again only then. Git is not run in an untrusted workspace, whose repository configuration is not
 * the user's; there, and without git, the messages just say nothing of the history.
 */
export function registerHistorySupport(session: Session): Disposable {
  const cache = new GitHistoryCache();
  const refresh = (root: Root): void => {
    if (!session.settings.trusted || root.state !== 'ready') return;
    cache
      .read(root.fsPath)
      .then((history) => {
        if (root.state === 'ready' && root.project.setHistory(history)) session.changed([], true);
      })
      .catch((error: unknown) => session.log(`Reading the git history of ${root.fsPath} failed: ${error instanceof Error ? error.message : String(error)}`));
  };
  return session.onChange((change) => {
    if (change.structural) for (const root of session.roots.all()) refresh(root);
  });
}
