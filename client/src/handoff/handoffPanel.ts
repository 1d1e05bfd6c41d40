import * as vscode from 'vscode';
import { ServerCommands, type HandoffFile, type HandoffPlanResult } from '../../../server/src/protocol';
import type { ProofmarkServer } from '../server/proofmarkServer';
import type { TreeSource } from '../tree/treeSource';
import { renderHandoffHtml, renderMessageHtml } from '../webview/handoffHtml';
import { errorText, openLocation } from '../webview/panelHost';
import { SinglePanel } from '../webview/singlePanel';
import { creatable, deletedButOpen, deletedButOpenQuestion, SAVE_EDITOR_TEXT, USE_TEMPLATE, type EditorState } from './openOutputs';
import type { HandoffTarget } from './picks';

function openDocument(uri: string): vscode.TextDocument | undefined {
  const wanted = vscode.Uri.parse(uri).toString();
  return vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === wanted);
}

/** Whether the editor holds a file: open with unsaved changes, or shown in a tab. */
function editorState(uri: string): EditorState | undefined {
  const wanted = vscode.Uri.parse(uri).toString();
  const doc = openDocument(uri);
  const inTab = vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === wanted));
  return doc === undefined && !inTab ? undefined : { dirty: doc?.isDirty ?? false, inTab };
}

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
      render: (plan, ctx) => renderHandoffHtml(plan, ctx, new Set(deletedButOpen(plan.files, editorState).map((f) => f.uri))),
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

  /**
   * Creates the missing files through the server and returns the URIs it created. A missing file
   * still open in the editor (deleted on disk) is never created silently: the user saves the
   * editor's text, recreates it from the template, or cancels and nothing is created.
   */
  async createMissing(): Promise<vscode.Uri[]> {
    const target = this.target;
    if (target === null) return [];
    const before = await this.server.handoffPlan({ initiative: target.initiative, phase: target.phase });
    const open = deletedButOpen(before.files, editorState);
    const choice = open.length > 0 ? await this.settleOpen(open) : 'recreate';
    if (choice === 'cancel') {
      await this.host.load();
      return [];
    }
    // Saved editors are on disk again, so the server leaves them; the others it creates.
    const missing = creatable(before.files)
      .filter((f) => choice === 'recreate' || !open.includes(f))
      .map((f) => vscode.Uri.parse(f.uri));
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

  /**
   * Asks what to do with outputs deleted on disk but open in the editor. "Save" writes each
   * editor's text back (the server then finds the file and leaves it); "Recreate" lets the server
   * create it from the template. Cancelling, or a save that fails, creates nothing.
   */
  private async settleOpen(open: readonly HandoffFile[]): Promise<'save' | 'recreate' | 'cancel'> {
    const { message, detail } = deletedButOpenQuestion(open);
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, SAVE_EDITOR_TEXT, USE_TEMPLATE);
    if (choice === USE_TEMPLATE) return 'recreate';
    if (choice !== SAVE_EDITOR_TEXT) return 'cancel';
    for (const f of open) {
      const doc = openDocument(f.uri) ?? (await vscode.workspace.openTextDocument(vscode.Uri.parse(f.uri)));
      if (!(await doc.save())) {
        void vscode.window.showErrorMessage(`Proofmark could not save ${f.uri}; nothing was created.`);
        return 'cancel';
      }
    }
    return 'save';
  }

  dispose(): void {
    this.host.dispose();
  }
}
