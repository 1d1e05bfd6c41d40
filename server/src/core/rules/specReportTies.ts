import type { DocumentModel } from '../model/document';
import type { SpecModel, SpecTask } from '../model/spec';
import { basename, dirname } from '../parse/role';
import { specTaskLists } from '../project/crossReads';
import type { RuleContext } from './context';

/*
 * Which spec a report outside the spec folders speaks of (rules/specReports.ts reads what it says
 * done against that spec's task list).
 */

/** A spec's task list, as a report elsewhere may speak of it. */
export interface TaskList {
  readonly folder: string;
  readonly path: string;
  readonly spec: SpecModel;
  readonly model: DocumentModel;
}

/** How a report is tied to a spec, strongest first; the line that ties it. */
export interface Tie {
  readonly list: TaskList;
  readonly how: 'named' | 'cited' | 'titled' | 'files';
  readonly line: number;
  /** For a tie by files: the required tasks that make the files the report cites. */
  readonly makers: readonly SpecTask[];
}

const lists = new WeakMap<RuleContext, readonly TaskList[]>();

/** Every spec task list of the workspace that is not historical. */
export function taskLists(ctx: RuleContext): readonly TaskList[] {
  let hit = lists.get(ctx);
  if (!hit) {
    hit = specTaskLists(ctx.initiatives).flatMap((path) => {
      const model = ctx.models.get(path);
      return model?.spec && ctx.archiveOf(path) === null ? [{ folder: dirname(path), path, spec: model.spec, model }] : [];
    });
    lists.set(ctx, hit);
  }
  return hit;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words of a spec folder's name without its number (`001-inventory-system` → inventory, system). */
function nameWords(folder: string): string[] {
  return basename(folder).replace(/^\d+[-_.]?/, '').split(/[-_.]+/).filter((w) => w !== '');
}

/** A required task: neither optional nor a checkpoint. */
export const required = (t: SpecTask): boolean => !t.optional && !t.checkpoint;

/**
 * The one spec a report speaks of: the spec folder's name written in its opening (`**Branch**:
 * `018-hierarchical-di-container``), a path into the folder it cites, the spec's name in words in
 * its opening ("of the CD Pipeline", two words at least; the longest name wins), or else files its
 * tasks make that the report cites (three at least). Two specs tied equally: none.
 */
export function tieOf(ctx: RuleContext, model: DocumentModel, all: readonly TaskList[]): Tie | null {
  const best = (ties: Tie[], weight: (t: Tie) => number = () => 0): Tie | null => {
    const top = Math.max(...ties.map(weight));
    const kept = ties.filter((t) => weight(t) === top);
    const folders = new Set(kept.map((t) => t.list.folder));
    return folders.size === 1 ? (kept[0] ?? null) : null;
  };
  const named: Tie[] = [];
  const titled: Tie[] = [];
  for (const list of all) {
    const exact = new RegExp(`(?<![\\w-])${escape(basename(list.folder))}(?![\\w-])`, 'i');
    const words = nameWords(list.folder);
    const phrase = words.length >= 2 ? new RegExp(`(?<![\\w-])${words.map(escape).join('[\\s_-]+')}(?![\\w-])`, 'i') : null;
    const byName = model.lead.find((l) => exact.test(l.text));
    if (byName && /\d/.test(basename(list.folder))) named.push({ list, how: 'named', line: byName.line, makers: [] });
    else {
      const byWords = phrase ? model.lead.find((l) => phrase.test(l.text)) : undefined;
      if (byWords) titled.push({ list, how: 'titled', line: byWords.line, makers: [] });
    }
  }
  if (named.length > 0) return best(named);
  const cited: Tie[] = [];
  const citedPaths = new Map<string, number>();
  for (const ref of model.references) {
    const path = ctx.resolve(ref, model.path).resolved;
    if (path !== null && !citedPaths.has(path)) citedPaths.set(path, ref.line);
    // A path into the spec folder, resolved or written another way (`..\\specs\\020-x\\tasks.md`).
    const segments = ref.target.split(/[\\/]+/);
    const list = all.find((l) => (path !== null && path.startsWith(`${l.folder}/`)) || (/\d/.test(basename(l.folder)) && segments.includes(basename(l.folder))));
    if (list && !cited.some((c) => c.list === list)) cited.push({ list, how: 'cited', line: ref.line, makers: [] });
  }
  if (cited.length > 0) return best(cited);
  if (titled.length > 0) return best(titled, (t) => nameWords(t.list.folder).length);
  return tieByTaskIds(ctx, model, all) ?? tieByFiles(ctx, model, all, citedPaths);
}

/** Words of a description that say what a task does (four letters or more, status and filler words dropped). */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[a-z][a-z0-9]{3,}/g) ?? []) if (!FILLER.has(w)) out.add(w);
  return out;
}
const FILLER = new Set(['task', 'tasks', 'complete', 'completed', 'done', 'implement', 'implemented', 'create', 'created', 'added', 'with', 'from', 'into', 'that', 'this', 'for', 'and', 'the']);

/** Task ids a report must cite with their own description, matching the spec's tasks, to be tied by them. */
const MIN_IDS = 2;

/**
 * The spec whose tasks a report cites by id with the same description ("**T032**: Add Qdrant NuGet
 * package ✅" for `- [ ] T032 [US2] Add Qdrant NuGet package to …`): two such tasks at least, more
 * than for any other spec. Every spec-kit list numbers its tasks from T001, so the id alone says
 * nothing; its description says which list it is.
 */
