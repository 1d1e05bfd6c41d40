import type { Heading } from '../model/document';
import type { RawHeading } from './collect';
import type { CompiledConventions } from '../config/compiled';
import { readStatus } from '../config/compiled';

/** Gives each heading its section end and status, and answers "which heading encloses line N". */
export class Sections {
  readonly headings: Heading[];
  /** For each line (1-based), the index of the nearest heading at or before it, or -1. */
  private readonly nearest: Int32Array;

  constructor(raw: readonly RawHeading[], lineCount: number, c: CompiledConventions) {
    this.headings = raw.map((h, i) => {
      let end = lineCount;
      for (let j = i + 1; j < raw.length; j++) {
        const next = raw[j];
        if (next && next.level <= h.level) {
          end = next.line - 1;
          break;
        }
      }
      return { ...h, sectionEnd: end, status: readStatus(h.text, c, 'heading') };
    });
    this.nearest = new Int32Array(lineCount + 2).fill(-1);
    let k = -1;
    for (let line = 1; line <= lineCount + 1; line++) {
      while ((this.headings[k + 1]?.line ?? Infinity) <= line) k++;
      this.nearest[line] = k;
    }
  }

  /** Index of the nearest heading at or before the line. */
  at(line: number): number {
    return this.nearest[Math.max(0, Math.min(line, this.nearest.length - 1))] ?? -1;
  }

  /** The enclosing headings of a line, innermost first. */
  ancestors(line: number): Heading[] {
    const result: Heading[] = [];
    let level = Infinity;
    for (let i = this.at(line); i >= 0; i--) {
      const h = this.headings[i];
      if (!h) continue;
      if (h.level < level && h.sectionEnd >= line) {
        result.push(h);
        level = h.level;
      }
    }
    return result;
  }

  /** First line after the nearest heading's own text, up to the next heading of any level. */
  directSection(line: number): { start: number; end: number } {
    const i = this.at(line);
    const h = this.headings[i];
    const next = this.headings[i + 1];
    const start = h ? h.line : 1;
    const end = next ? next.line - 1 : this.nearest.length - 2;
    return { start, end };
  }
}
