import { basename, dirname } from '../parse/role';

/** Files that make their folder the root of a package, crate or module (paths inside it are often written from there). */
const PACKAGE_MANIFEST = /^(?:package\.json|pyproject\.toml|setup\.py|setup\.cfg|Cargo\.toml|go\.mod|Package\.swift|pom\.xml|build\.gradle(?:\.kts)?|composer\.json|Gemfile|mix\.exs|deno\.jsonc?|pubspec\.yaml|[\w.-]+\.(?:csproj|fsproj|vbproj))$/;

/**
 * Every file and folder of the workspace, by path and by base name, and the package roots. Built
 * from `Workspace.list()`; the by-name maps are the suffix index (a path ending with `a/b.ts` is
 * looked up among the files named `b.ts`), built once per file list, not per reference.
 */
export class FileIndex {
  private readonly files = new Set<string>();
  /** Each folder with the number of files beneath it, at any depth: a folder exists while it holds one. */
  private readonly directories = new Map<string, number>([['', 0]]);
  private readonly byName = new Map<string, string[]>();
  private readonly directoriesByName = new Map<string, string[]>();
  private packages: string[] | null = null;
  private changes = 0;

  constructor(paths: Iterable<string> = []) {
    for (const p of paths) this.add(p);
  }

  add(path: string): void {
    if (this.files.has(path)) return;
    this.files.add(path);
    this.changes++;
    push(this.byName, basename(path), path);
    for (let d = dirname(path); d !== ''; d = dirname(d)) {
      const files = this.directories.get(d) ?? 0;
      this.directories.set(d, files + 1);
      if (files === 0) push(this.directoriesByName, basename(d), d);
    }
    if (PACKAGE_MANIFEST.test(basename(path))) this.packages = null;
  }

  remove(path: string): void {
    if (!this.files.delete(path)) return;
    this.changes++;
    const name = basename(path);
    const list = this.byName.get(name)?.filter((p) => p !== path) ?? [];
    if (list.length > 0) this.byName.set(name, list);
    else this.byName.delete(name);
    if (PACKAGE_MANIFEST.test(name)) this.packages = null;
    // A folder whose last file goes is gone too, as in a fresh listing (folders are known by their files).
    for (let d = dirname(path); d !== ''; d = dirname(d)) {
      const files = (this.directories.get(d) ?? 1) - 1;
      if (files > 0) {
        this.directories.set(d, files);
        continue;
      }
      this.directories.delete(d);
      const named = this.directoriesByName.get(basename(d))?.filter((p) => p !== d) ?? [];
      if (named.length > 0) this.directoriesByName.set(basename(d), named);
      else this.directoriesByName.delete(basename(d));
    }
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

  directoriesNamed(name: string): readonly string[] {
    return this.directoriesByName.get(name) ?? [];
  }

  /** Files (or, for `directory`, folders) whose path is `suffix` or ends with `/suffix`. */
  endingWith(suffix: string, directory = false): string[] {
    const candidates = directory ? this.directoriesNamed(basename(suffix)) : this.named(basename(suffix));
    return candidates.filter((p) => p === suffix || p.endsWith(`/${suffix}`));
  }

  /** Folders holding a package manifest (package.json, pyproject.toml, Cargo.toml, go.mod, …), the root excluded. */
  packageRoots(): readonly string[] {
    if (this.packages === null) {
      const roots = new Set<string>();
      for (const [name, paths] of this.byName) {
        if (!PACKAGE_MANIFEST.test(name)) continue;
        for (const p of paths) if (dirname(p) !== '') roots.add(dirname(p));
      }
      this.packages = [...roots].sort();
    }
    return this.packages;
  }

  /** Counts every file added or removed: what is derived from the file list is valid while it stays. */
  get version(): number {
    return this.changes;
  }

  get size(): number {
    return this.files.size;
  }

  all(): IterableIterator<string> {
    return this.files.values();
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
