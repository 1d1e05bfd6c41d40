import * as vscode from 'vscode';
import { ServerCommands, type HandoffPlanResult } from '../../../server/src/protocol';
import type { ProofmarkServer } from '../server/proofmarkServer';
import type { TreeSource } from '../tree/treeSource';
import { renderHandoffHtml, renderMessageHtml } from '../webview/handoffHtml';
import { parsePanelMessage } from '../webview/messages';
import { createPanel, errorText, openLocation, pageContext } from '../webview/panelHost';
import type { HandoffTarget } from './picks';

export const HANDOFF_VIEW_TYPE = 'proofmark.handoff';

/**
 * The handoff panel: one at a time, showing the plan for one phase. "Create missing files" asks the
 * server to apply its create-only edit, then saves and opens the files that were missing.
 */
export class HandoffPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | null = null;
  private target: HandoffTarget | null = null;
  private plan: HandoffPlanResult | null = null;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<HandoffPlanResult | null>();
  /** Fires after each rendering of the panel (tests wait on it). */
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly server: ProofmarkServer,
    source: TreeSource,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(this.renderedEmitter, source.onDidChange(() => void (this.panel?.visible ? this.load() : undefined)));
  }

  get current(): HandoffPlanResult | null {
    return this.plan;
  }

  async show(target: HandoffTarget): Promise<void> {
    this.target = target;
    const title = `Phase ${target.phase} handoff`;
    if (this.panel === null) {
      const panel = createPanel(HANDOFF_VIEW_TYPE, title, this.extensionUri);
      this.panel = panel;
      panel.onDidDispose(() => {
        this.panel = null;
        this.plan = null;
      }, null, this.subscriptions);
      panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m), null, this.subscriptions);
    } else {
      this.panel.title = title;
      this.panel.reveal(undefined, false);
    }
    this.panel.webview.html = renderMessageHtml(pageContext(this.panel.webview, this.extensionUri), title, 'Loading the handoff plan…');
    await this.load();
  }

  private async load(): Promise<void> {
    const panel = this.panel;
    const target = this.target;
    if (panel === null || target === null) return;
    const ctx = pageContext(panel.webview, this.extensionUri);
    try {
      const plan = await this.server.handoffPlan({ initiative: target.initiative, phase: target.phase });
      this.plan = plan;
      panel.webview.html = renderHandoffHtml(plan, ctx);
    } catch (error) {
      this.plan = null;
      this.log.error(`handoff plan for phase ${target.phase} failed: ${errorText(error)}`);
      panel.webview.html = renderMessageHtml(ctx, `Phase ${target.phase} handoff`, `The handoff plan could not be built: ${errorText(error)}`);
    }
    this.renderedEmitter.fire(this.plan);
  }

  /** Creates the missing files through the server and returns the URIs it created. */
  async createMissing(): Promise<vscode.Uri[]> {
    const target = this.target;
    if (target === null) return [];
    const before = this.plan ?? (await this.server.handoffPlan({ initiative: target.initiative, phase: target.phase }));
    const missing = before.files.filter((f) => !f.exists).map((f) => vscode.Uri.parse(f.uri));
    try {
      await vscode.commands.executeCommand(ServerCommands.generateHandoff, { initiative: target.initiative, phase: target.phase });
    } catch (error) {
      void vscode.window.showErrorMessage(`Proofmark could not create the handoff files: ${errorText(error)}`);
      await this.load();
      return [];
    }
    const created: vscode.Uri[] = [];
    for (const uri of missing) {
      try {
        const doc = await vscode.workspace.openTextDocument(uri);
        // The server's edit creates the file and inserts its text; saving puts that text on disk.
        if (doc.isDirty) await doc.save();
        created.push(uri);
      } catch (error) {
        this.log.warn(`could not open ${uri.toString()}: ${errorText(error)}`);
      }
    }
    for (const [i, uri] of created.entries()) {
      await vscode.window.showTextDocument(uri, { preview: false, preserveFocus: i < created.length - 1, viewColumn: vscode.ViewColumn.One });
    }
    await this.load();
    return created;
  }

  private async onMessage(raw: unknown): Promise<void> {
    const message = parsePanelMessage(raw);
    if (message === null) return;
    if (message.type === 'open') await openLocation(message.uri, message.line);
    else if (message.type === 'create') await this.createMissing();
    else await this.load();
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
