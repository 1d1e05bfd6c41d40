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

/** A configured list of globs (`ignore`, `archives`), or why it cannot be used. */
export function readGlobList(value: unknown): { readonly globs: readonly string[] } | { readonly problem: string } {
  if (!Array.isArray(value)) return { problem: 'Expected an array of glob strings.' };
  const globs: string[] = [];
  for (const glob of value) {
    if (typeof glob !== 'string') return { problem: `Expected an array of glob strings; got ${JSON.stringify(glob)}.` };
    const problem = globProblem(glob);
    if (problem !== null) return { problem: `"${glob}": ${problem}.` };
    globs.push(glob);
  }
  return { globs };
}
