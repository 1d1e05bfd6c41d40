import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CorpusFinding } from './findings';

export type Verdict = 'TRUE' | 'FALSE' | 'NOISE';

/**
 * A finding judged by reading the document at its line: TRUE (an author would want to fix it),
 * FALSE (wrong) or NOISE (true but unwanted). Only locations, codes, verdicts and reasons are
 * stored, never document text.
 */
export interface Label {
  readonly corpus: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly verdict: Verdict;
  readonly reason: string;
  /** `tuning` labels were used while changing the rules; `fresh` ones were labelled after, to check them. */
  readonly round: string;
}

export const LABELS_FILE = path.join(__dirname, 'labels.jsonl');

const VERDICTS: readonly string[] = ['TRUE', 'FALSE', 'NOISE'];

function isLabel(value: unknown): value is Label {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.corpus === 'string' &&
    typeof v.file === 'string' &&
    typeof v.line === 'number' &&
    typeof v.column === 'number' &&
    typeof v.code === 'string' &&
    typeof v.verdict === 'string' &&
    VERDICTS.includes(v.verdict) &&
    typeof v.reason === 'string' &&
    typeof v.round === 'string'
  );
}

/** Reads a labels file; a malformed line is an error naming the line, never skipped silently. */
export function readLabels(file: string = LABELS_FILE): Label[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const labels: Label[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1} is not JSON`);
    }
    if (!isLabel(value)) throw new Error(`${file}:${i + 1} is not a label (corpus, file, line, column, code, verdict, reason, round)`);
    labels.push(value);
  });
  return labels;
}

export function locationKey(x: { corpus: string; file: string; line: number; code: string }): string {
  return `${x.corpus}\u0000${x.file}\u0000${x.line}\u0000${x.code}`;
}

/**
 * The reported finding a label refers to: one at the same place with the same code (the column
 * decides between several on a line), or one of the same code that lists the labelled place among
 * its related locations (a fact reported once for several places, such as a copied document).
 */
export function matchLabel(label: Label, at: ReadonlyMap<string, readonly CorpusFinding[]>, relatedAt: ReadonlyMap<string, readonly CorpusFinding[]>): CorpusFinding | null {
  for (const code of [label.code, ...(SUCCESSORS[label.code] ?? [])]) {
    const key = locationKey({ ...label, code });
    const here = at.get(key) ?? [];
    if (here.length > 0) return here.find((f) => f.column === label.column) ?? here[0] ?? null;
    const related = relatedAt.get(key)?.[0];
    if (related) return related;
  }
  for (const code of REPEATED_UNDER[label.code] ?? []) {
    const related = relatedAt.get(locationKey({ ...label, code }))?.[0];
    if (related) return related;
  }
  return null;
}

/**
 * A fact one document repeats from another is a related location of the other's finding, under its
 * code: a phase output saying done what its TODO's phase-done-checklist-open states (copies.ts).
 */
const REPEATED_UNDER: Readonly<Record<string, readonly string[]>> = {
  'status-conflict': ['phase-done-checklist-open'],
};

/** A label and the reported finding it refers to now (null: not reported). */
export interface MatchedLabel {
  readonly label: Label;
  readonly hit: CorpusFinding | null;
}

/**
 * Each label with the finding it refers to (matchLabel), except a label carried from an older code
 * (SUCCESSORS) to a finding that a label of the finding's own code also refers to: a new code can
 * change what the finding means (a file "missing" that is misnamed), so the label read under the
 * new code decides, and the carried one is left out (neither a verdict nor a TRUE to keep).
 */
export function matchLabels(labels: readonly Label[], at: ReadonlyMap<string, readonly CorpusFinding[]>, relatedAt: ReadonlyMap<string, readonly CorpusFinding[]>): MatchedLabel[] {
  const matched = labels.map((label) => ({ label, hit: matchLabel(label, at, relatedAt) }));
  const labelledUnderOwnCode = new Set(matched.filter((m) => m.hit !== null && m.hit.code === m.label.code).map((m) => m.hit));
  // A label at the finding's own place decides over labels of its related places (those judged
  // findings since merged into it: "the same file, already reported at line 63").
  const labelledHere = new Set(matched.filter((m) => m.hit !== null && m.hit.file === m.label.file && m.hit.line === m.label.line).map((m) => m.hit));
  const kept = matched.filter((m) => m.hit === null || ((m.hit.code === m.label.code || !labelledUnderOwnCode.has(m.hit)) && (!labelledHere.has(m.hit) || (m.hit.file === m.label.file && m.hit.line === m.label.line))));
  // One finding, one verdict: of the labels of places since merged into one finding (none at its
  // own place), the first place's decides, whatever its verdict.
  const first = new Map<CorpusFinding, MatchedLabel>();
  for (const m of kept) {
    if (m.hit === null || labelledHere.has(m.hit)) continue;
    const seen = first.get(m.hit);
    if (!seen || m.label.line < seen.label.line) first.set(m.hit, m);
  }
  return kept.filter((m) => m.hit === null || labelledHere.has(m.hit) || first.get(m.hit) === m);
}

/**
 * Codes that took over part of an older code's meaning: a fact labelled under the old code and
 * now reported at the same place under the new one is the same fact (a checked task's missing
 * file was a broken-reference before task-done-file-missing existed).
 */
export const SUCCESSORS: Readonly<Record<string, readonly string[]>> = {
  'broken-reference': ['task-done-file-missing', 'reference-misnamed'],
  'claim-without-evidence': ['claim-contradicted', 'claim-evidence-broken'],
  'claim-evidence-broken': ['claim-without-evidence', 'task-done-file-missing'],
  'expected-output-missing': ['reference-misnamed'],
  'prerequisite-missing': ['reference-misnamed'],
  'phase-done-checklist-open': ['status-conflict'],
  'status-conflict': ['phase-done-checklist-open'],
};

/** Findings by place and code, and by each of their related places. */
export function indexFindings(findings: readonly CorpusFinding[]): { at: Map<string, CorpusFinding[]>; relatedAt: Map<string, CorpusFinding[]> } {
  const at = new Map<string, CorpusFinding[]>();
  const relatedAt = new Map<string, CorpusFinding[]>();
  const push = (map: Map<string, CorpusFinding[]>, key: string, f: CorpusFinding): void => {
    const list = map.get(key);
    if (list) list.push(f);
    else map.set(key, [f]);
  };
  for (const f of findings) {
    push(at, locationKey(f), f);
    for (const r of f.related) {
      const colon = r.lastIndexOf(':');
      push(relatedAt, locationKey({ corpus: f.corpus, file: r.slice(0, colon), line: Number(r.slice(colon + 1)), code: f.code }), f);
    }
  }
  return { at, relatedAt };
}
