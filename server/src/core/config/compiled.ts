import { DEFAULT_CONVENTIONS, type Conventions } from './conventions';
import { compileLinear, type GlobalPattern, type LinearPattern, type Pattern } from './pattern';
import type { Status, StatusMarker } from '../model/status';
import { specPlacer, type SpecPlacer } from './specLayouts';
import { clip } from '../text/clip';

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
  readonly planned: Pattern;
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
  /** The spec folder and part of a document, by the spec layouts; null outside every spec. */
  readonly specPlace: SpecPlacer;
}

export type PatternConvention = 'anchorFile' | 'phaseOutputFile' | 'phasePromptFile' | 'phaseDocFile' | 'statusDocFile' | 'statusDone' | 'statusInProgress' | 'statusFailed' | 'statusPlanned' | 'statusFieldLabel';

export function isPatternConvention(key: string): key is PatternConvention {
  return Object.hasOwn(DEFAULT_CONVENTIONS, key) && typeof (DEFAULT_CONVENTIONS as unknown as Record<string, unknown>)[key] === 'string';
}

const NOTHING = '[^\\s\\S]';

/** The status-field pattern around a label pattern. */
export function statusFieldSource(label: string): string {
  return `^\\s*(?:[-*+]\\s+)?\\*{0,2}((?:[A-Za-z][\\w /-]{0,30}?\\s|[\\u4e00-\\u9fff]{1,6})?(?:${label}))\\*{0,2}\\s*:\\s*\\*{0,2}\\s*(.*)$`;
}

function statusMarkersSource(done: string, inProgress: string, failed: string, planned: string): string {
  return `(?:${done})|(?:${inProgress})|(?:${failed})|(?:${planned})`;
}

const STATUS_KEYS = ['statusDone', 'statusInProgress', 'statusFailed', 'statusPlanned'] as const;

/**
 * Compiles the pattern conventions: a built-in default natively, a configured one on the
 * linear-time engine. A configured source the engine refuses (parseConfig has reported it as
 * config-invalid) gives way to the built-in one.
 */
class PatternCompiler {
  private readonly linear = new Map<PatternConvention, LinearPattern>();

