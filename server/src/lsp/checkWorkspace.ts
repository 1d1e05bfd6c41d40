import type { Connection, Disposable } from 'vscode-languageserver';
import { CheckWorkspaceRequest, type CheckWorkspaceResult } from '../protocol';
import { object } from './params';
import { serve } from './serve';
import type { Session } from './session';

const checkParams = object({});

/**
 * "Check Workspace" (proofmark/checkWorkspace): the scope widens to the whole workspace for the
 * session, and the answer waits for every folder's index, so the counts are those of a complete
 * check and every file's diagnostics are out (or pulled) when the client has them.
 */
export function registerCheckWorkspace(connection: Connection, session: Session): Disposable {
  return serve(connection, session, CheckWorkspaceRequest, checkParams, async (_params, token): Promise<CheckWorkspaceResult> => {
    if (session.scope !== 'workspace') {
      session.widened = true;
      session.changed([], true);
    }
    await session.indexed();
    await session.settled();
    let findings = 0;
    let initiatives = 0;
    const files = new Set<string>();
    for (const root of session.roots.all()) {
      if (token.isCancellationRequested) break;
      for (const f of root.project.findings()) {
        findings++;
        files.add(`${root.root}\u0000${f.file}`);
      }
      initiatives += root.project.initiatives().initiatives.length;
    }
    return { findings, files: files.size, initiatives };
  });
}
