import type { SpecItem } from '../model/spec';
import type { Range } from '../text/position';
import type { SpecView } from './specContext';

export interface SpecCompletion {
  readonly label: string;
  readonly detail: string;
  readonly insertText: string;
  readonly range: Range;
}

/** A trace label up to the cursor, with the id being typed: `_Requirements: 1.1, 2.`, `**Validates**: TR-`. */
const IN_TRACE = /(?:^|[\s(])[_*]{0,2}(?:Requirements?|Validates|Traces?|Covers|需求)[_*]{0,2}\s*[:：][_*]{0,2}[^\n]*?([\w.-]*)$/i;
/** A spec-kit story label being typed in a task: `[US`, `[US2`. */
const IN_STORY_LABEL = /\[(US\d*)$/;

/** How a trace names an item: `1.1` for a Kiro criterion, `US1` for a spec-kit story, the id as defined otherwise (`FR-001`). */
export function traceNameOf(item: SpecItem): string {
  if (item.family === 'KIRO') return item.id;
  const story = /^User Story\s+(\d+)$/i.exec(item.label);
  if (story) return `US${story[1]}`;
  return /^[A-Z]+-?\d+[a-z]?$/.test(item.label) ? item.label : item.id;
}

function span(line: number, from: number, to: number): Range {
  return { start: { line, column: from }, end: { line, column: to } };
}

/**
 * Ids offered inside a trace (after `_Requirements: ` or `**Validates**: `: every criterion,
 * requirement and story of the spec; inside `[US`: the stories), each with its text as detail.
 * Null when the cursor is in neither, so that the other completions are tried.
 */
export function specCompletions(view: SpecView, before: string, line: number, column: number): SpecCompletion[] | null {
  const story = IN_STORY_LABEL.exec(before);
  const trace = story ? null : IN_TRACE.exec(before);
  if (!story && !trace) return null;
  const typed = story?.[1] ?? trace?.[1] ?? '';
  const range = span(line, column - typed.length, column);
  const items = story ? view.items.filter((i) => i.kind === 'story') : view.items;
  return items.map((item) => {
    const name = story ? `US${item.id.replace(/^US-/, '')}` : traceNameOf(item);
    const label = item.kind === 'criterion' || item.family !== 'KIRO' ? '' : `${item.label}: `;
    return { label: name, detail: `${label}${item.text}`, insertText: name, range };
  });
}
