import * as vscode from 'vscode';
import type { InitiativeId, TraceabilityMatrix } from '../../../server/src/protocol';
import { ClientCommands } from '../commandIds';
import type { ProofmarkApi } from '../services';
import { exportMatrix, type ExportFormat } from '../traceability/exportTable';
import { traceablePicks } from '../traceability/initiativePicks';
import { activeInitiative } from '../tree/activeInitiative';
import { initiativeKey } from '../tree/buildView';

/** The initiative to trace: a tree row's, else the active document's (when it has a PRD), else one the user picks. */
async function chooseInitiative(api: ProofmarkApi, id: unknown, ask: boolean): Promise<InitiativeId | null> {
  const node = typeof id === 'string' ? api.tree.node(id) : undefined;
  if (node) return node.initiative;
  if (api.source.tree === null) await api.source.refresh();
  const tree = api.source.tree;
  if (tree === null) return null;
  const active = activeInitiative(tree, vscode.window.activeTextEditor?.document.uri.toString());
  if (!ask && active?.prd) return active.initiative;
  const picks = traceablePicks(tree, active);
  if (picks.length === 0) {
    void vscode.window.showInformationMessage('Proofmark found no initiative with a PRD to trace in this workspace.');
    return null;
  }
  if (picks.length === 1 && !ask) return picks[0]?.initiative ?? null;
  const choice = await vscode.window.showQuickPick(picks, { title: 'Proofmark: Traceability', placeHolder: 'Choose the initiative whose requirements to trace', matchOnDescription: true, matchOnDetail: true });
  return choice?.initiative ?? null;
}

async function showTraceability(api: ProofmarkApi, id: unknown, ask = false): Promise<void> {
  const initiative = await chooseInitiative(api, id, ask);
  if (initiative) await api.traceability.show(initiative);
}

/** The matrix to export: the panel's when it shows one initiative, else the chosen initiative's. */
async function matrixToExport(api: ProofmarkApi, id: unknown): Promise<TraceabilityMatrix | null> {
  const shown = api.traceability.current?.matrices;
  const panelKey = api.traceability.shown ? initiativeKey(api.traceability.shown) : null;
  if (typeof id !== 'string' && shown?.length === 1 && panelKey !== null && shown[0] && initiativeKey(shown[0].initiative) === panelKey) return shown[0];
  const initiative = await chooseInitiative(api, id, false);
  if (!initiative) return null;
  const result = await api.server.traceability({ initiative });
  const matrix = result.matrices[0] ?? null;
  if (!matrix) void vscode.window.showInformationMessage('This initiative has no PRD with requirements to trace.');
  return matrix;
}

/** Exports to a new untitled document: nothing is written until the user saves it, so nothing is overwritten. */
async function exportTraceability(api: ProofmarkApi, format: unknown, id?: unknown): Promise<void> {
  let chosen: ExportFormat | null = format === 'markdown' || format === 'csv' ? format : null;
  if (chosen === null) {
    const pick = await vscode.window.showQuickPick([{ label: 'Markdown', format: 'markdown' as const }, { label: 'CSV', format: 'csv' as const }], { title: 'Proofmark: Export Traceability', placeHolder: 'Export as' });
    chosen = pick?.format ?? null;
  }
  if (chosen === null) return;
  const matrix = await matrixToExport(api, id);
  if (!matrix) return;
  const document = await vscode.workspace.openTextDocument({ content: exportMatrix(matrix, chosen), language: chosen === 'markdown' ? 'markdown' : 'csv' });
  await vscode.window.showTextDocument(document, { preview: false });
}

export function registerTraceabilityCommands(api: ProofmarkApi): vscode.Disposable[] {
  api.traceability.setActions({
    pick: () => showTraceability(api, undefined, true),
    export: (format) => exportTraceability(api, format),
  });
  return [
    vscode.commands.registerCommand(ClientCommands.showTraceability, (id?: unknown) => showTraceability(api, id)),
    vscode.commands.registerCommand(ClientCommands.exportTraceability, (format?: unknown, id?: unknown) => exportTraceability(api, format, id)),
  ];
}
