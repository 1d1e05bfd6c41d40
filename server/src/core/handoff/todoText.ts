import type { DocumentModel } from '../model/document';
import { contentHash } from '../text/hash';
import { LineIndex } from '../text/position';

/**
 * The TODO's lines, when the caller passed the text the model was built from. A text that does
 * not match the model's hash is ignored: its line numbers would point at the wrong items.
 */
export class TodoText {
  private constructor(private readonly lines: LineIndex) {}

  static of(model: DocumentModel, text: string | undefined): TodoText | null {
    if (text === undefined || contentHash(text) !== model.hash) return null;
    return new TodoText(new LineIndex(text));
  }

  line(n: number): string {
    return this.lines.line(n);
  }

  /** Lines `from`..`to` inclusive, with their numbers. */
  range(from: number, to: number): { line: number; text: string }[] {
    const out: { line: number; text: string }[] = [];
    for (let n = Math.max(1, from); n <= Math.min(to, this.lines.lineCount); n++) out.push({ line: n, text: this.lines.line(n) });
    return out;
  }
}
