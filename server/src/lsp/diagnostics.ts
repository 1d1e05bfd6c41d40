import { DocumentDiagnosticReportKind, type Connection, type Disposable, type DocumentDiagnosticReport, type WorkspaceDiagnosticReport, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { DiagnosticLedger, shownDiagnostics } from './diagnosticSets';
import { shownPaths } from './scope';
import { array, object, optional, string, textDocument } from './params';
import { serve } from './serve';
import { HeldPulls } from './heldPull';
import type { Session } from './session';

const documentParams = object({ textDocument, previousResultId: optional(string) });
const workspaceParams = object({ previousResultIds: optional(array(object({ uri: string, value: string }))) });

export interface DiagnosticsMode {
  /** The client pulls (textDocument/diagnostic); otherwise the server publishes. */
  readonly pull: boolean;
  /** The client accepts workspace/diagnostic/refresh. */
  readonly refresh: boolean;
}

/**
 * Diagnostics both ways. Pull clients get textDocument/diagnostic and workspace/diagnostic, plus
 * a refresh whenever what is shown changed in files other than the one edited (a dependency) or
 * the configuration or index changed; a pull of an open document that comes during a first index
 * before its scope is read is held until it is (heldPull.ts). Clients without pull (Neovim 0.7) get publishDiagnostics for
 * every file whose list changed. What is shown is the scope's (scope.ts): by default the open
 * documents' initiatives, and while a first index runs only what is complete; a file that leaves
 * the scope is sent (or answered) empty, so its diagnostics are cleared.
 */
export function registerDiagnosticsSupport(connection: Connection, session: Session, mode: DiagnosticsMode): Disposable {
  const ledger = new DiagnosticLedger();
  const disposables: Disposable[] = [];
  const held = new HeldPulls();
  if (mode.pull) {
    disposables.push(
      serve(connection, session, 'textDocument/diagnostic', documentParams, async (params, token): Promise<DocumentDiagnosticReport> => {
        const doc = await session.document(params.textDocument.uri, token);
        if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
        await held.whenShown(session, doc.root, doc.path, session.uriOf(doc.root, doc.path), token);
        const d = shownDiagnostics(session, doc.root, doc.path);
        if (params.previousResultId === d.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: d.resultId };
        return { kind: DocumentDiagnosticReportKind.Full, resultId: d.resultId, items: d.diagnostics };
      }),
    );
    disposables.push(
      serve(connection, session, 'workspace/diagnostic', workspaceParams, async (params, token): Promise<WorkspaceDiagnosticReport> => {
        await session.settled();
        const previous = new Map((params.previousResultIds ?? []).map((p) => [p.uri, p.value]));
        const items: WorkspaceDocumentDiagnosticReport[] = [];
        for (const root of session.roots.all()) {
          if (token.isCancellationRequested) break;
          const paths = new Set(shownPaths(session, root));
          for (const uri of previous.keys()) {
            const at = session.locate(uri);
            if (at && at.root === root) paths.add(at.path);
          }
          for (const path of [...paths].sort()) {
            const d = shownDiagnostics(session, root, path);
            const version = session.documents.get(d.uri)?.version ?? null;
            if (previous.get(d.uri) === d.resultId) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri: d.uri, version, resultId: d.resultId });
            else items.push({ kind: DocumentDiagnosticReportKind.Full, uri: d.uri, version, resultId: d.resultId, items: d.diagnostics });
          }
        }
        return { items };
      }),
    );
  }
  disposables.push(
    session.onChange((change) => {
      const changed = ledger.changes(session, session.roots.all());
      if (!mode.pull) {
        for (const d of changed) void connection.sendDiagnostics({ uri: d.uri, version: session.documents.get(d.uri)?.version, diagnostics: d.diagnostics });
      } else if (mode.refresh && changed.some((d) => !held.has(d.uri)) && (change.structural || changed.some((d) => !change.edited.has(d.uri)))) {
        // Only when what is shown changed, and not only for documents whose held pulls answer it now
        // (heldPull.ts): a refresh makes the client cancel and repeat its pulls, a round trip
        // through its extension host (at an editor's start, while a first pull is held).
        connection.languages.diagnostics.refresh().catch((error: unknown) => session.log(`Diagnostics refresh failed: ${String(error)}`));
      }
    }),
  );
  return { dispose: () => disposables.forEach((d) => d.dispose()) };
}
