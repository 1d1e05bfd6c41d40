import type { CompiledConventions } from '../config/compiled';
import { readStatus } from '../config/compiled';
import type { Evidence, Mention, PhaseCountStatement, StatusField } from '../model/document';
import type { Range } from '../text/position';

/** Test results cited as numbers: `23/23 tests passing`, `8 passed`, `100% success rate`. */
export const TEST_NUMBERS =
  /\b\d+\s*\/\s*\d+\s+(?:tests?|checks?|cases?|scenarios?|passed|passing|successful|endpoints?|services?|files?)\b|\b\d+\s+(?:tests?\s+|checks?\s+)?(?:passed|failed|passing|failing|errors?|skipped)\b|\b(?:passed|failed)\s*:\s*\d+\b|\b\d{1,3}(?:\.\d+)?%\s+(?:pass(?:ing)?|success(?:ful)?|coverage)(?:\s+rate)?\b|\b(?:pass|success)\s+rate\s*[:=]?\s*\d{1,3}(?:\.\d+)?%/i;
const URL = /\bhttps?:\/\/[^\s)>\]]+/;
const COMMIT = /(?<![\w/.-])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}(?![\w/.-])/;
const TASK_ID = /\bT(\d+(?:\.\d+){1,2})\b/g;
/** A prose evidence label: `**Evidence**: …`, `- Evidence: …`. */
/** An empty evidence slot, as the handoff generator writes it: `[](<!-- path, log or test output -->)`. */
export const EVIDENCE_SLOT = /\[\]\(\s*<!--.*?-->\s*\)/;
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
export function scanLine(text: string, line: number, c: CompiledConventions, into: LineFacts): void {
  if (TEST_NUMBERS.test(text)) into.evidence.push({ kind: 'test-numbers', line, reference: -1 });
  if (URL.test(text)) into.evidence.push({ kind: 'url', line, reference: -1 });
  if (COMMIT.test(text)) into.evidence.push({ kind: 'commit', line, reference: -1 });
  if (EVIDENCE_LABEL.test(text)) into.evidenceLabels.push(line);
  if (EVIDENCE_SLOT.test(text)) into.evidenceSlots.push(line);
  if (/^\s*\|.*\|\s*$/.test(text)) into.tableRows.push(line);
  const field = c.statusField.exec(text);
  const marker = field ? readStatus(field[2] ?? '', c, 'field') : null;
  if (field && marker) {
    const first = text.search(/\S/);
    into.statusFields.push({ line, range: span(line, first, text.trimEnd().length - first), label: (field[1] ?? '').trim(), marker });
  }

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
