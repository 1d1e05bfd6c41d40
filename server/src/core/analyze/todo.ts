import { readStatus, type CompiledConventions } from '../config/compiled';
import type { Checkbox, Reference } from '../model/document';
import type { ChecklistCount, NamedFile, OutputItem, Phase, StatusStatement, Task, TodoModel } from '../model/todo';
import { normalisePhase } from '../parse/role';
import type { LineIndex, Range } from '../text/position';
import type { Sections } from './sections';

/** `## Phase 2: Title`, `## 🚀 **PHASE 2**`, `### Phase III — Title`, `## Phase B`. */
const PHASE_HEADING = /^[^\p{L}\p{N}*]*(?:\*\*)?(?:[Pp]hase|PHASE)\s+(\d+(?:[._]\d+)?|[IVX]{1,5}|[A-Z])(?![\w.])(?:\*\*)?\s*(?:[:\-–—.]|$)\s*(.*)$/u;
const SUMMARY_BULLET = /^\s*[-*+]\s+(?:\*\*)?Phase\s+(\d+(?:[._]\d+)?)(?:\*\*)?\s*:?\s*(.*)$/i;
const PHASE_FIELD = /^\s*(?:[-*+]\s+)?\*{0,2}Phase\s+(\d+(?:[._]\d+)?)\s+Status\*{0,2}\s*:\s*\*{0,2}\s*(.+)$/i;
const TASK_HEADING = /^(?:\*\*)?(T\d+(?:\.\d+)+)(?:\*\*)?\s*[:\-–—.]?\s*(.*)$/;
const OUTPUT_ITEM = /^(?:Save|Create|Document|Write|Produce|Update)\b/i;

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

function count(boxes: readonly Checkbox[], indexes: readonly number[]): ChecklistCount {
  let checked = 0;
  let firstOpenLine: number | null = null;
  for (const i of indexes) {
    const box = boxes[i];
    if (!box) continue;
    if (box.checked) checked++;
    else if (firstOpenLine === null) firstOpenLine = box.line;
  }
  return { total: indexes.length, checked, firstOpenLine };
}

/** Phases, their statuses from every place the TODO states them, tasks, checklists, outputs and prerequisites. */
export function analyseTodo(input: TodoInput): TodoModel {
  const { lines, sections, checkboxes, references, c } = input;
  const headings = sections.headings;
  const title = headings.find((h) => h.level === 1)?.text ?? '';
  const completion = headings.find((h) => /^Project Completion Checklist\b/i.test(h.text)) ?? null;
  const inCompletion = (line: number): boolean => completion !== null && line > completion.line && line <= completion.sectionEnd;

  // Phase sections: phase headings outside the completion checklist and not nested in another phase.
  const phaseHeadings = headings.filter((h) => PHASE_HEADING.test(h.text) && !inCompletion(h.line));
  const sectionsOnly = phaseHeadings.filter((h) => !phaseHeadings.some((o) => o !== h && o.level < h.level && h.line > o.line && h.line <= o.sectionEnd));
  const inPhase = (line: number): boolean => sectionsOnly.some((h) => line >= h.line && line <= h.sectionEnd);

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
      addStatement(normalisePhase(m[1] ?? ''), { source: 'completion-checklist', marker: h.status, title: stripStatus(m[2] ?? '', c) || null, line: h.line, range: h.range });
    }
  }

  const phases: Phase[] = sectionsOnly.map((h) => {
    const m = PHASE_HEADING.exec(h.text);
    const number = normalisePhase(m?.[1] ?? '');
    const own: StatusStatement[] = [];
    if (h.status) own.push({ source: 'heading', marker: h.status, title: null, line: h.line, range: h.range });
    const inside = headings.filter((s) => s.line > h.line && s.line <= h.sectionEnd);
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
    checkboxes.forEach((b, i) => {
      if (b.line > from && b.line <= to && !(expected && !progress && b.line > expected.line && b.line <= expected.sectionEnd)) boxIndexes.push(i);
    });

    const named = (section: typeof expected, context: Reference['context']): NamedFile[] => {
      if (!section) return [];
      const result: NamedFile[] = [];
      references.forEach((r, i) => {
        if (r.context !== context || r.line <= section.line || r.line > section.sectionEnd) return;
        const box = checkboxes.find((b) => b.line === r.line);
        result.push({ name: r.target, line: r.line, range: r.range, checked: box ? box.checked : null, reference: i });
      });
      return result;
    };

    const outputItems: OutputItem[] = [];
    for (const i of boxIndexes) {
      const box = checkboxes[i];
      if (!box || !OUTPUT_ITEM.test(box.text)) continue;
      const ref = references.find((r) => r.line === box.line && /\.md$/i.test(r.target));
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
      checklist: count(checkboxes, boxIndexes),
      expectedOutputsLine: expected ? expected.line : null,
      expectedOutputs: named(expected, 'expected-output'),
      prerequisites: named(prereq, 'prerequisite'),
      outputItems,
    };
  });

  const known = new Set(phases.map((p) => p.number));
  const orphanStatuses: (StatusStatement & { phase: string })[] = [];
  for (const [phase, list] of statements) {
    const target = phases.find((p) => p.number === phase);
    if (target) (target.statuses as StatusStatement[]).push(...list);
    else if (!known.has(phase)) for (const s of list) orphanStatuses.push({ ...s, phase });
  }
  for (const p of phases) (p.statuses as StatusStatement[]).sort((a, b) => a.line - b.line);

  return { title, phases, completionChecklistLine: completion ? completion.line : null, orphanStatuses };
}