  constructor(private readonly conventions: Conventions) {
    for (const key of Object.keys(DEFAULT_CONVENTIONS) as (keyof Conventions)[]) {
      if (key === 'outputKinds' || key === 'requirementKinds' || key === 'specLayouts' || conventions[key] === DEFAULT_CONVENTIONS[key]) continue;
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
    const [done, inProgress, failed, planned] = STATUS_KEYS.map((k) => this.effective(k)) as [string, string, string, string];
    const source = statusMarkersSource(done, inProgress, failed, planned);
    const linear = STATUS_KEYS.some((k) => this.linear.has(k)) ? compileLinear(source) : null;
    const d = DEFAULT_CONVENTIONS;
    return linear?.ok ? linear.pattern : new RegExp(statusMarkersSource(d.statusDone, d.statusInProgress, d.statusFailed, d.statusPlanned), 'gu');
  }

  /** The conventions with every linear status pattern replaced by one matching nothing (see CompiledConventions.source). */
  nativeSafe(): Conventions {
    const safe = (key: (typeof STATUS_KEYS)[number]): string => (this.linear.has(key) ? NOTHING : DEFAULT_CONVENTIONS[key]);
    return { ...this.conventions, statusDone: safe('statusDone'), statusInProgress: safe('statusInProgress'), statusFailed: safe('statusFailed'), statusPlanned: safe('statusPlanned') };
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
    planned: p.one('statusPlanned'),
    doneMarkers: p.one('statusDone', 'gu'),
    statusMarkers: p.statusMarkers(),
    statusField: p.one('statusFieldLabel'),
    requirementId: new RegExp(`\\b(${kinds.join('|')})-?0*(\\d+(?:\\.\\d+)*)(?![\\d.]*\\d)\\b`, 'g'),
    requirementKinds: new Set(kinds),
    outputKinds: conventions.outputKinds,
    specPlace: specPlacer(conventions.specLayouts),
  };
  cache.set(conventions, compiled);
  return compiled;
}

/**
 * Where a status is written: a status field's value (`**Status**: Completed.`) is read in any case
 * from its first words; a heading also states one in words at its end (`## Phase 2 — Done`); in
 * running text only the markers count.
 */
export type StatusPosition = 'text' | 'field' | 'heading';

/** A completion figure next to a done word: `COMPLETED (92%)`, `COMPLETED SUCCESSFULLY (90%)`, `92% complete`, `80% done`; not `40% faster` or `5/6 PASSED (83%)`. */
const COMPLETION_FIGURE = /\b(?:complete[d]?|done|finished)\b(?:\s+(?:successfully|fully))?[*_]*\s*(?:[-–—:]\s*)?\(?\s*(\d{1,3}(?:\.\d+)?)\s*%|\b(\d{1,3}(?:\.\d+)?)\s*%\s*(?:complete[d]?|done|finished|achieved|implemented)\b/i;
/** The leading words of a status field's value, in any case. */
const FIELD_WORDS: readonly [RegExp, Status][] = [
  [/^(?:fail(?:ed|ing)?|blocked|broken|rejected|not (?:met|passing|working)|gaps found)\b/i, 'failed'],
  [/^(?:in[ _-]?progress|ongoing|wip|work in progress|partial(?:ly)?|started|underway|active|in review|under review|human needed|needs (?:human|manual) (?:review|verification|testing))\b/i, 'in-progress'],
  [/^(?:not (?:started|begun|yet started)|planned|planning|proposed|draft|to ?do|pending|backlog|deferred|postponed|on hold|paused|ready for (?:implementation|planning|development|review)|specified|idea|open)\b/i, 'planned'],
  [/^(?:complete[d]?|done|finished|implemented|passed|passing|achieved|resolved|fixed|delivered|shipped|merged|accepted|verified|approved|closed|production[- ]ready)\b/i, 'done'],
  // In Chinese only as a field's value: in prose 通过 is also "through", 失败 "if it fails", 已完成 an adjective.
  [/^(?:未通过|失败)/u, 'failed'],
  [/^(?:进行中|未完成|部分完成|部分通过)/u, 'in-progress'],
  [/^(?:未开始|计划中|草稿)/u, 'planned'],
  [/^(?:已完成|完成|已通过|通过|已实现|已交付)/u, 'done'],
];
/** A status in words at the end of a heading: `## Phase 2 — Done`, `### Task 3 (Completed)`. */
const HEADING_WORDS = /(?:^|[\s\-–—:|([])\**\s*(complete[d]?|done|finished|in progress|not started|planned|deferred|blocked)\s*\**\s*[)\]]?\s*\.?\s*$/i;
/** `✅ TODO:`, `✅ Next:` — a checkbox glyph before an action, not a status. */
const IMPERATIVE = /(?:✅|☑️?|✔️?)\s*\**\s*(?:TODO|FIXME|Action(?:\s+items?)?|Next(?:\s+steps?)?|To\s*do)\b\s*\**\s*:/i;
/** Words that may follow a status word in a status (`COMPLETED SUCCESSFULLY`, `DONE AND VERIFIED`); any other capitalised word makes it an adjective (`COMPLETE REDESIGN`). */
const STATUS_COMPANION = /^(?:SUCCESSFULLY|SUCCESS(?:FUL)?|AND|WITH|BUT|EXCEPT|FOR|IN|ON|AT|TO|OF|VIA|ALL|FULLY|PHASE|PASSED|VERIFIED|VALIDATED|TESTED|READY|NOW|AS|ONLY|YET|COMPLETED?|DONE|ACHIEVED|IMPLEMENTED|FIXED|RESOLVED|WORKING|FUNCTIONAL|OPERATIONAL|DEPLOYED|&)\b/;

/** A field's value that opens with "complete" before a noun (`**Result**: Complete performance visibility`) describes, it states no status. */
function adjectiveValue(value: string): boolean {
  const next = /^complete\s+([a-z]+)/i.exec(value)?.[1];
  return next !== undefined && !STATUS_COMPANION.test(next.toUpperCase());
}

function wordIsAdjective(text: string, match: RegExpExecArray): boolean {
  if (!/^[A-Za-z]/.test(match[0])) return false;
  const next = text.slice(match.index + match[0].length).replace(/^[*_`]+/, '');
  if (!/^ [A-Z]/.test(next)) return false;
  return !STATUS_COMPANION.test(next.slice(1));
}

/** A line that lists statuses as options or a legend (`⬜ Not started / 🟡 In progress / ✅ Done`) states none. */
function isOptionList(text: string, c: CompiledConventions): boolean {
  if (!/[/|·]|\blegend\b|\bkey\s*:/i.test(text)) return false;
  const classes = [c.failed, c.inProgress, c.planned, c.done].filter((p) => p.test(text)).length;
  return classes >= 2 || /\blegend\b|\bkey\s*:/i.test(text);
}

function completionPercent(text: string): number | null {
  const m = COMPLETION_FIGURE.exec(text);
  const figure = m?.[1] ?? m?.[2];
  return figure === undefined ? null : Number(figure);
}

/**
 * The status a piece of text states, by the precedence failed > in progress > done > planned, so
 * that "⚠️ 50% PARTIAL SUCCESS" is not done. Null when the text states none: no marker, a marker
 * used as an adjective (`COMPLETE REDESIGN`), an option list or legend, an imperative (`✅ TODO:`).
 */
export function readStatus(text: string, c: CompiledConventions, where: StatusPosition = 'text'): StatusMarker | null {
  if (IMPERATIVE.test(text) || isOptionList(text, c)) return null;
  if (where === 'field') {
    const lead = /^[\s*_`>]*/.exec(text)?.[0].length ?? 0;
    const value = text.slice(lead).replace(/^(?:[^\p{L}\p{N}\s*_`]+\s*)?\**\s*/u, '');
    for (const [pattern, status] of FIELD_WORDS) {
      if (pattern.test(value) && !adjectiveValue(value)) return { status, text: markerText(text, lead), percent: status === 'done' ? completionPercent(text) : null };
    }
  }
  let status: Status | null = null;
  let match: RegExpExecArray | null = null;
  for (const [pattern, s] of [
    [c.failed, 'failed'],
    [c.inProgress, 'in-progress'],
    [c.done, 'done'],
    [c.planned, 'planned'],
  ] as const) {
    const m = pattern.exec(text);
    if (m && !wordIsAdjective(text, m)) {
      status = s;
      match = m;
      break;
    }
  }
  if (status === null || match === null) {
    const words = where === 'heading' ? HEADING_WORDS.exec(text) : null;
    if (!words) return null;
    const word = (words[1] ?? '').toLowerCase();
    status = /^(?:complete|completed|done|finished)$/.test(word) ? 'done' : word === 'in progress' ? 'in-progress' : word === 'blocked' ? 'failed' : 'planned';
    return { status, text: markerText(text, words.index + (words[0].length - words[0].trimStart().length)), percent: status === 'done' ? completionPercent(text) : null };
  }
  const percent = status === 'done' ? completionPercent(text) : null;
  // "80% COMPLETE" alone is a progress figure: done only if another done marker stands beside it (`✅ 80% COMPLETE`).
  if (percent !== null && percent < 100 && !doneBesideFigure(text, c)) return { status: 'in-progress', text: markerText(text, match.index), percent: null };
  return { status, text: markerText(text, match.index), percent };
}

function doneBesideFigure(text: string, c: CompiledConventions): boolean {
  const figure = COMPLETION_FIGURE.exec(text);
  if (!figure) return true;
  const rest = `${text.slice(0, figure.index)} ${text.slice(figure.index + figure[0].length)}`;
  const m = c.done.exec(rest);
  return m !== null && !wordIsAdjective(rest, m);
}

/** The status words as written from the marker on: `✅ COMPLETED` out of `✅ COMPLETED - Title`. */
function markerText(text: string, from: number): string {
  const tail = text.slice(from).replace(/\*+/g, '').replace(/\s+/g, ' ').trim();
  const cut = tail.search(/\s[-–—|:]\s|:\s|\s\(|\.\s/);
  const head = (cut > 0 ? tail.slice(0, cut) : tail).trim();
  return clip(head, 40);
}
