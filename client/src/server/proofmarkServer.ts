import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CheckWorkspaceRequest,
  CompletionTreeRequest,
  HandoffPlanRequest,
  IndexStatusNotification,
  TraceabilityRequest,
  TreeChangedNotification,
  type CheckWorkspaceParams,
  type CheckWorkspaceResult,
  type CompletionTree,
  type CompletionTreeParams,
  type HandoffPlanParams,
  type HandoffPlanResult,
  type IndexStatusParams,
  type TraceabilityParams,
  type TraceabilityResult,
  type TreeChangedParams,
} from '../../../server/src/protocol';

/**
 * Listeners of one notification. vscode-languageclient keeps a single handler per method (a second
 * `onNotification` replaces the first), so each notification is registered once and handed to all.
 */
class Listeners<T> {
  private readonly listeners = new Set<(params: T) => void>();
  private registered = false;

  constructor(private readonly register: (handler: (params: T) => void) => void) {}

  add(listener: (params: T) => void): vscode.Disposable {
    if (!this.registered) {
      this.registered = true;
      this.register((params) => {
        for (const l of [...this.listeners]) l(params);
      });
    }
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}

/** The server's custom requests, typed. Everything the client shows comes from these answers. */
export class ProofmarkServer {
  private readonly treeChanged: Listeners<TreeChangedParams>;
  private readonly indexStatus: Listeners<IndexStatusParams>;

  constructor(private readonly client: LanguageClient) {
    this.treeChanged = new Listeners((handler) => client.onNotification(TreeChangedNotification, handler));
    this.indexStatus = new Listeners((handler) => client.onNotification(IndexStatusNotification, handler));
  }

  get running(): boolean {
    return this.client.isRunning();
  }

  completionTree(): Promise<CompletionTree> {
    const params: CompletionTreeParams = {};
    return this.client.sendRequest<CompletionTree>(CompletionTreeRequest, params);
  }

  /** Widens the diagnostics to the whole workspace and answers once every folder is checked. */
  checkWorkspace(): Promise<CheckWorkspaceResult> {
    const params: CheckWorkspaceParams = {};
    return this.client.sendRequest<CheckWorkspaceResult>(CheckWorkspaceRequest, params);
  }

  traceability(params: TraceabilityParams = {}): Promise<TraceabilityResult> {
    return this.client.sendRequest<TraceabilityResult>(TraceabilityRequest, params);
  }

  handoffPlan(params: HandoffPlanParams): Promise<HandoffPlanResult> {
    return this.client.sendRequest<HandoffPlanResult>(HandoffPlanRequest, params);
  }

  /** Registered on the client, so it survives a server restart. */
  onTreeChanged(listener: (params: TreeChangedParams) => void): vscode.Disposable {
    return this.treeChanged.add(listener);
  }

  /** Every listener hears each status (the status bar and the side panel both count). */
  onIndexStatus(listener: (params: IndexStatusParams) => void): vscode.Disposable {
    return this.indexStatus.add(listener);
  }
}
