/**
 * Documents that are small enough to pass the size limit (2 MB) but were heavy to analyse (issue
 * 14 item 2, issue 15 item 3), generated so that nothing large is committed. Shared by the
 * bad-input tests and `npm run bench:lsp`, which measure them in the same shapes.
 */
export interface HeavyShape {
  /** A short name, also the file's stem. */
  readonly name: string;
  /** What the document is, for tables. */
  readonly description: string;
  /** The file name it is analysed as (the role matters: a TODO is read for phases). */
  readonly file: string;
  readonly text: string;
}

const MB = 1024 * 1024;

/** `unit` repeated until the text reaches about `bytes`. */
function repeatTo(unit: (i: number) => string, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = unit(i);
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

/** Ordinary planning prose: claims, references, requirement ids, checkboxes, a table. */
const ORDINARY = (i: number): string => `## Section ${i}: Sync queue work ✅ COMPLETED

The queue in \`src/sync/queue-${i}.ts\` now replays entries after a crash (FR${i % 40}.1), see \`docs/notes-${i}.md\`.
All tests pass and the migration is done. **Status**: ✅ COMPLETED

- [x] Write the replay loop for T${i}.1
- [ ] Add the dead-letter state
- [x] Document the outbox schema in \`docs/outbox-${i}.md\`

| Suite | Tests |
|---|---|
| replay | 14/14 |

`;

export function heavyShapes(): HeavyShape[] {
  return [
    { name: 'code-span-openers', description: 'one 1.9 MB line of `a code-span openers', file: 'notes.md', text: `${'`a '.repeat(Math.floor((1.9 * MB) / 3))}\n` },
    { name: 'checkboxes', description: '100,000 checkboxes', file: 'TODO001.md', text: `# TODO001: Boxes\n\n## Phase 1: Boxes\n\n${repeatTo((i) => `- [ ] item ${i}\n`, 1.9 * MB).split('\n').slice(0, 100_000).join('\n')}\n` },
    { name: 'link-definitions', description: '50,000 link reference definitions', file: 'notes.md', text: `# Links\n\n${Array.from({ length: 50_000 }, (_, i) => `[ref${i}]: docs/missing-${i}.md\n`).join('')}` },
    { name: 'phase-status-lines', description: '50,000 phase status lines', file: 'TODO001.md', text: `# TODO001: Statuses\n\n**Phase Status Summary:**\n${Array.from({ length: 50_000 }, (_, i) => `- Phase ${i + 1}: ✅ COMPLETED - Step ${i + 1}\n`).join('')}` },
    { name: 'wide-table', description: 'a 5,000-column table', file: 'notes.md', text: wideTable(5_000, 1.9 * MB) },
    { name: 'ordinary-text', description: '1.9 MB of ordinary text', file: 'TODO001_phase1_notes.md', text: `# TODO001 Phase 1 Notes\n\n${repeatTo(ORDINARY, 1.9 * MB)}` },
    { name: 'single-line', description: 'a 1.9 MB single line', file: 'notes.md', text: `${'word '.repeat(Math.floor((1.9 * MB) / 5))}\n` },
    { name: 'setext-headings', description: '5,000 setext headings in 20 KB (quadratic in micromark)', file: 'notes.md', text: 'a\n=\n'.repeat(5_000) },
    { name: 'emphasis-run', description: 'one 20 KB paragraph of 10,000 `*a` (quadratic in micromark)', file: 'notes.md', text: `${'*a'.repeat(10_240)}\n` },
    { name: 'phase-headings', description: '8,000 phase headings (issue 15 item 3, the lead\'s)', file: 'TODO001.md', text: `# TODO001: Phases\n\n${Array.from({ length: 8_000 }, (_, i) => `## Phase ${i + 1}: Do\n\n`).join('')}` },
  ];
}

function wideTable(columns: number, bytes: number): string {
  const row = (cell: (c: number) => string): string => `|${Array.from({ length: columns }, (_, c) => ` ${cell(c)} `).join('|')}|\n`;
  const header = row((c) => `c${c}`);
  const delimiter = row(() => '-');
  const body = row((c) => String(c % 10));
  const rows = Math.max(1, Math.floor((bytes - header.length - delimiter.length) / body.length));
  return `# Table\n\n${header}${delimiter}${body.repeat(rows)}`;
}
