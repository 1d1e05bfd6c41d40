import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadProject } from '../../server/src/core/engine';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import type { Project } from '../../server/src/core/project/project';
import { LineIndex } from '../../server/src/core/text/position';
import { codeActionsAt, fixAllIn } from '../../server/src/core/views/codeActions';
import { itemLabel } from '../../server/src/core/views/fixes';
import type { FileEdit } from '../../server/src/core/views/rename';

const TODO = `# TODO061: Ledger

**Total Phases**: 5

- Phase 1: ✅ COMPLETED - Storage
- Phase 2: 🔄 IN PROGRESS - Monthly Exports

## Phase 1: Storage

### Progress Checklist
- [x] Tables created for the ledger and for every account holder's statement history
  - [ ] Indexes created on the ledger id
- [ ] Write notes to \`TODO061_phase1_notes.md\`

## Phase 2: Reports

### Progress Checklist
- [ ] Report generated
`;

const NOTES = '# Phase 1 notes\n\nNotes.\n';

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

/** Applies edits of one file, last first, as an editor does. */
function apply(text: string, edits: readonly FileEdit[]): string {
  const lines = new LineIndex(text);
  let out = text;
  for (const e of [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start))) {
    out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  }
  return out;
}

async function load(todo: string): Promise<Project> {
  return loadProject({ workspace: new MemoryWorkspace({ 'TODO061.md': todo, 'TODO061_phase1_notes.md': NOTES }) });
}

describe('quick fixes', () => {
  it('lists the preferred fix first with its full label and Suppress last', async () => {
    const project = await load(TODO);
    const line = lineOf(TODO, 'Phase 1: ✅');
    const titles = codeActionsAt(project, 'TODO061.md', TODO, line, line).map((a) => a.title);
    assert.match(titles[0] ?? '', /^Set Phase 1 to 🔄 IN PROGRESS \(1\/3 checked\)$/);
    assert.ok(titles.length >= 3, titles.join(' | '));
    assert.ok(titles.slice(-2).every((t) => t.startsWith('Suppress ')), titles.join(' | '));
    assert.ok(titles.slice(0, -2).every((t) => !t.startsWith('Suppress ')), titles.join(' | '));
  });

  it('offers the mechanical fix of every code that has one, preferred, before Suppress', async () => {
    const project = await load(TODO);
    const first = (needle: string): { title: string; code: string | undefined; preferred: boolean } => {
      const line = lineOf(TODO, needle);
      const a = codeActionsAt(project, 'TODO061.md', TODO, line, line)[0];
      return { title: a?.title ?? '', code: a?.finding?.code, preferred: a?.preferred ?? false };
    };
    assert.deepEqual(first('Total Phases'), { title: 'Change to 2 phases, as the phase sections count', code: 'phase-count-mismatch', preferred: true });
    assert.deepEqual(first('Monthly Exports'), { title: 'Rename to "Reports", as in its section', code: 'phase-title-mismatch', preferred: true });
    assert.deepEqual(first('[x] Tables'), { title: 'Uncheck "Tables created for the ledger and for every account…": 1 sub-item is open', code: 'phase-done-checklist-open', preferred: true });
    assert.deepEqual(first('Write notes'), { title: 'Check "Write notes to TODO061_phase1_notes.md": its output exists', code: 'output-exists-unchecked', preferred: true });
  });

  it('fixes every mechanical problem of a document at once, and a second check finds none of them', async () => {
    const project = await load(TODO);
    const fixAll = fixAllIn(project, 'TODO061.md', TODO);
    assert.ok(fixAll);
    assert.equal(fixAll.kind, 'source.fixAll');
    // Unchecking a parent and renaming a phase are choices the author makes: offered, not in "Fix all".
    assert.equal(fixAll.title, 'Fix all 3 auto-fixable Proofmark problems in this document');
    const fixed = apply(TODO, fixAll.edits);
    const after = (await load(fixed)).findingsFor('TODO061.md').map((f) => f.code);
    for (const code of ['phase-count-mismatch', 'output-exists-unchecked']) assert.ok(!after.includes(code as never), `${code} left in:\n${fixed}`);
    for (const code of ['phase-title-mismatch', 'phase-done-checklist-open']) assert.ok(after.includes(code as never), `${code} was fixed by "Fix all":\n${fixed}`);
    // The editor's list offers it next to a fix that it goes beyond.
    const line = lineOf(TODO, 'Total Phases');
    assert.ok(codeActionsAt(project, 'TODO061.md', TODO, line, line).some((a) => a.fixAll === true));
  });

  it('points a checked task at the one file of the name it cites, outside "Fix all"', async () => {
    const todo = '# TODO062: Queue\n\n## Phase 1: Queue\n\n### Progress Checklist\n- [x] Implement `src/sync/queue.ts`\n';
    const files = { 'docs/TODO062.md': todo, 'lib/sync/queue.ts': '' };
    const project = await loadProject({ workspace: new MemoryWorkspace(files) });
    const line = lineOf(todo, 'Implement');
    const [fix] = codeActionsAt(project, 'docs/TODO062.md', todo, line, line);
    assert.equal(fix?.finding?.code, 'task-done-file-missing');
    assert.equal(fix?.title, 'Point to lib/sync/queue.ts, the one file of that name');
    assert.equal(fixAllIn(project, 'docs/TODO062.md', todo), null);
    const fixed = apply(todo, fix?.edits ?? []);
    const after = await loadProject({ workspace: new MemoryWorkspace({ ...files, 'docs/TODO062.md': fixed }) });
    assert.deepEqual(after.findingsFor('docs/TODO062.md').map((f) => f.code), []);
  });

  it('cuts long labels at a word, never mid-word', () => {
    assert.equal(itemLabel('short text'), 'short text');
    const label = itemLabel('Implement the retry policy for every background synchronisation request and its queue');
    assert.equal(label, 'Implement the retry policy for every background…');
    assert.ok(label.length <= 61);
  });
});
