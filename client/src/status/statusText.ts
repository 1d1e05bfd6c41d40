import type { InitiativeNode } from '../../../server/src/protocol';
import { percent, plural } from '../tree/format';

export interface StatusContent {
  /** Status-bar text with codicons, e.g. `$(checklist) Phase 3 9/13 $(warning) 5`. */
  readonly text: string;
  readonly tooltip: string;
  readonly accessibilityLabel: string;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** Documents read so far of how many (`812/1,584`), or that the folders are being listed (`total` 0). */
export function indexingCount(documents: number, total: number): string {
  return total > 0 ? `${count(Math.min(documents, total))}/${count(total)}` : 'listing files';
}

export interface IndexCount {
  readonly documents: number;
  readonly total: number;
}

/** The documents of several folders together; no total while one of them is being listed. */
export function sumCounts(folders: readonly IndexCount[]): IndexCount {
  const documents = folders.reduce((a, f) => a + f.documents, 0);
  return { documents, total: folders.some((f) => f.total === 0) ? 0 : folders.reduce((a, f) => a + f.total, 0) };
}

/** The side panel's message while indexing: `Indexing… 812/1,584`, or null when nothing is indexed. */
export function indexingMessage(folders: readonly IndexCount[]): string | null {
  if (folders.length === 0) return null;
  const { documents, total } = sumCounts(folders);
  return `Indexing… ${indexingCount(documents, total)}`;
}

/** The status bar while indexing: `$(sync~spin) Proofmark 812/1,584`, counting up. */
export function indexingContent(documents: number, total: number): StatusContent {
  const tooltip =
    total > 0
      ? `Proofmark is indexing the workspace: ${count(Math.min(documents, total))} of ${count(total)} documents read. The open documents' initiatives come first.`
      : 'Proofmark is listing the files of the workspace.';
  return { text: `$(sync~spin) Proofmark ${indexingCount(documents, total)}`, tooltip, accessibilityLabel: tooltip };
}

/** What an untrusted workspace (VS Code's Restricted Mode) changes, for the tooltip. */
export const RESTRICTED_NOTE =
  "Restricted Mode: the conventions (patterns) and templates of this repository's .proofmark.json and of the settings are ignored; Proofmark uses its built-in ones until you trust the workspace.";

const RESTRICTED_LABEL = "Restricted Mode, the repository's conventions and templates are ignored";

/** Marks content as seen in an untrusted workspace: a shield first, the note last. */
export function restricted(content: StatusContent): StatusContent {
  return {
    text: `$(shield) ${content.text}`,
    tooltip: `${content.tooltip}\n${RESTRICTED_NOTE}`,
    accessibilityLabel: `${content.accessibilityLabel}, ${RESTRICTED_LABEL}`,
  };
}

/** What the status bar shows in an untrusted workspace when there is no active initiative. */
export function restrictedContent(): StatusContent {
  return { text: '$(shield) Proofmark', tooltip: RESTRICTED_NOTE, accessibilityLabel: `Proofmark: ${RESTRICTED_LABEL}` };
}

/**
 * What the status bar shows for the active initiative: the current phase's progress, else the
 * initiative's, and open findings; in an untrusted workspace, that the configured conventions and templates are ignored.
 */
export function statusContent(node: InitiativeNode, trusted = true): StatusContent {
  const content = progressContent(node);
  return trusted ? content : restricted(content);
}

function progressContent(node: InitiativeNode): StatusContent {
  const phase = node.phases.find((p) => p.number === node.currentPhase) ?? null;
  const scope = phase ? `Phase ${phase.number}` : node.name;
  const done = phase ? phase.done : node.done;
  const total = phase ? phase.total : node.total;
  const findings = node.findings > 0 ? ` $(warning) ${node.findings}` : '';
  const tooltip = [
    node.name,
    phase ? `Phase ${phase.number}: ${phase.title} — ${done} of ${total} items done (${percent(done, total)}%)` : '',
    `Initiative: ${node.done} of ${node.total} items done (${percent(node.done, node.total)}%)`,
    plural(node.findings, 'open finding'),
    'Click to open the Proofmark view.',
  ].filter((line) => line !== '').join('\n');
  return {
    text: `$(checklist) ${scope} ${done}/${total}${findings}`,
    tooltip,
    accessibilityLabel: `Proofmark: ${scope}, ${done} of ${total} items done, ${plural(node.findings, 'open finding')}`,
  };
}
