import type { FindingCode } from '../findings/codes';
import type { Finding } from '../findings/finding';
import type { DocumentModel } from '../model/document';
import type { Phase } from '../model/todo';
import type { Project } from '../project/project';
import { LineIndex, type Range } from '../text/position';
import { fixFor, itemLabel } from './fixes';
import { initiativeOf, todoOf } from './lookup';
import { misnamedFixes } from './misnamedFix';
import { phaseOutputs } from './phases';
import type { FileEdit } from './rename';

export interface FileCreate {
  readonly file: string;
  readonly content: string;
}

export interface ActionView {
  readonly title: string;
  /** `source.fixAll` is the "Fix all" of the document's mechanical fixes, asked for on save or from the Source Action menu. */
  readonly kind: 'quickfix' | 'refactor.rewrite' | 'source.fixAll';
  /** The finding it fixes, if any. */
  readonly finding: Finding | null;
  readonly edits: readonly FileEdit[];
  /** Files to create; a file that exists is never overwritten. */
  readonly creates: readonly FileCreate[];
  readonly preferred: boolean;
  /** A fix that needs no judgement, gathered by "Fix all" (a status, a box, a count, a title). */
  readonly mechanical?: boolean;
  /** A Suppress action: always listed last. */
  readonly suppression?: boolean;
  /** The "Fix all" of the document's mechanical fixes. */
  readonly fixAll?: boolean;
}

export interface ActionOptions {
  /** Text for a new phase output; null falls back to the built-in skeleton. */
  readonly outputContent?: (file: string, kind: string, phase: string) => string | null;
}

export const DONE_MARKER = '✅ COMPLETED';
export const OPEN_MARKER = '🔄 IN PROGRESS';
export const EVIDENCE_SLOT = '**Evidence**: [](…)';

const KIND_TITLES: Record<string, string> = { notes: 'Implementation Notes', decisions: 'Decisions', handoff: 'Handoff', testing_summary: 'Testing Summary' };

/** The built-in skeleton of a phase output, used when no template is available. */
export function outputSkeleton(kind: string, phase: Phase, initiativeName: string): string {
  const title = KIND_TITLES[kind] ?? kind.replace(/_/g, ' ');
  return [`# Phase ${phase.number} ${title}: ${phase.title}`, '', `**Initiative**: ${initiativeName}`, `**Status**: ${OPEN_MARKER}`, '', '## Summary', '', '', '## Evidence', '', EVIDENCE_SLOT, ''].join('\n');
}

function at(line: number, column: number): Range {
  return { start: { line, column }, end: { line, column } };
}

function overlaps(f: Finding, from: number, to: number): boolean {
  return f.range.start.line <= to && f.range.end.line >= from;
}

function indentOf(text: string): string {
  return /^\s*/.exec(text)?.[0] ?? '';
}

/** Where an action is listed: the preferred fix first, other fixes, "Fix all", rewrites, Suppress last. */
function rank(a: ActionView): number {
  if (a.suppression) return 5;
  if (a.fixAll) return 3;
  if (a.kind === 'refactor.rewrite') return 4;
  return a.preferred ? 0 : 1;
}

/** Every action available on lines [from, to] of a document, each a plain edit (no file is ever overwritten), in the order shown. */
export function codeActionsAt(project: Project, path: string, text: string, from: number, to: number, options: ActionOptions = {}): ActionView[] {
  const model = project.model(path);
  if (!model) return [];
  const lines = new LineIndex(text);
  const findings = project.findingsFor(path).filter((f) => overlaps(f, from, to));
  const actions: ActionView[] = [];
  actions.push(...createOutputActions(project, model, findings, options));
  const fixes = [...misnamedFixes(path, lines, findings), ...fixesIn(project, model, lines, findings, from, to)];
  actions.push(...fixes);
  // A box a fix already checks or unchecks is not offered again as a plain toggle.
  const fixedLines = new Set(fixes.flatMap((a) => a.edits.map((e) => e.range.start.line)));
  actions.push(...toggleActions(model, from, to).filter((t) => !t.edits.some((e) => fixedLines.has(e.range.start.line))));
  for (const f of findings) {
    if (f.code === 'claim-without-evidence' || f.code === 'claim-evidence-broken') actions.push(evidenceSlot(path, lines, f));
  }
  if (fixes.some((a) => a.mechanical)) {
    // Offered where it does more than the fix at hand, as ESLint does.
    const fixAll = fixAllIn(project, path, text, 'quickfix');
    if (fixAll && fixAll.edits.length > 1) actions.push(fixAll);
  }
  for (const f of findings) actions.push(...suppressions(path, lines, f));
  // A stable sort: within a rank, the order above (creates, fixes, toggles, slots) stays.
  return actions.sort((a, b) => rank(a) - rank(b));
}

/** The status fixes and the per-code fixes (fixes.ts) of the findings on lines [from, to]. */
function fixesIn(project: Project, model: DocumentModel, lines: LineIndex, findings: readonly Finding[], from: number, to: number): ActionView[] {
  const actions = statusActions(model, lines, from, to, findings);
  for (const f of findings) {
    const fix = fixFor(project, model, lines, f);
    if (fix) actions.push({ title: fix.title, kind: 'quickfix', finding: f, edits: fix.edits, creates: [], preferred: true, mechanical: fix.mechanical });
  }
  return actions;
}

/**
 * Every mechanical fix of a document in one edit ("Fix all"), or null when there is none. Fixes
 * whose edits overlap one already taken are left for a second run.
 */
