import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { HandoffPanel } from './handoff/handoffPanel';
import type { ProofmarkServer } from './server/proofmarkServer';
import type { Timings } from './timings';
import type { TraceabilityPanel } from './traceability/traceabilityPanel';
import type { CompletionTreeProvider } from './tree/treeProvider';
import type { TreeSource } from './tree/treeSource';

/**
 * Everything `activate` builds, handed to the commands and returned to tests as the extension's
 * exports. There is no other state: extension.ts keeps none at module level.
 */
export interface ProofmarkApi {
  readonly client: LanguageClient;
  readonly server: ProofmarkServer;
  readonly source: TreeSource;
  readonly tree: CompletionTreeProvider;
  readonly treeView: vscode.TreeView<string>;
  readonly handoff: HandoffPanel;
  readonly traceability: TraceabilityPanel;
  readonly log: vscode.LogOutputChannel;
  /** When activation began, the server was ready, the first tree and the first diagnostics arrived. */
  readonly timings: Timings;
  /** Resolves to true once the server runs and the first tree arrived, false when it could not start. */
  readonly ready: Promise<boolean>;
  /** Restarts the server; resolves like `ready`. */
  restart(): Promise<boolean>;
}
