import picomatch from 'picomatch/posix';

/** Why a single glob cannot be used (empty, or picomatch refuses it), or null. */
export function globProblem(glob: string): string | null {
  if (glob.trim() === '') return 'an empty glob matches nothing';
  try {
    picomatch.makeRe(glob, { dot: true });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Why a configured list of globs (`ignore`, `archives`) cannot be used, or null. */
export function globListProblem(value: unknown): string | null {
  if (!Array.isArray(value)) return 'Expected an array of glob strings.';
  for (const glob of value) {
    if (typeof glob !== 'string') return `Expected an array of glob strings; got ${JSON.stringify(glob)}.`;
    const problem = globProblem(glob);
    if (problem !== null) return `"${glob}": ${problem}.`;
  }
  return null;
}
