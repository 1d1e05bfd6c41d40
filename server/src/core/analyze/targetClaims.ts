/**
 * A line that marks a target met without a measured value: `- Binary startup: <50ms ✅`,
 * `| Router | <1s | ✅ PASS |`, `- Upload: < 30 seconds (target: < 30s) ✅`. Every quantity on it is
 * a bound (after `<`, `≤`, `under`, `within`, …) and all bounds are the same figure, so nothing on
 * the line is a result; `12 s (target: < 30 s) ✅` or `<20ms (target: <100ms)` state one.
 */
const QUANTITY = /(<=|>=|[<>≤≥]|\b(?:under|below|within|less than|more than|at most|at least|up to)\s)?\s*~?\s*(\d+(?:[.,]\d+)?)\s?(ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|KB|kB|MB|GB|TB|%|req\/s|rps|fps)(?![\w/])/gi;
const DONE_MARK = /✅|✔️?|\b(?:PASS(?:ED)?|MET|ACHIEVED)\b/u;
const LIST_OR_ROW = /^\s*(?:[-*+]\s|\d+[.)]\s|\|)/;

export function statesTargetOnly(text: string): boolean {
  if (!LIST_OR_ROW.test(text) || !DONE_MARK.test(text)) return false;
  const bounds = new Set<number>();
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(text); m; m = QUANTITY.exec(text)) {
    if (m[1] === undefined) return false;
    bounds.add(Number((m[2] ?? '').replace(',', '.')) * unitScale(m[3] ?? ''));
  }
  return bounds.size === 1;
}

/** Seconds for times, so that `< 2 minutes (target: < 2min)` is one figure; other units as written. */
function unitScale(unit: string): number {
  const u = unit.toLowerCase();
  if (u === 'ms') return 0.001;
  if (/^min/.test(u)) return 60;
  if (/^(?:h|hrs?|hours?)$/.test(u)) return 3600;
  return 1;
}
