import type { Conventions } from './conventions';
import type { Status, StatusMarker } from '../model/status';

/** Conventions with their patterns compiled once; built by `compileConventions` and cached per object. */
export interface CompiledConventions {
  readonly source: Conventions;
  readonly anchorFile: RegExp;
  readonly phaseOutputFile: RegExp;
  readonly phasePromptFile: RegExp;
  readonly phaseDocFile: RegExp;
  readonly statusDocFile: RegExp;
  readonly done: RegExp;
  readonly inProgress: RegExp;
  readonly failed: RegExp;
  /** A status field: `**Status**: ✅ …`, `- **Phase 2 Status:** 🔄 …`. Group 1 = label, 2 = value. */
  readonly statusField: RegExp;
  /** A requirement id anywhere in text, global. Group 1 = kind, group 2 = number. */
  readonly requirementId: RegExp;
  readonly requirementKinds: ReadonlySet<string>;
  readonly outputKinds: readonly string[];
}

const cache = new WeakMap<Conventions, CompiledConventions>();

export function compileConventions(conventions: Conventions): CompiledConventions {
  const hit = cache.get(conventions);
  if (hit) return hit;
  const kinds = conventions.requirementKinds.map((k) => k.replace(/[^\w]/g, '')).sort((a, b) => b.length - a.length);
  const compiled: CompiledConventions = {
    source: conventions,
    anchorFile: new RegExp(conventions.anchorFile, 'u'),
    phaseOutputFile: new RegExp(conventions.phaseOutputFile, 'u'),
    phasePromptFile: new RegExp(conventions.phasePromptFile, 'u'),
    phaseDocFile: new RegExp(conventions.phaseDocFile, 'u'),
    statusDocFile: new RegExp(conventions.statusDocFile, 'u'),
    done: new RegExp(conventions.statusDone, 'u'),
    inProgress: new RegExp(conventions.statusInProgress, 'u'),
    failed: new RegExp(conventions.statusFailed, 'u'),
    statusField: new RegExp(
      `^\\s*(?:[-*+]\\s+)?\\*{0,2}((?:[A-Za-z][\\w /-]{0,30}?\\s)?(?:${conventions.statusFieldLabel}))\\*{0,2}\\s*:\\s*\\*{0,2}\\s*(.*)$`,
      'u',
    ),
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
