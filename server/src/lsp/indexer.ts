import { analyzeBytes, analyzeText } from '../core/analyze/document';
import { CONFIG_FILE } from '../core/config/config';
import type { DocumentAnalyzer } from '../core/engine';
import { decodeDocument } from '../core/parse/decode';
import { ignoreMatcher } from '../core/project/ignore';
import { MARKDOWN_FILE, Project } from '../core/project/project';
import { contentHash } from '../core/text/hash';
import { analyzeOpenText } from './analyzeOpen';
import { configStamp, ModelCache } from './cache';
import { reapplyEvents } from './fileEvents';
import type { Root } from './roots';
import type { Session } from './session';
import { folderConfig } from './settings';

export interface IndexHooks {
  /** An analyzer for the cache misses of a cold index (a worker pool), or null to parse in this thread. */
  readonly analyzerFor: (root: Root, misses: number) => DocumentAnalyzer | null;
  /** Called when the analyzer's work for an index is over (the pool ends its workers before the cache is written). */
  readonly analysisDone?: (root: Root) => Promise<void>;
}

/** How long the indexer may hold the thread before letting requests in. */
const SLICE_MS = 12;
/**
 * Files per worker-pool run: results arrive run by run, and a superseded index stops between runs
 * (asking for no more; the one run already asked for finishes in the pool and is dropped).
 */
const POOL_CHUNK = 256;

const yieldToRequests = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const decoder = new TextDecoder('utf-8', { fatal: false });

export async function readConfigText(session: Session, root: Root): Promise<string | null> {
  const open = session.openText(root, CONFIG_FILE);
  if (open !== null) return open;
  const bytes = await root.disk.read(CONFIG_FILE);
  return bytes === undefined ? null : decoder.decode(bytes);
}

/**
 * Indexes a workspace folder in the background: lists it, reads its configuration, takes every
 * unchanged document's model from the cache and analyses the rest, yielding to requests as it
 * goes. A first index fills the live project (requests answer from what is indexed); a re-index
 * (configuration changed) builds a new project and swaps it in when complete.
 */
export async function indexRoot(session: Session, root: Root, hooks: IndexHooks, live: boolean): Promise<void> {
  const generation = ++root.generation;
  const stale = (): boolean => root.generation !== generation;
  root.state = 'indexing';
  session.changed([], true);
  const started = performance.now();

  const configText = await readConfigText(session, root);
  const project = live ? root.project : new Project();
  project.setConfig(folderConfig(session.settings, configText), configText === null ? null : { path: CONFIG_FILE, text: configText });
  const config = project.config;
  const ignored = ignoreMatcher(config.ignore);
  if (live) root.ignored = ignored;
  const listed = await root.disk.list();
  if (stale()) return;
  const files = [...new Set([...listed, ...session.openPaths(root)])].filter((p) => !ignored(p));
  project.setFiles(files);

  const cache = new ModelCache(ModelCache.fileFor(session.settings.storagePath, root.root), configStamp(config));
  const cached = await cache.load();
  const markdown = files.filter((p) => MARKDOWN_FILE.test(p));
  const analyzeOpen = (): void => {
    for (const p of markdown) {
      const text = session.openText(root, p);
      if (text !== null) project.setOutcome(analyzeOpenText(p, text, config, session.parseCache));
    }
  };
  analyzeOpen();

  const misses: { path: string; text: string | null }[] = [];
  let slice = performance.now();
  const breathe = async (): Promise<boolean> => {
    if (performance.now() - slice < SLICE_MS) return !stale();
    await yieldToRequests();
    slice = performance.now();
    return !stale();
  };
  const unopened = markdown.filter((p) => !session.isOpen(root, p));
  // With nothing cached and a worker pool to parse, the workers read the files themselves.
  const pool = cached === 0 ? hooks.analyzerFor(root, unopened.length) : null;
  if (pool) for (const path of unopened) misses.push({ path, text: null });
  else {
    for (const path of unopened) {
      const bytes = await root.disk.read(path);
      if (stale()) return;
      if (session.isOpen(root, path)) continue;
      if (bytes === undefined) {
        if ((await root.disk.stat(path)) === undefined) project.removeFile(path);
        else project.setOutcome(analyzeBytes(path, undefined, config));
        continue;
      }
      const decoded = decodeDocument(bytes, config.maxFileSize);
      if ('skipped' in decoded) {
        project.setOutcome({ path, skipped: decoded.skipped });
        continue;
      }
      const hit = cache.get(path, contentHash(decoded.text));
      if (hit) project.setOutcome({ path, model: hit });
      else misses.push({ path, text: decoded.text });
      if (!(await breathe())) return;
    }
  }

  const parser = pool ?? (misses.length > 0 ? hooks.analyzerFor(root, misses.length) : null);
  const inThread = parser ? [] : misses;
  const runs: string[][] = [];
  for (let i = 0; parser && i < misses.length; i += POOL_CHUNK) runs.push(misses.slice(i, i + POOL_CHUNK).map((m) => m.path));
  let next = parser && runs[0] ? parser.analyze(runs[0], config) : null;
  for (let k = 0; parser && next; k++) {
    const outcomes = await next;
    // The next run is asked for before this one is handled, so the workers do not wait for this thread.
    const following = runs[k + 1];
    next = following && !stale() ? parser.analyze(following, config) : null;
    // Awaited on the next turn; a failure meanwhile must not count as unhandled.
    next?.catch(() => undefined);
    if (stale()) return;
    for (const o of outcomes) {
      if (session.isOpen(root, o.path)) continue;
      // A file deleted since it was listed is dropped, not reported as unreadable.
      if ('skipped' in o && (await root.disk.stat(o.path)) === undefined) project.removeFile(o.path);
      else project.setOutcome(o);
    }
  }
  if (parser) await hooks.analysisDone?.(root);
  for (const miss of inThread) {
    if (!session.isOpen(root, miss.path)) project.setOutcome(miss.text === null ? analyzeBytes(miss.path, await root.disk.read(miss.path), config) : analyzeText(miss.path, miss.text, config));
    if (!(await breathe())) return;
  }

  if (!live) {
    analyzeOpen();
    root.project = project;
    root.ignored = ignored;
  }
  await reapplyEvents(session, root);
  if (stale()) return;
  root.state = 'ready';
  session.log(`Indexed ${root.fsPath}: ${markdown.length} documents (${cached} models cached, ${misses.length} analysed${parser ? ' by worker threads' : ''}) in ${Math.round(performance.now() - started)} ms.`);
  session.changed([], true);
  root.saving = cache.save(project.models).then((failed) => {
    if (failed) session.log(`Could not write the model cache: ${failed}`);
  });
  await root.saving;
}
