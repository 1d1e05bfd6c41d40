import type * as vscode from 'vscode';
import type { InitiativeId, TraceabilityResult } from '../../../server/src/protocol';
import type { ProofmarkServer } from '../server/proofmarkServer';
import type { TreeSource } from '../tree/treeSource';
import { renderMessageHtml } from '../webview/handoffHtml';
import { errorText, openLocation } from '../webview/panelHost';
import { SinglePanel } from '../webview/singlePanel';
import { renderTraceabilityHtml } from '../webview/traceabilityHtml';
import type { ExportFormat } from './exportTable';

export const TRACEABILITY_VIEW_TYPE = 'proofmark.traceability';

/** What the panel's buttons ask of the commands: another initiative, or an export of the one shown. */
export interface TraceabilityActions {
  pick(): Promise<void>;
  export(format: ExportFormat): Promise<void>;
}

/** The traceability report of one initiative: requirements × phases × evidence, refreshed when the tree changes. */
export class TraceabilityPanel implements vscode.Disposable {
  private initiative: InitiativeId | undefined;
  private actions: TraceabilityActions | null = null;
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
        else if (message.type === 'pick') await this.actions?.pick();
        else if (message.type === 'export') await this.actions?.export(message.format);
      },
    });
    this.onDidRender = this.host.onDidRender;
  }

  /** The commands behind the panel's "Choose initiative…" and export buttons. */
  setActions(actions: TraceabilityActions): void {
    this.actions = actions;
  }

  get current(): TraceabilityResult | null {
    return this.host.current;
  }

  /** The initiative shown, undefined when the report shows every initiative. */
  get shown(): InitiativeId | undefined {
    return this.initiative;
  }

  async show(initiative?: InitiativeId): Promise<void> {
    this.initiative = initiative;
    await this.host.show('Proofmark Traceability');
  }

  dispose(): void {
    this.host.dispose();
  }
}
