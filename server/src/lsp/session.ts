import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver';
import * as nodePath from 'node:path';
import type { DocumentModel } from '../core/model/document';
import { ParseCache } from '../core/parse/parseCache';
import { isDocumentFile, type Project } from '../core/project/project';
import { analyzeOpenText } from './analyzeOpen';
import { RootSet, safeParse, type Root } from './roots';
import { Debouncer } from './scheduler';
import type { ServerSettings } from './settings';
import type { DiagnosticsScope } from '../protocol';

/** What a request handler gets for a document: fresh as of every edit received so far. */
export interface DocumentContext {
  readonly uri: string;
  readonly root: Root;
  readonly path: string;
  readonly project: Project;
  readonly model: DocumentModel | undefined;
  /** The editor's text when the document is open, else null. */
  readonly text: string | null;
}

export interface ChangeSummary {
  /** Open documents re-analysed in this change (their own diagnostics are pulled by the client anyway). */
  readonly edited: ReadonlySet<string>;
  /** Whether files, configuration or an index changed (every document may be affected). */
  readonly structural: boolean;
}

/**
 * The server's state: the workspace folders, the open documents layered over the disk, and the
 * debounced re-analysis of edits. An edit re-analyses only its own document; listeners hear of
 * every change once per turn of the event loop.
 */
export class Session {
  readonly roots = new RootSet();
  private readonly openUris = new Map<string, string>();
  private readonly debouncer: Debouncer;
  private readonly listeners = new Set<(change: ChangeSummary) => void>();
  private readonly progressListeners = new Set<(root: Root) => void>();
  private queued: { edited: Set<string>; structural: boolean } | null = null;
  /** Watched-file events, applied one after another; requests wait for them (never for an index). */
  private fileWork: Promise<void> = Promise.resolve();
  /** Counts the changes announced to listeners (the completion tree's revision). */
  revision = 0;
  /** "Check Workspace" widened the diagnostics to the whole workspace until the scope setting changes. */
  widened = false;
  /** Counts opens and closes, so what depends on the set of open documents can be cached. */
  openRevision = 0;
  constructor(
    readonly documents: TextDocuments<TextDocument>,
    public settings: ServerSettings,
    readonly log: (message: string) => void,
    /** Parsed chunks of the open documents, so a keystroke re-parses only the chunk it touched. */
    readonly parseCache: ParseCache = new ParseCache(),
    /** The absolute paths of the documents parsed ahead into the parse cache at start (warmStart.ts). */
    private readonly parsedAhead: ReadonlySet<string> = new Set(),
  ) {
    this.debouncer = new Debouncer(settings.debounceMs, (uris) => this.analyzeOpen(uris));
  }

  /** What gets diagnostics now: the setting, or the whole workspace after "Check Workspace". */
  get scope(): DiagnosticsScope {
    return this.widened ? 'workspace' : this.settings.scope;
  }

  /** The parse cache for a document parsed ahead at start (its chunks are there), else none: nothing else is cached for a document not open. */
  aheadCache(root: Root, path: string): ParseCache | undefined {
    const file = this.parsedAhead.size === 0 ? null : root.disk.absolute(path);
    return file !== null && this.parsedAhead.has(file) ? this.parseCache : undefined;
  }

  locate(uri: string): { root: Root; path: string } | null {
    return typeof uri === 'string' ? this.roots.locate(uri) : null;
  }

  /** The document behind a request, after applying pending edits and file events; null when unknown or cancelled. */
  async document(uri: string, token?: CancellationToken): Promise<DocumentContext | null> {
    await this.settled();
    if (token?.isCancellationRequested) return null;
    const at = this.locate(uri);
    if (!at) return null;
    const open = this.documents.get(uri);
    return { uri, root: at.root, path: at.path, project: at.root.project, model: at.root.project.model(at.path), text: open ? open.getText() : null };
  }

  /**
   * Applies pending file events and edits (requests call this, directly or through `document`),
   * and announces what they changed at once rather than on the next turn: the notifications of
   * every change a request saw (diagnostics, tree, index status) go out before its answer, so a
   * client that has the answer has them too.
   */
  async settled(): Promise<void> {
    // Events queued while waiting are waited for too.
    for (let work = this.fileWork; ; work = this.fileWork) {
      await work;
      if (work === this.fileWork) break;
    }
    this.debouncer.flush();
    this.announce();
  }

