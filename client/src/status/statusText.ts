import type { InitiativeNode } from '../../../server/src/protocol';
import { percent, plural } from '../tree/format';

export interface StatusContent {
  /** Status-bar text with codicons, e.g. `$(checklist) Phase 3 9/13 $(warning) 5`. */
  readonly text: string;
  readonly tooltip: string;
  readonly accessibilityLabel: string;
}

/** What the status bar shows for the active initiative: the current phase's progress, else the initiative's, and open findings. */
export function statusContent(node: InitiativeNode): StatusContent {
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
