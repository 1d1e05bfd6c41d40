import { spawn } from 'node:child_process';
import type { FileHistory, HistoryCommit } from '../core/findings/history';

/** How much history is read: a few seconds and megabytes at most, whatever the repository's size. */
export interface HistoryLimits {
  readonly timeoutMs: number;
  readonly maxCommits: number;
  readonly maxBytes: number;
}

export const HISTORY_LIMITS: HistoryLimits = { timeoutMs: 5000, maxCommits: 5000, maxBytes: 8 * 1024 * 1024 };

/**
 * Git is run with nothing of the repository's configuration that could run a program or wait for a
 * person (no pager, no external diff or text conversion, no fsmonitor, no prompt), and with no lock
 * taken, so that an editor's background read never blocks the user's own git commands.
 */
const GIT_SAFE = ['--no-pager', '-c', 'core.fsmonitor=false', '-c', 'core.quotePath=false'];
const GIT_ENV = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };

interface GitOutput {
  readonly ok: boolean;
  readonly stdout: string;
  /** The output was cut at the byte limit (what came before it is still true). */
  readonly truncated: boolean;
}

/** Runs git in `cwd`, within a time and an output bound; never throws (no git: not ok). */
function git(cwd: string, args: readonly string[], limits: HistoryLimits): Promise<GitOutput> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn('git', [...GIT_SAFE, ...args], { cwd, env: GIT_ENV, stdio: ['ignore', 'pipe', 'ignore'], timeout: limits.timeoutMs, windowsHide: true });
    } catch {
      resolve({ ok: false, stdout: '', truncated: false });
      return;
    }
    const chunks: Buffer[] = [];
    let bytes = 0;
    let truncated = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (truncated) return;
      const room = limits.maxBytes - bytes;
      if (chunk.length >= room) {
        chunks.push(chunk.subarray(0, room));
        truncated = true;
        child.kill();
        return;
      }
      chunks.push(chunk);
      bytes += chunk.length;
    });
    child.on('error', () => resolve({ ok: false, stdout: '', truncated: false }));
    child.on('close', (code, signal) => {
      const stdout = Buffer.concat(chunks).toString('utf8');
      // Killed for its size, the output so far is good; killed for its time (or failed), nothing is.
      resolve({ ok: truncated || (code === 0 && signal === null), stdout, truncated });
    });
  });
}

/** One rename or deletion, newest commits first as git lists them. */
export interface HistoryEvent extends HistoryCommit {
  readonly from: string;
  /** The new path of a rename; null for a deletion. */
  readonly to: string | null;
}

/**
 * Parses `git log -z --name-status --format=%x01%h%x09%cd`: `\x01hash\tdate\0\n` per commit, then
 * `R100\0old\0new\0` and `D\0path\0`. A commit cut off by the byte limit is dropped whole.
 */
export function parseHistoryLog(stdout: string, truncated: boolean): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  const commits = stdout.split('\x01').slice(1);
  if (truncated) commits.pop();
  for (const block of commits) {
    const fields = block.split('\0');
    const [commit, date] = (fields[0] ?? '').split('\t');
    if (!commit || !date) continue;
    for (let i = 1; i < fields.length; ) {
      const status = (fields[i] ?? '').replace(/^\n/, '');
      if (status.startsWith('R')) {
        const from = fields[i + 1];
        const to = fields[i + 2];
        if (from && to) events.push({ commit, date, from, to });
        i += 3;
      } else if (status === 'D') {
        const from = fields[i + 1];
        if (from) events.push({ commit, date, from, to: null });
        i += 2;
      } else i++;
    }
  }
  return events;
}

/**
 * What became of every path that was renamed or deleted, from the events (newest first): the
 * renames of a file are followed to its last place (`a` → `b` → `c`: `a` and `b` were moved to `c`,
 * with the commit of the last move), a file moved and then deleted counts as deleted, and a path
 * that a later rename filled again is not gone.
 */
export function historyOf(events: readonly HistoryEvent[]): FileHistory {
  const moved = new Map<string, HistoryCommit & { to: string }>();
  const deleted = new Map<string, HistoryCommit>();
  /** The paths whose last place is a path, by that path. */
  const movedTo = new Map<string, Set<string>>();
  const forget = (path: string): void => {
    const entry = moved.get(path);
    if (entry) movedTo.get(entry.to)?.delete(path);
    moved.delete(path);
    deleted.delete(path);
  };
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (!e) continue;
    const at = { commit: e.commit, date: e.date };
    const earlier = [...(movedTo.get(e.from) ?? [])];
    movedTo.delete(e.from);
    if (e.to === null) {
      for (const p of earlier) {
        moved.delete(p);
        deleted.set(p, at);
      }
      forget(e.from);
      deleted.set(e.from, at);
      continue;
    }
    const to = e.to;
    // The new path exists again (it may have been deleted or moved away before).
    forget(to);
    forget(e.from);
    const into = movedTo.get(to) ?? new Set<string>();
    for (const p of [...earlier, e.from]) {
      if (p === to) continue;
      moved.set(p, { ...at, to });
      into.add(p);
    }
    movedTo.set(to, into);
  }
  return { moved, deleted };
}

/**
 * The renames and deletions in the git history of the repository holding `root`, with paths
 * relative to `root` (`--relative`: what lay outside it is left out), or null without git, outside a
 * repository, in one with no commit, or when git ran past its time.
 */
export async function readGitHistory(root: string, limits: HistoryLimits = HISTORY_LIMITS): Promise<FileHistory | null> {
  const out = await git(root, ['log', '-z', '--relative', '--name-status', '-M', '--diff-filter=RD', '--no-ext-diff', '--no-textconv', '--date=short', '--format=%x01%h%x09%cd', '-n', String(limits.maxCommits)], limits);
  return out.ok ? historyOf(parseHistoryLog(out.stdout, out.truncated)) : null;
}

/** The commit HEAD points at, or null (no git, no repository, no commit yet). */
export async function headOf(root: string, limits: HistoryLimits = HISTORY_LIMITS): Promise<string | null> {
  const out = await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD'], limits);
  const head = out.stdout.trim();
  return out.ok && /^[0-9a-f]{7,64}$/.test(head) ? head : null;
}

/**
 * The history of each root, read once and read again only when HEAD has moved; one read at a time
 * per root (a second caller meanwhile gets the same answer).
 */
export class GitHistoryCache {
  private readonly entries = new Map<string, { head: string; history: FileHistory | null }>();
  private readonly inFlight = new Map<string, Promise<FileHistory | null>>();

  constructor(private readonly limits: HistoryLimits = HISTORY_LIMITS) {}

  read(root: string): Promise<FileHistory | null> {
    const running = this.inFlight.get(root);
    if (running) return running;
    const task = this.refresh(root).finally(() => this.inFlight.delete(root));
    this.inFlight.set(root, task);
    return task;
  }

  private async refresh(root: string): Promise<FileHistory | null> {
    const head = await headOf(root, this.limits);
    if (head === null) {
      this.entries.delete(root);
      return null;
    }
    const hit = this.entries.get(root);
    if (hit && hit.head === head) return hit.history;
    const history = await readGitHistory(root, this.limits);
    this.entries.set(root, { head, history });
    return history;
  }
}
