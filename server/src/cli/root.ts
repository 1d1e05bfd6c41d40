import { existsSync, realpathSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { findMarkedAncestor, insideRoot } from '../node/folderPaths';

export type Resolved<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The workspace root: `--root` when given, else the nearest marked ancestor (`.git`,
 * `.proofmark.json`) of the first PATH (or of the current folder), else the current folder when
 * the PATH lies inside it, else the PATH's own folder (a document outside any repository and
 * outside the current folder is checked among the files beside it). Real paths, so that symlinked
 * temp folders and PATHs given through links compare equal.
 */
export function resolveRoot(rootArg: string | null, firstPath: string | undefined, cwd: string): Resolved<string> {
  if (rootArg !== null) {
    const root = nodePath.resolve(cwd, rootArg);
    if (!isDirectory(root)) return { ok: false, error: `root ${rootArg} does not exist or is not a folder` };
    return { ok: true, value: realpathSync(root) };
  }
  let start = cwd;
  if (firstPath !== undefined) {
    const full = nodePath.resolve(cwd, firstPath);
    if (!existsSync(full)) return { ok: false, error: `${firstPath} does not exist` };
    start = isDirectory(full) ? full : nodePath.dirname(full);
  }
  const from = realpathSync(start);
  const marked = findMarkedAncestor(from);
  if (marked !== null) return { ok: true, value: realpathSync(marked) };
  const here = realpathSync(cwd);
  return { ok: true, value: firstPath === undefined || insideRoot(here, from) !== null ? here : from };
}


/** Turns the PATH arguments into root-relative selections; every PATH must exist inside the root. */
export function resolveSelection(root: string, paths: readonly string[], cwd: string): Resolved<readonly string[]> {
  if (paths.length === 0) return { ok: true, value: [''] };
  const selection: string[] = [];
  for (const p of paths) {
    const full = nodePath.resolve(cwd, p);
    if (!existsSync(full)) return { ok: false, error: `${p} does not exist` };
    const rel = insideRoot(root, realpathSync(full));
    if (rel === null) return { ok: false, error: `${p} is outside the root ${root}` };
    selection.push(rel);
  }
  return { ok: true, value: selection };
}

/** Whether a root-relative file lies in one of the selected files or folders. */
export function isSelected(file: string, selection: readonly string[]): boolean {
  return selection.some((s) => s === '' || file === s || file.startsWith(`${s}/`));
}
