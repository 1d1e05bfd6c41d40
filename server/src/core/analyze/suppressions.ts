import type { Suppression } from '../model/document';
import type { RawBlock } from './collect';

const DIRECTIVE = /<!--\s*proofmark-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

/**
 * Reads `<!-- proofmark-disable-next-line CODE -->`, `<!-- proofmark-disable CODE -->` …
 * `<!-- proofmark-enable CODE -->`. Without codes a directive applies to every code.
 */
export function readSuppressions(comments: readonly RawBlock[]): Suppression[] {
  const result: Suppression[] = [];
  const open = new Map<string, number>();
  for (const c of comments) {
    DIRECTIVE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DIRECTIVE.exec(c.value))) {
      const codes = (m[2] ?? '').split(/[\s,]+/).filter((s) => s.length > 0);
      const keys = codes.length > 0 ? codes : ['*'];
      switch (m[1]) {
        case 'disable-next-line':
          result.push({ codes, fromLine: c.endLine + 1, toLine: c.endLine + 1 });
          break;
        case 'disable-line':
          result.push({ codes, fromLine: c.startLine, toLine: c.endLine });
          break;
        case 'disable':
          for (const k of keys) if (!open.has(k)) open.set(k, c.startLine);
          break;
        case 'enable':
          for (const k of keys) {
            if (k === '*') {
              for (const [code, from] of open) result.push({ codes: code === '*' ? [] : [code], fromLine: from, toLine: c.startLine });
              open.clear();
            } else {
              const from = open.get(k);
              if (from !== undefined) {
                result.push({ codes: k === '*' ? [] : [k], fromLine: from, toLine: c.startLine });
                open.delete(k);
              }
            }
          }
          break;
        default:
          break;
      }
    }
  }
  for (const [code, from] of open) result.push({ codes: code === '*' ? [] : [code], fromLine: from, toLine: Number.MAX_SAFE_INTEGER });
  return result;
}

export function isSuppressed(suppressions: readonly Suppression[], code: string, line: number): boolean {
  return suppressions.some((s) => line >= s.fromLine && line <= s.toLine && (s.codes.length === 0 || s.codes.includes(code)));
}