export function fixAllIn(project: Project, path: string, text: string, kind: 'quickfix' | 'source.fixAll' = 'source.fixAll'): ActionView | null {
  const model = project.model(path);
  if (!model) return null;
  const lines = new LineIndex(text);
  const fixes = fixesIn(project, model, lines, project.findingsFor(path), 1, lines.lineCount).filter((a) => a.mechanical);
  const edits: FileEdit[] = [];
  let count = 0;
  for (const fix of fixes) {
    const clash = fix.edits.some((e) => edits.some((t) => t.file === e.file && t.range.start.line === e.range.start.line && t.range.start.column < e.range.end.column && e.range.start.column < t.range.end.column));
    if (clash) continue;
    edits.push(...fix.edits);
    count++;
  }
  if (count === 0) return null;
  return { title: `Fix all ${count} auto-fixable Proofmark problem${count === 1 ? '' : 's'} in this document`, kind, finding: null, edits, creates: [], preferred: false, fixAll: true };
}

/** The "Create <output>" fixes of every missing-output finding in a TODO (a command asks again when it runs). */
export function createOutputActionsIn(project: Project, path: string, options: ActionOptions = {}): ActionView[] {
  const model = project.model(path);
  return model ? createOutputActions(project, model, project.findingsFor(path), options) : [];
}

function createOutputActions(project: Project, model: DocumentModel, findings: readonly Finding[], options: ActionOptions): ActionView[] {
  const initiative = initiativeOf(project, model.path);
  const todo = todoOf(project, initiative);
  if (!initiative || !todo || todo.path !== model.path || !todo.todo) return [];
  const actions: ActionView[] = [];
  for (const f of findings) {
    const missing = f.data?.missingOutput;
    const phase = missing ? todo.todo.phases.find((p) => p.number === missing.phase) : undefined;
    if (!missing || !phase) continue;
    const out = phaseOutputs(project, initiative, todo, phase).find((o) => o.path === null && o.name === missing.name);
    if (!out || out.createAt === null || project.index.exists(out.createAt)) continue;
    const content = options.outputContent?.(out.createAt, out.kind, phase.number) ?? outputSkeleton(out.kind, phase, initiative.name);
    actions.push({ title: `Create ${out.name}`, kind: 'quickfix', finding: f, edits: [], creates: [{ file: out.createAt, content }], preferred: true });
  }
  return actions;
}

function statusActions(model: DocumentModel, lines: LineIndex, from: number, to: number, findings: readonly Finding[]): ActionView[] {
  const actions: ActionView[] = [];
  for (const phase of model.todo?.phases ?? []) {
    const { total, checked } = phase.checklist;
    if (total === 0) continue;
    const wanted = checked === total ? DONE_MARKER : OPEN_MARKER;
    const status = checked === total ? 'done' : 'in-progress';
    for (const s of phase.statuses) {
      if (!s.marker || s.line < from || s.line > to || s.marker.status === status) continue;
      const lineText = lines.line(s.line);
      const index = lineText.indexOf(s.marker.text);
      if (index < 0) continue;
      const finding = findings.find((f) => f.range.start.line === s.line && (f.code === 'phase-done-checklist-open' || f.code === 'status-conflict')) ?? null;
      actions.push({
        title: `Set Phase ${phase.number} to ${wanted} (${checked}/${total} checked)`,
        kind: 'quickfix',
        finding,
        edits: [{ file: model.path, range: { start: { line: s.line, column: index + 1 }, end: { line: s.line, column: index + 1 + s.marker.text.length } }, newText: wanted }],
        creates: [],
        preferred: finding !== null,
        mechanical: finding !== null,
      });
    }
  }
  return actions;
}

function toggleActions(model: DocumentModel, from: number, to: number): ActionView[] {
  return model.checkboxes
    .filter((b) => b.line >= from && b.line <= to)
    .map((b) => ({
      title: b.checked ? `Uncheck "${itemLabel(b.text)}"` : `Check "${itemLabel(b.text)}"`,
      kind: 'refactor.rewrite' as const,
      finding: null,
      edits: [toggleEdit(model, b.line)].filter((e): e is FileEdit => e !== null),
      creates: [],
      preferred: false,
    }));
}

/** The edit that flips the checkbox on a 1-based line, or null when the line has none. */
export function toggleEdit(model: DocumentModel, line: number): FileEdit | null {
  const box = model.checkboxes.find((b) => b.line === line);
  if (!box) return null;
  return { file: model.path, range: box.range, newText: box.checked ? '[ ]' : '[x]' };
}

function evidenceSlot(path: string, lines: LineIndex, f: Finding): ActionView {
  const line = f.range.start.line;
  const text = lines.line(line);
  const bullet = /^(\s*)[-*+]\s/.exec(text);
  const slot = bullet ? `${bullet[1] ?? ''}  - ${EVIDENCE_SLOT}` : `${indentOf(text)}${EVIDENCE_SLOT}`;
  // The only fix a claim without evidence has, so the preferred one: the author fills the slot.
  return { title: 'Insert an evidence slot under this claim', kind: 'quickfix', finding: f, edits: [{ file: path, range: at(line, text.length + 1), newText: `\n${slot}` }], creates: [], preferred: true };
}

function suppressions(path: string, lines: LineIndex, f: Finding): ActionView[] {
  const code: FindingCode = f.code;
  const line = f.range.start.line;
  const indent = indentOf(lines.line(line));
  return [
    { title: `Suppress ${code} on this line`, kind: 'quickfix', finding: f, edits: [{ file: path, range: at(line, 1), newText: `${indent}<!-- proofmark-disable-next-line ${code} -->\n` }], creates: [], preferred: false, suppression: true },
    { title: `Suppress ${code} in this file`, kind: 'quickfix', finding: f, edits: [{ file: path, range: at(1, 1), newText: `<!-- proofmark-disable ${code} -->\n` }], creates: [], preferred: false, suppression: true },
  ];
}
