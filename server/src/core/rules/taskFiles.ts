import { inGeneratedFolder } from '../analyze/pathShapes';
import type { Checkbox, DocumentModel, Reference } from '../model/document';
import { basename } from '../parse/role';
import { referenceKind } from './brokenReferences';
import type { RuleContext, RuleFinding } from './context';

/** `T014`, `**T014**`, `2.1`, `8.1.2.` at the start of a task: how the message names it. */
const TASK_ID = /^\s*(?:\*\*)?(T\d+(?:\.\d+)*|\d+(?:\.\d+)+|\d+)\.?(?:\*\*)?(?=\s|$)/;

function taskName(box: Checkbox): string {
  const id = TASK_ID.exec(box.text)?.[1];
  return id ? `Task ${id}` : 'This item';
}

/**
 * "Phantom completion": a checked task or checklist item names a file (in its text or its
 * sub-bullets: `File: …`) that does not exist. The file found under another folder, if any, is
 * named, so the fix is obvious. Folders a task names through a pattern (`contracts/I*.cs`) count.
 * In a folder marked historical the finding is kept but quieter, with the reason.
 */
export function taskFileRule(ctx: RuleContext, model: DocumentModel): RuleFinding[] {
  const archive = ctx.archiveOf(model.path);
  if (archive?.kind === 'folder') return [];
  const archived = archive?.reason ?? null;
  // One fact, one finding: the same missing file named by several tasks is reported once, the others related.
  const byTarget = new Map<string, { ref: Reference; box: Checkbox; relocated: string | null; tried: readonly string[]; others: { ref: Reference; box: Checkbox }[] }>();
  // A task that says, in its text or its sub-bullets, that a file it names was removed ("Update
  // a.ts" with "- deleted a.ts, the loader is used directly") did its work by removing it.
  const removedInBox = new Set<string>();
  for (const ref of model.references) if (ref.box >= 0 && ref.intent === 'history') removedInBox.add(`${ref.box}\u0000${ref.target}`);
  const exists = (ref: Reference): boolean => {
    const r = ctx.resolve(ref, model.path);
    return r.resolved !== null || r.candidates.length > 0;
  };
  for (const ref of model.references) {
    if (ref.box < 0 || ref.intent !== 'record' || (ref.context !== 'text' && ref.context !== 'output-item')) continue;
    if (removedInBox.has(`${ref.box}\u0000${ref.target}`)) continue;
    const box = model.checkboxes[ref.box];
    if (!box?.checked) continue;
    if (ref.shape === 'directory' && !/[*{]/.test(ref.raw)) continue;
    if (inGeneratedFolder(ref.target)) continue;
    if (/^\.env(?:\.|$)/.test(basename(ref.target))) continue;
    const r = ctx.resolve(ref, model.path);
    // Outside the workspace nothing is read: whether the file is there is not known.
    if (r.resolved !== null || r.candidates.length > 0 || r.outside) continue;
    // "Update `a.ts` (or create `b.ts`)": either file does the work; with neither there, the first is the one named missing.
    if (ref.alternative) {
      const others = alternativesOf(model, ref);
      if (others.some(exists) || others.some((o) => o.range.start.column < ref.range.start.column)) continue;
    }
    // "Write server.js" in a TypeScript project whose server.ts exists: name that file, as for a moved one.
    const dialect = ref.shape === 'file' && r.relocated === null ? otherDialect(ref.target).flatMap((name) => ctx.index.named(name)) : [];
    const relocated = r.relocated ?? (dialect.length === 1 ? (dialect[0] ?? null) : null);
    // `html/navigation.ts` after `src/viewer/html/navigation.ts`, in one task or a later one, names the same missing file.
    const seen = byTarget.get(ref.target) ?? [...byTarget.values()].find((t) => sameFileWritten(t.ref.target, ref.target));
    if (seen) {
      if (seen.box !== box && !seen.others.some((o) => o.box === box)) seen.others.push({ ref, box });
      continue;
    }
    byTarget.set(ref.target, { ref, box, relocated, tried: r.tried, others: [] });
  }
  return [...byTarget.values()].map((t) => finding(model, t.box, t.ref, t.relocated, t.tried, archived ?? (t.ref.conditional ? CONDITIONAL : null), t.others));
}

/** Why a file named in conditional work is only a hint: the task expected it only if its condition held. */
const CONDITIONAL = 'the task makes it only if its condition held';

/** The other alternatives offered with `ref`: the citations on its line of the same checklist item, marked so. */
function alternativesOf(model: DocumentModel, ref: Reference): Reference[] {
  return model.references.filter((o) => o !== ref && o.alternative && o.box === ref.box && o.line === ref.line);
}

/** JavaScript and TypeScript name the same module with either extension: `server.js` for `server.ts` (named in the message). */
const DIALECTS: readonly (readonly string[])[] = [['.js', '.ts', '.mjs', '.mts', '.cjs', '.cts'], ['.jsx', '.tsx']];

/** The file names the same module would have in the other dialect. */
function otherDialect(target: string): string[] {
  const name = basename(target);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot).toLowerCase() : '';
  const family = DIALECTS.find((d) => d.includes(extension));
  return family ? family.filter((e) => e !== extension).map((e) => name.slice(0, dot) + e) : [];
}

/** Whether one path is the other written from a deeper folder: `html/a.ts` and `src/x/html/a.ts`. */
function sameFileWritten(a: string, b: string): boolean {
  return a.endsWith(`/${b}`) || b.endsWith(`/${a}`);
}

function finding(model: DocumentModel, box: Checkbox, ref: Reference, relocated: string | null, tried: readonly string[], archived: string | null, others: readonly { ref: Reference; box: Checkbox }[]): RuleFinding {
  const what = ref.shape === 'directory' ? `the folder ${ref.target}/` : `${ref.raw}`;
  const elsewhere = relocated ? `; ${relocated} does` : '';
  const quiet = archived ? ` (${archived}, so this is only a hint)` : '';
  const alsoNamed = others.length > 0 ? `; ${others.length} more checked task${others.length === 1 ? ' names' : 's name'} it (line${others.length === 1 ? '' : 's'} ${others.map((o) => o.box.line).join(', ')})` : '';
  return {
    code: 'task-done-file-missing',
    file: model.path,
    range: ref.range,
    message: `${taskName(box)} is checked, but ${what}, which it names, does not exist${elsewhere}${alsoNamed}${quiet}.`,
    related: [
      { file: model.path, range: box.range, message: `${taskName(box)}, checked` },
      ...others.map((o) => ({ file: model.path, range: o.ref.range, message: `${taskName(o.box)}, checked, names it too` })),
      ...(relocated ? [{ file: relocated, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, message: `A ${referenceKind(ref)} of that name` }] : [])],
    quiet: archived !== null,
    data: { ...(relocated ? { relocated: { from: ref.raw, to: relocated } } : {}), missing: tried },
  };
}
