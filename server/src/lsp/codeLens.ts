import type { CodeLens, Connection, Disposable } from 'vscode-languageserver';
import { phaseLenses } from '../core/views/codeLens';
import { ServerCommands } from '../protocol';
import { toRange } from './convert';
import { object, textDocument } from './params';
import { serve } from './serve';
import type { Session } from './session';

/** `Phase 8 · 0/64 done · outputs 4/4` (no action) and `Generate handoff` on every phase heading. */
export function registerCodeLensSupport(connection: Connection, session: Session): Disposable {
  return serve(connection, session, 'textDocument/codeLens', object({ textDocument }), async (params, token): Promise<CodeLens[]> => {
    const doc = await session.document(params.textDocument.uri, token);
    if (!doc) return [];
    return phaseLenses(doc.project, doc.path).map((l) => ({
      range: toRange(l.range),
      command: l.handoff
        ? { title: l.title, command: ServerCommands.generateHandoff, arguments: [{ initiative: { root: doc.root.root, folder: l.handoff.initiative.folder, id: l.handoff.initiative.id }, phase: l.handoff.phase }] }
        : { title: l.title, command: '' },
    }));
  });
}
