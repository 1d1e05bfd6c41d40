import type { CompiledConventions } from '../config/compiled';
import { readStatus } from '../config/compiled';
import type { Evidence, Mention, PhaseCountStatement, StatusField } from '../model/document';
import type { Range } from '../text/position';

/**
 * Test results cited as counts: `23/23 tests passing`, `3/3 working`, `(8/8)`, `8 passed`,
 * `Tests: 12 passed, 0 failed`, `52 unit tests passing`, `Completed: 12/12`, a pytest or jest summary
 * line (`===== 12 passed in 0.34s =====`, `Tests:  12 passed, 12 total`). A bare percentage
 * (`100% success rate`) is a claim, not a measurement, and does not count.
 */
export const TEST_NUMBERS =
  /\b\d+\s*\/\s*\d+\s+(?:[a-z][\w-]*\s+){0,2}(?:tests?|checks?|cases?|scenarios?|specs?|suites?|passed|passing|pass|successful|succeeded|working|ok|green|verified|validated|endpoints?|services?|files?|assertions?|vectors?|levels?|environments?|requirements?|tasks?|criteria|items?|steps?)\b|\(\s*\d+\s*\/\s*\d+\s*\)|\b\d+\s+(?:(?:unit|integration|e2e|end-to-end|api|ui|smoke|regression|acceptance)\s+)?(?:tests?\s+|checks?\s+|specs?\s+|cases?\s+)?(?:passed|failed|passing|failing|errors?|skipped|succeeded)\b|\b(?:passed|failed|passing|tests?)\s*:\s*\d+\b|\b(?:completed|done|verified|passed)\s*:\s*\d+\s*\/\s*\d+|={2,}\s*\d+\s+(?:passed|failed)/i;
/**
 * A measured quantity: a duration, a size or a rate, not a bound (`< 30 minutes`); in prose only
 * where no target is named. An approximate value (`~45 s`, `≈ 40 ms`, `~2x faster`, `≈ 40%`) was
 * measured all the same. An exact relative figure that names no measured quantity (`50% faster`,
 * `58% improvement`) is as often the target restated as a result (the labelled corpus), and a bare
 * percentage is a claim.
 */
const TARGET_WORDS = /\b(?:target|goal|expected|expect|should|must|under|within|less than|at most|budget|sla|slo|requirement|threshold|limit)\b|[<≤]/i;
const MEASURE = /(?<![<>≤≥]\s?)(?<![<>≤≥])\b\d+(?:\.\d+)?\s?(?:ms|s|sec|secs|seconds|min|mins|minutes|h|hrs|hours|KB|kB|MB|GB|TB|req\/s|rps|ops\/s|qps|fps)\b/;
/**
 * `~2x faster`, `≈ 40%`, `~3×`: approximate relative figures (`~95% complete` is progress, not a
 * measurement); and a change that names the quantity it measured, `44% improvement in processing time`.
 */
const RATIO_MEASURE = /[~≈]\s?\d+(?:\.\d+)?\s?(?:%|x\b|×)(?!\s*(?:complete|completed|done|finished|ready|progress|success))|\b\d+(?:\.\d+)?\s?(?:%|x\b|×)\s+(?:improvement|reduction|decrease|increase|drop|gain|speed-?up)\s+in\s+(?:[\w-]+\s+){0,3}(?:time|times|latency|duration|throughput|memory(?:\s+use|\s+usage)?|size|cpu(?:\s+use|\s+usage)?)\b/i;
/** Evidence that reports failures: `3/5 tests passing`, `2 failed`, `❌` in a results row, "partially". */
const FAILURE_COUNT = /\b(\d+)\s*\/\s*(\d+)\s+(?:[a-z][\w-]*\s+){0,2}(?:tests?|checks?|cases?|scenarios?|specs?|passed|passing|pass|successful|working)\b|\b([1-9]\d*)\s+(?:tests?\s+)?(?:failed|failing|errors?)\b|\b(?:failed|failures?|errors?)\s*:\s*([1-9]\d*)\b/i;
const FAILURE_WORD = /\b(?:partially|FAILED|FAILING|NOT PASSING|BROKEN)\b|❌/u;

const URL = /\bhttps?:\/\/[^\s)>\]]+/;
const COMMIT = /(?<![\w/.-])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}(?![\w/.-])/;
const TASK_ID = /\bT(\d+(?:\.\d+){1,2})\b/g;
/** A prose evidence label: `**Evidence**: …`, `- Evidence: …`. */
/**
 * An evidence slot the handoff generator left to fill: `_(evidence: path, log or test output)_`, or
 * the empty link it wrote before, `[](<!-- path, log or test output -->)`.
 */
