import type { LocalFinding } from '../model/document';
import type { LineIndex } from '../text/position';
import { clip } from '../text/clip';

/** A list item that opens with a commit hash: `- \`cfe93fa\` — feat: …`, `- a1b2c3d: fix …`. */
const COMMIT_ITEM = /^(\s*)[-*+]\s+`?(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}`?\s*(?:[—–:-]|\s\()/;
/** A list item that opens with a placeholder where the hash would be: `- TBD — feat: …`. */
const PLACEHOLDER_ITEM = /^(\s*)[-*+]\s+`?(?:TBD|TBA|TODO|XXX+|\?{3,}|<(?:hash|sha|commit)>|\[(?:hash|sha|commit)\])`?\s*[—–:-]/i;

/**
 * A record of commits (`### Key Commits`) in which one entry holds a placeholder instead of its
 * hash, while the entries beside it give theirs: the work it lists has no commit to show.
 */
export function placeholderCommits(lines: LineIndex, code: Uint8Array): LocalFinding[] {
  const findings: LocalFinding[] = [];
  let list: { indent: string; commits: number; placeholders: number[] } | null = null;
  const close = (): void => {
    if (list && list.commits > 0) for (const line of list.placeholders) findings.push(finding(lines, line, list.commits));
    list = null;
  };
  for (let line = 1; line <= lines.lineCount; line++) {
    const text = code[line] ? '' : lines.line(line);
    const commit = COMMIT_ITEM.exec(text);
    const placeholder = commit ? null : PLACEHOLDER_ITEM.exec(text);
    const indent = (commit ?? placeholder)?.[1];
    if (indent === undefined) {
      // A list of one kind of entry ends at the first line that is not one (a wrapped line keeps it open).
      if (list && !(text.startsWith(`${list.indent}  `) && text.trim() !== '')) close();
      continue;
    }
    if (list && list.indent !== indent) close();
    list ??= { indent, commits: 0, placeholders: [] };
    if (commit) list.commits++;
    else list.placeholders.push(line);
  }
  close();
  return findings;
}

function finding(lines: LineIndex, line: number, commits: number): LocalFinding {
  const text = lines.line(line);
  const first = text.search(/\S/);
  const shown = clip(text.trim(), 80);
  return {
    code: 'unresolved-marker',
    range: { start: { line, column: first + 1 }, end: { line, column: text.trimEnd().length + 1 } },
    message: `"${shown}" leaves its commit to be filled, while the ${commits === 1 ? 'entry' : `${commits} entries`} beside it give${commits === 1 ? 's' : ''} a hash: the work it records has no commit to show.`,
    related: [],
  };
}