  /** Runs work after the file events queued before it; a failure is logged, never thrown. */
  enqueue(work: () => Promise<void>): Promise<void> {
    this.fileWork = this.fileWork.then(work).catch((error: unknown) => this.log(`File event failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    return this.fileWork;
  }

  /** The URI of a workspace path, as the client spelled it when the document is open. */
  uriOf(root: Root, path: string): string {
    return this.openUris.get(nodePath.join(root.fsPath, path)) ?? root.uri(path);
  }

  /** The editor's text of a workspace path, when it is open. */
  openText(root: Root, path: string): string | null {
    const uri = this.openUris.get(nodePath.join(root.fsPath, path));
    const doc = uri ? this.documents.get(uri) : undefined;
    return doc ? doc.getText() : null;
  }

  isOpen(root: Root, path: string): boolean {
    return this.openUris.has(nodePath.join(root.fsPath, path));
  }

  /** Open paths of a root. */
  openPaths(root: Root): string[] {
    const result: string[] = [];
    for (const uri of this.openUris.values()) {
      const at = this.locate(uri);
      if (at && at.root === root) result.push(at.path);
    }
    return result;
  }

  opened(uri: string): void {
    const parsed = safeParse(uri);
    if (parsed?.scheme === 'file') this.openUris.set(nodePath.resolve(parsed.fsPath), uri);
    this.openRevision++;
    // An open is not a keystroke: nothing follows it to wait for (documents opened together still
    // arrive before the timer runs, and are analysed together).
    this.debouncer.schedule(uri, 0);
    const waiting = [...this.openListeners];
    this.openListeners.clear();
    for (const listener of waiting) listener();
  }

  private readonly openListeners = new Set<() => void>();

  /**
   * Calls `listener` once, when a document is next opened; the returned function removes it. A
   * listener, not a promise shared by every waiter: a waiter that races it against a run removes
   * it once the run settles, so nothing keeps the run's results alive while no document opens (a
   * `Promise.race` with a promise that stays pending retained every run of a cold index).
   */
  onNextOpen(listener: () => void): () => void {
    this.openListeners.add(listener);
    return () => this.openListeners.delete(listener);
  }

  edited(uri: string): void {
    this.debouncer.schedule(uri);
  }

  /** Forgets an open document; the disk copy is read again by the caller. */
  closed(uri: string): void {
    const parsed = safeParse(uri);
    if (parsed?.scheme === 'file') this.openUris.delete(nodePath.resolve(parsed.fsPath));
    this.openRevision++;
  }

  private analyzeOpen(uris: readonly string[]): void {
    const edited = new Set<string>();
    for (const uri of uris) {
      const at = this.locate(uri);
      const doc = this.documents.get(uri);
      if (!at || !doc || at.root.ignored(at.path)) continue;
      const project = at.root.project;
      if (!isDocumentFile(at.path)) {
        if (!project.index.hasFile(at.path)) project.addFile(at.path);
        continue;
      }
      project.setOutcome(analyzeOpenText(at.path, doc.getText(), project.config, this.parseCache));
      edited.add(uri);
    }
    if (edited.size > 0) this.changed(edited, false);
  }

  /** Announces a change to listeners, coalesced to once per turn of the event loop. */
  changed(edited: Iterable<string> = [], structural = true): void {
    const first = this.queued === null;
    this.queued ??= { edited: new Set(), structural: false };
    for (const uri of edited) this.queued.edited.add(uri);
    this.queued.structural ||= structural;
    if (first) setImmediate(() => this.announce());
  }

  private announce(): void {
    const change = this.queued;
    this.queued = null;
    if (!change) return;
    this.revision++;
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.log(`A change listener failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  }

  /** An index read more documents (`root.progress`); nothing is announced, no diagnostics change. */
  progressed(root: Root): void {
    for (const listener of this.progressListeners) listener(root);
  }

  onProgress(listener: (root: Root) => void): { dispose(): void } {
    this.progressListeners.add(listener);
    return { dispose: () => this.progressListeners.delete(listener) };
  }

  /** Resolves once every folder has a complete index (at once when they all have). */
  indexed(): Promise<void> {
    const complete = (): boolean => this.roots.all().every((r) => r.state === 'ready');
    if (complete()) return Promise.resolve();
    return new Promise((resolve) => {
      const listener = this.onChange(() => {
        if (!complete()) return;
        listener.dispose();
        resolve();
      });
    });
  }

  onChange(listener: (change: ChangeSummary) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  dispose(): void {
    this.debouncer.dispose();
  }
}
