import picomatch from 'picomatch/posix';
import { globProblem } from '../config/globs';

/** Matchers by the list of globs they were compiled from: every rule context of a run asks again for the configuration's lists. */
const compiled = new WeakMap<readonly string[], (path: string) => boolean>();

/**
 * A predicate for workspace-relative paths matching any of the ignore globs (files or whole folders).
 * A glob picomatch refuses is left out rather than thrown (the configuration reports it, see globs.ts).
 */
export function ignoreMatcher(globs: readonly string[]): (path: string) => boolean {
  const hit = compiled.get(globs);
  if (hit) return hit;
  const patterns = globs.filter((g) => globProblem(g) === null).flatMap((g) => (g.endsWith('/**') ? [g, g.slice(0, -3)] : [g]));
  const match = picomatch(patterns, { dot: true });
  const test = (path: string): boolean => match(path);
  compiled.set(globs, test);
  return test;
}
