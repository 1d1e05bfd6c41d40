import { readStatus, type CompiledConventions } from '../config/compiled';
import type { Checkbox } from '../model/document';
import type { SpecCheckpoint, SpecCountStatement, SpecItem, SpecMarker, SpecModel, SpecPart, SpecPhase, SpecTask, SpecTrace } from '../model/spec';
import { normalisePhase } from '../parse/role';
import type { LineIndex, Range } from '../text/position';
import type { Sections } from './sections';
import { familyOf, normalisePrefixed, prefixedIds, readTraceValue, taskIdOf, TRACE_LABEL } from './specIds';

export interface SpecInput {
  readonly part: SpecPart;
  readonly lines: LineIndex;
  /** 1 for lines inside fenced code or generated regions. */
  readonly code: Uint8Array;
  readonly sections: Sections;
  readonly checkboxes: readonly Checkbox[];
  /** Innermost checkbox item holding each line, or -1 (see referenceIntent.ts). */
  readonly boxAt: Int32Array | readonly number[];
  readonly c: CompiledConventions;
}

function lineRange(line: number, text: string, from = 0, length = text.length - from): Range {
  return { start: { line, column: from + 1 }, end: { line, column: from + 1 + Math.max(0, length) } };
}

/** `### Requirement 3: Title`, `### Requirement 1 – Title`, `### 需求 2：…`. */
const KIRO_REQUIREMENT = /^(?:Requirement|需求)\s+(\d+)\s*(?:[:：.–—-]\s*(.*))?$/i;
/** `### US-1: Title`, `### TR-2 — Title`, `### NFR-1`. */
const PREFIXED_HEADING = /^\**(FR|NFR|SC|US|TR|REQ)-(\d+)([a-z]?)\**\s*(?:[:：.–—-]\s*(.*))?$/;
/** spec-kit: `### User Story 1 - Title (Priority: P1)`. */
const USER_STORY = /^User Story\s+(\d+)\s*(?:[-–—:]\s*(.*?))?\s*(?:\(Priority:[^)]*\))?\s*(?:🎯.*)?$/i;
/** spec-kit: `- **FR-001**: System MUST …`, `**SC-001**: …`, `**R001** (MUST) …`. */
const BOLD_DEFINITION = /^\s*(?:[-*+]\s+)?\*\*(FR|NFR|SC|R|REQ)-?(\d+)([a-z]?)\*\*\s*(?:\([^)]*\)\s*)?[:：.–—-]?\s*(.*)$/;
/** A numbered acceptance criterion: `1. WHEN …`, `1.1. WHEN …`. */
const CRITERION = /^\s{0,3}(\d+)\.(?:(\d+)\.?)?\s+(\S.*)$/;
const CRITERIA_HEADING = /^(?:Acceptance Criteria\b|验收标准)/i;

