import { realpathSync } from 'node:fs';
import * as nodePath from 'node:path';
import { preparse } from '../core/analyze/document';
import { compileConventions } from '../core/config/compiled';
import { CONFIG_FILE, type ProofmarkConfig } from '../core/config/config';
import { decodeDocument } from '../core/parse/decode';
import type { ParseCache } from '../core/parse/parseCache';
import { ignoreMatcher } from '../core/project/ignore';
import { isDocumentFile } from '../core/project/project';
import { ownScopeOf } from '../core/project/scope';
import { NodeWorkspace } from '../node/nodeWorkspace';
import { WARM_ENV, type WarmHint } from '../protocol';
import { folderConfig, readInitializationOptions } from './settings';

/**
 * At most this many documents are parsed ahead, open ones and their own scopes together (TODO003.md
 * and its own scope are 4, about 40 chunks): what is parsed ahead stays in the open documents'
 * parse cache (256 chunks), and must not push out what typing in them needs.
 */
const MAX_DOCUMENTS = 16;

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && nodePath.isAbsolute(v));
}

/**
 * The client's hint (protocol.ts WARM_ENV), or null when there is none or it is not a hint. It is
 * removed from the environment, so that what the server starts (git, worker threads) does not see it.
 */
export function readWarmHint(env: NodeJS.ProcessEnv): WarmHint | null {
  const raw = env[WARM_ENV];
  delete env[WARM_ENV];
  if (raw === undefined) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { folders, open } = value as Record<string, unknown>;
    return isStringList(folders) && isStringList(open) ? { folders, open } : null;
  } catch {
    return null;
  }
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The folder holding `file` (the innermost, when folders nest) and the file's path in it, or null. */
function placed(folders: readonly NodeWorkspace[], file: string): { workspace: NodeWorkspace; path: string } | null {
  let best: { workspace: NodeWorkspace; path: string } | null = null;
  for (const workspace of folders) {
    const path = workspace.relative(file);
    if (path !== null && isDocumentFile(path) && (best === null || workspace.root.length > best.workspace.root.length)) best = { workspace, path };
  }
  return best;
}

/**
 * The files of the folders on the way from the root to `path`, each folder alone (not its
 * subfolders): where a document's own scope lies in the common layouts (its TODO and PRD beside it,
 * the folder notes above it), known whatever the size of the workspace, which the index lists
 * anyway. A folder whose real path leaves the root (a symlink) is not listed.
 */
async function filesAlong(workspace: NodeWorkspace, path: string): Promise<string[]> {
  const files: string[] = [];
  const real = (dir: string): string | null => {
    try {
      return realpathSync.native(dir);
    } catch {
      return null;
    }
  };
  const root = real(workspace.root);
  const folders = path.split('/').slice(0, -1);
  for (let depth = 0; root !== null && depth <= folders.length; depth++) {
    const rel = folders.slice(0, depth).join('/');
    const dir = workspace.absolute(rel);
    const resolved = dir === null ? null : real(dir);
    if (dir === null || resolved === null) break;
    const inside = nodePath.relative(root, resolved);
    if (inside.startsWith('..') || nodePath.isAbsolute(inside)) break;
    for (const name of await new NodeWorkspace(dir, { recursive: false }).list()) files.push(rel === '' ? name : `${rel}/${name}`);
  }
  return files;
}

/**
 * Parses the open documents, then their own scopes (core/project/scope.ts ownScopeOf), into
 * `cache` while the client starts, adding the absolute path of each to `parsed` as it is taken up
 * (the index then analyses these with the cache, and only these, so nothing else enters it). The
 * parse needs no configuration (analyze/document.ts preparse); the scope needs only the names of
 * the files along each document's path (filesAlong) and the folder's `.proofmark.json`, read as the
 * index will read it but without the editor's settings (a scope they change, or a PRD kept
 * elsewhere, is a few documents parsed for nothing or not ahead). One document per turn of the
 * event loop, so `initialize` is answered as it comes. Only files inside the folders are read
 * (NodeWorkspace), nothing is written, and a failure ends the warm-up quietly: the index reads
 * everything again.
 */
export async function warmStart(hint: WarmHint, cache: ParseCache, parsed: Set<string>): Promise<number> {
  const started = performance.now();
  const folders = hint.folders.map((f) => new NodeWorkspace(f));
  const targets = hint.open.map((file) => placed(folders, file)).filter((t) => t !== null);
  const configs = new Map<NodeWorkspace, ProofmarkConfig>();
  const configOf = async (workspace: NodeWorkspace): Promise<ProofmarkConfig> => {
    let config = configs.get(workspace);
    if (!config) {
      const bytes = await workspace.read(CONFIG_FILE);
      config = folderConfig(readInitializationOptions(undefined), bytes === undefined ? null : new TextDecoder('utf-8').decode(bytes)).config;
      configs.set(workspace, config);
    }
    return config;
  };
  const parse = async (workspace: NodeWorkspace, path: string): Promise<void> => {
    const file = workspace.absolute(path);
    if (file === null || parsed.has(file) || parsed.size >= MAX_DOCUMENTS) return;
    parsed.add(file);
    const bytes = await workspace.read(path);
    if (bytes === undefined) return;
    const decoded = decodeDocument(bytes, (await configOf(workspace)).maxFileSize);
    if ('text' in decoded) preparse(path, decoded.text, cache);
    await nextTurn();
  };
  try {
    for (const { workspace, path } of targets) await parse(workspace, path);
    for (const { workspace, path } of targets) {
      const config = await configOf(workspace);
      const ignored = ignoreMatcher(config.ignore);
      const markdown = (await filesAlong(workspace, path)).filter((p) => isDocumentFile(p) && !ignored(p));
      for (const p of ownScopeOf(markdown, compileConventions(config.conventions), path)) await parse(workspace, p);
    }
  } catch {
    // Parsing ahead is only a head start.
  }
  return Math.round(performance.now() - started);
}
