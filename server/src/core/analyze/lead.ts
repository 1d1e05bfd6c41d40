import type { LeadLine } from '../model/document';
import type { LineIndex } from '../text/position';

/** Lines of a report's opening kept, and the characters kept of each. */
const LEAD_LINES = 12;
const LEAD_CHARS = 300;

/**
 * A report's opening as written: its title, header fields and first paragraph, the first lines
 * with text outside code. A report says there what it is about (`**Branch**: `001-inventory``, "Phase
 * 9 of the CD Pipeline has been completed"), which rules/specReports.ts ties to a spec.
 */
export function readLead(lines: LineIndex, code: Uint8Array): LeadLine[] {
  const lead: LeadLine[] = [];
  // YAML front matter is read like code (parse/frontMatter.ts), so it is skipped with the code.
  for (let line = 1; line <= lines.lineCount && lead.length < LEAD_LINES; line++) {
    const text = lines.line(line).trim();
    if (code[line] || text === '' || /^(?:-{3,}|\*{3,}|_{3,}|<!--.*-->)$/.test(text)) continue;
    lead.push({ line, text: text.slice(0, LEAD_CHARS) });
  }
  return lead;
}
