import type * as vscode from 'vscode';
import type { InitiativeId, TraceabilityResult } from '../../../server/src/protocol';
import type { ProofmarkServer } from '../server/proofmarkServer';
import type { TreeSource } from '../tree/treeSource';
import { renderMessageHtml } from '../webview/handoffHtml';
import { errorText, openLocation } from '../webview/panelHost';
import { SinglePanel } from '../webview/singlePanel';
import { renderTraceabilityHtml } from '../webview/traceabilityHtml';

export const TRACEABILITY_VIEW_TYPE = 'proofmark.traceability';

/** The traceability report: requirements × phases × evidence, refreshed when the tree changes. */
export class TraceabilityPanel implements vscode.Disposable {
  private initiative: InitiativeId | undefined;
  private readonly host: SinglePanel<TraceabilityResult>;
  readonly onDidRender: vscode.Event<TraceabilityResult | null>;

  constructor(extensionUri: vscode.Uri, server: ProofmarkServer, source: TreeSource, log: vscode.LogOutputChannel) {
    this.host = new SinglePanel(extensionUri, source, {
      viewType: TRACEABILITY_VIEW_TYPE,
      fetch: () => server.traceability(this.initiative ? { initiative: this.initiative } : {}),
      render: renderTraceabilityHtml,
      failure: (error, ctx) => {
        log.error(`traceability request failed: ${errorText(error)}`);
        return renderMessageHtml(ctx, 'Traceability', `The report could not be built: ${errorText(error)}`);
      },
      onMessage: async (message) => {
        if (message.type === 'open') await openLocation(message.uri, message.line);
        else if (message.type === 'refresh') await this.host.load();
      },
    });
    this.onDidRender = this.host.onDidRender;
  }

  get current(): TraceabilityResult | null {
    return this.host.current;
  }

  async show(initiative?: InitiativeId): Promise<void> {
    this.initiative = initiative;
    await this.host.show('Proofmark Traceability');
  }

  dispose(): void {
    this.host.dispose();
  }
}
