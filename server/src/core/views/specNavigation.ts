import { familyOf } from '../analyze/specIds';
import type { Range } from '../text/position';
import { findItem, findSpecTask, specDocumentPaths, tokensIn, type SpecTarget, type SpecView, type TextOf } from './specContext';
import type { SpecToken } from './specTokens';

export interface SpecLocation {
  readonly file: string;
  readonly range: Range;
}

/** Where the id is defined: the requirement, criterion or story in the requirements document, the task in the task list. */
export function specDefinition(view: SpecView, target: SpecTarget): SpecLocation | null {
  if (target.kind === 'item') {
    const item = findItem(view, target.id);
    return item && view.requirements ? { file: view.requirements.path, range: item.range } : null;
  }
  const task = findSpecTask(view, target.id);
  return task && view.tasks ? { file: view.tasks.path, range: task.range } : null;
}

/** Every place the id is written in the spec folder's documents, with the file and line of its definition. */
export function specOccurrences(view: SpecView, target: SpecTarget, texts: TextOf): { file: string; token: SpecToken }[] {
  const out: { file: string; token: SpecToken }[] = [];
  for (const file of specDocumentPaths(view)) {
    const text = texts(file);
    if (text === null) continue;
    for (const token of tokensIn(view, file, text)) if (token.kind === target.kind && token.id === target.id) out.push({ file, token });
  }
  return out;
}

/**
 * The definition (when asked) and every mention of the id across the spec folder: traces in the
 * task list, and the design, plan and reports that name it. A Kiro criterion is defined by its
 * place in a list (`2. WHEN …`), which names no id: its definition is that line.
 */
export function specReferences(view: SpecView, target: SpecTarget, texts: TextOf, includeDeclaration: boolean): SpecLocation[] {
  const declared = specDefinition(view, target);
  const onDeclaration = (file: string, range: Range): boolean => declared !== null && declared.file === file && declared.range.start.line === range.start.line;
  const result: SpecLocation[] = [];
  let declarationSeen = false;
  for (const { file, token } of specOccurrences(view, target, texts)) {
    const isDeclaration = onDeclaration(file, token.range);
    declarationSeen ||= isDeclaration;
    if (!isDeclaration || includeDeclaration) result.push({ file, range: token.range });
  }
  if (includeDeclaration && declared && !declarationSeen) result.unshift(declared);
  return result;
}

export type SpecRename = { readonly edits: readonly { file: string; range: Range; newText: string }[] } | { readonly error: string };

const NEW_PREFIXED = /^(FR|NFR|SC|US|TR|R|REQ|AC)(-?)(\d+)([a-z]?)$/;

function renameRefusal(target: SpecTarget): string | null {
  if (target.kind === 'task') return /^T\d+$/.test(target.id) ? null : 'A numbered Kiro task (3, 3.1) is named by its place in the list; renumber the list instead.';
  return familyOf(target.id) === 'KIRO' ? 'A Kiro requirement or criterion number follows its place in requirements.md; renumber the list instead.' : null;
}

/** What may be renamed at the cursor: a prefixed id (`FR-001`, `US1`, `SC-002`) or a `T001` task id. */
export function specPrepareRename(target: SpecTarget): { range: Range; placeholder: string } | { error: string } {
  const refusal = renameRefusal(target);
  if (refusal) return { error: refusal };
  if (!target.token) return { error: 'Place the cursor on the id itself to rename it.' };
  return { range: target.range, placeholder: target.token.form === 'number' && target.kind === 'item' ? `US${target.token.written}` : target.token.written };
}

/**
 * Renames an id in every document of the spec folder. Each mention is rewritten as the new name
 * is typed (`FR-001` → `FR-010` keeps the zeros; `[US1]` → `[US4]`); a written-out number
 * (`User Story 1`) takes the new number alone. Refused for a new name of another family or shape,
 * and for one the spec already defines.
 */
export function specRename(view: SpecView, target: SpecTarget, texts: TextOf, newName: string): SpecRename {
  const refusal = renameRefusal(target);
  if (refusal) return { error: refusal };
  const next = newName.trim();
  let number: string;
  let normalised: string;
  if (target.kind === 'task') {
    if (!/^T\d{2,4}$/.test(next)) return { error: `"${next}" is not a task id: write T followed by its number, e.g. T012.` };
    number = next.slice(1);
    normalised = next;
  } else {
    const m = NEW_PREFIXED.exec(next);
    const family = familyOf(target.id);
    if (!m || m[1] !== family) return { error: `"${next}" is not a ${family} id: write ${family}- followed by a number, e.g. ${family}-010${family === 'US' ? ' or US4' : ''}.` };
    number = `${m[3] ?? ''}${m[4] ?? ''}`;
    normalised = `${family}-${String(Number(m[3]))}${m[4] ?? ''}`;
  }
  if (normalised === target.id) return { edits: [] };
  const exists = target.kind === 'task' ? findSpecTask(view, normalised) !== null : findItem(view, normalised) !== null;
  if (exists) return { error: `${next} already exists in this spec; renaming ${target.token?.written ?? target.id} to it would merge two ${target.kind === 'task' ? 'tasks' : 'requirements'}.` };
  const edits = specOccurrences(view, target, texts).map(({ file, token }) => ({ file, range: token.range, newText: token.form === 'number' ? number : next }));
  return { edits };
}
