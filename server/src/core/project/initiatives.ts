import type { DocumentModel } from '../model/document';
import { initiativeKeyString, type Initiative, type InitiativeKey, type SpecDocuments } from '../model/initiative';
import { basename } from '../parse/role';
import { dirname } from '../parse/role';

const ANCHOR_KINDS = new Set(['prd', 'rfc', 'context', 'todo', 'postmortem', 'anchor']);

export interface InitiativeMap {
  readonly initiatives: readonly Initiative[];
  /** Initiative key string by document path. */
  readonly byDocument: ReadonlyMap<string, string>;
  readonly byKey: ReadonlyMap<string, Initiative>;
  /** Every Markdown document grouped, in an initiative or not. */
  readonly paths: ReadonlySet<string>;
}

interface Draft {
  key: InitiativeKey;
  todo: string | null;
  prd: string | null;
  rfc: string | null;
  context: string | null;
  documents: string[];
  outputs: Map<string, Map<string, string>>;
  spec: { -readonly [K in keyof SpecDocuments]: SpecDocuments[K] } | null;
}

/**
 * What grouping reads of a document: its path and role (both from the file name) and, for the
 * initiative's name only, its TODO title. Files that could not be analysed take part by name.
 */
export type GroupingEntry = Pick<DocumentModel, 'path' | 'role'> & { readonly todo?: { readonly title: string } | null };

/** Groups documents into initiatives by (folder, id); see model/initiative.ts. */
export function buildInitiatives(models: Iterable<GroupingEntry>): InitiativeMap {
  const drafts = new Map<string, Draft>();
  const foldersWithKeys = new Map<string, Draft[]>();
  const all = [...models].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const draftFor = (folder: string, id: string): Draft => {
    const key = { folder, id };
    const k = initiativeKeyString(key);
    let d = drafts.get(k);
    if (!d) {
      d = { key, todo: null, prd: null, rfc: null, context: null, documents: [], outputs: new Map(), spec: null };
      drafts.set(k, d);
      const list = foldersWithKeys.get(folder) ?? [];
      list.push(d);
      foldersWithKeys.set(folder, list);
    }
    return d;
  };

  for (const m of all) {
    const r = m.role;
    // A spec folder is an initiative of its own: its requirements, tasks and design documents.
    if (r.kind === 'spec' && r.part !== 'constitution') {
      const d = draftFor(r.folder, '');
      d.spec ??= { layout: r.layout, requirements: null, tasks: null, design: null, plan: null, status: null };
      if (d.spec[r.part] === null) d.spec[r.part] = m.path;
      continue;
    }
    if (!ANCHOR_KINDS.has(r.kind) || !('initiativeId' in r)) continue;
    const d = draftFor(dirname(m.path), r.initiativeId);
    if (r.kind === 'todo' && d.todo === null) d.todo = m.path;
    if (r.kind === 'prd' && d.prd === null) d.prd = m.path;
    if (r.kind === 'rfc' && d.rfc === null) d.rfc = m.path;
    if (r.kind === 'context' && d.context === null) d.context = m.path;
  }
  // An initiative is a folder with a TODO or a PRD; other anchors alone (a CONTEXT.md) join their folder's initiative.
  for (const [k, d] of drafts) {
    if (d.todo === null && d.prd === null && d.spec === null) {
      drafts.delete(k);
      const list = foldersWithKeys.get(d.key.folder)?.filter((x) => x !== d) ?? [];
      if (list.length > 0) foldersWithKeys.set(d.key.folder, list);
      else foldersWithKeys.delete(d.key.folder);
    }
  }

  const byDocument = new Map<string, string>();
  for (const m of all) {
    const wantedId = m.role.kind === 'phase-output' || 'initiativeId' in m.role ? ('initiativeId' in m.role ? m.role.initiativeId : null) : null;
    let chosen: Draft | null = null;
    let nearest: Draft[] | null = null;
    for (let folder = dirname(m.path), level = 0; ; folder = dirname(folder), level++) {
      const here = foldersWithKeys.get(folder);
      if (here) {
        nearest ??= here;
        const match = wantedId !== null ? here.find((d) => d.key.id === wantedId) : undefined;
        if (match) {
          chosen = match;
          break;
        }
        if (wantedId === null || level >= 4) break;
      }
      if (folder === '') break;
    }
    if (!chosen && nearest) chosen = nearest.find((d) => d.todo !== null) ?? nearest[0] ?? null;
    if (!chosen) continue;
    chosen.documents.push(m.path);
    byDocument.set(m.path, initiativeKeyString(chosen.key));
    if (m.role.kind === 'phase-output') {
      const kinds = chosen.outputs.get(m.role.phase) ?? new Map<string, string>();
      if (!kinds.has(m.role.outputKind)) kinds.set(m.role.outputKind, m.path);
      chosen.outputs.set(m.role.phase, kinds);
    }
  }

  const byKey = new Map<string, Initiative>();
  const initiatives: Initiative[] = [];
  const titles = new Map<string, string>();
  for (const m of all) if (m.todo?.title) titles.set(m.path, m.todo.title);
  for (const [k, d] of drafts) {
    const children = [...drafts.values()]
      .filter((o) => o !== d && o.key.folder.startsWith(d.key.folder === '' ? '' : `${d.key.folder}/`) && o.key.folder !== d.key.folder)
      .filter((o) => ![...drafts.values()].some((mid) => mid !== d && mid !== o && mid.key.folder !== d.key.folder && o.key.folder.startsWith(`${mid.key.folder}/`) && (d.key.folder === '' || mid.key.folder.startsWith(`${d.key.folder}/`))))
      .map((o) => o.key);
    const name = (d.todo ? titles.get(d.todo) : undefined) ?? (d.spec ? `${basename(d.key.folder)} (${d.spec.layout})` : `${d.key.folder || '.'} ${d.key.id}`.trim());
    const initiative: Initiative = { key: d.key, name, todo: d.todo, prd: d.prd, rfc: d.rfc, context: d.context, documents: d.documents, outputs: d.outputs, children, spec: d.spec };
    byKey.set(k, initiative);
    initiatives.push(initiative);
  }
  // Folder by folder, so a parent initiative comes before those nested in it.
  const order = (i: Initiative): string => `${i.key.folder.split('/').join('\u0001')}\u0000${i.key.id}`;
  initiatives.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  return { initiatives, byDocument, byKey, paths: new Set(all.map((m) => m.path)) };
}
