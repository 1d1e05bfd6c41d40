import type { CompiledConventions } from '../config/compiled';
import type { ProofmarkConfig } from '../config/config';
import type { FindingData, RelatedLocation } from '../findings/finding';
import type { FindingCode } from '../findings/codes';
import type { DocumentModel, Reference } from '../model/document';
import type { Initiative } from '../model/initiative';
import type { Phase } from '../model/todo';
import type { InitiativeMap } from '../project/initiatives';
import type { FileIndex } from '../resolve/fileIndex';
import { resolveReference, type Resolution } from '../resolve/resolve';
import type { Range } from '../text/position';

/** A finding from a cross-document rule, before configuration gives it a severity. */
export interface RuleFinding {
  readonly code: FindingCode;
  readonly file: string;
  readonly range: Range;
  readonly message: string;
  readonly related: readonly RelatedLocation[];
  /** Lower the configured severity one step (a low-confidence match). */
  readonly weak?: boolean;
  readonly data?: FindingData;
}

/** What every cross-document rule reads. Reference resolutions are memoised per (document, target). */
export class RuleContext {
  constructor(
    readonly models: ReadonlyMap<string, DocumentModel>,
    readonly index: FileIndex,
    readonly initiatives: InitiativeMap,
    readonly config: ProofmarkConfig,
    readonly c: CompiledConventions,
    /** Resolutions by (document, shape, target); valid while the file set does not change. */
    private readonly resolutions = new Map<string, Resolution>(),
  ) {}

  initiativeOf(path: string): Initiative | null {
    const key = this.initiatives.byDocument.get(path);
    return key === undefined ? null : (this.initiatives.byKey.get(key) ?? null);
  }

  resolve(ref: Pick<Reference, 'target' | 'shape'>, from: string): Resolution {
    const initiative = this.initiativeOf(from);
    const key = `${from}\u0000${ref.shape}\u0000${ref.target}`;
    let hit = this.resolutions.get(key);
    if (!hit) {
      hit = resolveReference(ref, from, initiative ? initiative.key.folder : null, this.index, this.c);
      this.resolutions.set(key, hit);
    }
    return hit;
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
