import * as vscode from 'vscode';
import type { InitiativeId, TraceabilityResult } from '../../../server/src/protocol';
import type { ProofmarkServer } from '../server/proofmarkServer';
import type { TreeSource } from '../tree/treeSource';
import { renderMessageHtml } from '../webview/handoffHtml';
import { parsePanelMessage } from '../webview/messages';
import { createPanel, errorText, openLocation, pageContext } from '../webview/panelHost';
import { renderTraceabilityHtml } from '../webview/traceabilityHtml';

export const TRACEABILITY_VIEW_TYPE = 'proofmark.traceability';

/** The traceability report: requirements × phases × evidence, refreshed when the tree changes. */
export class TraceabilityPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | null = null;
  private initiative: InitiativeId | undefined;
  private result: TraceabilityResult | null = null;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<TraceabilityResult | null>();
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly server: ProofmarkServer,
    source: TreeSource,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(this.renderedEmitter, source.onDidChange(() => void (this.panel?.visible ? this.load() : undefined)));
  }

  get current(): TraceabilityResult | null {
    return this.result;
  }

  async show(initiative?: InitiativeId): Promise<void> {
    this.initiative = initiative;
    if (this.panel === null) {
      const panel = createPanel(TRACEABILITY_VIEW_TYPE, 'Proofmark Traceability', this.extensionUri);
      this.panel = panel;
      panel.onDidDispose(() => {
        this.panel = null;
        this.result = null;
      }, null, this.subscriptions);
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const message = parsePanelMessage(raw);
        if (message?.type === 'open') void openLocation(message.uri, message.line);
        else if (message?.type === 'refresh') void this.load();
      }, null, this.subscriptions);
    } else this.panel.reveal(undefined, false);
    await this.load();
  }

  private async load(): Promise<void> {
    const panel = this.panel;
    if (panel === null) return;
    const ctx = pageContext(panel.webview, this.extensionUri);
    try {
      this.result = await this.server.traceability(this.initiative ? { initiative: this.initiative } : {});
      panel.webview.html = renderTraceabilityHtml(this.result, ctx);
    } catch (error) {
      this.result = null;
      this.log.error(`traceability request failed: ${errorText(error)}`);
      panel.webview.html = renderMessageHtml(ctx, 'Traceability', `The report could not be built: ${errorText(error)}`);
    }
    this.renderedEmitter.fire(this.result);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
