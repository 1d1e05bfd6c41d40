import type { InitiativeNode } from '../../../server/src/protocol';
import { shorten } from './format';

/** Longest initiative label kept whole: with the counts after it, it fits the default side-bar width. */
const LABEL_MAX = 40;
/** A spec's folder and layout kept whole up to here. */
const SPEC_LABEL_MAX = 50;

function folderSegments(node: InitiativeNode): string[] {
  return node.initiative.folder.split('/').filter((s) => s !== '');
}

/**
 * The short name of an initiative: its TODO title without the `TODO003:` prefix or the subtitle
 * after a dash, cut at a word; for an untitled one (the server names it by folder and id), its
 * last folder and id.
 */
export function shortName(node: InitiativeNode): string {
  // A spec is named by the server by its folder and layout (`002-field-export · spec-kit`).
  if (node.spec) return shorten(node.name, SPEC_LABEL_MAX);
  const { folder, id } = node.initiative;
  const segments = folderSegments(node);
  const fallback = `${folder}${id ? ` ${id}` : ''}`;
  if (node.name === fallback || node.name === folder || node.name.trim() === '') {
    const last = segments[segments.length - 1] ?? 'root';
    return id && last !== id ? `${last} ${id}` : last;
  }
  const title = node.name
    .replace(/^\s*TODO[-_ ]?[\w.]*\s*[:—–-]\s*/i, '')
    .split(/\s+[—–-]\s+/)[0]
    ?.trim();
  return shorten(title && title !== '' ? title : node.name, LABEL_MAX);
}

/**
 * What tells apart initiatives whose short names repeat (copies in sibling folders): the fewest
 * trailing folder segments that differ, and the id when the folder does not already end with it.
 * Empty for a name that is unique.
 */
export function distinguishers(nodes: readonly InitiativeNode[]): Map<InitiativeNode, string> {
  const groups = new Map<string, InitiativeNode[]>();
  for (const n of nodes) {
    const name = shortName(n);
    groups.set(name, [...(groups.get(name) ?? []), n]);
  }
  const result = new Map<InitiativeNode, string>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const longest = Math.max(...group.map((n) => folderSegments(n).length));
    for (let depth = 1; depth <= Math.max(1, longest); depth++) {
      const tails = group.map((n) => folderSegments(n).slice(-depth).join('/'));
      const withIds = tails.map((t, i) => withId(t, group[i]));
      if (new Set(withIds).size === group.length || depth >= longest) {
        group.forEach((n, i) => result.set(n, withIds[i] ?? ''));
        break;
      }
    }
  }
  return result;
}

function withId(tail: string, node: InitiativeNode | undefined): string {
  const id = node?.initiative.id ?? '';
  const place = tail === '' ? '(root)' : tail;
  return id === '' || place.endsWith(id) ? place : `${place} #${id}`;
}
