import type { CompiledConventions } from '../config/compiled';
import type { Reference } from '../model/document';
import { basename, dirname } from '../parse/role';
import type { FileIndex } from './fileIndex';

export type Resolution =
  | { readonly resolved: string; readonly how: string }
  | {
      readonly resolved: null;
      readonly reason: string;
      readonly tried: readonly string[];
      /** Several files fit (a bare name found in three folders): the citation is ambiguous, not broken. */
      readonly candidates: readonly string[];
      /** The one file of the same name elsewhere: the file exists, under another path (moved, or cited from another root). */
      readonly relocated: string | null;
      readonly lowConfidence: boolean;
      /** The path leaves the workspace (`../x`, `/etc/x`): nothing there is read, so whether it exists is not known. */
      readonly outside: boolean;
    };

export type Unresolved = Extract<Resolution, { resolved: null }>;

/** What resolution reads of a citation; `near` holds folders named beside it. */
export type ResolvableReference = Pick<Reference, 'target' | 'shape'> & { readonly near?: readonly string[] };

/** Joins and normalises `a/b` + `../c`; null when the result would leave the workspace root. */
export function joinPath(base: string, relative: string): string | null {
  const parts = base === '' ? [] : base.split('/');
  for (const segment of relative.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join('/');
}

/** Names that belong to one initiative (phase outputs, anchors, prompts) and resolve only inside it. */
export function isInitiativeLocalName(name: string, c: CompiledConventions): boolean {
  return c.phaseOutputFile.test(name) || c.phasePromptFile.test(name) || (c.anchorFile.test(name) && /\d{3}/.test(name));
}

/** Whether a resolution failed with no file to show for it: neither ambiguous nor found elsewhere. */
export function isMissing(r: Resolution): r is Unresolved {
  return r.resolved === null && r.candidates.length === 0 && r.relocated === null;
}

/**
 * Resolves a citation as a person would (CONVENTIONS.md §4.4, extended on the external corpus):
 * the repository root, the document's folder, inside the initiative for initiative-local names,
 * up to four ancestor folders, `docs/`; then the folders named beside it, the package roots
 * (folders holding package.json, pyproject.toml, Cargo.toml, go.mod, …), a path of the index
 * that ends with it, a unique base name. Several fits make it ambiguous, not broken; a unique file of
 * the same name elsewhere makes it relocated. Never outside the workspace root.
 */
export function resolveReference(ref: ResolvableReference, fromDocument: string, initiativeFolder: string | null, index: FileIndex, c: CompiledConventions): Resolution {
  let target = ref.target;
  const tried: string[] = [];
  const directory = ref.shape === 'directory';
  const exists = (p: string): boolean => (directory ? index.hasDirectory(p) || index.hasFile(p) : index.hasFile(p) || index.hasDirectory(p));
  const attempt = (base: string, how: string): Resolution | null => {
    const joined = joinPath(base, target);
    if (joined === null || joined === '') return null;
    if (!tried.includes(joined)) tried.push(joined);
    return exists(joined) ? { resolved: joined, how } : null;
  };
  const missing = (reason: string, extra: Partial<Pick<Unresolved, 'candidates' | 'relocated' | 'lowConfidence' | 'outside'>> = {}): Unresolved => ({
    resolved: null,
    reason,
    tried,
    candidates: extra.candidates ?? [],
    relocated: extra.relocated ?? null,
    lowConfidence: extra.lowConfidence ?? false,
    outside: extra.outside ?? false,
  });

  if (target.startsWith('/')) {
    if (!target.startsWith('/docs/')) return missing('an absolute path outside the workspace', { outside: true });
    target = target.slice(1);
  }
  const docFolder = dirname(fromDocument);
  if (joinPath(docFolder, target) === null && joinPath('', target) === null) return missing('a path that leaves the workspace root (not followed)', { outside: true });
  const name = basename(target);
  const singleSegment = !target.includes('/');
  const local = singleSegment && isInitiativeLocalName(name, c);

  const first = attempt('', 'from the workspace root') ?? attempt(docFolder, "from the document's folder");
  if (first) return first;

  if (local) {
    const scope = initiativeFolder ?? docFolder;
    const inside = index.named(name).filter((p) => scope === '' || p.startsWith(`${scope}/`));
    const nearest = inside.sort((a, b) => a.split('/').length - b.split('/').length)[0];
    if (nearest) return { resolved: nearest, how: 'inside the initiative' };
    tried.push(`${scope === '' ? '' : `${scope}/`}**/${name}`);
    return missing('not found in the initiative');
  }

  if (!singleSegment) {
    let folder = docFolder;
    for (let level = 0; level < 4 && folder !== ''; level++) {
      folder = dirname(folder);
      const hit = attempt(folder, 'from an ancestor folder');
      if (hit) return hit;
    }
  }
  const docs = attempt('docs', 'from docs/');
  if (docs) return docs;

  // Folders named beside the citation: by path, else every folder of that name.
  const nearHits = new Set<string>();
  for (const folder of ref.near ?? []) {
    for (const base of [folder, joinPath(docFolder, folder) ?? '', ...index.directoriesNamed(basename(folder)).filter((d) => d === folder || d.endsWith(`/${folder}`))]) {
      const joined = base === '' ? null : joinPath(base, target);
      if (joined && exists(joined)) nearHits.add(joined);
    }
  }
  const nearOne = only(nearHits);
  if (nearOne) return { resolved: nearOne, how: 'in a folder named beside it' };

  const packageHits = index.packageRoots().map((p) => joinPath(p, target)).filter((p): p is string => p !== null && exists(p));
  const packageOne = only(new Set(packageHits));
  if (packageOne) return { resolved: packageOne, how: 'from its package root' };

  const ending = index.endingWith(target, directory);
  const endingOne = ending.length === 1 ? ending[0] : undefined;
  if (endingOne !== undefined) return { resolved: endingOne, how: singleSegment ? 'by its unique file name' : 'by the end of its path' };
  const candidates = [...new Set([...nearHits, ...packageHits, ...ending])].sort();
  if (candidates.length > 1) return missing(`${candidates.length} files fit, so it is ambiguous`, { candidates: candidates.slice(0, 20) });

  return missing('not found', { relocated: relocation(target, directory, index), lowConfidence: singleSegment && !/\.mdx?$/i.test(name) });
}

/** File and folder names every project has many of: found once elsewhere, they say nothing. */
const GENERIC_NAME =
  /^(?:readme|index|main|__init__|__main__|mod|lib|config|settings|requirements|package|setup|makefile|dockerfile|docker-compose|utils?|helpers?|types?|constants|app|server|client|test|tests|spec|conftest|routes?|models?|schema|api|cli|base|core|common|shared|src|docs?|scripts?|build|config)(?:\.[\w-]+)*$/i;

function only(set: ReadonlySet<string>): string | null {
  if (set.size !== 1) return null;
  for (const v of set) return v;
  return null;
}

/**
 * The file a multi-segment citation most likely meant when it is not found as written: the one
 * file of the same name, or among several, the one sharing the most trailing folders with it.
 */
function relocation(target: string, directory: boolean, index: FileIndex): string | null {
  if (!target.includes('/')) return null;
  const name = basename(target);
  const same = directory ? index.directoriesNamed(name) : index.named(name);
  if (same.length === 0) return null;
  // A distinctive name found once is the file; a generic one (`requirements.txt`, `index.ts`) must share a folder too.
  if (same.length === 1 && !GENERIC_NAME.test(name)) return same[0] ?? null;
  const segments = target.split('/');
  const shared = (p: string): number => {
    const other = p.split('/');
    let k = 0;
    while (k < segments.length && k < other.length && segments[segments.length - 1 - k] === other[other.length - 1 - k]) k++;
    return k;
  };
  const scored = same.map((p) => ({ p, k: shared(p) })).sort((a, b) => b.k - a.k);
  const best = scored[0];
  const second = scored[1];
  return best && best.k >= 2 && (!second || second.k < best.k) ? best.p : null;
}
