import { basename, dirname } from '../parse/role';

/** Every file and folder of the workspace, by path and by base name. Built from `Workspace.list()`. */
export class FileIndex {
  private readonly files = new Set<string>();
  private readonly directories = new Set<string>(['']);
  private readonly byName = new Map<string, string[]>();

  constructor(paths: Iterable<string> = []) {
    for (const p of paths) this.add(p);
  }

  add(path: string): void {
    if (this.files.has(path)) return;
    this.files.add(path);
    const name = basename(path);
    const list = this.byName.get(name);
    if (list) list.push(path);
    else this.byName.set(name, [path]);
    for (let d = dirname(path); d !== '' && !this.directories.has(d); d = dirname(d)) this.directories.add(d);
  }

  remove(path: string): void {
    if (!this.files.delete(path)) return;
    const name = basename(path);
    const list = this.byName.get(name)?.filter((p) => p !== path) ?? [];
    if (list.length > 0) this.byName.set(name, list);
    else this.byName.delete(name);
    // Folders are kept: a stale folder entry only makes a directory citation resolve, never fail.
  }

  hasFile(path: string): boolean {
    return this.files.has(path);
  }

  hasDirectory(path: string): boolean {
    return this.directories.has(path);
  }

  exists(path: string): boolean {
    return this.files.has(path) || this.directories.has(path);
  }

  named(name: string): readonly string[] {
    return this.byName.get(name) ?? [];
  }

  get size(): number {
    return this.files.size;
  }

  all(): IterableIterator<string> {
    return this.files.values();
  }
}
