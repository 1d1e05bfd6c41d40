import type { TraceCell } from '../../../server/src/protocol';

/** One file's citations in a cell: where, how many, and how many have evidence beside them. */
export interface CellFile {
  readonly uri: string;
  readonly name: string;
  readonly lines: readonly number[];
  /** 0-based line of the first citation with evidence, else of the first citation. */
  readonly first: number;
  readonly withEvidence: number;
  readonly evidence: readonly string[];
}

export function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** A cell's citations grouped by file, in the order the files are first cited. */
export function cellFiles(cell: TraceCell | undefined): CellFile[] {
  const files = new Map<string, { lines: number[]; first: number | null; firstAny: number; withEvidence: number; evidence: string[] }>();
  for (const c of cell?.citations ?? []) {
    const f = files.get(c.location.uri) ?? { lines: [], first: null, firstAny: c.location.line, withEvidence: 0, evidence: [] };
    f.lines.push(c.location.line);
    if (c.evidence.length > 0) {
      f.withEvidence++;
      f.first ??= c.location.line;
      for (const e of c.evidence) if (!f.evidence.includes(e)) f.evidence.push(e);
    }
    files.set(c.location.uri, f);
  }
  return [...files].map(([uri, f]) => ({ uri, name: fileName(uri), lines: f.lines, first: f.first ?? f.firstAny, withEvidence: f.withEvidence, evidence: f.evidence }));
}

/** `line 12, with evidence`, `3 citations, 1 with evidence`, `lines 4, 9, no evidence beside them`. */
export function fileSummary(file: CellFile): string {
  const n = file.lines.length;
  if (n === 1) return `line ${(file.lines[0] ?? 0) + 1}, ${file.withEvidence > 0 ? 'with evidence' : 'no evidence beside it'}`;
  if (n <= 3) return `lines ${file.lines.map((l) => l + 1).join(', ')}, ${file.withEvidence === 0 ? 'no evidence beside them' : `${file.withEvidence} with evidence`}`;
  return `${n} citations, ${file.withEvidence === 0 ? 'none with evidence' : `${file.withEvidence} with evidence`}`;
}

/** The cell as one line of text: `TODO003_phase2_notes.md line 12, with evidence; …` (exports, screen readers). */
export function cellText(cell: TraceCell | undefined): string {
  const files = cellFiles(cell);
  return files.length === 0 ? '' : files.map((f) => `${f.name} ${fileSummary(f)}`).join('; ');
}
