import type { AnalysisOutcome } from '../core/analyze/document';
import type { DocumentModel } from '../core/model/document';
import { setAsideSearchText } from './searchTexts';

/**
 * Strings up to this length are shared: kinds, markers, intents and ids, but also cited paths,
 * checklist items and headings that many documents repeat (10,000 generated models: 180 MB of
 * heap sharing strings up to 40 characters, 166 MB up to 400). Longer ones are mostly unique.
 */
const SHARED_STRING = 400;
/** Positions are keyed `line * COLUMNS + column`; a column past this is not shared. */
const COLUMNS = 1 << 16;
/** A record of primitives with at most this many fields is shared; longer ones are mostly unique. */
const LEAF_FIELDS = 4;
/** Records and arrays whose JSON is longer than this are not shared (their keys would cost more than they save). */
const SHARED_KEY = 400;
/** The one empty array of every model: frozen, so that a reader that tried to add to it would fail loudly. */
const EMPTY: readonly unknown[] = Object.freeze([]);

interface Position {
  readonly line: number;
  readonly column: number;
}

function isPosition(value: Record<string, unknown>, keys: readonly string[]): value is Record<string, unknown> & Position {
  return keys.length === 2 && keys[0] === 'line' && keys[1] === 'column' && typeof value.line === 'number' && typeof value.column === 'number';
}

/**
 * Rebuilds the models an index keeps so that they hold as little memory as plain data can: a
 * model is copied through JSON (a structured clone from a worker thread takes a third more heap
 * than the same data parsed from JSON, and a model analysed in this thread holds substrings that
 * keep its whole text alive), then equal short strings, positions and ranges are shared across
 * models, and so are small records of primitives (evidence items, status markers, lead lines, a
 * claim's window) and arrays of numbers or strings (a claim's evidence indices, a reference's
 * folders): 3,000 generated models took 53.5 MB of heap with strings, positions and ranges shared,
 * 39.7 MB with these too. Models are immutable plain data (every field is readonly, nothing
 * mutates them, and no reader tells two equal records of different documents apart by identity),
 * so sharing is invisible to their readers. The search text is set aside, compressed (searchTexts.ts).
 * One compactor serves one index and is dropped with it, so its tables do not outlive the index.
 */
export class ModelCompactor {
  private readonly strings = new Map<string, string>();
  private readonly positions = new Map<number, Position>();
  private readonly positionKeys = new Map<Position, number>();
  private readonly ranges = new Map<string, object>();
  /** Records and arrays by their JSON (`{…}` and `[…]` never meet). */
  private readonly byJson = new Map<string, object>();

  /** A copy of an outcome's model, compacted. */
  outcome(outcome: AnalysisOutcome): AnalysisOutcome {
    if (!('model' in outcome)) return outcome;
    return { path: outcome.path, model: setAsideSearchText(this.share(JSON.parse(JSON.stringify(outcome.model))) as DocumentModel) };
  }

  /** A model parsed from JSON (the model cache's), compacted in place: it is this index's own copy. */
  parsed(model: DocumentModel): DocumentModel {
    return setAsideSearchText(this.share(model) as DocumentModel);
  }

  private share(value: unknown): unknown {
    if (typeof value === 'string') return value.length > SHARED_STRING ? value : this.string(value);
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = this.share(value[i]);
      return this.array(value);
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (isPosition(record, keys)) return this.position(record);
    for (const k of keys) record[k] = this.share(record[k]);
    if (keys.length === 2 && keys[0] === 'start' && keys[1] === 'end') return this.range(record);
    return this.leaf(record, keys);
  }

  /**
   * Drops the tables once the index has every model: they serve only models still to come, and
   * would otherwise stay alive through the computation of the findings and the cache write that
   * follow (13-19 MB on 10,000 models), the peak of the index.
   */
  release(): void {
    this.strings.clear();
    this.positions.clear();
    this.positionKeys.clear();
    this.ranges.clear();
    this.byJson.clear();
  }

  private string(value: string): string {
    const hit = this.strings.get(value);
    if (hit !== undefined) return hit;
    this.strings.set(value, value);
    return value;
  }

  private position(p: Position): Position {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.column) || p.column < 0 || p.column >= COLUMNS || p.line < 0) return p;
    const key = p.line * COLUMNS + p.column;
    const hit = this.positions.get(key);
    if (hit) return hit;
    this.positions.set(key, p);
    this.positionKeys.set(p, key);
    return p;
  }

  /** A record of a few primitive fields, shared with every equal one (its JSON is its key). */
  private leaf(record: Record<string, unknown>, keys: readonly string[]): object {
    if (keys.length > LEAF_FIELDS) return record;
    for (const k of keys) {
      const v = record[k];
      if (v !== null && typeof v === 'object') return record;
    }
    return this.interned(record);
  }

  /** An array of numbers or strings, shared with every equal one; every empty array is the one frozen empty array. */
  private array(value: unknown[]): unknown[] {
    if (value.length === 0) return EMPTY as unknown[];
    if (!value.every((v) => typeof v === 'number' || typeof v === 'string')) return value;
    return this.interned(value);
  }

  /** The first value seen with the same JSON, unless that JSON is too long to be worth a key. */
  private interned<T extends object>(value: T): T {
    const key = JSON.stringify(value);
    if (key.length > SHARED_KEY) return value;
    const hit = this.byJson.get(key);
    if (hit) return hit as T;
    this.byJson.set(key, value);
    return value;
  }

  private range(record: Record<string, unknown>): object {
    const start = this.positionKeys.get(record.start as Position);
    const end = this.positionKeys.get(record.end as Position);
    if (start === undefined || end === undefined) return record;
    const key = `${start}:${end}`;
    const hit = this.ranges.get(key);
    if (hit) return hit;
    this.ranges.set(key, record);
    return record;
  }
}

/** A model analysed in this thread, copied through JSON so that it keeps no substring of its text alive, its search text set aside. */
export function plainOutcome(outcome: AnalysisOutcome): AnalysisOutcome {
  return 'model' in outcome ? { path: outcome.path, model: setAsideSearchText(JSON.parse(JSON.stringify(outcome.model)) as DocumentModel) } : outcome;
}
