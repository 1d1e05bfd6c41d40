import type { Disposable, FileStat, Workspace, WorkspaceChange } from './workspace';

/** A workspace held in memory, for tests and for callers that already have the texts. */
export class MemoryWorkspace implements Workspace {
  private readonly files = new Map<string, Uint8Array>();
  private readonly listeners = new Set<(change: WorkspaceChange) => void>();
  private readonly encoder = new TextEncoder();

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(files)) this.files.set(path, typeof content === 'string' ? this.encoder.encode(content) : content);
  }

  set(path: string, content: string | Uint8Array): void {
    const existed = this.files.has(path);
    this.files.set(path, typeof content === 'string' ? this.encoder.encode(content) : content);
    this.emit({ kind: existed ? 'changed' : 'created', path });
  }

  delete(path: string): void {
    if (this.files.delete(path)) this.emit({ kind: 'deleted', path });
  }

  private emit(change: WorkspaceChange): void {
    for (const l of this.listeners) l(change);
  }

  async list(): Promise<readonly string[]> {
    return [...this.files.keys()].sort();
  }

  async read(path: string): Promise<Uint8Array | undefined> {
    return this.files.get(path);
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const file = this.files.get(path);
    if (file) return { kind: 'file', size: file.length };
    const prefix = `${path}/`;
    for (const p of this.files.keys()) if (p.startsWith(prefix)) return { kind: 'directory', size: 0 };
    return undefined;
  }

  onDidChange(listener: (change: WorkspaceChange) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}
