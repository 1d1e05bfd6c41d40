import * as vscode from 'vscode';
import { ServerCommands, type HandoffPlanResult } from '../../../server/src/protocol';
import type { ProofmarkServer } from '../server/proofmarkServer';
import type { TreeSource } from '../tree/treeSource';
import { renderHandoffHtml, renderMessageHtml } from '../webview/handoffHtml';
import { errorText, openLocation } from '../webview/panelHost';
import { SinglePanel } from '../webview/singlePanel';
import type { HandoffTarget } from './picks';

export const HANDOFF_VIEW_TYPE = 'proofmark.handoff';

/**
 * The handoff panel: one at a time, showing the plan for one phase. "Create missing files" asks the
 * server to apply its create-only edit, then saves and opens the files that were missing.
 */
export class HandoffPanel implements vscode.Disposable {
  private target: HandoffTarget | null = null;
  private readonly host: SinglePanel<HandoffPlanResult>;
  /** Fires after each rendering of the panel (tests wait on it). */
  readonly onDidRender: vscode.Event<HandoffPlanResult | null>;

  constructor(
    extensionUri: vscode.Uri,
    private readonly server: ProofmarkServer,
    source: TreeSource,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.host = new SinglePanel(extensionUri, source, {
      viewType: HANDOFF_VIEW_TYPE,
      fetch: () => {
        const target = this.target;
        if (target === null) return Promise.reject(new Error('no phase chosen'));
        return this.server.handoffPlan({ initiative: target.initiative, phase: target.phase });
      },
      render: renderHandoffHtml,
      failure: (error, ctx) => {
        const phase = this.target?.phase ?? '?';
        this.log.error(`handoff plan for phase ${phase} failed: ${errorText(error)}`);
        return renderMessageHtml(ctx, `Phase ${phase} handoff`, `The handoff plan could not be built: ${errorText(error)}`);
      },
      onMessage: async (message) => {
        if (message.type === 'open') await openLocation(message.uri, message.line);
        else if (message.type === 'create') await this.createMissing();
        else await this.host.load();
      },
    });
    this.onDidRender = this.host.onDidRender;
  }

  get current(): HandoffPlanResult | null {
    return this.host.current;
  }

  async show(target: HandoffTarget): Promise<void> {
    this.target = target;
    const title = `Phase ${target.phase} handoff`;
    await this.host.show(title, (ctx) => renderMessageHtml(ctx, title, 'Loading the handoff plan…'));
  }

  /** Creates the missing files through the server and returns the URIs it created. */
  async createMissing(): Promise<vscode.Uri[]> {
    const target = this.target;
    if (target === null) return [];
    const before = this.host.current ?? (await this.server.handoffPlan({ initiative: target.initiative, phase: target.phase }));
    const missing = before.files.filter((f) => !f.exists).map((f) => vscode.Uri.parse(f.uri));
    try {
      await vscode.commands.executeCommand(ServerCommands.generateHandoff, { initiative: target.initiative, phase: target.phase });
    } catch (error) {
      void vscode.window.showErrorMessage(`Proofmark could not create the handoff files: ${errorText(error)}`);
      await this.host.load();
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
    await this.host.load();
    return created;
  }

  dispose(): void {
    this.host.dispose();
  }
}
