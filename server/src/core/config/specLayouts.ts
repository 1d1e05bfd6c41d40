import picomatch from 'picomatch/posix';
import type { SpecPart } from '../model/spec';

/**
 * A spec layout: which folders are specs, and what each document in such a folder is for. The
 * built-in presets (spec-kit, Kiro and Kiro's three-file layout elsewhere) are written this way, and
 * `.proofmark.json` can replace them (`conventions.specLayouts`) for a team's own layout.
 */
export interface SpecLayout {
  /** Shown in the tree and in messages: `spec-kit`, `kiro`. */
  readonly name: string;
  /** Glob of the spec folders, workspace-relative: each folder it matches is one spec. */
  readonly folder: string;
  /** Document file names inside a spec folder, and their part. */
  readonly documents: Readonly<Record<string, SpecPart>>;
}

const SPEC_KIT_DOCUMENTS: Readonly<Record<string, SpecPart>> = {
  'spec.md': 'requirements',
  'plan.md': 'plan',
  'tasks.md': 'tasks',
  'research.md': 'design',
  'data-model.md': 'design',
  'quickstart.md': 'design',
  '.spec-context.json': 'status',
  'spec.json': 'status',
};

const KIRO_DOCUMENTS: Readonly<Record<string, SpecPart>> = {
  'requirements.md': 'requirements',
  'design.md': 'design',
  'tasks.md': 'tasks',
  'spec.json': 'status',
  '.spec-context.json': 'status',
};

export const DEFAULT_SPEC_LAYOUTS: readonly SpecLayout[] = [
  // spec-kit: `specs/NNN-name/` (and `.specify/specs/NNN-name/`), numbered by feature or issue.
  { name: 'spec-kit', folder: '**/specs/[0-9]*-*', documents: SPEC_KIT_DOCUMENTS },
  { name: 'spec-kit', folder: '**/.specify/memory', documents: { 'constitution.md': 'constitution' } },
  // Kiro: `.kiro/specs/<name>/`, and the same three files where other tools keep them.
  { name: 'kiro', folder: '**/{.kiro,.spec-workflow,.claude,.cursor}/specs/*', documents: KIRO_DOCUMENTS },
  { name: 'kiro', folder: '**/specs/*', documents: KIRO_DOCUMENTS },
];

/** Where a document stands among the specs: its layout, its spec folder and its part. */
export interface SpecPlace {
  readonly layout: string;
  readonly folder: string;
  readonly part: SpecPart;
}

export type SpecPlacer = (path: string) => SpecPlace | null;

const compiled = new WeakMap<readonly SpecLayout[], SpecPlacer>();

/** The first layout whose folder glob matches the document's folder and which names its file. */
export function specPlacer(layouts: readonly SpecLayout[]): SpecPlacer {
  const hit = compiled.get(layouts);
  if (hit) return hit;
  const matchers = layouts.map((l) => ({ layout: l, folder: picomatch(l.folder, { dot: true }) }));
  const place: SpecPlacer = (path) => {
    const slash = path.lastIndexOf('/');
    const folder = slash < 0 ? '' : path.slice(0, slash);
    const name = path.slice(slash + 1);
    for (const m of matchers) {
      const part = Object.hasOwn(m.layout.documents, name) ? m.layout.documents[name] : undefined;
      if (part !== undefined && m.folder(folder)) return { layout: m.layout.name, folder, part };
    }
    return null;
  };
  compiled.set(layouts, place);
  return place;
}

const PARTS: ReadonlySet<string> = new Set<SpecPart>(['requirements', 'tasks', 'design', 'plan', 'constitution', 'status']);

/** Why a configured list of layouts cannot be used, or null. */
export function specLayoutsProblem(value: unknown): string | null {
  if (!Array.isArray(value)) return 'Expected an array of {"name", "folder", "documents"} objects.';
  for (const [i, l] of value.entries()) {
    if (typeof l !== 'object' || l === null || Array.isArray(l)) return `Layout ${i + 1} is not an object.`;
    const { name, folder, documents } = l as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '') return `Layout ${i + 1} needs a "name".`;
    if (typeof folder !== 'string' || folder.trim() === '' || folder.startsWith('/') || folder.split('/').includes('..')) return `Layout "${name}" needs a workspace-relative "folder" glob.`;
    if (typeof documents !== 'object' || documents === null || Array.isArray(documents)) return `Layout "${name}" needs "documents": an object of file name → part.`;
    for (const [file, part] of Object.entries(documents)) {
      if (typeof part !== 'string' || !PARTS.has(part)) return `Layout "${name}": "${file}" must map to one of ${[...PARTS].join(', ')}.`;
      if (file.includes('/')) return `Layout "${name}": "${file}" must be a file name, not a path.`;
    }
  }
  return null;
}
