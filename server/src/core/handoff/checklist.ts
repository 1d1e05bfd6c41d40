import type { CompiledConventions } from '../config/compiled';
import { stripStatus } from '../analyze/todo';
import type { Checkbox, DocumentModel } from '../model/document';
import type { Phase, Task } from '../model/todo';

/** Boxes under one heading of a phase: a `####` group of the Progress Checklist, or a task's own boxes. */
export interface ChecklistGroup {
  readonly title: string;
  readonly line: number;
  /** Indexes in the TODO's `checkboxes`, in document order. */
  readonly items: readonly number[];
}

export interface TaskSection {
  readonly task: Task;
  readonly groups: readonly ChecklistGroup[];
}

export interface PhaseChecklist {
  readonly tasks: readonly TaskSection[];
  /** Groups whose title matches no task; listed after the tasks. */
  readonly others: readonly ChecklistGroup[];
}

const STOP = new Set(['and', 'the', 'for', 'with']);

function words(title: string): Set<string> {
  return new Set(
    title
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2 && !STOP.has(w)),
  );
}

/**
 * How well a checklist heading names a task: 1 when one title starts the other ("Final Project
 * Validation" / "Final Project Validation and Success Metrics"), else the share of common words.
 * The threshold 0.5 is the one the TODO rules use to decide that two phase titles agree.
 */
export function titleSimilarity(a: string, b: string): number {
  const x = a.toLowerCase().trim();
  const y = b.toLowerCase().trim();
  if (!x || !y) return 0;
  if (x.startsWith(y) || y.startsWith(x)) return 1;
  const wa = words(a);
  const wb = words(b);
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  const union = wa.size + wb.size - common;
  return union === 0 ? 0 : common / union;
}

const MATCH = 0.5;

/**
 * The TODO's Progress Checklist is grouped by headings, not by task. Each group goes to the task
 * whose title it matches best (a group written under the task heading itself belongs to it);
 * groups matching no task are kept apart, in document order.
 */
export function phaseChecklist(todo: DocumentModel, phase: Phase, c: CompiledConventions): PhaseChecklist {
  const inside = todo.headings.filter((h) => h.line > phase.line && h.line <= phase.sectionEnd);
  const groups = new Map<number, { title: string; line: number; items: number[] }>();
  for (const index of phase.checkboxes) {
    const box = todo.checkboxes[index];
    if (!box) continue;
    const heading = [...inside].reverse().find((h) => h.line < box.line);
    const line = heading?.line ?? phase.line;
    let group = groups.get(line);
    if (!group) {
      group = { title: stripStatus(heading?.text ?? phase.title, c), line, items: [] };
      groups.set(line, group);
    }
    group.items.push(index);
  }

  const byTask = new Map<Task, ChecklistGroup[]>();
  const others: ChecklistGroup[] = [];
  for (const group of groups.values()) {
    let task: Task | null = phase.tasks.find((t) => t.line === group.line) ?? null;
    if (!task) {
      let best = -1;
      for (const t of phase.tasks) {
        const score = titleSimilarity(group.title, t.title);
        if (score >= MATCH && score > best) {
          best = score;
          task = t;
        }
      }
    }
    if (task) byTask.set(task, [...(byTask.get(task) ?? []), group]);
    else others.push(group);
  }
  return { tasks: phase.tasks.map((task) => ({ task, groups: byTask.get(task) ?? [] })), others };
}

/** Nesting of listed items: how many of an item's ancestors are listed too (so a lone child is not indented). */
export function listedDepths(boxes: readonly Checkbox[], indexes: readonly number[]): Map<number, number> {
  const listed = new Set(indexes);
  const depths = new Map<number, number>();
  for (const i of indexes) {
    let depth = 0;
    for (let p = boxes[i]?.parent ?? -1, guard = 0; p >= 0 && guard < 100; p = boxes[p]?.parent ?? -1, guard++) {
      if (listed.has(p)) depth++;
    }
    depths.set(i, depth);
  }
  return depths;
}
