import { promises as fs, type Stats } from 'node:fs';
import * as nodePath from 'node:path';

/**
 * What writing a workspace path would do: create it (and the folders it needs, outermost first),
 * find it already there, or be refused with a sentence that names the path and says why.
 */
export type WriteTarget =
  | { readonly kind: 'new'; readonly full: string; readonly folders: readonly string[] }
  | { readonly kind: 'exists'; readonly full: string }
  | { readonly kind: 'refused'; readonly reason: string };

const refused = (reason: string): WriteTarget => ({ kind: 'refused', reason });

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

function why(error: unknown): string {
  const code = errorCode(error);
  if (code === 'ELOOP') return 'a symbolic link loop';
  if (code === 'ENOENT') return 'a symbolic link whose target does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** lstat, with null for "nothing there" (a missing entry, or a file where a folder was expected). */
async function lstatOrNull(path: string): Promise<Stats | null> {
  try {
    return await fs.lstat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return null;
    throw error;
  }
}

function outside(realRoot: string, real: string): boolean {
  const rel = nodePath.relative(realRoot, real);
  return rel.startsWith('..') || nodePath.isAbsolute(rel);
}

/** The names a writer must never take: they are not workspace paths, whatever the disk holds. */
function badName(root: string, path: string): string | null {
  if (path === '') return 'an empty path cannot be written';
  if (path.includes('\0')) return `${JSON.stringify(path)} holds a NUL character`;
  if (nodePath.isAbsolute(path) || /^[A-Za-z]:/.test(path) || path.startsWith('\\')) return `${path} is an absolute path; Proofmark writes only inside the workspace ${root}`;
  if (path === '~' || /^~[^/]*\//.test(path)) return `${path} starts with ~, which names a home folder outside the workspace ${root}; name a path inside it`;
  const rel = nodePath.relative(root, nodePath.resolve(root, path));
  if (rel === '') return `${path} is the workspace root itself`;
  if (rel.startsWith('..') || nodePath.isAbsolute(rel)) return `${path} leaves the workspace ${root}`;
  return null;
}

/**
 * Decides whether Proofmark may write the workspace path `path` under `root`: the path must stay
 * inside the root as written, and its nearest existing ancestor (the path itself when it exists),
 * resolved with realpath, must lie inside the root's real path. So a symlinked folder or file
 * leading out, a dangling symlink and a symlink loop are refused, before anything is created.
 * Every writer (the CLI's `handoff`, the server's `CreateFile` edits) asks here first.
 */
export async function checkWrite(root: string, path: string): Promise<WriteTarget> {
  const absRoot = nodePath.resolve(root);
  const bad = badName(absRoot, path);
  if (bad !== null) return refused(bad);
  let realRoot: string;
  try {
    realRoot = await fs.realpath(absRoot);
  } catch (error) {
    return refused(`the workspace root ${absRoot} cannot be resolved (${why(error)})`);
  }
  const full = nodePath.resolve(absRoot, path);
  const shown = (p: string): string => nodePath.relative(absRoot, p).split(nodePath.sep).join('/') || '.';
  try {
    const missing: string[] = [];
    let existing = full;
    let stat = await lstatOrNull(existing);
    while (stat === null && existing !== absRoot) {
      missing.push(existing);
      existing = nodePath.dirname(existing);
      stat = await lstatOrNull(existing);
    }
    if (stat === null) return refused(`the workspace root ${absRoot} does not exist`);
    let real: string;
    try {
      real = await fs.realpath(existing);
    } catch (error) {
      return refused(`${path} cannot be written: ${shown(existing)} is ${why(error)}`);
    }
    if (outside(realRoot, real)) {
      const link = existing === full ? 'it is a symbolic link' : `${shown(existing)} is (or goes through) a symbolic link`;
      return refused(`${path} would be written outside the workspace ${absRoot}: ${link} to ${real}`);
    }
    const target = await fs.stat(real);
    if (existing === full) return target.isDirectory() ? refused(`${path} is a folder, not a file`) : { kind: 'exists', full };
    if (!target.isDirectory()) return refused(`${path} cannot be written: ${shown(existing)} is a file, not a folder`);
    return { kind: 'new', full, folders: missing.slice(1).reverse() };
  } catch (error) {
    return refused(`${path} cannot be written: ${why(error)}`);
  }
}

/**
 * Creates the file `path` with `content` only if nothing is there, even if something appeared
 * after the caller planned it ('wx', which also never follows a symlink in the last place), and
 * only where `checkWrite` allows, asked before any folder is made and again before the write.
 */
export async function createExclusive(root: string, path: string, content: string): Promise<WriteTarget> {
  const target = await checkWrite(root, path);
  if (target.kind !== 'new') return target;
  for (const folder of target.folders) {
    try {
      await fs.mkdir(folder);
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
  }
  // A folder swapped for a symlink between the check and the mkdir is caught here.
  const again = await checkWrite(root, path);
  if (again.kind !== 'new') return again;
  try {
    await fs.writeFile(again.full, content, { flag: 'wx' });
    return again;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return { kind: 'exists', full: again.full };
    throw error;
  }
}
