import { basename, dirname } from '../parse/role';
import { driftedFile } from '../resolve/nameDrift';
import { joinPath, type ResolvableReference } from '../resolve/resolve';
import type { Range } from '../text/position';
import type { RuleContext, RuleFinding } from './context';
import { lineRangeOf } from './context';

/** A cited file that does not exist, and the one file beside it of nearly the same name. */
export interface Misnamed {
  /** The file found. */
  readonly path: string;
  /** The citation with the found name in place of the written one (`docs/TODO001_phase1_notes.md`). */
  readonly replacement: string;
  /** Where it was found, for the message: `in the same folder`, `in the initiative folder`, `in docs/`. */
  readonly where: string;
}

/**
 * The file a missing citation most likely meant by its name (see resolve/nameDrift.ts), looked for
 * in the folder it points to (from the document, or from the root) and, for a bare name, the
 * initiative's folder; never further up, where another initiative's outputs lie. Another
 * initiative id in front counts only for the citing document's own initiative (a document of
 * initiative 001 that writes TODO001_… never meant TODO003_…). Only a name that, written as
 * found, resolves to that very file counts, so the fix is known to work.
 */
export function misnamedTarget(ctx: RuleContext, ref: ResolvableReference, from: string): Misnamed | null {
  const initiative = ctx.initiativeOf(from);
  const initiativeFolder = initiative?.key.folder ?? null;
  const folder = dirname(ref.target);
  const folders = new Set<string>();
  for (const f of [joinPath(dirname(from), folder), joinPath('', folder)]) if (f !== null) folders.add(f);
  if (folder === '' && initiativeFolder !== null) folders.add(initiativeFolder);
  const found = driftedFile(basename(ref.target), folders, ctx.index, initiative?.key.id ?? null);
  if (found === null) return null;
  const replacement = folder === '' ? basename(found) : `${folder}/${basename(found)}`;
  if (ctx.resolve({ target: replacement, shape: ref.shape, near: ref.near }, from).resolved !== found) return null;
  const at = dirname(found);
  const same = at === joinPath(dirname(from), folder) || at === joinPath('', folder);
  const where = same ? 'in the same folder' : at === initiativeFolder ? 'in the initiative folder' : `in ${at === '' ? 'the workspace root' : `${at}/`}`;
  return { path: found, replacement, where };
}

/**
 * The one finding for a citation whose name drifted, in place of the "does not exist" one: what was
 * written (`lead`, e.g. "Expected output X"), the file found and a fix that writes its name.
 */
export function misnamedFinding(file: string, range: Range, lead: string, ref: ResolvableReference, m: Misnamed, tried: readonly string[]): RuleFinding {
  return {
    code: 'reference-misnamed',
    file,
    range,
    message: `${lead} does not exist; ${m.replacement} ${m.where} has nearly the same name.`,
    related: [{ file: m.path, range: lineRangeOf(1), message: `${basename(m.path)}, named nearly the same` }],
    data: { misnamed: { written: basename(ref.target), found: basename(m.path) }, missing: tried },
  };
}
