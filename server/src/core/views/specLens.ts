import type { Range } from '../text/position';
import { coverageText, tracersOf, type SpecView } from './specContext';

/** `traced by 3 tasks (2 done)` / `traced by no task` on each requirement, criterion and story of a requirements document. */
export function specCoverageLenses(view: SpecView, path: string): { range: Range; title: string }[] {
  if (path !== view.spec.requirements) return [];
  return view.items.map((item) => ({ range: item.range, title: coverageText(tracersOf(view, item)) }));
}
