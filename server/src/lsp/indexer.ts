import { analyzeBytes, analyzeText, type AnalysisOutcome } from '../core/analyze/document';
import { CONFIG_FILE } from '../core/config/config';
import type { DocumentAnalyzer } from '../core/engine';
import { decodeDocument, loneCrToLf } from '../core/parse/decode';
import { ignoreMatcher } from '../core/project/ignore';
import { isDocumentFile, Project } from '../core/project/project';
import { contentHash } from '../core/text/hash';
import { analyzeOpenText } from './analyzeOpen';
import { configStamp, ModelCache } from './cache';
import { ModelCompactor } from './compactModel';
import { reapplyEvents } from './fileEvents';
import { heldSearchText } from './searchTexts';
import type { Root } from './roots';
import { IndexQueue } from './indexQueue';
import { openStage, wantedFirst } from './scope';
import { runOrOpen } from './openRace';
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
 * (asking for no more; the one run already asked for finishes in the pool and is dropped). Two runs
 * are in flight, each holding its models uncompacted: on 10,000 generated files 128 gave a peak RSS
 * of 394 MB at ready against 415 MB with 256, for an index 1.76× the CLI's against 1.67×.
 */
const POOL_CHUNK = 128;
/**
 * Smaller runs early in an index, when the documents of a session are opened: a document opened
 * then waits for at most the two runs in the pool before its own scope is read (32 files: 0.8 s
 * in the editor on the corpus, against 5 s with 256). Later the larger runs cost less per file
 * (the 10,000-file index took 15% longer with 32-file runs throughout).
 */
const EARLY_CHUNK = 32;
const EARLY_MS = 10_000;
/**
 * At most this many documents of a scope opened during a pool's run are read in this thread at
 * once (a TODO's PRD, prompts and folder notes); a larger scope waits for its own run in the pool.
 */
const IN_THREAD_MAX = 24;

const yieldToRequests = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const decoder = new TextDecoder('utf-8', { fatal: false });

export async function readConfigText(session: Session, root: Root): Promise<string | null> {
  const open = session.openText(root, CONFIG_FILE);
  if (open !== null) return open;
  const bytes = await root.disk.read(CONFIG_FILE);
  return bytes === undefined ? null : decoder.decode(bytes);
}

/**
 * Reads one document of an index into its project: from the cache when its text is unchanged,
 * analysed at once when `now`, else handed back as a miss (with its text) for the parser.
 */
async function readOne(session: Session, root: Root, project: Project, cache: ModelCache, compactor: ModelCompactor, path: string, now: boolean, stale: () => boolean): Promise<'done' | { path: string; text: string }> {
  const config = project.config;
  const bytes = await root.disk.read(path);
  if (stale() || session.isOpen(root, path)) return 'done';
  if (bytes === undefined) {
    if ((await root.disk.stat(path)) === undefined) project.removeFile(path);
    else project.setOutcome(analyzeBytes(path, undefined, config));
    return 'done';
  }
  const decoded = decodeDocument(bytes, config.maxFileSize);
  if ('skipped' in decoded) {
    project.setOutcome({ path, skipped: decoded.skipped });
    return 'done';
  }
  const hit = cache.get(path, contentHash(decoded.text));
  if (hit) project.setOutcome({ path, model: hit });
  else if (now) project.setOutcome(compactor.outcome(analyzeText(path, decoded.text, config, session.aheadCache(root, path))));
  else return { path, text: decoded.text };
  return 'done';
}

/**
 * Indexes a workspace folder in the background: lists it, reads its configuration, takes every
 * unchanged document's model from the cache (loaded once what the open documents depend on is
 * read) and analyses the rest, yielding to requests as it goes. A first index fills the live project (requests answer from what is indexed), reading first
 * what the open documents' diagnostics depend on (their initiatives, scope.ts), and announces a
 * change as soon as that is complete, so they are published before the rest is read; a re-index
 * (configuration changed) builds a new project and swaps it in when complete.
 */
