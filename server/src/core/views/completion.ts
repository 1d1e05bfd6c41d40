import { MARKDOWN_FILE, type Project } from '../project/project';
import { dirname } from '../parse/role';
import type { Range } from '../text/position';
import { initiativeOf, prdOf, todoOf } from './lookup';
import { specViewOfInitiative } from './specContext';
import { specCompletions } from './specCompletion';

export type CompletionKind = 'requirement' | 'task' | 'path' | 'status';

export interface CompletionView {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail: string;
  /** Replaces `range` (the typed prefix). */
  readonly insertText: string;
  readonly range: Range;
  readonly sortText: string;
}

/** Status markers offered after `Status:`, the ones the default conventions recognise. */
export const STATUS_MARKERS: readonly { readonly text: string; readonly detail: string }[] = [
  { text: '✅ COMPLETED', detail: 'done' },
  { text: '🔄 IN PROGRESS', detail: 'in progress' },
  { text: '⏳ PENDING', detail: 'not started or waiting' },
  { text: '🚧 BLOCKED', detail: 'failed: blocked' },
  { text: '❌ FAILED', detail: 'failed' },
];

const MAX_PATHS = 500;

function span(line: number, from: number, to: number): Range {
  return { start: { line, column: from }, end: { line, column: to } };
}

/**
 * Completions at a 1-based position given the text of its line: requirement ids after FR/NFR/AC,
 * task ids after T, paths after `@` or inside backticks, status markers after `Status:`.
 */
export function completionsAt(project: Project, path: string, lineText: string, line: number, column: number): CompletionView[] {
  const before = lineText.slice(0, Math.max(0, column - 1));
  const initiative = initiativeOf(project, path);
  const kinds = [...project.ruleContext().c.requirementKinds].join('|');
  const spec = initiative ? specViewOfInitiative(project, initiative) : null;
  const specItems = spec ? specCompletions(spec, before, line, column) : null;
  if (specItems) return specItems.map((c, i) => ({ ...c, kind: 'requirement' as const, sortText: String(i).padStart(4, '0') }));

  const status = /\bStatus\**\s*:\s*\**\s*([^\s*]*)$/i.exec(before);
  if (status) {
    const from = column - (status[1] ?? '').length;
    return STATUS_MARKERS.map((m, i) => ({ label: m.text, kind: 'status' as const, detail: m.detail, insertText: m.text, range: span(line, from, column), sortText: String(i).padStart(3, '0') }));
  }

  const requirement = new RegExp(`\\b(${kinds})-?(\\d*(?:\\.\\d*)*)$`).exec(before);
  if (requirement) {
    const from = column - requirement[0].length;
    const prd = prdOf(project, initiative)?.prd;
    return [...(prd?.requirements ?? [])]
      .filter((r) => r.kind === requirement[1])
      .sort((a, b) => a.line - b.line)
      .map((r, i) => ({ label: r.id, kind: 'requirement' as const, detail: r.title, insertText: r.id, range: span(line, from, column), sortText: String(i).padStart(4, '0') }));
  }

  const task = /\bT(\d*(?:\.\d*)*)$/.exec(before);
  if (task) {
    const from = column - task[0].length;
    const todo = todoOf(project, initiative)?.todo;
    const items: CompletionView[] = [];
    for (const phase of todo?.phases ?? []) {
      for (const t of phase.tasks) items.push({ label: t.id, kind: 'task', detail: `${t.title} (Phase ${phase.number})`, insertText: t.id, range: span(line, from, column), sortText: String(items.length).padStart(4, '0') });
    }
    return items;
  }

  const at = /(?:^|[\s(`])@([\w./-]*)$/.exec(before);
  const ticks = (before.match(/`/g) ?? []).length % 2 === 1 ? /`([^`]*)$/.exec(before) : null;
  const typed = at ? (at[1] ?? '') : ticks ? (ticks[1] ?? '') : null;
  if (typed === null || /\s/.test(typed)) return [];
  const from = column - typed.length;
  return pathCandidates(project, path, typed).map((p, i) => ({ label: p.label, kind: 'path' as const, detail: p.detail, insertText: p.label, range: span(line, from, column), sortText: String(i).padStart(4, '0') }));
}

/**
 * Files under the document's folder by relative path first, then Markdown documents elsewhere by
 * workspace path; only those containing what was typed, so the cap never hides a match.
 */
function pathCandidates(project: Project, path: string, typed: string): { label: string; detail: string }[] {
  const folder = dirname(path);
  const prefix = folder === '' ? '' : `${folder}/`;
  const wanted = typed.toLowerCase();
  const near: { label: string; detail: string }[] = [];
  const far: { label: string; detail: string }[] = [];
  for (const file of project.index.all()) {
    if (file === path || !file.toLowerCase().includes(wanted.slice(wanted.lastIndexOf('/') + 1))) continue;
    if (file.startsWith(prefix)) near.push({ label: file.slice(prefix.length), detail: 'in this folder' });
    else if (MARKDOWN_FILE.test(file)) far.push({ label: file, detail: 'from the workspace root' });
  }
  near.sort((a, b) => a.label.split('/').length - b.label.split('/').length || a.label.localeCompare(b.label));
  far.sort((a, b) => a.label.localeCompare(b.label));
  return [...near, ...far].slice(0, MAX_PATHS);
}
