import type { Finding } from '../findings/finding';
import type { LineIndex } from '../text/position';
import type { ActionView } from './codeActions';

/**
 * "Write Y" for a citation whose name drifted (reference-misnamed): one edit that replaces the name
 * as written by the name of the file found, inside the finding's range (a link's target, not its
 * text: the last occurrence), else on its lines. No fix when the name cannot be found as written.
 */
export function misnamedFixes(path: string, lines: LineIndex, findings: readonly Finding[]): ActionView[] {
  const actions: ActionView[] = [];
  for (const f of findings) {
    const names = f.data?.misnamed;
    if (f.code !== 'reference-misnamed' || f.file !== path || !names) continue;
    const start = lines.offsetAt(f.range.start);
    const end = lines.offsetAt(f.range.end);
    const lineStart = lines.offsetAt({ line: f.range.start.line, column: 1 });
    const lineEnd = lines.offsetAt({ line: f.range.end.line, column: lines.line(f.range.end.line).length + 1 });
    const at = lastWithin(lines.text, names.written, start, end) ?? lastWithin(lines.text, names.written, lineStart, lineEnd);
    if (at === null) continue;
    actions.push({
      title: `Write ${names.found}`,
      kind: 'quickfix',
      finding: f,
      edits: [{ file: path, range: { start: lines.positionAt(at), end: lines.positionAt(at + names.written.length) }, newText: names.found }],
      creates: [],
      preferred: true,
    });
  }
  return actions;
}

/** The offset of the last occurrence of `needle` that lies wholly in [from, to), or null. */
function lastWithin(text: string, needle: string, from: number, to: number): number | null {
  const at = text.lastIndexOf(needle, to - needle.length);
  return at >= from && at + needle.length <= to ? at : null;
}
