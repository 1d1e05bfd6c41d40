import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { VERSION } from '../cli/version';
import type { ParseCache } from '../core/parse/parseCache';
import { WorkerPool } from '../node/workerPool';
import { FIX_ALL_KIND, registerCodeActionSupport } from './codeActions';
import { registerCheckWorkspace } from './checkWorkspace';
import { registerCodeLensSupport } from './codeLens';
import { COMMANDS, registerCommandSupport } from './commands';
import { registerCompletionSupport, TRIGGER_CHARACTERS } from './completion';
import { registerConfigurationSupport } from './configuration';
import { registerCustomRequests } from './customRequests';
import { registerDefinitionSupport } from './definition';
import { registerDiagnosticsSupport } from './diagnostics';
import { registerDocumentLinkSupport } from './documentLinks';
import { checkedSync, registerDocumentSyncSupport } from './documentSync';
import type { EditCapabilities } from './edits';
import { registerFolderSupport } from './folders';
import { registerHoverSupport } from './hover';
import { registerHistorySupport } from './history';
import { indexRoot, type IndexHooks } from './indexer';
import { registerIndexStatus } from './indexStatus';
import { registerLooseFileSupport } from './looseFiles';
import { registerReferencesSupport } from './references';
import { registerRenameSupport } from './rename';
import type { Root } from './roots';
import { Session } from './session';
import { readInitializationOptions } from './settings';
import { registerDocumentSymbolSupport, registerWorkspaceSymbolSupport } from './symbols';
import { registerWatchedFilesSupport } from './watchedFiles';

/** Below this many documents to parse, starting worker threads costs more than it saves. */
const POOL_THRESHOLD = 40;

/**
 * The server lives beside the editor, so its workers trade some speed for memory: a 6 MB young
 * generation instead of the CLI's 16 MB (corpus cold index: peak RSS 180–183 MB at 12 MB against
 * 201–208 MB; 6 MB was chosen on the generated 10,000 files, by a measure bench:lsp did not
 * reproduce: see openRace.ts for the figures of today's server).
 */
const SERVER_WORKER_LIMITS = { maxYoungGenerationSizeMb: 6 };

/**
 * Worker pools for cold indexes: one per workspace folder, kept for re-indexing; their workers end
 * when idle. The early runs of a cold index (32 files, indexer.ts EARLY_CHUNK) fall under the
 * pool's in-thread threshold (40): they are parsed in this thread, and the workers start only with the larger runs,
 * 10 s in. Sending every run to the workers was measured and not kept: in code-server on the
 * corpus the complete index took 11.5–12.5 s against 13.4–15.5 s (4 alternated pairs), but
 * activation → TODO003's first diagnostics had a median of 3.19 s over 9 runs against 2.41 s: on two
 * cores the workers took the CPU the extension host and this thread needed then.
 */
function poolHooks(): IndexHooks {
  const pools = new Map<string, WorkerPool>();
  return {
    analyzerFor: (root, misses) => {
      if (misses < POOL_THRESHOLD) return null;
      let pool = pools.get(root.fsPath);
      if (!pool) {
        pool = new WorkerPool(root.fsPath, { resourceLimits: SERVER_WORKER_LIMITS });
        pools.set(root.fsPath, pool);
      }
      return pool;
    },
    analysisDone: async (root) => pools.get(root.fsPath)?.releaseIdle(),
  };
}

/** What the server parsed ahead while the client started (warmStart.ts): the session adopts the cache. */
export interface ParsedAhead {
  readonly cache: ParseCache;
  readonly parsed: ReadonlySet<string>;
  readonly done: Promise<number>;
}

function workspaceFolders(params: InitializeParams): string[] {
  if (params.workspaceFolders && params.workspaceFolders.length > 0) return params.workspaceFolders.map((f) => f.uri);
  return typeof params.rootUri === 'string' ? [params.rootUri] : [];
}

/**
 * Wires the features to a connection. Every feature lives in its own file; this one only reads
 * the client's capabilities, creates the session and starts indexing after `initialized`.
 */
export function startServer(connection: Connection, ahead: ParsedAhead | null = null): void {
  const documents = new TextDocuments(TextDocument);
  const hooks = poolHooks();
  const log = (message: string): void => connection.console.log(message);
  let session: Session | null = null;
  let watchFiles = false;
  let folderChanges = false;

  const index = (root: Root, live: boolean): void => {
    if (!session) return;
    indexRoot(session, root, hooks, live).catch((error: unknown) => log(`Indexing ${root.fsPath} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  };

  connection.onInitialize((params): InitializeResult => {
    const settings = readInitializationOptions(params.initializationOptions);
    const s = new Session(documents, settings, log, ahead?.cache, ahead?.parsed);
    session = s;
    for (const uri of workspaceFolders(params)) s.roots.add(uri);
    const caps = params.capabilities;
    const pull = caps.textDocument?.diagnostic !== undefined;
    const edits: EditCapabilities = {
      documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
      createFiles: caps.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true,
      disabledActions: caps.textDocument?.codeAction?.disabledSupport === true,
    };
    watchFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folderChanges = caps.workspace?.workspaceFolders === true;

    registerDocumentSyncSupport(connection, s);
    registerDiagnosticsSupport(connection, s, { pull, refresh: caps.workspace?.diagnostics?.refreshSupport === true });
    registerIndexStatus(connection, s);
    registerHoverSupport(connection, s);
    registerDefinitionSupport(connection, s);
    registerReferencesSupport(connection, s);
    registerRenameSupport(connection, s, edits);
    registerCompletionSupport(connection, s);
    registerDocumentLinkSupport(connection, s);
    registerDocumentSymbolSupport(connection, s);
    registerWorkspaceSymbolSupport(connection, s);
    registerCodeActionSupport(connection, s, edits);
    registerCodeLensSupport(connection, s);
    registerCommandSupport(connection, s, edits);
    registerCustomRequests(connection, s);
    registerCheckWorkspace(connection, s);
    registerWatchedFilesSupport(connection, s, (root) => index(root, false));
    registerConfigurationSupport(connection, s, caps.workspace?.configuration === true, (root) => index(root, false));
    registerLooseFileSupport(s, (root) => index(root, true));
    registerHistorySupport(s);

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS },
        documentLinkProvider: { resolveProvider: false },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND] },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [...COMMANDS] },
        ...(pull ? { diagnosticProvider: { identifier: 'proofmark', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'proofmark', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    // Folder changes are announced in the initialize result (changeNotifications), so nothing
    // registers them at run time. The library's own subscription (connection.workspace) did,
    // while initialize was being answered: a request VS Code refuses before it has the result
    // ("Unhandled method client/registerCapability" on every start), and one that threw for a
    // client without workspace folders, failing initialize. folders.ts handles the notification itself.
    if (session && folderChanges) registerFolderSupport(connection, session, (root) => index(root, true));
    if (watchFiles) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] })
        .catch((error: unknown) => log(`Could not watch files: ${String(error)}`));
    }
    for (const root of session?.roots.all() ?? []) index(root, true);
    void ahead?.done.then((ms) => log(`Parsed ${ahead.parsed.size} documents ahead (the open ones and their own scopes) in ${ms} ms, while the editor started.`));
  });

  connection.onShutdown(async () => {
    session?.dispose();
    await Promise.all((session?.roots.all() ?? []).map((r) => r.saving));
  });
  documents.listen(checkedSync(connection));
  connection.listen();
}
