import { closeSync, constants, fstatSync, openSync, promises as fs, readdirSync, readFileSync, realpathSync, type Dirent } from 'node:fs';
import * as nodePath from 'node:path';
import type { FileStat, Workspace } from '../core/workspace';

/** Folders never entered, whatever the configuration says: they are never planning documents. */
const NEVER_ENTER = new Set(['.git', 'node_modules', '.hg', '.svn']);

/** The longest the file walk holds the thread before it lets requests in. */
const LIST_SLICE_MS = 15;

/** Opening without blocking: a named pipe (reached through a symlink) must not stall a read for ever; only regular files are read. */
const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/**
 * The disk under one root. Paths outside the root (`..`, absolute, or symlinks that lead out)
 * are never read; symlinked folders are not followed, so symlink loops cannot trap the walk.
 */
export class NodeWorkspace implements Workspace {
  readonly root: string;

  /** Whether `list` walks subfolders (a folder opened for one loose document lists only its own files). */
  private readonly recursive: boolean;

  constructor(root: string, options: { readonly recursive?: boolean } = {}) {
    this.root = nodePath.resolve(root);
    this.recursive = options.recursive ?? true;
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

  /**
   * Every file under the root, sorted. Folders are read synchronously, yielding to the event loop
   * every LIST_SLICE_MS: the corpus (3,047 files, 400 folders) lists in 7-12 ms, against 33-49 ms
   * with concurrent asynchronous readdirs (each waits for a pool thread, then for this one).
   */
  async list(): Promise<readonly string[]> {
    const out: string[] = [];
    const folders: { readonly dir: string; readonly rel: string }[] = [{ dir: this.root, rel: '' }];
    let slice = performance.now();
    for (let next = folders.pop(); next !== undefined; next = folders.pop()) {
      let entries: Dirent[];
      try {
        entries = readdirSync(next.dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        const childRel = next.rel === '' ? e.name : `${next.rel}/${e.name}`;
        if (e.isDirectory()) {
          if (this.recursive && !NEVER_ENTER.has(e.name)) folders.push({ dir: nodePath.join(next.dir, e.name), rel: childRel });
        } else if (e.isFile() || e.isSymbolicLink()) {
          out.push(childRel);
        }
      }
      if (performance.now() - slice > LIST_SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
    }
    return out.sort();
  }

  /** The root's real path, resolved once: every read checks against it, so it must not cost a syscall each time. */
  private realRoot: string | null = null;

  private async inside(path: string): Promise<string | null> {
    const full = this.absolute(path);
    if (full === null) return null;
    try {
      const real = await fs.realpath(full);
      return this.underRoot(real, (this.realRoot ??= await fs.realpath(this.root)));
    } catch {
      return null;
    }
  }

  private underRoot(real: string, realRoot: string): string | null {
    const rel = nodePath.relative(realRoot, real);
    return rel.startsWith('..') || nodePath.isAbsolute(rel) ? null : real;
  }

  /**
   * `read`, blocking: for worker threads that have nothing else to do meanwhile. An asynchronous
   * read there costs five trips through the event loop per file (realpath, open, stat, read,
   * close) with the thread idle in between (measured on 2,000 generated files: 3–5% of a worker's
   * time idle, and 25% less worker time with synchronous reads).
   */
  readSync(path: string): Uint8Array | undefined {
    const full = this.absolute(path);
    if (full === null) return undefined;
    let fd: number | undefined;
    try {
      const real = this.underRoot(realpathSync.native(full), (this.realRoot ??= realpathSync.native(this.root)));
      if (real === null) return undefined;
      fd = openSync(real, READ_FLAGS);
      return fstatSync(fd).isFile() ? readFileSync(fd) : undefined;
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  async read(path: string): Promise<Uint8Array | undefined> {
    const real = await this.inside(path);
    if (real === null) return undefined;
    let handle: fs.FileHandle | undefined;
    try {
      handle = await fs.open(real, READ_FLAGS);
      return (await handle.stat()).isFile() ? await handle.readFile() : undefined;
    } catch {
      return undefined;
    } finally {
      await handle?.close();
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
