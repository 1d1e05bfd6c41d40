import { DEFAULT_CONVENTIONS, type Conventions } from './conventions';
import { compileLinear, type GlobalPattern, type LinearPattern, type Pattern } from './pattern';
import type { Status, StatusMarker } from '../model/status';

/**
 * Conventions with their patterns compiled once; built by `compileConventions` and cached per
 * object. A pattern left at its built-in default is a native `RegExp`; one from configuration runs
 * on the linear-time engine (`pattern.ts`), so no configured pattern can stall the analysis.
 */
export interface CompiledConventions {
  /**
   * The conventions for code that still compiles their sources itself (`stripStatus` in
   * analyze/todo.ts): a status pattern that runs on the linear-time engine is replaced here by one
   * that matches nothing, so that such code cannot stall on it. Use `statusMarkers` instead; the
   * conventions as configured are `conventions`.
   */
  readonly source: Conventions;
  readonly conventions: Conventions;
  readonly anchorFile: Pattern;
  readonly phaseOutputFile: Pattern;
  readonly phasePromptFile: Pattern;
  readonly phaseDocFile: Pattern;
  readonly statusDocFile: Pattern;
  readonly done: Pattern;
  readonly inProgress: Pattern;
  readonly failed: Pattern;
  /** Every done marker of a text, for `text.replace(c.doneMarkers, …)`. */
  readonly doneMarkers: GlobalPattern;
  /** Every status marker (done, in progress, failed) of a text, for `text.replace(c.statusMarkers, …)`. */
  readonly statusMarkers: GlobalPattern;
  /** A status field: `**Status**: ✅ …`, `- **Phase 2 Status:** 🔄 …`. Group 1 = label, 2 = value. */
  readonly statusField: Pattern;
  /** A requirement id anywhere in text, global. Group 1 = kind, group 2 = number. Built from words, never from a configured pattern. */
  readonly requirementId: RegExp;
  readonly requirementKinds: ReadonlySet<string>;
  readonly outputKinds: readonly string[];
}

export type PatternConvention = 'anchorFile' | 'phaseOutputFile' | 'phasePromptFile' | 'phaseDocFile' | 'statusDocFile' | 'statusDone' | 'statusInProgress' | 'statusFailed' | 'statusFieldLabel';

export function isPatternConvention(key: string): key is PatternConvention {
  return Object.hasOwn(DEFAULT_CONVENTIONS, key) && typeof (DEFAULT_CONVENTIONS as unknown as Record<string, unknown>)[key] === 'string';
}

const NOTHING = '[^\\s\\S]';

/** The status-field pattern around a label pattern. */
export function statusFieldSource(label: string): string {
  return `^\\s*(?:[-*+]\\s+)?\\*{0,2}((?:[A-Za-z][\\w /-]{0,30}?\\s)?(?:${label}))\\*{0,2}\\s*:\\s*\\*{0,2}\\s*(.*)$`;
}

function statusMarkersSource(done: string, inProgress: string, failed: string): string {
  return `(?:${done})|(?:${inProgress})|(?:${failed})`;
}

const STATUS_KEYS = ['statusDone', 'statusInProgress', 'statusFailed'] as const;

/**
 * Compiles the pattern conventions: a built-in default natively, a configured one on the
 * linear-time engine. A configured source the engine refuses (parseConfig has reported it as
 * config-invalid) gives way to the built-in one.
 */
class PatternCompiler {
  private readonly linear = new Map<PatternConvention, LinearPattern>();

  constructor(private readonly conventions: Conventions) {
    for (const key of Object.keys(DEFAULT_CONVENTIONS) as (keyof Conventions)[]) {
      if (key === 'outputKinds' || key === 'requirementKinds' || conventions[key] === DEFAULT_CONVENTIONS[key]) continue;
      const compiled = compileLinear(this.full(key, conventions[key]));
      if (compiled.ok) this.linear.set(key, compiled.pattern);
    }
  }

  /** The pattern source of a convention: a status-field label is embedded in the field's pattern. */
  private full(key: PatternConvention, source: string): string {
    return key === 'statusFieldLabel' ? statusFieldSource(source) : source;
  }

