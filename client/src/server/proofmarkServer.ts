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

/** The server's custom requests, typed. Everything the client shows comes from these answers. */
export class ProofmarkServer {
  constructor(private readonly client: LanguageClient) {}

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
    return this.client.onNotification(TreeChangedNotification, listener);
  }

  onIndexStatus(listener: (params: IndexStatusParams) => void): vscode.Disposable {
    return this.client.onNotification(IndexStatusNotification, listener);
  }
}