function requirementItems(input: SpecInput): SpecItem[] {
  const { lines, code, sections } = input;
  const items: SpecItem[] = [];
  const headingAt = new Map(sections.headings.map((h) => [h.line, h]));
  let requirement: { id: string; end: number } | null = null;
  let inCriteria = false;
  for (let line = 1; line <= lines.lineCount; line++) {
    if (code[line]) continue;
    const text = lines.line(line);
    const heading = headingAt.get(line);
    if (heading) {
      if (requirement && line > requirement.end) requirement = null;
      inCriteria = requirement !== null && CRITERIA_HEADING.test(heading.text);
      const kiro = KIRO_REQUIREMENT.exec(heading.text);
      if (kiro) {
        const id = String(Number(kiro[1]));
        items.push({ kind: 'requirement', id, family: 'KIRO', label: `Requirement ${id}`, text: (kiro[2] ?? '').trim() || heading.text, line, range: heading.range, parent: null });
        requirement = { id, end: heading.sectionEnd };
        inCriteria = false;
        continue;
      }
      const prefixed = PREFIXED_HEADING.exec(heading.text);
      if (prefixed) {
        const id = normalisePrefixed(prefixed[1] ?? '', prefixed[2] ?? '', prefixed[3] ?? '');
        const kind = prefixed[1] === 'US' ? 'story' : prefixed[1] === 'SC' ? 'success' : 'requirement';
        items.push({ kind, id, family: familyOf(id), label: heading.text.split(/[:：]/)[0]?.replace(/\*/g, '').trim() ?? id, text: (prefixed[4] ?? '').trim() || heading.text, line, range: heading.range, parent: null });
        continue;
      }
      const story = USER_STORY.exec(heading.text);
      if (story) {
        const id = `US-${Number(story[1])}`;
        items.push({ kind: 'story', id, family: 'US', label: `User Story ${Number(story[1])}`, text: (story[2] ?? '').trim() || heading.text, line, range: heading.range, parent: null });
      }
      continue;
    }
    if (requirement && line <= requirement.end) {
      const criterion = inCriteria ? CRITERION.exec(text) : null;
      if (criterion) {
        const major = criterion[2] !== undefined ? String(Number(criterion[1])) : requirement.id;
        const minor = String(Number(criterion[2] ?? criterion[1]));
        if (major === requirement.id) {
          const id = `${major}.${minor}`;
          items.push({ kind: 'criterion', id, family: 'KIRO', label: id, text: (criterion[3] ?? '').trim(), line, range: lineRange(line, text, text.search(/\S/)), parent: requirement.id });
        }
        continue;
      }
    }
    const bold = BOLD_DEFINITION.exec(text);
    if (bold) {
      const prefix = bold[1] ?? '';
      const id = normalisePrefixed(prefix === 'REQ' ? 'REQ' : prefix, bold[2] ?? '', bold[3] ?? '');
      const label = /\*\*([^*]+)\*\*/.exec(text)?.[1] ?? id;
      items.push({ kind: prefix === 'SC' ? 'success' : 'requirement', id, family: familyOf(id), label, text: (bold[4] ?? '').trim(), line, range: lineRange(line, text, text.indexOf('**')), parent: null });
    }
  }
  return items;
}

