/**
 * Commands the client registers. The server's own commands (`ServerCommands` in the protocol) are
 * registered by the language client and must never appear here.
 */
export const ClientCommands = {
  generateHandoffPicker: 'proofmark.generateHandoffPicker',
  showTraceability: 'proofmark.showTraceability',
  exportTraceability: 'proofmark.exportTraceability',
  toggleCheckboxAtCursor: 'proofmark.toggleCheckboxAtCursor',
  treeRevealActive: 'proofmark.tree.revealActive',
  checkWorkspace: 'proofmark.checkWorkspace',
  restartServer: 'proofmark.restartServer',
  showLog: 'proofmark.showLog',
  treeRefresh: 'proofmark.tree.refresh',
  treeShowOpenOnly: 'proofmark.tree.showOpenOnly',
  treeShowAll: 'proofmark.tree.showAll',
  treeToggleItem: 'proofmark.tree.toggleItem',
  treeGenerateHandoff: 'proofmark.tree.generateHandoff',
} as const;

export const VIEW_CONTAINER_ID = 'proofmark';
export const TREE_VIEW_ID = 'proofmark.completionTree';

/** Context keys the manifest's `when` clauses read. */
export const ContextKeys = {
  state: 'proofmark.state',
  openOnly: 'proofmark.openOnly',
  hasInitiatives: 'proofmark.hasInitiatives',
  /** Every folder's index is complete: only then may the side panel say that there is no initiative. */
  indexComplete: 'proofmark.indexComplete',
} as const;

export type ClientState = 'starting' | 'ready' | 'failed';