export async function indexRoot(session: Session, root: Root, hooks: IndexHooks, live: boolean): Promise<void> {
  const generation = ++root.generation;
  const stale = (): boolean => root.generation !== generation;
  root.state = 'indexing';
  if (live) {
    root.partial = true;
    root.listed = false;
  }
  root.progress = { done: 0, total: 0 };
  session.changed([], true);
  const started = performance.now();

  const configText = await readConfigText(session, root);
  const project = live ? root.project : new Project(heldSearchText);
  const configChanged = project.setConfig(folderConfig(session.settings, configText), configText === null ? null : { path: CONFIG_FILE, text: configText });
  const config = project.config;
  const ignored = ignoreMatcher(config.ignore);
  if (live) root.ignored = ignored;
  const listed = await root.disk.list();
  if (stale()) return;
  const files = [...new Set([...listed, ...session.openPaths(root)])].filter((p) => !ignored(p));
  project.setFiles(files);
  if (live) root.listed = true;

  const cache = new ModelCache(ModelCache.fileFor(session.settings.storagePath, root.root), configStamp(config));
  const compactor = new ModelCompactor();
  // A first index takes from the cache the models the open documents depend on before the rest
  // (10,000 models take seconds to parse), so their diagnostics do not wait for them all; a
  // re-index loads it at once.
  const present = await cache.present();
  if (stale()) return;
  let cached = 0;
  let loaded = false;
  const loadCache = async (): Promise<void> => {
    if (loaded) return;
    loaded = true;
    if (present) cached = await cache.load((model) => compactor.parsed(model));
  };
  if (!live) await loadCache();
  const markdown = files.filter(isDocumentFile);
  const progress = (done: number): void => {
    root.progress = { done: Math.min(done, markdown.length), total: markdown.length };
    session.progressed(root);
  };
  let done = 0;
  // An open document analysed with this configuration and text already (on open) is not analysed again.
  const analyzeOpen = (keepCurrent: boolean): void => {
    for (const p of markdown) {
      const text = session.openText(root, p);
      if (text === null) continue;
      if (keepCurrent && project.model(p)?.hash === contentHash(loneCrToLf(text))) continue;
      project.setOutcome(analyzeOpenText(p, text, config, session.parseCache));
    }
  };
  analyzeOpen(live && !configChanged);
  const unopened = markdown.filter((p) => !session.isOpen(root, p));
  done = markdown.length - unopened.length;
  progress(done);

  // What the open documents' diagnostics depend on and is still to read; only a first index (the
  // live project) publishes before it is complete, so only it reads them first.
  const wanted = (queue: IndexQueue): Set<string> => {
    const result = new Set<string>();
    if (!live) return result;
    for (const p of wantedFirst(session, root)) if (queue.has(p)) result.add(p);
    return result;
  };
  // Announces a change once nothing the open documents depend on is still to read (again after
  // each open), so that their diagnostics are published before the rest is read.
  // Once when the open documents' own scopes are read, again when their initiatives are.
  let announced = '';
  const announceWanted = async (): Promise<void> => {
    if (!live) return;
    const stage = openStage(session, root);
    const key = `${session.openRevision}:${stage}`;
    if (stage === 'reading' || key === announced) return;
    announced = key;
    session.changed([], true);
    // The announcement runs on the next turn: let it, so its diagnostics go out before the next progress report.
    await yieldToRequests();
  };

  const misses: { path: string; text: string | null }[] = [];
  let slice = performance.now();
  const breathe = async (): Promise<boolean> => {
    if (performance.now() - slice < SLICE_MS) return !stale();
    progress(done);
    await yieldToRequests();
    slice = performance.now();
    return !stale();
  };
  // With nothing cached and a worker pool to parse, the workers read the files themselves.
  const pool = !present ? hooks.analyzerFor(root, unopened.length) : null;
  if (pool) for (const path of unopened) misses.push({ path, text: null });
  else {
    const reads = new IndexQueue(unopened);
    // What is wanted first comes from the cache too, before the rest of it is parsed.
    const preload = async (wantedNow: ReadonlySet<string>): Promise<void> => {
      if (present && !loaded && wantedNow.size > 0) await cache.load((model) => compactor.parsed(model), (p) => wantedNow.has(p));
    };
    let first = wanted(reads);
    await preload(first);
    if (stale()) return;
    let openSeen = session.openRevision;
    let drained = false;
    for (;;) {
      // Nothing the open documents depend on is left to read first: the cache now.
      if (first.size === 0 && !loaded) {
        await loadCache();
        if (stale()) return;
      }
      const [path] = reads.take(1, first);
      if (path === undefined) break;
      // A document the open ones depend on is analysed at once: it is one of few.
      const now = first.delete(path);
      const outcome = await readOne(session, root, project, cache, compactor, path, now, stale);
      if (stale()) return;
      done++;
      if (outcome !== 'done') misses.push(outcome);
      if (first.size === 0 && !drained) {
        await announceWanted();
        // The open documents' own scopes are read: their initiatives next, then nothing first.
        first = wanted(reads);
        drained = first.size === 0;
        await preload(first);
      }
      if (!(await breathe())) return;
      // Documents opened meanwhile are read first too.
      if (session.openRevision !== openSeen) {
        openSeen = session.openRevision;
        first = wanted(reads);
        drained = false;
        await preload(first);
      }
    }
    progress(done);
  }

  const parser = pool ?? (misses.length > 0 ? hooks.analyzerFor(root, misses.length) : null);
  const inThread = parser ? [] : misses;
  if (parser) {
    const queue = new IndexQueue(misses.map((m) => m.path));
    // A run of what the open documents depend on goes first, alone, so that it is complete soonest.
    const nextRun = (): string[] => {
      const first = wanted(queue);
      const chunk = performance.now() - started < EARLY_MS ? EARLY_CHUNK : POOL_CHUNK;
      return queue.take(first.size > 0 ? Math.min(first.size, chunk) : chunk, first);
    };
    // The pool's workers start cold (a second to load and warm up the parser), and this thread
    // is idle while they parse: the few documents of an open document's own scope (a TODO's PRD,
    // prompts and folder notes) are read here at once, at the start and whenever a document is
    // opened during a run, rather than in the pool's next run; those a run already holds too,
    // rather than waiting for it (a run of 32 cold-started documents, seconds while the editor
    // starts), and that run's models of them are dropped.
    const readHere = new Set<string>();
    const takeOpenedScope = (): string[] => {
      if (!live || openStage(session, root) !== 'reading') return [];
      // Not what is read already (here, for an earlier open, or by a run that has answered).
      const own = [...wantedFirst(session, root)].filter((p) => !session.isOpen(root, p) && project.model(p) === undefined);
      if (own.length === 0 || own.length > IN_THREAD_MAX) return [];
      const { queued, taken } = queue.claim(own);
      for (const p of taken) readHere.add(p);
      return [...queued, ...taken];
    };
    const readInThread = async (paths: readonly string[]): Promise<void> => {
      if (paths.length === 0) return;
      for (const path of paths) {
        // Read `now`, a document is analysed here, never handed back as a miss.
        await readOne(session, root, project, cache, compactor, path, true, stale);
        if (stale()) return;
        done++;
        await yieldToRequests();
      }
      await announceWanted();
    };
    const own = takeOpenedScope();
    const run = nextRun();
    let next = run.length > 0 ? parser.analyze(run, config) : null;
    // Awaited after the reading here; a failure meanwhile must not count as unhandled.
    next?.catch(() => undefined);
    await readInThread(own);
    if (stale()) return;
    const awaitRun = async (pending: Promise<AnalysisOutcome[]>): Promise<AnalysisOutcome[]> => {
      for (;;) {
        const outcomes = await runOrOpen(session, pending);
        if (outcomes !== null) return outcomes;
        if (stale()) return pending;
        await readInThread(takeOpenedScope());
      }
    };
    while (next) {
      const outcomes = await awaitRun(next);
      // The next run is asked for before this one is handled, so the workers do not wait for this thread.
      const following = stale() ? [] : nextRun();
      next = following.length > 0 ? parser.analyze(following, config) : null;
      // Awaited on the next turn; a failure meanwhile must not count as unhandled.
      next?.catch(() => undefined);
      if (stale()) return;
      for (const o of outcomes) {
        if (readHere.delete(o.path)) continue;
        done++;
        if (session.isOpen(root, o.path)) continue;
        // A file deleted since it was listed is dropped, not reported as unreadable.
        if ('skipped' in o && (await root.disk.stat(o.path)) === undefined) project.removeFile(o.path);
        else project.setOutcome(compactor.outcome(o));
        if (!(await breathe())) return;
      }
      if (stale()) return;
      progress(done);
      await announceWanted();
      if (stale()) return;
    }
    await hooks.analysisDone?.(root);
  }
  for (const miss of inThread) {
    done++;
    if (!session.isOpen(root, miss.path)) project.setOutcome(compactor.outcome(miss.text === null ? analyzeBytes(miss.path, await root.disk.read(miss.path), config) : analyzeText(miss.path, miss.text, config)));
    if (!(await breathe())) return;
  }
  progress(done);

  if (!live) {
    analyzeOpen(false);
    root.project = project;
    root.ignored = ignored;
  }
  compactor.release();
  await reapplyEvents(session, root);
  if (stale()) return;
  root.state = 'ready';
  root.partial = false;
  root.progress = { done: markdown.length, total: markdown.length };
  session.log(`Indexed ${root.fsPath}: ${markdown.length} documents (${cached} models cached, ${misses.length} analysed${parser ? ' by worker threads' : ''}) in ${Math.round(performance.now() - started)} ms.`);
  session.changed([], true);
  root.saving = cache.save(project.models).then((failed) => {
    if (failed) session.log(`Could not write the model cache: ${failed}`);
  });
  await root.saving;
}
