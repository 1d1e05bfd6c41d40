import type { CompiledConventions } from '../config/compiled';
import type { ProofmarkConfig } from '../config/config';
import type { FindingData, RelatedLocation } from '../findings/finding';
import type { FindingCode } from '../findings/codes';
import type { DocumentModel } from '../model/document';
import type { Initiative } from '../model/initiative';
import type { Phase } from '../model/todo';
import type { InitiativeMap } from '../project/initiatives';
import type { SearchTextSource } from '../project/searchTexts';
import type { FileIndex } from '../resolve/fileIndex';
import { joinPath, resolveReference, type ResolvableReference, type Resolution } from '../resolve/resolve';
import { ResolutionMemo } from '../resolve/resolutionMemo';
import { ignoreMatcher } from '../project/ignore';
import { STATUS_ROLES } from '../analyze/document';
import { basename, dirname } from '../parse/role';
import type { Range } from '../text/position';

/**
 * Codes reported in archived documents too: a report in `docs/archive/` that contradicts the live
 * task list is still a contradiction (status-conflict); a checked task's missing file and a trace
 * to a requirement the spec does not define decide for themselves (quieter where a folder is marked
 * historical); files and configuration are always told.
 */
export const REPORTED_IN_ARCHIVES: ReadonlySet<string> = new Set(['status-conflict', 'task-done-file-missing', 'requirement-unknown', 'file-skipped', 'config-invalid']);

/**
 * Codes reported, as hints, in a document marked historical (by itself or its folder's README):
 * numbers that disagree within one document are wrong whatever its age, and a requirement of a
 * kept spec that no task ever traced was never traced; staleness is not the point.
 */
export const QUIET_IN_MARKED_ARCHIVES: ReadonlySet<string> = new Set(['numbers-inconsistent', 'requirement-uncovered']);

/** The documents of a folder that can mark the whole folder historical (see RuleContext.archiveOf). */
export const FOLDER_MARKERS: readonly string[] = ['README.md', 'readme.md', 'INDEX.md', 'index.md'];

/** Why a document's own references are not checked: it lies in a configured archive folder, or is marked historical. */
export interface Archive {
  readonly kind: 'folder' | 'marked';
  readonly reason: string;
}

/** A finding from a cross-document rule, before configuration gives it a severity. */
export interface RuleFinding {
  readonly code: FindingCode;
  readonly file: string;
  readonly range: Range;
  readonly message: string;
  readonly related: readonly RelatedLocation[];
  /** Lower the configured severity one step (a low-confidence match). */
  readonly weak?: boolean;
  /** Shown as a hint whatever the configured severity (unless the code is off): true, but rarely wanted. */
  readonly quiet?: boolean;
  /**
   * Compares records with each other (reports of one phase that disagree): in an archive folder a
   * hint, since what archived reports get wrong between themselves is still wrong, but rarely wanted.
   */
  readonly amongRecords?: boolean;
  readonly data?: FindingData;
}

/** What every cross-document rule reads. Reference resolutions are memoised (resolve/resolutionMemo.ts). */
export class RuleContext {
  constructor(
    readonly models: ReadonlyMap<string, DocumentModel>,
    readonly index: FileIndex,
    readonly initiatives: InitiativeMap,
    readonly config: ProofmarkConfig,
    readonly c: CompiledConventions,
    /** Resolutions, valid while the file set does not change. */
    private readonly resolutions = new ResolutionMemo(),
    private readonly heldTexts: SearchTextSource | null = null,
  ) {}

  /** A model's lower-cased search text (analyze/document.ts, `searchable`): its own, or the one its holder set aside. */
  searchText(model: DocumentModel): string {
    return this.heldTexts?.(model) ?? model.searchText;
  }

  private readonly archives = new Map<string, Archive | null>();
  private archiveTest: ((path: string) => boolean) | null = null;
  private ignoreTest: ((path: string) => boolean) | null = null;

  initiativeOf(path: string): Initiative | null {
    const key = this.initiatives.byDocument.get(path);
    return key === undefined ? null : (this.initiatives.byKey.get(key) ?? null);
  }

