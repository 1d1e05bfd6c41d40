import type { DocumentModel, DocumentRole } from '../model/document';
import type { SpecModel } from '../model/spec';
import { contentHash } from '../text/hash';
import { LineIndex } from '../text/position';

/**
 * A spec folder's machine-written lifecycle record: `spec.json` (Kiro tools: `"status": "in-progress"`,
 * `"progress": {…}`) or `.spec-context.json` (spec-kit extensions: `"status": "completed"`). Only the
 * top-level `"status"` is read; the file is data, so it cites nothing and claims nothing else.
 */
export const STATUS_RECORD_FILE = /(?:^|\/)(?:spec\.json|\.spec-context\.json)$/i;

const DONE = /^(?:completed?|done|implemented|finished|shipped|released|closed|accepted)$/;
const IN_PROGRESS = /^(?:in[-_ ]?progress|implementing|active|started|ongoing|wip|in[-_ ]?review)$/;
const PLANNED = /^(?:draft|planned|planning|proposed|specified|not[-_ ]?started|pending|new|todo|ready(?:[-_ ]to[-_ ](?:implement|plan|start))?|tasked|requirements|design|tasks)$/;

/** The offset of the value of the top-level key `status`, found by walking the JSON (strings skipped). */
function topLevelStatusAt(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
    else if (ch === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (depth === 1 && text.slice(start, i + 1) === '"status"' && /^\s*:/.test(text.slice(i + 1))) return start;
    }
  }
  return -1;
}

function statusOf(text: string, lines: LineIndex): SpecModel['status'] {
  let value: unknown;
  try {
    value = (JSON.parse(text) as Record<string, unknown> | null)?.status;
  } catch {
    return null;
  }
  if (typeof value !== 'string' || value.trim() === '') return null;
  const at = topLevelStatusAt(text);
  if (at < 0) return null;
  const start = lines.positionAt(at);
  const word = value.trim().toLowerCase();
  const marker = DONE.test(word) ? 'done' : IN_PROGRESS.test(word) ? 'in-progress' : PLANNED.test(word) ? 'planned' : null;
  return { line: start.line, range: { start, end: { line: start.line, column: start.column + '"status"'.length } }, text: value.trim(), marker };
}

/** The model of a status record: a spec document of part `status` holding only what the record says. */
export function statusRecordModel(path: string, text: string, role: DocumentRole): DocumentModel {
  const lines = new LineIndex(text);
  const spec: SpecModel | null =
    role.kind === 'spec' && role.part === 'status' ? { part: 'status', items: [], mentioned: [], tasks: [], phases: [], checkpoints: [], counts: [], markers: [], status: statusOf(text, lines), created: null } : null;
  return {
    path,
    hash: contentHash(text),
    role,
    lineCount: lines.lineCount,
    headings: [],
    checkboxes: [],
    references: [],
    evidence: [],
    claims: [],
    mentions: [],
    phaseCounts: [],
    statusFields: [],
    frontStatus: null,
    evidenceSlots: [],
    tableRows: [],
    suppressions: [],
    localFindings: [],
    historical: false,
    lead: [],
    testTally: null,
    releaseItems: [],
    searchText: '',
    prd: null,
    todo: null,
    spec,
  };
}
