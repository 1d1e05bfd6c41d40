import { readStatus, type CompiledConventions } from '../config/compiled';
import type { Checkbox, Heading, Reference } from '../model/document';
import type { ChecklistCount, NamedFile, OutputItem, Phase, StatusStatement, Task, TodoModel } from '../model/todo';
import { normalisePhase } from '../parse/role';
import { firstAtOrAfter } from '../text/byLine';
import type { LineIndex, Range } from '../text/position';
import type { Sections } from './sections';

/** `## Phase 2: Title`, `## 🚀 **PHASE 2**`, `### Phase III — Title`, `## Phase B`. */
const PHASE_HEADING = /^[^\p{L}\p{N}*]*(?:\*\*)?(?:[Pp]hase|PHASE)\s+(\d+(?:[._]\d+)?|[IVX]{1,5}|[A-Z])(?![\w.])(?:\*\*)?\s*(?:[:\-–—.]|$)\s*(.*)$/u;
const SUMMARY_BULLET = /^\s*[-*+]\s+(?:\*\*)?Phase\s+(\d+(?:[._]\d+)?)(?:\*\*)?\s*:?\s*(.*)$/i;
const PHASE_FIELD = /^\s*(?:[-*+]\s+)?\*{0,2}Phase\s+(\d+(?:[._]\d+)?)\s+Status\*{0,2}\s*:\s*\*{0,2}\s*(.+)$/i;
const TASK_HEADING = /^(?:\*\*)?(T\d+(?:\.\d+)+)(?:\*\*)?\s*[:\-–—.]?\s*(.*)$/;
const OUTPUT_ITEM = /^(?:Save|Create|Document|Write|Produce|Update)\b/i;
/** A document an item works from, not one it produces: "Create the folders matching `RFC003.md`", "Write tests per `spec.md`". */
const SOURCE_BEFORE = /\b(?:matching|per|according\s+to|following|based\s+on|from|described\s+in|defined\s+in|specified\s+in|using|against|consistent\s+with|in\s+line\s+with|as\s+in)\s*[`"'(\[*_]*$/i;

export interface TodoInput {
  readonly lines: LineIndex;
  readonly code: Uint8Array;
  readonly sections: Sections;
  readonly checkboxes: readonly Checkbox[];
  readonly references: readonly Reference[];
  readonly c: CompiledConventions;
}

/** Removes the status marker, separators and emphasis from "✅ COMPLETED - Title" or "Title ✅ COMPLETED". */
export function stripStatus(text: string, c: CompiledConventions): string {
  return text
    .replace(c.statusMarkers, ' ')
    .replace(/\b(?:SUCCESSFULLY|AND SUCCESSFUL)\b/g, ' ')
    .replace(/\(\s*\d{1,3}(?:\.\d+)?%\s*\)|\d{1,3}(?:\.\d+)?%/g, ' ')
    .replace(/[*_`[\]()⚠️]/gu, ' ')
    .replace(/^[\s:\-–—.|]+|[\s:\-–—.|]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function lineRangeOf(lines: LineIndex, line: number): Range {
  const text = lines.line(line);
  const first = Math.max(0, text.search(/\S/));
  return { start: { line, column: first + 1 }, end: { line, column: text.trimEnd().length + 1 } };
}

/** Boxes of a checklist that a done parent requires: not optional, not deferred, not under a sub-section with a status of its own. */
function count(boxes: readonly Checkbox[], indexes: readonly number[], required: (i: number) => boolean): ChecklistCount {
  let checked = 0;
  let total = 0;
  let notRequired = 0;
  let firstOpenLine: number | null = null;
  for (const i of indexes) {
    const box = boxes[i];
    if (!box) continue;
    if (!required(i)) {
      if (!box.checked) notRequired++;
      continue;
    }
    total++;
    if (box.checked) checked++;
    else if (firstOpenLine === null) firstOpenLine = box.line;
  }
  return { total, checked, firstOpenLine, notRequired };
}

/** Whether the lines after `line` up to `end` hold boxes, all of them checked. */
function allBoxesChecked(boxes: readonly Checkbox[], line: number, end: number): boolean {
  let any = false;
  for (let i = firstAtOrAfter(boxes, line + 1); i < boxes.length && (boxes[i]?.line ?? Infinity) <= end; i++) {
    if (!boxes[i]?.checked) return false;
    any = true;
  }
  return any;
}

/** Sub-sections whose boxes a done phase does not need: optional or later work by their title. */
export const NOT_REQUIRED_SECTION =
  /^[^\p{L}]*(?:optional\b.*|nice[- ]to[- ]haves?|stretch(?:\s+goals?)?|future(?:\s+(?:work|enhancements?|improvements?|ideas|scope|considerations))?|deferred\b.*|out\s+of\s+scope.*|backlog|post-?mvp.*|later|v2(?:\s+scope)?)\s*$|[([]\s*(?:optional|deferred|nice[- ]to[- ]have|post-?mvp|future)\s*[)\]]/iu;

/** Phases, their statuses from every place the TODO states them, tasks, checklists, outputs and prerequisites. */
export function analyseTodo(input: TodoInput): TodoModel {
  const { lines, sections, checkboxes, references, c } = input;
  const headings = sections.headings;
  const title = headings.find((h) => h.level === 1)?.text ?? '';
  const completion = headings.find((h) => /^Project Completion Checklist\b/i.test(h.text)) ?? null;
  const inCompletion = (line: number): boolean => completion !== null && line > completion.line && line <= completion.sectionEnd;

  // Phase sections: phase headings outside the completion checklist and not nested in another phase.
  const phaseHeadings = headings.filter((h) => PHASE_HEADING.test(h.text) && !inCompletion(h.line));
  const sectionsOnly: typeof phaseHeadings = [];
  for (const h of phaseHeadings) {
    const outer = sectionsOnly[sectionsOnly.length - 1];
    if (outer && outer.level < h.level && h.line <= outer.sectionEnd) continue;
    sectionsOnly.push(h);
  }
  // For each line, whether it lies in a phase section (one pass, not a search per line).
  const inPhaseLine = new Uint8Array(lines.lineCount + 2);
  for (const h of sectionsOnly) inPhaseLine.fill(1, h.line, Math.min(h.sectionEnd, lines.lineCount) + 1);
  const inPhase = (line: number): boolean => inPhaseLine[line] === 1;
  const headingIndex = new Map(headings.map((h, i) => [h, i]));
  // Lookups by line, built once: the box on a line, the references on a line, references in line order.
  const boxOnLine = new Map<number, number>();
  checkboxes.forEach((b, i) => boxOnLine.set(b.line, i));
  const refsOnLine = new Map<number, number[]>();
  references.forEach((r, i) => {
    const list = refsOnLine.get(r.line);
    if (list) list.push(i);
    else refsOnLine.set(r.line, [i]);
  });
  const refOrder = references.map((r, i) => ({ line: r.line, i })).sort((a, b) => a.line - b.line || a.i - b.i);

  const statements = new Map<string, StatusStatement[]>();
  const addStatement = (phase: string, s: StatusStatement): void => {
    const list = statements.get(phase) ?? [];
    list.push(s);
    statements.set(phase, list);
  };

  // Summary bullets and `**Phase N Status**:` fields outside the phase sections.
  for (let line = 1; line <= lines.lineCount; line++) {
    if (input.code[line] || inPhase(line) || inCompletion(line)) continue;
    const text = lines.line(line);
    const field = PHASE_FIELD.exec(text);
    if (field) {
      addStatement(normalisePhase(field[1] ?? ''), { source: 'field', marker: readStatus(field[2] ?? '', c, 'field'), title: null, line, range: lineRangeOf(lines, line) });
      continue;
    }
    const bullet = SUMMARY_BULLET.exec(text);
    if (!bullet) continue;
    const marker = readStatus(bullet[2] ?? '', c, 'field');
    if (!marker) continue;
    addStatement(normalisePhase(bullet[1] ?? ''), { source: 'summary', marker, title: stripStatus(bullet[2] ?? '', c) || null, line, range: lineRangeOf(lines, line) });
  }

  // Project Completion Checklist entries: `### Phase N: Title ✅ COMPLETED`.
  if (completion) {
    for (const h of headings) {
      if (h.line <= completion.line || h.line > completion.sectionEnd) continue;
      const m = PHASE_HEADING.exec(h.text);
      if (!m) continue;
      addStatement(normalisePhase(m[1] ?? ''), { source: 'completion-checklist', marker: h.status, title: stripStatus(m[2] ?? '', c) || null, line: h.line, range: h.range, boxesDone: allBoxesChecked(checkboxes, h.line, h.sectionEnd) });
    }
  }

  const sectionPhases: Phase[] = sectionsOnly.map((h) => {
    const m = PHASE_HEADING.exec(h.text);
    const number = normalisePhase(m?.[1] ?? '');
    const own: StatusStatement[] = [];
    if (h.status) own.push({ source: 'heading', marker: h.status, title: null, line: h.line, range: h.range });
    const first = (headingIndex.get(h) ?? 0) + 1;
    const inside: Heading[] = [];
    for (let k = first; k < headings.length && (headings[k]?.line ?? Infinity) <= h.sectionEnd; k++) {
      const s = headings[k];
      if (s) inside.push(s);
    }
    const progress = inside.find((s) => /^Progress Checklist\b/i.test(s.text)) ?? null;
    const expected = inside.find((s) => /^Expected Outputs\b/i.test(s.text)) ?? null;
    const prereq = inside.find((s) => /^Prerequisites\b/i.test(s.text)) ?? null;
    if (expected?.status) own.push({ source: 'expected-outputs', marker: expected.status, title: null, line: expected.line, range: expected.range });

    const tasks: Task[] = [];
    for (const s of inside) {
      const t = TASK_HEADING.exec(s.text);
      if (t) tasks.push({ id: t[1] ?? '', title: stripStatus(t[2] ?? '', c), line: s.line, range: s.range, sectionEnd: s.sectionEnd });
    }

    const [from, to] = progress ? [progress.line, progress.sectionEnd] : [h.line, h.sectionEnd];
    const boxIndexes: number[] = [];
    for (let i = firstAtOrAfter(checkboxes, from + 1); i < checkboxes.length && (checkboxes[i]?.line ?? Infinity) <= to; i++) {
      const b = checkboxes[i];
      if (b && !(expected && !progress && b.line > expected.line && b.line <= expected.sectionEnd)) boxIndexes.push(i);
    }
    // Boxes under a sub-section that says it is optional or later, or states a status of its own other than done.
    const exempt = inside.filter((s) => s !== progress && (NOT_REQUIRED_SECTION.test(s.text) || (s.status !== null && s.status.status !== 'done')));
    const required = (i: number): boolean => {
      const box = checkboxes[i];
      if (!box || box.optional) return false;
      if (box.parent >= 0 && checkboxes[box.parent]?.optional) return false;
      return !exempt.some((s) => box.line > s.line && box.line <= s.sectionEnd);
    };

    const named = (section: typeof expected, context: Reference['context']): NamedFile[] => {
      if (!section) return [];
      const result: NamedFile[] = [];
      for (let k = firstAtOrAfter(refOrder, section.line + 1); k < refOrder.length && (refOrder[k]?.line ?? Infinity) <= section.sectionEnd; k++) {
        const i = refOrder[k]?.i ?? -1;
        const r = references[i];
        if (!r || r.context !== context) continue;
        const box = boxOnLine.get(r.line);
        result.push({ name: r.target, line: r.line, range: r.range, checked: box === undefined ? null : (checkboxes[box]?.checked ?? null), reference: i });
      }
      return result;
    };

    const outputItems: OutputItem[] = [];
    for (const i of boxIndexes) {
      const box = checkboxes[i];
      if (!box || !OUTPUT_ITEM.test(box.text)) continue;
      const ref = (refsOnLine.get(box.line) ?? []).map((k) => references[k]).find((r) => r !== undefined && /\.md$/i.test(r.target) && !SOURCE_BEFORE.test(lines.line(box.line).slice(0, r.range.start.column - 1)));
      if (ref) outputItems.push({ checkbox: i, name: ref.target, line: box.line, range: box.range });
    }

    return {
      number,
      title: stripStatus(m?.[2] ?? '', c),
      line: h.line,
      range: h.range,
      sectionEnd: h.sectionEnd,
      statuses: own,
      tasks,
      progressChecklistLine: progress ? progress.line : null,
      checkboxes: boxIndexes,
      checklist: count(checkboxes, boxIndexes, required),
      expectedOutputsLine: expected ? expected.line : null,
      expectedOutputs: named(expected, 'expected-output'),
      prerequisites: named(prereq, 'prerequisite'),
      outputItems,
    };
  });
  const phases = mergeRepeatedSections(sectionPhases);

  const known = new Set(phases.map((p) => p.number));
  const orphanStatuses: (StatusStatement & { phase: string })[] = [];
  const byNumber = new Map(phases.map((p) => [p.number, p]));
  for (const [phase, list] of statements) {
    const target = byNumber.get(phase);
    if (target) (target.statuses as StatusStatement[]).push(...list);
    else if (!known.has(phase)) for (const s of list) orphanStatuses.push({ ...s, phase });
  }
  for (const p of phases) (p.statuses as StatusStatement[]).sort((a, b) => a.line - b.line);

  return { title, phases, completionChecklistLine: completion ? completion.line : null, orphanStatuses };
}

/**
 * A phase written as several sections (a "🎉 Phase 1: COMPLETED" summary above the "Phase 1"
 * section with the checklist) is one phase: the section with the Progress Checklist (else the most
 * boxes) is the phase, and what the others state of it (their headings' statuses) are statements
 * about it, as their outputs, prerequisites and tasks are its own.
 */
function mergeRepeatedSections(sections: readonly Phase[]): Phase[] {
  const groups = new Map<string, Phase[]>();
  for (const p of sections) {
    const list = groups.get(p.number);
    if (list) list.push(p);
    else groups.set(p.number, [p]);
  }
  const result: Phase[] = [];
  for (const p of sections) {
    const group = groups.get(p.number) ?? [p];
    if (group.length === 1) {
      result.push(p);
      continue;
    }
    const main = group.find((g) => g.progressChecklistLine !== null) ?? [...group].sort((a, b) => b.checkboxes.length - a.checkboxes.length)[0] ?? p;
    if (p !== main) continue;
    const others = group.filter((g) => g !== main);
    result.push({
      ...main,
      statuses: [...main.statuses, ...others.flatMap((o) => o.statuses)],
      tasks: [...main.tasks, ...others.flatMap((o) => o.tasks)],
      expectedOutputs: [...main.expectedOutputs, ...others.flatMap((o) => o.expectedOutputs)],
      prerequisites: [...main.prerequisites, ...others.flatMap((o) => o.prerequisites)],
    });
  }
  return result;
}
