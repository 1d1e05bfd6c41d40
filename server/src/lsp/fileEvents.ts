import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { analyzeBytes } from '../core/analyze/document';
import { CONFIG_FILE } from '../core/config/config';
import { isDocumentFile } from '../core/project/project';
import { NodeWorkspace } from '../node/nodeWorkspace';
import { plainOutcome } from './compactModel';
import type { Root } from './roots';
import type { Session } from './session';

export type FileEventKind = 'created' | 'changed' | 'deleted';

/** What an event did: nothing, a file change (rules re-run lazily), or a configuration change (re-index). */
export type FileEventResult = 'none' | 'files' | 'config';

/** Drops a path and every file under it (only those under it, when it is now a file). */
function removeTree(root: Root, path: string, self = true): boolean {
  const project = root.project;
  const gone = [...project.index.all()].filter((p) => (self && p === path) || p.startsWith(`${path}/`));
  for (const p of gone) project.removeFile(p);
  return gone.length > 0;
}

async function readInto(session: Session, root: Root, path: string): Promise<void> {
  if (session.isOpen(root, path)) return;
  const project = root.project;
  project.addFile(path);
  if (!isDocumentFile(path)) return;
  const bytes = await root.disk.read(path);
  if (session.isOpen(root, path)) return;
  if (bytes === undefined && (await root.disk.stat(path)) === undefined) project.removeFile(path);
  else project.setOutcome(plainOutcome(analyzeBytes(path, bytes, project.config)));
}

async function isSymlink(root: Root, path: string): Promise<boolean> {
  const full = root.disk.absolute(path);
  if (full === null) return false;
  try {
    return (await fs.lstat(full)).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Applies one watched-file event to a folder's project. The disk is asked again rather than
 * trusted from the event: a "changed" path may have become a folder, a "created" one may be gone.
 * An open document keeps its editor text whatever happens on disk.
 */
export async function applyFileEvent(session: Session, root: Root, path: string, kind: FileEventKind): Promise<FileEventResult> {
  if (path === CONFIG_FILE) return 'config';
  if (root.ignored(path) || session.isOpen(root, path)) return 'none';
  if (root.state === 'indexing') root.eventPaths.add(path);
  const stat = kind === 'deleted' ? undefined : await root.disk.stat(path);
  if (!stat) return removeTree(root, path) ? 'files' : 'none';
  // A symlink is one file of the index, as the listing has it, even when it leads to a folder:
  // symlinked folders are never entered (a loop would list its folder again, under its own name).
  if (stat.kind === 'file' || (await isSymlink(root, path))) {
    removeTree(root, path, false);
    await readInto(session, root, path);
    return 'files';
  }
  if (root.project.index.hasFile(path)) root.project.removeFile(path);
  const folder = root.disk.absolute(path);
  if (folder === null) return 'files';
  for (const child of await new NodeWorkspace(folder).list()) {
    const p = nodePath.posix.join(path, child);
    if (!root.ignored(p)) await readInto(session, root, p);
  }
  return 'files';
}

/**
 * Applies again, from the disk, every path a file event touched while the folder was indexed: the
 * index may have written a model read before the event. Queued after the events, so it sees them all.
 */
export function reapplyEvents(session: Session, root: Root): Promise<void> {
  return session.enqueue(async () => {
    const paths = [...root.eventPaths];
    root.eventPaths.clear();
    for (const path of paths) await applyFileEvent(session, root, path, 'changed');
  });
}
