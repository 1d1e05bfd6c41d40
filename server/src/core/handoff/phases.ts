import type { Phase, TodoModel } from '../model/todo';

/** Phase numbers compare as numbers (`2.5` comes between `2` and `3`), whatever the document order. */
export function comparePhases(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (Number.isFinite(x) && Number.isFinite(y) && x !== y) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function phasesInOrder(todo: TodoModel): Phase[] {
  return [...todo.phases].sort((a, b) => comparePhases(a.number, b.number));
}

/** Phases numbered below this one: their open items and missing outputs are carried forward. */
export function earlierPhases(todo: TodoModel, phase: string): Phase[] {
  return phasesInOrder(todo).filter((p) => comparePhases(p.number, phase) < 0);
}

/** The phase numbered next after this one, whose prerequisites the handoff prepares. */
export function nextPhase(todo: TodoModel, phase: string): Phase | null {
  return phasesInOrder(todo).find((p) => comparePhases(p.number, phase) > 0) ?? null;
}

export function unknownPhaseMessage(phase: string, todoName: string, todo: TodoModel): string {
  const known = phasesInOrder(todo).map((p) => p.number);
  if (known.length === 0) return `Phase ${phase} does not exist in ${todoName}; it has no phase sections.`;
  return `Phase ${phase} does not exist in ${todoName}; its phases are ${known.join(', ')}.`;
}
