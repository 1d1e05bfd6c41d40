import type { Finding } from './finding';

/** A commit that moved or deleted a file: its abbreviated hash and its date (YYYY-MM-DD). */
export interface HistoryCommit {
  readonly commit: string;
  readonly date: string;
}

/**
 * What the workspace's version history says of files that are gone, by workspace path: the last
 * place a file was moved to (renames followed), or the commit that deleted it. Plain data, read by
 * the node side (node/gitHistory.ts) and handed to the core, which never runs git itself.
 */
export interface FileHistory {
  readonly moved: ReadonlyMap<string, HistoryCommit & { readonly to: string }>;
  readonly deleted: ReadonlyMap<string, HistoryCommit>;
}

/** The sentence that tells what happened to a missing file, from the paths it was looked for at (most likely first), or null. */
export function historyNote(paths: readonly string[], history: FileHistory): string | null {
  for (const path of paths) {
    const moved = history.moved.get(path);
    if (moved) return `${path} was moved to ${moved.to} in ${moved.commit} (${moved.date}).`;
    const deleted = history.deleted.get(path);
    if (deleted) return `${path} was deleted in ${deleted.commit} (${deleted.date}).`;
  }
  return null;
}

/** The finding with its missing file's history told at the end of its message, or the finding itself when there is none to tell. */
export function withHistory(finding: Finding, history: FileHistory | null): Finding {
  const paths = finding.data?.missing;
  if (!history || !paths || paths.length === 0) return finding;
  const note = historyNote(paths, history);
  return note === null ? finding : { ...finding, message: `${finding.message} ${note}` };
}
