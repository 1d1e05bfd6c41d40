import picomatch from 'picomatch/posix';

/** A predicate for workspace-relative paths matching any of the ignore globs (files or whole folders). */
export function ignoreMatcher(globs: readonly string[]): (path: string) => boolean {
  const patterns = globs.flatMap((g) => (g.endsWith('/**') ? [g, g.slice(0, -3)] : [g]));
  const match = picomatch(patterns, { dot: true });
  return (path: string) => match(path);
}