  resolve(ref: ResolvableReference, from: string): Resolution {
    const initiative = this.initiativeOf(from);
    const folder = initiative ? initiative.key.folder : null;
    return this.resolutions.get(`${dirname(from)}\u0000${folder ?? '\u0001'}`, ref, () => resolveReference(ref, from, folder, this.index, this.c));
  }

  /**
   * Whether a document is an archive, a backup, a template or an agent prompt (by the configured
   * folders), or marked historical or superseded (by itself, or by its folder's README): its own
   * references and claims are not checked, unless `checkArchives` is set.
   */
  archived(path: string): boolean {
    return this.archiveOf(path) !== null;
  }

  /** Why a document counts as archived: a configured folder, or a document marking it historical. */
  archiveOf(path: string): Archive | null {
    if (this.config.checkArchives) return null;
    let hit = this.archives.get(path);
    if (hit === undefined) {
      this.archiveTest ??= ignoreMatcher(this.config.archives);
      hit = this.archiveTest(path) ? { kind: 'folder', reason: 'it lies in an archive, template or prompt folder' } : this.historicalMarker(path);
      this.archives.set(path, hit);
    }
    return hit;
  }

  /** The document itself, or the README of one of its folders, saying it is historical or superseded. */
  private historicalMarker(path: string): Archive | null {
    if (this.models.get(path)?.historical) return { kind: 'marked', reason: `${basename(path)} says it is historical or superseded` };
    for (let folder = dirname(path); ; folder = dirname(folder)) {
      for (const name of FOLDER_MARKERS) {
        const readme = folder === '' ? name : `${folder}/${name}`;
        if (readme !== path && this.models.get(readme)?.historical) return { kind: 'marked', reason: `${readme} marks this folder historical` };
      }
      if (folder === '') return null;
    }
  }

  /**
   * Whether a cited path lies in a folder the index never holds (`out/`, `dist/`, the configured
   * ignores): it may well exist on disk, so it counts as existing, never as missing.
   */
  hidden(target: string, from: string): boolean {
    this.ignoreTest ??= ignoreMatcher(this.config.ignore);
    const test = this.ignoreTest;
    return [joinPath(dirname(from), target), joinPath('', target)].some((p) => p !== null && p !== '' && test(p));
  }

  /** The planning documents themselves: anchors (TODO, PRD, RFC, CONTEXT…) and phase prompts. */
  isPlanningDocument(path: string): boolean {
    const name = basename(path);
    return this.c.anchorFile.test(name) || this.c.phasePromptFile.test(name);
  }

  /** Reports, phase outputs and other status documents: what they cite, they say exists. */
  isRecord(model: DocumentModel): boolean {
    return STATUS_ROLES.has(model.role.kind);
  }

  /**
   * Whether a citation is about this repository at all: its first folder exists somewhere in the
   * workspace (or it names a document). `backend/handlers/admin.py` in a guide of a repository with
   * no `backend/` is an example; `Formula/x.rb` of another repository is not ours to check.
   */
  anchored(target: string): boolean {
    const slash = target.indexOf('/');
    if (slash < 0) return /\.mdx?$/i.test(target);
    const first = target.slice(0, slash).replace(/^@/, '');
    if (first === '..' || first === '.') return true;
    return this.index.hasDirectory(first) || this.index.directoriesNamed(first).length > 0;
  }

  todoOf(initiative: Initiative): DocumentModel | null {
    return initiative.todo ? (this.models.get(initiative.todo) ?? null) : null;
  }

  /** A phase has started when the TODO states a status for it or any of its outputs exists. */
  phaseStarted(initiative: Initiative, phase: string): boolean {
    if (initiative.outputs.has(phase)) return true;
    const p = this.todoOf(initiative)?.todo?.phases.find((x) => x.number === phase);
    return p !== undefined && p.statuses.some((s) => s.marker !== null);
  }

  phase(initiative: Initiative, phase: string): Phase | null {
    return this.todoOf(initiative)?.todo?.phases.find((p) => p.number === phase) ?? null;
  }
}

export function lineRangeOf(line: number): Range {
  return { start: { line, column: 1 }, end: { line, column: 1 } };
}
