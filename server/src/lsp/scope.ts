import { compileConventions } from '../core/config/compiled';
import { CONFIG_FILE } from '../core/config/config';
import { crossReads } from '../core/project/crossReads';
import { buildInitiatives, type InitiativeMap } from '../core/project/initiatives';
import { isDocumentFile, type Project } from '../core/project/project';
import { ownScopeOf } from '../core/project/scope';
import { dirname, documentRole } from '../core/parse/role';
import type { Root } from './roots';
import type { Session } from './session';

/** The folder documents that can mark a folder historical (read by the archive test of every rule). */
const FOLDER_NOTES = ['README.md', 'readme.md', 'INDEX.md', 'index.md'];

const groupings = new WeakMap<Project, { key: string; map: InitiativeMap }>();

/**
 * The initiatives of a folder by file names alone: grouping reads only names (and a TODO's title,
 * for its name), so this is the project's own grouping, known as soon as the file list is, before
 * any document is analysed.
 */
export function groupingByName(root: Root): InitiativeMap {
  const project = root.project;
  const hit = groupings.get(project);
  if (hit && hit.key === project.fileSetKey) return hit.map;
  const c = compileConventions(project.config.conventions);
  const entries = [];
  for (const path of project.index.all()) if (isDocumentFile(path)) entries.push({ path, role: documentRole(path, c) });
  const map = buildInitiatives(entries);
  groupings.set(project, { key: project.fileSetKey, map });
  return map;
}

/** A document's initiative's documents by file names, or the document alone when it belongs to none. */
export function companions(root: Root, path: string): readonly string[] {
  const grouping = groupingByName(root);
  const key = grouping.byDocument.get(path);
  return (key === undefined ? undefined : grouping.byKey.get(key)?.documents) ?? [path];
}

/**
 * What a document's findings are computed from: the documents of its initiative (or itself alone),
 * what each of them reads beyond it (a report, the spec task lists: core/project/crossReads.ts) and
 * the README and INDEX files of their folders, which may mark a folder historical.
 */
export function dependencies(root: Root, path: string): Set<string> {
  const result = new Set<string>();
  const grouping = groupingByName(root);
  const c = compileConventions(root.project.config.conventions);
  const read = new Set<string>();
  for (const doc of companions(root, path)) {
    read.add(doc);
    for (const other of crossReads(doc, documentRole(doc, c), grouping)) read.add(other);
  }
  for (const doc of read) {
    result.add(doc);
    for (let folder = dirname(doc); ; folder = dirname(folder)) {
      for (const name of FOLDER_NOTES) {
        const note = folder === '' ? name : `${folder}/${name}`;
        if (root.project.index.hasFile(note)) result.add(note);
      }
      if (folder === '') break;
    }
  }
  return result;
}

const ownScopes = new WeakMap<Project, { key: string; byPath: Map<string, readonly string[]> }>();

/**
 * What one document's own findings are computed from (core/project/scope.ts ownScopeOf), by the
 * project's file list and configuration (the initiative's phase prompts, left to the rest, were 15
 * of the 17 documents TODO003.md's diagnostics waited for).
 */
export function ownScope(root: Root, path: string): readonly string[] {
  const project = root.project;
  let entry = ownScopes.get(project);
  if (!entry || entry.key !== project.fileSetKey) ownScopes.set(project, (entry = { key: project.fileSetKey, byPath: new Map() }));
  let scope = entry.byPath.get(path);
  if (!scope) {
    scope = ownScopeOf([...project.index.all()].filter(isDocumentFile), compileConventions(project.config.conventions), path);
    entry.byPath.set(path, scope);
  }
  return scope;
}

/**
 * How far the first index has read for the open documents: 'own' once every open document's own
 * scope is analysed (their diagnostics can be published), 'all' once their initiatives are too.
 */
export function openStage(session: Session, root: Root): 'reading' | 'own' | 'all' {
  let own = true;
  let all = true;
  for (const open of session.openPaths(root)) {
    if (all && ![...dependencies(root, open)].every((p) => analysed(root, p))) all = false;
    if (!all && !ownScope(root, open).every((p) => analysed(root, p))) own = false;
  }
  return all ? 'all' : own ? 'own' : 'reading';
}

/** Analysed, or never to be: a document the configuration ignores (open or not) is not waited for. */
function analysed(root: Root, path: string): boolean {
  return !isDocumentFile(path) || root.project.model(path) !== undefined || root.project.skippedFiles.has(path) || root.ignored(path);
}

/** Paths of a folder whose diagnostics the scope asks for: open documents, their initiatives, the configuration file. */
function wantedPaths(session: Session, root: Root): Set<string> {
  const paths = new Set<string>();
  if (session.scope === 'workspace') {
    for (const f of root.project.findings()) paths.add(f.file);
    return paths;
  }
  paths.add(CONFIG_FILE);
  for (const open of session.openPaths(root)) for (const p of companions(root, open)) paths.add(p);
  return paths;
}

/** By project (a re-index swaps in a new one, whose revisions count from 0 again). */
const shownCache = new WeakMap<Project, { key: string; paths: ReadonlySet<string> }>();

/**
 * Paths of a folder whose diagnostics are shown now: those the scope asks for, and, while the
 * first index fills the project, only once the file list is known and their dependencies analysed,
 * so that no finding is published that a document not yet read would contradict (a broken
 * reference to a file not yet listed, a requirement whose PRD is not yet parsed).
 */
export function shownPaths(session: Session, root: Root): ReadonlySet<string> {
  const key = `${root.project.revision}:${session.openRevision}:${session.scope}:${root.partial}:${root.listed}`;
  const hit = shownCache.get(root.project);
  if (hit && hit.key === key) return hit.paths;
  let paths: Set<string> = new Set();
  if (!root.partial) paths = wantedPaths(session, root);
  else if (root.listed) {
    const complete = new Map<string, boolean>();
    for (const path of wantedPaths(session, root)) {
      const group = companions(root, path)[0] ?? path;
      let ready = complete.get(group);
      if (ready === undefined) {
        ready = [...dependencies(root, path)].every((p) => analysed(root, p));
        complete.set(group, ready);
      }
      // An open document's own findings need only its own scope.
      if (ready || (session.isOpen(root, path) && ownScope(root, path).every((p) => analysed(root, p)))) paths.add(path);
    }
  }
  shownCache.set(root.project, { key, paths });
  return paths;
}

/**
 * The Markdown documents the open documents' diagnostics depend on, not yet analysed: what a first
 * index reads first. Their own scopes come first (a few files, so their diagnostics come soonest),
 * then the rest of their initiatives.
 */
export function wantedFirst(session: Session, root: Root): Set<string> {
  const wanted = new Set<string>();
  for (const open of session.openPaths(root)) for (const p of ownScope(root, open)) if (!analysed(root, p)) wanted.add(p);
  if (wanted.size > 0) return wanted;
  for (const open of session.openPaths(root)) {
    for (const p of dependencies(root, open)) if (!analysed(root, p)) wanted.add(p);
  }
  return wanted;
}
