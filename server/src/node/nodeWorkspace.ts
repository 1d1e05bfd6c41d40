import { promises as fs, type Dirent } from 'node:fs';
import * as nodePath from 'node:path';
import type { FileStat, Workspace } from '../core/workspace';

/** Folders never entered, whatever the configuration says: they are never planning documents. */
const NEVER_ENTER = new Set(['.git', 'node_modules', '.hg', '.svn']);

/**
 * The disk under one root. Paths outside the root (`..`, absolute, or symlinks that lead out)
 * are never read; symlinked folders are not followed, so symlink loops cannot trap the walk.
 */
export class NodeWorkspace implements Workspace {
  readonly root: string;

  constructor(root: string) {
    this.root = nodePath.resolve(root);
  }

  /** The absolute path for a workspace path, or null when it would leave the root. */
  absolute(path: string): string | null {
    if (path.includes('\0') || nodePath.isAbsolute(path)) return null;
    const full = nodePath.resolve(this.root, path);
    const rel = nodePath.relative(this.root, full);
    if (rel.startsWith('..') || nodePath.isAbsolute(rel)) return null;
    return full;
  }

  relative(absolute: string): string | null {
    const rel = nodePath.relative(this.root, absolute);
    if (rel === '' || rel.startsWith('..') || nodePath.isAbsolute(rel)) return null;
    return rel.split(nodePath.sep).join('/');
  }

  async list(): Promise<readonly string[]> {
    const out: string[] = [];
    const walk = async (dir: string, rel: string): Promise<void> => {
      let entries: Dirent[];
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const childRel = rel === '' ? e.name : `${rel}/${e.name}`;
        if (e.isDirectory()) {
          if (!NEVER_ENTER.has(e.name)) await walk(nodePath.join(dir, e.name), childRel);
        } else if (e.isFile() || e.isSymbolicLink()) {
          out.push(childRel);
        }
      }
    };
    await walk(this.root, '');
    return out.sort();
  }

  /** The root's real path, resolved once: every read checks against it, so it must not cost a syscall each time. */
  private realRoot: string | null = null;

  private async inside(path: string): Promise<string | null> {
    const full = this.absolute(path);
    if (full === null) return null;
    try {
      const real = await fs.realpath(full);
      const realRoot = (this.realRoot ??= await fs.realpath(this.root));
      const rel = nodePath.relative(realRoot, real);
      return rel.startsWith('..') || nodePath.isAbsolute(rel) ? null : real;
    } catch {
      return null;
    }
  }

  async read(path: string): Promise<Uint8Array | undefined> {
    const real = await this.inside(path);
    if (real === null) return undefined;
    try {
      return await fs.readFile(real);
    } catch {
      return undefined;
    }
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const real = await this.inside(path);
    if (real === null) return undefined;
    try {
      const s = await fs.stat(real);
      return { kind: s.isDirectory() ? 'directory' : 'file', size: s.size };
    } catch {
      return undefined;
    }
  }
}
