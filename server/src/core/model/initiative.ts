/**
 * An initiative is a folder holding a TODO and usually a PRD/RFC/CONTEXT with the same id.
 * Ids are local to their folder (there are many `TODO001.md`), so the key is (folder, id).
 */
export interface InitiativeKey {
  /** Workspace-relative folder, '' for the root. */
  readonly folder: string;
  /** `003`, `TVDb001`, or '' for un-numbered `TODO.md`. */
  readonly id: string;
}

export function initiativeKeyString(key: InitiativeKey): string {
  return `${key.folder}#${key.id}`;
}

export interface Initiative {
  readonly key: InitiativeKey;
  /** A readable name: the TODO's title, else the folder and id. */
  readonly name: string;
  readonly todo: string | null;
  readonly prd: string | null;
  readonly rfc: string | null;
  readonly context: string | null;
  /** Every document of the initiative, including the anchors, outputs, prompts and status documents. */
  readonly documents: readonly string[];
  /** Phase outputs by normalised phase number, then by output kind (`notes`, …) → path. */
  readonly outputs: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Sub-initiatives nested in this initiative's folder tree. */
  readonly children: readonly InitiativeKey[];
  /** For a spec folder (spec-kit, Kiro): its layout and documents by part; null for a PRD/TODO initiative. */
  readonly spec: SpecDocuments | null;
}

/** The documents of a spec folder, by part (see config/specLayouts.ts). */
export interface SpecDocuments {
  /** The layout that recognised it: `spec-kit`, `kiro`, or a configured one. */
  readonly layout: string;
  readonly requirements: string | null;
  readonly tasks: string | null;
  readonly design: string | null;
  readonly plan: string | null;
  /** A JSON lifecycle record beside the documents (`spec.json`), read for its status. */
  readonly status: string | null;
}