function tieByTaskIds(ctx: RuleContext, model: DocumentModel, all: readonly TaskList[]): Tie | null {
  const cited = reportText(ctx, model).citedIds;
  if (cited.size < MIN_IDS) return null;
  let best: Tie | null = null;
  let bestCount = 0;
  let tied = false;
  for (const list of all) {
    let count = 0;
    let first = Infinity;
    for (const task of list.spec.tasks) {
      const said = task.id === null ? undefined : cited.get(task.id);
      if (!said) continue;
      const own = taskWords(task);
      const shared = [...said.words].filter((w) => own.has(w)).length;
      if (shared >= 2 || shared * 2 >= said.words.size) {
        count++;
        first = Math.min(first, said.line);
      }
    }
    if (count < MIN_IDS || count < bestCount) continue;
    tied = count === bestCount;
    if (count > bestCount) best = { list, how: 'cited', line: first, makers: [] };
    bestCount = count;
  }
  return tied ? null : best;
}

/** Files of one spec's tasks a report must cite to be tied to it by files alone. */
const MIN_FILES = 3;

/**
 * A file name distinctive enough that a report naming it without its extension means that file: a
 * type name of two words or more (`FFmpegPlaybackEngine`, `IMediaService`), or a name of three
 * words joined by `_` or `-` (`battery_thermal_windows`). `index`, `utils`, `MediaService` alone
 * would tie a report to any spec.
 */
function distinctiveStem(path: string): string | null {
  const stem = basename(path).replace(/\.[^.]+$/, '');
  if (stem.length < 10) return null;
  if (/^[A-Za-z][A-Za-z0-9]*$/.test(stem) && /[a-z0-9][A-Z]/.test(stem) && (stem.match(/[A-Z]/g) ?? []).length >= 2) return stem;
  return /^[a-z0-9]+(?:[_-][a-z0-9]+){2,}$/i.test(stem) ? stem : null;
}

/** What the ties read of a report's text: its words with their first line, and the task ids it cites with their descriptions. */
interface ReportText {
  /** Runs of letters, digits, `_` and `-` of ten characters or more (the length of a distinctive stem), lower case. */
  readonly words: ReadonlyMap<string, number>;
  readonly citedIds: ReadonlyMap<string, { readonly words: Set<string>; readonly line: number }>;
}

const reportTexts = new WeakMap<DocumentModel, ReportText>();

/** The report's text read once (a held search text is inflated once, not per question). */
function reportText(ctx: RuleContext, model: DocumentModel): ReportText {
  let hit = reportTexts.get(model);
  if (!hit) {
    const words = new Map<string, number>();
    const citedIds = new Map<string, { words: Set<string>; line: number }>();
    ctx.searchText(model)
      .split('\n')
      .forEach((row, i) => {
        for (const w of row.match(/[\w-]{10,}/g) ?? []) if (!words.has(w)) words.set(w, i + 1);
        for (const m of row.matchAll(/\bt(\d{3,4})\b(?![\s-–]*t\d)([^\n]*)/g)) {
          const id = `T${m[1] ?? ''}`;
          const said = contentWords((m[2] ?? '').replace(/\bt\d{3,4}\b.*$/, ''));
          if (said.size >= 2 && !citedIds.has(id)) citedIds.set(id, { words: said, line: i + 1 });
        }
      });
    reportTexts.set(model, (hit = { words, citedIds }));
  }
  return hit;
}

const taskWordsOf = new WeakMap<SpecTask, Set<string>>();

/** A task's content words, read once for all the reports compared with it. */
function taskWords(task: SpecTask): Set<string> {
  let hit = taskWordsOf.get(task);
  if (!hit) taskWordsOf.set(task, (hit = contentWords(task.text)));
  return hit;
}

/** The first line (1-based) where a report's text names a file stem as a word, or undefined. */
function namedAt(ctx: RuleContext, model: DocumentModel, stem: string): number | undefined {
  return reportText(ctx, model).words.get(stem.toLowerCase());
}

/**
 * The spec whose tasks make three or more of the files a report cites (resolved to the same path),
 * or names by a distinctive file name ("✅ FFmpegPlaybackEngine (universal decoder)" for a task
 * that creates `FFmpegPlaybackEngine.cs`).
 */
function tieByFiles(ctx: RuleContext, model: DocumentModel, all: readonly TaskList[], cited: ReadonlyMap<string, number>): Tie | null {
  const ties: Tie[] = [];
  for (const list of all) {
    const makers = new Set<SpecTask>();
    const files = new Set<string>();
    let line = Infinity;
    for (const ref of list.model.references) {
      if (ref.creates !== true || ref.box < 0 || ref.shape !== 'file') continue;
      const task = list.spec.tasks.find((t) => t.checkbox === ref.box);
      if (!task || !required(task)) continue;
      const path = ctx.resolve(ref, list.path).resolved;
      const made = path ?? ref.target;
      if (files.has(made)) {
        makers.add(task);
        continue;
      }
      const stem = distinctiveStem(made);
      const at = (path === null ? undefined : cited.get(path)) ?? (stem === null ? undefined : namedAt(ctx, model, stem));
      if (at === undefined) continue;
      makers.add(task);
      files.add(made);
      line = Math.min(line, at);
    }
    if (files.size >= MIN_FILES) ties.push({ list, how: 'files', line, makers: [...makers] });
  }
  return ties.length === 1 ? (ties[0] ?? null) : null;
}