/** `## Phase 3: User Story 1 - Title (Priority: P1)`, `## Phase 0 - Foundations`, `## Phase 2 – Stack (10 tasks) ✅ COMPLETE`. */
const PHASE_HEADING = /^(?:[^\p{L}\p{N}]*\s*)?Phase\s+(\d+(?:\.\d+)?|[IVX]+|[A-Z])\b\s*[:：.–—-]?\s*(.*)$/iu;
const STATED_TASKS = /\((\d+)\s+tasks?\b[^)]*\)/i;
/** A task withdrawn in its own text: reverted, cancelled, won't do, struck through. */
const DROPPED = /\b(?:REVERTED|CANCELL?ED|WON'?T DO|WONTFIX|OBSOLETE|SUPERSEDED|DROPPED|REMOVED|SKIPPED|N\/A)\b|^~~/i;
const CHECKPOINT_TASK = /^(?:\*\*)?(?:Final\s+|MVP\s+)?Checkpoint\b/i;
const CHECKPOINT_LINE = /^\s*(?:[-*+]\s+)?\*\*(?:[\w ]{0,20}\s)?Checkpoint\*\*\s*:?\s*(.*)$/i;
const DONE_WORDING = /\b(?:complete[d]?|done|finished|fully functional|delivered|delivers)\b|✅/i;
const TOTAL_TASKS = /\bTotal\s+Tasks\b\**\s*[:：]?\s*\**\s*(\d+)\b/i;
const SUBTASKS = /\b(\d+)\s+sub-?tasks\b/i;

function specPhases(input: SpecInput): SpecPhase[] {
  const phases: SpecPhase[] = [];
  for (const h of input.sections.headings) {
    if (h.level < 2 || h.level > 3) continue;
    const m = PHASE_HEADING.exec(h.text);
    if (!m) continue;
    const stated = STATED_TASKS.exec(h.text);
    const statedDone = h.status?.status === 'done' ? h.status.text : null;
    phases.push({ number: normalisePhase(m[1] ?? ''), title: (m[2] ?? '').trim(), line: h.line, sectionEnd: h.sectionEnd, statedTasks: stated ? Number(stated[1]) : null, statedDone });
  }
  return phases;
}

function phaseIndexOf(phases: readonly SpecPhase[], line: number): number {
  for (let i = phases.length - 1; i >= 0; i--) {
    const p = phases[i];
    if (p && line >= p.line && line <= p.sectionEnd) return i;
  }
  return -1;
}

function specTasks(input: SpecInput, phases: readonly SpecPhase[]): SpecTask[] {
  const { lines, checkboxes, boxAt } = input;
  const tasks: SpecTask[] = [];
  const taskOfBox = new Map<number, number>();
  const lastById = new Map<string, number>();
  checkboxes.forEach((box, b) => {
    if (input.code[box.line]) return;
    const text = lines.line(box.line);
    const close = text.indexOf(']');
    const after = close < 0 ? '' : text.slice(close + 1).replace(/^\*?\s*/, '');
    const parsed = taskIdOf(after);
    const id = parsed?.id ?? null;
    const title = parsed ? after.slice(parsed.length).trim() : after.trim();
    const traces: SpecTrace[] = [];
    for (let l = box.line; l <= box.endLine; l++) {
      if ((boxAt[l] ?? -1) !== b || input.code[l]) continue;
      const t = l === box.line ? after : lines.line(l);
      const label = TRACE_LABEL.exec(t);
      if (label) {
        const value = readTraceValue(label[2] ?? '');
        const from = lines.line(l).indexOf(label[1] ?? '');
        traces.push({ ids: value.ids, freeText: value.freeText, line: l, range: lineRange(l, lines.line(l), Math.max(0, from)) });
        continue;
      }
      const ids = prefixedIds(t);
      if (ids.length > 0) {
        const full = lines.line(l);
        const first = ids[0];
        const from = first ? full.indexOf(t) + first.index : 0;
        traces.push({ ids: ids.map((x) => x.id), freeText: false, line: l, range: lineRange(l, full, Math.max(0, from), first?.length ?? 0) });
      }
    }
    let parent = box.parent >= 0 ? (taskOfBox.get(box.parent) ?? -1) : -1;
    if (parent < 0 && id !== null && id.includes('.')) parent = lastById.get(id.slice(0, id.lastIndexOf('.'))) ?? -1;
    const index = tasks.length;
    tasks.push({
      id,
      checkbox: b,
      line: box.line,
      range: box.range,
      text: title,
      checked: box.checked,
      optional: box.optional || DROPPED.test(title),
      parent,
      traces,
      phase: phaseIndexOf(phases, box.line),
      checkpoint: CHECKPOINT_TASK.test(title),
    });
    taskOfBox.set(b, index);
    if (id !== null) lastById.set(id, index);
  });
  return tasks;
}

function checkpoints(input: SpecInput, phases: readonly SpecPhase[]): SpecCheckpoint[] {
  const out: SpecCheckpoint[] = [];
  for (let line = 1; line <= input.lines.lineCount; line++) {
    if (input.code[line] || (input.boxAt[line] ?? -1) >= 0) continue;
    const text = input.lines.line(line);
    const m = CHECKPOINT_LINE.exec(text);
    if (!m || !DONE_WORDING.test(m[1] ?? '')) continue;
    out.push({ line, range: lineRange(line, text, text.search(/\S/)), text: text.trim(), phase: phaseIndexOf(phases, line) });
  }
  return out;
}

function counts(input: SpecInput): SpecCountStatement[] {
  const out: SpecCountStatement[] = [];
  for (let line = 1; line <= input.lines.lineCount; line++) {
    if (input.code[line]) continue;
    const text = input.lines.line(line);
    const total = TOTAL_TASKS.exec(text);
    if (total) out.push({ line, range: lineRange(line, text, total.index, total[0].length), what: 'tasks', stated: Number(total[1]), text: text.trim() });
    const sub = SUBTASKS.exec(text);
    if (sub) out.push({ line, range: lineRange(line, text, sub.index, sub[0].length), what: 'subtasks', stated: Number(sub[1]), text: text.trim() });
  }
  return out;
}

/** `[NEEDS CLARIFICATION: …]`; a template's placeholders: `[FEATURE NAME]`, `[PROJECT_NAME]`, `[###-feature-name]`. */
// The marker itself carries its question after a colon; `no [NEEDS CLARIFICATION] markers remain` is prose about it.
const CLARIFICATION = /\[NEEDS CLARIFICATION\s*:[^\]]*\]?/i;
const PLACEHOLDER = /\[(?:[A-Z][A-Z0-9]*(?:[ _][A-Z0-9]+)+|###-[a-z-]+|PROJECT_NAME|FEATURE|DATE)\](?!\()/;

function markers(input: SpecInput): SpecMarker[] {
  const out: SpecMarker[] = [];
  for (let line = 1; line <= input.lines.lineCount; line++) {
    if (input.code[line]) continue;
    const text = input.lines.line(line);
    const clarification = CLARIFICATION.exec(text);
    if (clarification) {
      out.push({ line, range: lineRange(line, text, clarification.index, clarification[0].length), text: clarification[0], kind: 'clarification' });
      continue;
    }
    const placeholder = PLACEHOLDER.exec(text);
    if (placeholder) out.push({ line, range: lineRange(line, text, placeholder.index, placeholder[0].length), text: placeholder[0], kind: 'placeholder' });
  }
  return out;
}

const STATUS_FIELD = /^\s*(?:[-*+]\s+)?\*{0,2}(?:Spec\s+|Feature\s+|Document\s+|Implementation\s+)?(Status|Completed)\*{0,2}\s*[:：]\s*\*{0,2}\s*(.+)$/i;

function ownStatus(input: SpecInput, c: CompiledConventions): SpecModel['status'] {
  for (let line = 1; line <= Math.min(input.lines.lineCount, 15); line++) {
    if (input.code[line]) continue;
    const text = input.lines.line(line);
    const m = STATUS_FIELD.exec(text);
    if (!m) continue;
    const value = (m[2] ?? '').trim();
    const marker = /^Completed$/i.test(m[1] ?? '') && /\d{4}-\d{2}-\d{2}/.test(value) ? 'done' : (readStatus(value, c, 'field')?.status ?? null);
    const status = marker === 'failed' ? null : marker;
    return { line, range: lineRange(line, text, text.search(/\S/)), text: text.trim(), marker: status };
  }
  return null;
}

/** `**Created**: 2025-10-22`, `Date: 2025-10-22`: the header field dating the document. */
const CREATED_FIELD = /^\s*(?:[-*+]\s+)?\*{0,2}(?:Created|Date|Written)\*{0,2}\s*[:：]\s*\*{0,2}\s*(\d{4}-\d{2}-\d{2})\b/i;

function createdDate(input: SpecInput): SpecModel['created'] {
  for (let line = 1; line <= Math.min(input.lines.lineCount, 15); line++) {
    const m = input.code[line] ? null : CREATED_FIELD.exec(input.lines.line(line));
    if (m) return { line, date: m[1] ?? '' };
  }
  return null;
}

function mentionedIds(input: SpecInput): string[] {
  const ids = new Set<string>();
  for (let line = 1; line <= input.lines.lineCount; line++) for (const p of prefixedIds(input.lines.line(line))) ids.add(p.id);
  return [...ids];
}

/** Reads what a spec document defines: requirements and criteria, tasks with their traces, phases, checkpoints, counts, markers. */
export function analyseSpec(input: SpecInput): SpecModel {
  const phases = input.part === 'tasks' ? specPhases(input) : [];
  return {
    part: input.part,
    items: input.part === 'requirements' ? requirementItems(input) : [],
    mentioned: input.part === 'requirements' || input.part === 'tasks' ? mentionedIds(input) : [],
    tasks: input.part === 'tasks' ? specTasks(input, phases) : [],
    phases,
    checkpoints: input.part === 'tasks' ? checkpoints(input, phases) : [],
    counts: input.part === 'tasks' ? counts(input) : [],
    markers: markers(input),
    status: ownStatus(input, input.c),
    created: input.part === 'requirements' ? createdDate(input) : null,
  };
}
