import { basename, dirname } from '../parse/role';
import type { FileIndex } from './fileIndex';

const ID = /^[a-z]{0,6}\d{3}$/;

/**
 * A file name reduced to what a drifted name keeps: lower case, `-`, `.`, spaces, camelCase humps
 * and letter–digit boundaries read as `_`, a segment written twice in a row read once, and the
 * initiative id in front (`TODO003_`, `003_`, `TVDb001-`) dropped. `TODO003_phase2.1_notes.md` and `001-Phase2.1-Notes.md`
 * have the same key, `phase_2_1_notes.md`; `phase21_notes.md` does not (digits are never joined).
 * Null for a name with nothing but an id (`TODO003.md`): two such names say nothing about each other.
 */
export function driftKey(name: string): string | null {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  const ext = name.slice(dot + 1).toLowerCase();
  const tokens = name
    .slice(0, dot)
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[-_.\s]+/)
    .filter((t) => t !== '');
  // `TODO_003_…` is `TODO003_…`.
  if (tokens[0] === 'todo' && tokens[1] !== undefined && /^\d{3}$/.test(tokens[1])) tokens.splice(0, 2, `todo${tokens[1]}`);
  const rest = (tokens[0] !== undefined && ID.test(tokens[0]) ? tokens.slice(1) : tokens)
    .flatMap((t) => t.split(/(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/))
    .filter((t, i, all) => i === 0 || all[i - 1] !== t);
  if (!rest.some((t) => /[a-z]/.test(t))) return null;
  return `${rest.join('_')}.${ext}`;
}

/** Every file of an index by its drift key, and the initiative ids written in front of file names, by folder. */
class DriftTable {
  readonly byKey = new Map<string, string[]>();
  readonly idsByFolder = new Map<string, Set<string>>();

  constructor(index: FileIndex) {
    for (const path of index.all()) {
      const name = basename(path);
      const folder = dirname(path);
      const key = driftKey(name);
      if (key !== null) {
        const list = this.byKey.get(key);
        if (list) list.push(path);
        else this.byKey.set(key, [path]);
      }
      // An anchor (`TODO003.md`) has no drift key but still says that initiative 003 lives here.
      const id = idDigits(name);
      if (id !== null) {
        const ids = this.idsByFolder.get(folder) ?? new Set<string>();
        ids.add(id);
        this.idsByFolder.set(folder, ids);
      }
    }
  }
}

/** One table per file list: rebuilt only when the index changed since (see FileIndex.version). */
const tables = new WeakMap<FileIndex, { version: number; table: DriftTable }>();

function tableOf(index: FileIndex): DriftTable {
  const hit = tables.get(index);
  if (hit && hit.version === index.version) return hit.table;
  const table = new DriftTable(index);
  tables.set(index, { version: index.version, table });
  return table;
}

/**
 * The one file in `folders` whose name is `name` drifted (see driftKey), or null: none, or
 * several (precision first). Another id in front counts only when the file found carries `ownId`
 * (the citing document's initiative) and no file of its folder carries the written id, since
 * `TODO003_phase1_notes.md` beside `TODO003.md` is initiative 003's own output, however many
 * `TODO001_` files sit beside it.
 */
export function driftedFile(name: string, folders: ReadonlySet<string>, index: FileIndex, ownId: string | null): string | null {
  const key = driftKey(name);
  if (key === null) return null;
  const table = tableOf(index);
  const fits = (table.byKey.get(key) ?? []).filter((p) => folders.has(dirname(p)) && basename(p) !== name);
  if (fits.length !== 1) return null;
  const found = fits[0] ?? null;
  if (found === null) return null;
  const writtenId = idDigits(name);
  const foundId = idDigits(basename(found));
  if (writtenId !== null && foundId !== null && writtenId !== foundId) {
    if (ownId === null || idDigits(`${ownId}_`) !== foundId || table.idsByFolder.get(dirname(found))?.has(writtenId)) return null;
  }
  return found;
}

/** The three digits of the initiative id a file name starts with (`TODO003_…`, `PRD003.md`, `003-…`), or null. */
function idDigits(name: string): string | null {
  return /^[A-Za-z]{0,6}(\d{3})(?=[-_.\s])/.exec(name)?.[1] ?? null;
}