export const EVIDENCE_SLOT = /_\(evidence:[^)\n]*\)_|\[\]\(\s*<!--.*?-->\s*\)/i;
export const EVIDENCE_LABEL = /^\s*(?:[-*+]\s+)?\*{0,2}(?:Evidence|Proof|Verification)\*{0,2}\s*:/i;

const PHASE_COUNT_PATTERNS: readonly RegExp[] = [
  /\bTotal Phases\**\s*:\s*\**\s*(\d+)\b/gi,
  /\b\d+\s*\/\s*(\d+)\s+phases\b/gi,
  /\b(?:all|total of|across|in)\s+(\d+)\s+phases\b/gi,
  /\b(\d+)-phase\b/gi,
];

export interface LineFacts {
  readonly evidence: Evidence[];
  readonly mentions: Mention[];
  readonly phaseCounts: PhaseCountStatement[];
  readonly statusFields: StatusField[];
  readonly evidenceSlots: number[];
  readonly tableRows: number[];
  /** Lines holding a prose `Evidence:` label. */
  readonly evidenceLabels: number[];
}

function span(line: number, index: number, length: number): Range {
  return { start: { line, column: index + 1 }, end: { line, column: index + 1 + length } };
}

/** Reads facts that are plain text on a line; the caller passes only lines outside code blocks. */
/** Whether a line reports failures (for claim-contradicted): a count with fewer passing than run, a failure count, ❌ in a row. */
export function reportsFailure(text: string, tableRow: boolean, digits = true): boolean {
  const m = digits ? FAILURE_COUNT.exec(text) : null;
  if (m) {
    if (m[1] !== undefined && m[2] !== undefined) {
      if (Number(m[1]) < Number(m[2])) return true;
    } else return true;
  }
  return tableRow ? FAILURE_WORD.test(text) : /\bpartially\b/i.test(text);
}

/** A target in parentheses beside the value measured against it: `322.2ms average (target: <1000ms)`. */
const TARGET_ASIDE = /[([]\s*(?:target|goal|expected|budget|sla|slo|threshold|limit|requirement)\b[^)\]]*[)\]]/gi;

/** A measured value stated outside the target it is measured against (the line without its target aside states no target). */
function measuredBesideTarget(text: string): boolean {
  const rest = text.replace(TARGET_ASIDE, '');
  return rest !== text && MEASURE.test(rest) && !TARGET_WORDS.test(rest);
}

export function scanLine(text: string, line: number, c: CompiledConventions, into: LineFacts): void {
  const row = /^\s*\|.*\|\s*$/.test(text);
  // Counts, measures, commits, requirement and task ids and phase counts all hold a digit: a line
  // without one (most prose) skips those patterns, which try every alternative at every position.
  const digits = /\d/.test(text);
  if (digits && TEST_NUMBERS.test(text)) into.evidence.push({ kind: 'test-numbers', line, reference: -1 });
  else if (digits && (MEASURE.test(text) || RATIO_MEASURE.test(text)) && (row || !TARGET_WORDS.test(text) || measuredBesideTarget(text))) into.evidence.push({ kind: 'measure', line, reference: -1 });
  if (reportsFailure(text, row, digits)) into.evidence.push({ kind: 'failure', line, reference: -1 });
  if (URL.test(text)) into.evidence.push({ kind: 'url', line, reference: -1 });
  if (digits && COMMIT.test(text)) into.evidence.push({ kind: 'commit', line, reference: -1 });
  if (EVIDENCE_LABEL.test(text)) into.evidenceLabels.push(line);
  if (EVIDENCE_SLOT.test(text)) into.evidenceSlots.push(line);
  if (row) into.tableRows.push(line);
  const field = c.statusField.exec(text);
  const marker = field ? readStatus(field[2] ?? '', c, 'field') : null;
  if (field && marker) {
    const first = text.search(/\S/);
    into.statusFields.push({ line, range: span(line, first, text.trimEnd().length - first), label: (field[1] ?? '').trim(), marker });
  }

  if (!digits) return;
  const requirement = c.requirementId;
  requirement.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = requirement.exec(text))) {
    into.mentions.push({ kind: 'requirement', id: `${m[1]}${m[2]}`, line, range: span(line, m.index, m[0].length) });
  }
  TASK_ID.lastIndex = 0;
  while ((m = TASK_ID.exec(text))) {
    into.mentions.push({ kind: 'task', id: `T${m[1]}`, line, range: span(line, m.index, m[0].length) });
  }
  if (/phases?\b/i.test(text)) {
    for (const pattern of PHASE_COUNT_PATTERNS) {
      pattern.lastIndex = 0;
      while ((m = pattern.exec(text))) {
        const stated = Number(m[1]);
        if (stated >= 2 && stated <= 100) into.phaseCounts.push({ line, range: span(line, m.index, m[0].length), stated, text: m[0].replace(/\*+/g, '') });
      }
    }
  }
}
