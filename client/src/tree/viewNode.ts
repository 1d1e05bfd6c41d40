import type { InitiativeId, Location0 } from '../../../server/src/protocol';

export type ViewNodeKind =
  | 'initiative'
  | 'phase'
  | 'outputs'
  | 'output'
  | 'group'
  | 'item'
  | 'requirements'
  | 'requirement';

/** A codicon id and an optional theme colour id, so icons follow light, dark and high-contrast themes. */
export interface IconSpec {
  readonly id: string;
  readonly color?: string;
}

/**
 * One row of the Proofmark side panel, as plain data. The tree provider turns it into a
 * `vscode.TreeItem`; everything here is computed from the server's completion tree.
 */
export interface ViewNode {
  /** Stable across revisions: built from the initiative, the phase and the line or label. */
  readonly id: string;
  readonly kind: ViewNodeKind;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly icon: IconSpec;
  /** Where a click takes the user, if anywhere. */
  readonly location: Location0 | null;
  /** `proofmark.<kind>` plus a state suffix, used by `when` clauses of the view's menus. */
  readonly contextValue: string;
  readonly expanded: boolean;
  readonly children: readonly string[];
  readonly initiative: InitiativeId;
  readonly phase: string | null;
}

export interface ViewModel {
  readonly roots: readonly string[];
  readonly nodes: ReadonlyMap<string, ViewNode>;
}

export const EMPTY_VIEW: ViewModel = { roots: [], nodes: new Map() };
