/**
 * Numbered phase folders, as agent workflows lay them out (GSD: `.planning/phases/01-slug/` and the
 * milestone archive `.planning/milestones/v1.1-phases/01-slug/`, holding `01-VERIFICATION.md`,
 * `01-02-PLAN.md`, …), and the roadmap that checks each phase off. From file names alone, like the
 * grouping, so that a scoped check, a batch and the server know what a phase document reads.
 */

/** A phase folder: its number, then a slug (`01-pushdispatcher-refactor`, `2.1-hotfix`). */
const PHASE_FOLDER = /^(\d{1,3}(?:\.\d+)?)-[\w.-]+$/;
/** A folder of phase folders that belongs to one version (`v1.1-phases`): its roadmap is `v1.1-ROADMAP.md`. */
const VERSIONED_PHASES = /^(.+)-phases$/i;

export interface PhaseFolderPlace {
  /** The phase number as a roadmap writes it (`1` for `01-…`, `2.1`). */
  readonly phase: string;
  /** The folder holding the phase folders (`.planning/phases`). */
  readonly container: string;
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function join(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

/** The number without leading zeros: `01` → `1`, `02.1` → `2.1`. */
export function phaseNumber(written: string): string {
  return written.replace(/^0+(?=\d)/, '');
}

/**
 * Where a document stands among numbered phase folders: inside `NN-slug/`, with a name that starts
 * with the same number (`01-VERIFICATION.md` in `01-refactor/`), so that a folder merely named
 * with a number (`2024-notes/`) is none.
 */
export function phaseFolderOf(path: string): PhaseFolderPlace | null {
  const folder = parentOf(path);
  const m = PHASE_FOLDER.exec(nameOf(folder));
  if (!m?.[1]) return null;
  const own = new RegExp(`^${m[1].replace('.', '\\.')}-`);
  if (!own.test(nameOf(path))) return null;
  return { phase: phaseNumber(m[1]), container: parentOf(folder) };
}

/**
 * The roadmaps that may check a phase folder's phase off, nearest first, those that exist among
 * `documents`: `ROADMAP.md` beside the container; for a versioned container (`milestones/v1.1-phases`)
 * the version's own `v1.1-ROADMAP.md` beside it and the project's `ROADMAP.md` one folder up.
 */
export function roadmapsOf(place: PhaseFolderPlace, exists: (path: string) => boolean): string[] {
  const base = parentOf(place.container);
  const out = [join(base, 'ROADMAP.md')];
  const version = VERSIONED_PHASES.exec(nameOf(place.container))?.[1];
  if (version !== undefined && place.container !== '') {
    out.push(join(base, `${version}-ROADMAP.md`));
    if (base !== '') out.push(join(parentOf(base), 'ROADMAP.md'));
  }
  return out.filter((p, i) => out.indexOf(p) === i && exists(p));
}
