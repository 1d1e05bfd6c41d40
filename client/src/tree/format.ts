import { EVIDENCE_STATE_TEXT, type EvidenceState, type PhaseState } from '../../../server/src/protocol';
import type { IconSpec } from './viewNode';

/** `9/13 · 69%`, or '' when there is nothing to count. */
export function progressText(done: number, total: number): string {
  if (total <= 0) return '';
  return `${done}/${total} · ${percent(done, total)}%`;
}

/** Text cut at a word boundary (never mid-word) with an ellipsis past `max` characters. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

export function percent(done: number, total: number): number {
  return total <= 0 ? 0 : Math.floor((done * 100) / total);
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

export function phaseIcon(state: PhaseState): IconSpec {
  switch (state) {
    case 'done':
      return { id: 'pass-filled', color: 'testing.iconPassed' };
    case 'in-progress':
      return { id: 'play-circle', color: 'charts.yellow' };
    case 'failed':
      return { id: 'error', color: 'testing.iconFailed' };
    case 'not-started':
      return { id: 'circle-large-outline' };
  }
}

export function phaseStateText(state: PhaseState): string {
  switch (state) {
    case 'done':
      return 'done';
    case 'in-progress':
      return 'in progress';
    case 'failed':
      return 'failed';
    case 'not-started':
      return 'not started';
  }
}

export function evidenceIcon(state: EvidenceState): IconSpec {
  switch (state) {
    case 'evidenced':
      return { id: 'verified-filled', color: 'testing.iconPassed' };
    case 'cited':
      return { id: 'info', color: 'charts.yellow' };
    case 'claimed':
      return { id: 'warning', color: 'list.warningForeground' };
    case 'never-cited':
      return { id: 'circle-slash', color: 'list.errorForeground' };
  }
}

/** The server's words for an evidence state, so the tree says what the hover and the panels say. */
export function evidenceText(state: EvidenceState): string {
  return EVIDENCE_STATE_TEXT[state];
}
