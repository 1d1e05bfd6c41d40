import { familyOf } from '../analyze/specIds';
import type { SpecItem, SpecTask } from '../model/spec';
import { basename } from '../parse/role';
import type { Range } from '../text/position';
import { coverageText, findItem, findSpecTask, taskName, tracersOf, type SpecTarget, type SpecView } from './specContext';

/** Tasks listed in a hover before "… N more". */
const SHOWN = 6;

function taskState(task: SpecTask): string {
  const state = task.checked ? 'done' : 'open';
  return task.optional ? `${state}, optional` : state;
}

function where(file: string, line: number): string {
  return `${basename(file)}:${line}`;
}

function itemHead(view: SpecView, item: SpecItem): string {
  const name = item.kind === 'criterion' ? `Criterion ${item.id}` : item.label;
  const parent = item.parent !== null ? findItem(view, item.parent) : null;
  const of = parent ? ` of ${parent.label}${parent.text && parent.text !== parent.label ? ` (${parent.text})` : ''}` : '';
  return `**${name}**${of} — ${item.text}`;
}

/** A requirement's, criterion's or story's text and the tasks that trace it. */
export function itemHoverText(view: SpecView, item: SpecItem): string {
  const tracers = tracersOf(view, item);
  const lines = [itemHead(view, item), ''];
  const names = tracers.slice(0, SHOWN).map(taskName);
  const more = tracers.length > SHOWN ? `, … ${tracers.length - SHOWN} more` : '';
  lines.push(tracers.length > 0 ? `${capital(coverageText(tracers))}: ${names.join(', ')}${more}` : view.tasks ? `${capital(coverageText(tracers))} in ${basename(view.tasks.path)}` : 'This spec has no task list yet.');
  if (view.requirements) lines.push('', `Defined in ${where(view.requirements.path, item.line)}`);
  return lines.join('\n');
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A task's text, state, phase and what it traces (each id with its text when the spec defines it). */
export function taskHoverText(view: SpecView, task: SpecTask): string {
  const lines = [`**${taskName(task)}** — ${task.text}`, '', `State: ${taskState(task)}${task.checkpoint ? ' (checkpoint)' : ''}`];
  const phase = view.phases[task.phase];
  if (phase) lines.push(`Phase ${phase.number}: ${phase.title}`);
  const parent = view.taskList[task.parent];
  if (parent) lines.push(`Part of ${taskName(parent)}`);
  const ids = [...new Set(task.traces.flatMap((t) => t.ids))];
  if (ids.length > 0) {
    lines.push('', 'Traces:');
    for (const id of ids.slice(0, 12)) {
      const item = findItem(view, id);
      lines.push(item ? `- ${item.kind === 'criterion' ? item.id : item.label} — ${item.text}` : `- ${id} (not defined in this spec)`);
    }
    if (ids.length > 12) lines.push(`- … ${ids.length - 12} more`);
  } else if (task.traces.some((t) => t.freeText)) lines.push('', 'Traces: free text only (no id)');
  if (view.tasks) lines.push('', `Defined in ${where(view.tasks.path, task.line)}`);
  return lines.join('\n');
}

/** The hover for a spec id under the cursor; null for an id of a family the spec does not define (left to the other hovers). */
export function specHover(view: SpecView, target: SpecTarget): { contents: string; range: Range } | null {
  if (target.kind === 'task') {
    const task = findSpecTask(view, target.id);
    if (!task && !view.taskList.some((t) => t.id !== null && t.id.startsWith('T') === target.id.startsWith('T'))) return null;
    const where = view.tasks ? basename(view.tasks.path) : 'the task list';
    return { contents: task ? taskHoverText(view, task) : `**${target.id}** is not a task of ${where}.`, range: target.range };
  }
  const item = findItem(view, target.id);
  if (item) return { contents: itemHoverText(view, item), range: target.range };
  if (!view.items.some((i) => i.family === familyOf(target.id))) return null;
  const doc = view.requirements ? basename(view.requirements.path) : "the spec's requirements";
  return { contents: `**${target.token?.written ?? target.id}** is not defined in ${doc}.`, range: target.range };
}
