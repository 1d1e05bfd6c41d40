import * as nodePath from 'node:path';
import { URI } from 'vscode-uri';
import { DEFAULT_CONFIG } from '../core/config/config';
import { ignoreMatcher } from '../core/project/ignore';
import { Project } from '../core/project/project';
import type { Locator } from '../core/views/tree';
import { NodeWorkspace } from '../node/nodeWorkspace';
import { heldSearchText } from './searchTexts';

export type RootState = 'indexing' | 'ready';

/** One workspace folder: its disk, its project and whether its first index is complete. */
export class Root implements Locator {
  readonly disk: NodeWorkspace;
  project = new Project(heldSearchText);
  state: RootState = 'indexing';
  /** Bumped by every (re)index, so an index run that was superseded stops. */
  generation = 0;
  /**
   * Whether the live project is being filled by a first index: its file list, then its documents
   * arrive while it answers. Nothing of it is published before `listed` (existence findings would
   * be about an empty file list), and then only documents whose dependencies are analysed (scope.ts).
   */
  partial = true;
  listed = false;
  /** Markdown documents of the index in progress: analysed so far, and in all (the progress reports). */
  progress = { done: 0, total: 0 };
  ignored: (path: string) => boolean = ignoreMatcher(DEFAULT_CONFIG.ignore);
  /**
   * Paths of the file events applied while an index ran. The index may write what it read of them
   * before the event (a worker parsed the file, then it was deleted, replaced or renamed), so they
   * are applied again, from the disk, once the index is complete.
   */
  readonly eventPaths = new Set<string>();
  /** The cache write of the last index, awaited at shutdown so a quick exit does not lose it. */
  saving: Promise<void> = Promise.resolve();

  /**
   * Whether this root was opened for a document outside every workspace folder (looseFiles.ts):
   * its repository (the nearest folder with `.git` or `.proofmark.json`), or only the files beside it.
   */
  readonly loose: boolean;

  constructor(
    readonly root: string,
    readonly fsPath: string,
    options: { readonly loose?: boolean; readonly recursive?: boolean } = {},
  ) {
    this.loose = options.loose ?? false;
    this.disk = new NodeWorkspace(fsPath, { recursive: options.recursive ?? true });
  }

  uri(path: string): string {
    return URI.file(nodePath.join(this.fsPath, path)).toString();
  }

  /** The workspace path of a file URI under this root, or null. */
  pathOf(uri: string): string | null {
    const parsed = safeParse(uri);
    return parsed && parsed.scheme === 'file' ? this.disk.relative(parsed.fsPath) : null;
  }
}

export function safeParse(uri: string): URI | null {
  if (typeof uri !== 'string') return null;
  try {
    return URI.parse(uri);
  } catch {
    return null;
  }
}

/** The workspace folders; a document belongs to the innermost folder that contains it. */
export class RootSet {
  private readonly roots = new Map<string, Root>();

  add(uri: string): Root | null {
    const parsed = safeParse(uri);
    if (!parsed || parsed.scheme !== 'file') return null;
    const key = parsed.toString();
    const existing = this.roots.get(key);
    if (existing) return existing;
    const root = new Root(key, nodePath.resolve(parsed.fsPath));
    this.roots.set(key, root);
    return root;
  }

  /** A root for documents outside every workspace folder (see Root.loose); the existing one if there is one. */
  addLoose(fsPath: string, recursive: boolean): Root {
    const key = URI.file(fsPath).toString();
    const existing = this.roots.get(key);
    if (existing) return existing;
    const root = new Root(key, nodePath.resolve(fsPath), { loose: true, recursive });
    this.roots.set(key, root);
    return root;
  }

  remove(uri: string): Root | null {
    const parsed = safeParse(uri);
    const key = parsed?.toString() ?? uri;
    const root = this.roots.get(key) ?? null;
    this.roots.delete(key);
    return root;
  }

  byUri(uri: string): Root | null {
    const parsed = safeParse(uri);
    return parsed ? (this.roots.get(parsed.toString()) ?? null) : null;
  }

  locate(uri: string): { root: Root; path: string } | null {
    let best: { root: Root; path: string } | null = null;
    for (const root of this.roots.values()) {
      const path = root.pathOf(uri);
      if (path !== null && (!best || root.fsPath.length > best.root.fsPath.length)) best = { root, path };
    }
    return best;
  }

  all(): Root[] {
    return [...this.roots.values()];
  }
}
