/**
 * The analysis reads the world only through this interface, so the same core runs over the
 * disk (CLI), over editor buffers layered on the disk (language server) and in memory (tests).
 *
 * Every path is relative to the workspace root and `/`-separated. An implementation never
 * answers for a path outside its root.
 */
export interface FileStat {
  readonly kind: 'file' | 'directory';
  readonly size: number;
}

export interface WorkspaceChange {
  readonly kind: 'created' | 'changed' | 'deleted';
  readonly path: string;
}

export interface Disposable {
  dispose(): void;
}

export interface Workspace {
  /** Every file under the root (not only Markdown), minus what the implementation must never enter. */
  list(): Promise<readonly string[]>;
  /** The bytes of a file, or undefined when it does not exist or cannot be read. */
  read(path: string): Promise<Uint8Array | undefined>;
  stat(path: string): Promise<FileStat | undefined>;
  onDidChange?(listener: (change: WorkspaceChange) => void): Disposable;
}
