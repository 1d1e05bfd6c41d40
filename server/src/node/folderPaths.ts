import { existsSync } from 'node:fs';
import * as nodePath from 'node:path';

/** Files that mark the top of a workspace. */
const ROOT_MARKERS = ['.git', '.proofmark.json'];

/** The nearest folder at or above `start` holding a root marker (`.git` or `.proofmark.json`), or null. */
export function findMarkedAncestor(start: string): string | null {
  let dir = start;
  for (;;) {
    if (ROOT_MARKERS.some((m) => existsSync(nodePath.join(dir, m)))) return dir;
    const parent = nodePath.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** `path` as a `/`-separated path relative to `root` ('' for the root itself), or null when outside it. */
export function insideRoot(root: string, path: string): string | null {
  const rel = nodePath.relative(root, path);
  if (rel.startsWith('..') || nodePath.isAbsolute(rel)) return null;
  return rel.split(nodePath.sep).join('/');
}
