import type { CompiledConventions } from '../config/compiled';
import type { Reference } from '../model/document';
import { basename, dirname } from '../parse/role';
import type { FileIndex } from './fileIndex';

export type Resolution =
  | { readonly resolved: string; readonly how: string }
  | { readonly resolved: null; readonly reason: string; readonly tried: readonly string[]; readonly lowConfidence: boolean };

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

/**
 * Resolves a citation the way the real repositories need (CONVENTIONS.md §4.4): repository root,
 * the document's folder, inside the initiative for initiative-local names, up to four ancestor
 * folders, `docs/`, then a unique base name anywhere. Never outside the workspace root.
 */
export function resolveReference(
  ref: Pick<Reference, 'target' | 'shape'>,
  fromDocument: string,
  initiativeFolder: string | null,
  index: FileIndex,
  c: CompiledConventions,
): Resolution {
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

  if (target.startsWith('/')) {
    if (!target.startsWith('/docs/')) {
      return { resolved: null, reason: 'an absolute path outside the workspace', tried: [], lowConfidence: false };
    }
    target = target.slice(1);
  }
  const docFolder = dirname(fromDocument);
  const docRelative = joinPath(docFolder, target);
  if (docRelative === null && joinPath('', target) === null) {
    return { resolved: null, reason: 'a path that leaves the workspace root (not followed)', tried: [], lowConfidence: false };
  }
  const name = basename(target);
  const singleSegment = !target.includes('/');
  const local = singleSegment && isInitiativeLocalName(name, c);

  const root = attempt('', 'from the workspace root');
  if (root) return root;
  const doc = attempt(docFolder, "from the document's folder");
  if (doc) return doc;

  if (local) {
    const scope = initiativeFolder ?? docFolder;
    const inside = index.named(name).filter((p) => scope === '' || p.startsWith(`${scope}/`));
    const nearest = inside.sort((a, b) => a.split('/').length - b.split('/').length)[0];
    if (nearest) return { resolved: nearest, how: 'inside the initiative' };
    tried.push(`${scope === '' ? '' : `${scope}/`}**/${name}`);
    return { resolved: null, reason: 'not found in the initiative', tried, lowConfidence: false };
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

  if (singleSegment && !directory) {
    const matches = index.named(name);
    const only = matches[0];
    if (matches.length === 1 && only) return { resolved: only, how: 'by its unique file name' };
    if (matches.length > 1) {
      return { resolved: null, reason: `the bare name matches ${matches.length} files, so it is ambiguous`, tried, lowConfidence: !/\.md$/i.test(name) };
    }
  }
  return { resolved: null, reason: 'not found', tried, lowConfidence: singleSegment && !/\.mdx?$/i.test(name) };
}