  /** The source in use: the configured one if it runs on the engine, else the built-in one. */
  private effective(key: PatternConvention): string {
    return this.linear.has(key) ? this.conventions[key] : DEFAULT_CONVENTIONS[key];
  }

  one(key: PatternConvention, flags: 'u' | 'gu' = 'u'): Pattern & GlobalPattern {
    return this.linear.get(key) ?? new RegExp(this.full(key, DEFAULT_CONVENTIONS[key]), flags);
  }

  statusMarkers(): GlobalPattern {
    const [done, inProgress, failed] = STATUS_KEYS.map((k) => this.effective(k)) as [string, string, string];
    const source = statusMarkersSource(done, inProgress, failed);
    const linear = STATUS_KEYS.some((k) => this.linear.has(k)) ? compileLinear(source) : null;
    return linear?.ok ? linear.pattern : new RegExp(statusMarkersSource(DEFAULT_CONVENTIONS.statusDone, DEFAULT_CONVENTIONS.statusInProgress, DEFAULT_CONVENTIONS.statusFailed), 'gu');
  }

  /** The conventions with every linear status pattern replaced by one matching nothing (see CompiledConventions.source). */
  nativeSafe(): Conventions {
    const safe = (key: (typeof STATUS_KEYS)[number]): string => (this.linear.has(key) ? NOTHING : DEFAULT_CONVENTIONS[key]);
    return { ...this.conventions, statusDone: safe('statusDone'), statusInProgress: safe('statusInProgress'), statusFailed: safe('statusFailed') };
  }
}

const cache = new WeakMap<Conventions, CompiledConventions>();

export function compileConventions(conventions: Conventions): CompiledConventions {
  const hit = cache.get(conventions);
  if (hit) return hit;
  const kinds = conventions.requirementKinds.map((k) => k.replace(/[^\w]/g, '')).sort((a, b) => b.length - a.length);
  const p = new PatternCompiler(conventions);
  const compiled: CompiledConventions = {
    source: p.nativeSafe(),
    conventions,
    anchorFile: p.one('anchorFile'),
    phaseOutputFile: p.one('phaseOutputFile'),
    phasePromptFile: p.one('phasePromptFile'),
    phaseDocFile: p.one('phaseDocFile'),
    statusDocFile: p.one('statusDocFile'),
    done: p.one('statusDone'),
    inProgress: p.one('statusInProgress'),
    failed: p.one('statusFailed'),
    doneMarkers: p.one('statusDone', 'gu'),
    statusMarkers: p.statusMarkers(),
    statusField: p.one('statusFieldLabel'),
    requirementId: new RegExp(`\\b(${kinds.join('|')})-?0*(\\d+(?:\\.\\d+)*)(?![\\d.]*\\d)\\b`, 'g'),
    requirementKinds: new Set(kinds),
    outputKinds: conventions.outputKinds,
  };
  cache.set(conventions, compiled);
  return compiled;
}

const PERCENT = /(\d{1,3}(?:\.\d+)?)\s*%/u;

/**
 * The status a piece of text states, by the precedence failed > in progress > done, so that
 * "⚠️ 50% PARTIAL SUCCESS" is not done. Null when the text states none.
 */
export function readStatus(text: string, c: CompiledConventions): StatusMarker | null {
  let status: Status | null = null;
  let match: RegExpExecArray | null = c.failed.exec(text);
  if (match) status = 'failed';
  else if ((match = c.inProgress.exec(text))) status = 'in-progress';
  else if ((match = c.done.exec(text))) status = 'done';
  if (status === null || match === null) return null;
  const percentMatch = PERCENT.exec(text);
  const percent = percentMatch ? Number(percentMatch[1]) : null;
  return { status, text: markerText(text, match.index), percent };
}

/** The status words as written from the marker on: `✅ COMPLETED` out of `✅ COMPLETED - Title`. */
function markerText(text: string, from: number): string {
  const tail = text.slice(from).replace(/\*+/g, '').replace(/\s+/g, ' ').trim();
  const cut = tail.search(/\s[-–—|:]\s|:\s|\s\(|\.\s/);
  const head = (cut > 0 ? tail.slice(0, cut) : tail).trim();
  return head.length > 40 ? `${head.slice(0, 39)}…` : head;
}
