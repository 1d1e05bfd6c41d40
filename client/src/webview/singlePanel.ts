import * as vscode from 'vscode';
import type { TreeSource } from '../tree/treeSource';
import type { PageContext } from './html';
import { parsePanelMessage, type PanelMessage } from './messages';
import { createPanel, pageContext } from './panelHost';

/** What a kind of panel shows: its data from the server, and its page for that data or a failure. */
export interface PanelContent<R> {
  readonly viewType: string;
  /** The data of the page; throws when the server cannot build it. */
  readonly fetch: () => Promise<R>;
  readonly render: (result: R, ctx: PageContext) => string;
  /** The page shown (and logged) when fetching failed. */
  readonly failure: (error: unknown, ctx: PageContext) => string;
  /** A checked message from the page. */
  readonly onMessage: (message: PanelMessage) => Promise<void>;
}

/**
 * One webview panel at a time for a kind of page: created on first show, revealed after, reloaded
 * while visible whenever the completion tree changes, and emptied when the user closes it.
 */
export class SinglePanel<R> implements vscode.Disposable {
  private panel: vscode.WebviewPanel | null = null;
  private result: R | null = null;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<R | null>();
  /** Fires after each rendering of the panel (tests wait on it). */
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    source: TreeSource,
    private readonly content: PanelContent<R>,
  ) {
    this.subscriptions.push(this.renderedEmitter, source.onDidChange(() => void (this.panel?.visible ? this.load() : undefined)));
  }

  get current(): R | null {
    return this.result;
  }

  /** Shows the panel with this title (and a waiting page while it loads, if given), then loads it. */
  async show(title: string, loading?: (ctx: PageContext) => string): Promise<void> {
    if (this.panel === null) {
      const panel = createPanel(this.content.viewType, title, this.extensionUri);
      this.panel = panel;
      panel.onDidDispose(() => {
        this.panel = null;
        this.result = null;
      }, null, this.subscriptions);
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const message = parsePanelMessage(raw);
        if (message !== null) void this.content.onMessage(message);
      }, null, this.subscriptions);
    } else {
      this.panel.title = title;
      this.panel.reveal(undefined, false);
    }
    if (loading) this.panel.webview.html = loading(pageContext(this.panel.webview, this.extensionUri));
    await this.load();
  }

  async load(): Promise<void> {
    const panel = this.panel;
    if (panel === null) return;
    const ctx = pageContext(panel.webview, this.extensionUri);
    try {
      this.result = await this.content.fetch();
      panel.webview.html = this.content.render(this.result, ctx);
    } catch (error) {
      this.result = null;
      panel.webview.html = this.content.failure(error, ctx);
    }
    this.renderedEmitter.fire(this.result);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
