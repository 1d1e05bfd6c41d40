import { readStatus, type CompiledConventions } from '../config/compiled';
import type { StatusField } from '../model/document';
import type { LineIndex } from '../text/position';

/** A top-level `status:` key of YAML front matter, its value optionally quoted. */
const STATUS_KEY = /^(status)[ \t]*:[ \t]*["']?([^"'#\r\n]*?)["']?[ \t]*(?:#.*)?\r?$/i;

/**
 * The status a document's YAML front matter states (`status: human_needed`, `status: draft`), read
 * like a status field's value; null when the front matter has no `status:` or its value is no status
 * (`status: tech_debt`). Front matter is otherwise data (parse/frontMatter.ts); agent workflows keep
 * a phase document's state there.
 */
export function frontMatterStatus(lines: LineIndex, frontMatterEnd: number, c: CompiledConventions): StatusField | null {
  for (let line = 2; line < frontMatterEnd; line++) {
    const m = STATUS_KEY.exec(lines.line(line));
    const value = m?.[2]?.trim() ?? '';
    if (!m || value === '') continue;
    // `human_needed`, `gaps_found`: YAML values join their words with `_`.
    const marker = readStatus(value.replace(/_/g, ' '), c, 'field');
    if (!marker) return null;
    const column = lines.line(line).indexOf(value) + 1;
    return { line, label: 'status', marker: { ...marker, text: value }, range: { start: { line, column }, end: { line, column: column + value.length } } };
  }
  return null;
}
