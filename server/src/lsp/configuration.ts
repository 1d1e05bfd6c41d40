import type { Connection, Disposable } from 'vscode-languageserver';
import type { Root } from './roots';
import { anything, boolean, object } from './params';
import { listen } from './serve';
import type { Session } from './session';
import { configStamp } from './cache';
import { TrustChangedNotification } from '../protocol';
import { withEditorSettings, withTrust } from './settings';

function proofmarkSection(settings: unknown): unknown {
  return typeof settings === 'object' && settings !== null && 'proofmark' in settings ? (settings as { proofmark: unknown }).proofmark : undefined;
}

/**
 * Editor settings changed: take them from the notification, or ask for them, then re-index every
 * folder (only announce a change when only the diagnostics scope changed). The workspace's trust changed: re-index every folder, with or without its conventions and templates.
 */
export function registerConfigurationSupport(connection: Connection, session: Session, canAsk: boolean, reindex: (root: Root) => void): Disposable {
  const trust = listen(connection, TrustChangedNotification, object({ trusted: boolean }), ({ trusted }) => {
    void session.enqueue(async () => {
      if (session.settings.trusted === trusted) return;
      session.settings = withTrust(session.settings, trusted);
      for (const root of session.roots.all()) reindex(root);
    });
  });
  const settings = listen(connection, 'workspace/didChangeConfiguration', object({ settings: anything }), (params) => {
    void session.enqueue(async () => {
      let raw = proofmarkSection(params.settings);
      if (raw === undefined && canAsk) raw = (await connection.workspace.getConfiguration('proofmark')) as unknown;
      const next = withEditorSettings(session.settings, raw);
      const same = configStamp(next.editor.config) === configStamp(session.settings.editor.config);
      const scoped = next.scope !== session.settings.scope;
      session.settings = next;
      // A new scope changes what is shown, not what is known: publish again, without re-indexing.
      if (scoped) session.widened = false;
      if (scoped && same) session.changed([], true);
      if (same) return;
      for (const root of session.roots.all()) reindex(root);
    });
  });
  return { dispose: () => [trust, settings].forEach((d) => d.dispose()) };
}
