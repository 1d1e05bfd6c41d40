import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeBytes } from '../../server/src/core/analyze/document';
import { loadProject } from '../../server/src/core/engine';
import type { Finding } from '../../server/src/core/findings/finding';
import { initiativeOfTodo, planHandoff } from '../../server/src/core/handoff/plan';
import { PLACEHOLDERS } from '../../server/src/core/handoff/templates';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import type { Project } from '../../server/src/core/project/project';
import { LineIndex, type Position } from '../../server/src/core/text/position';
import { codeActionsAt, fixAllIn, type ActionView } from '../../server/src/core/views/codeActions';
import { prepareRenameAt, renameAt, type FileEdit } from '../../server/src/core/views/rename';
import { joinPath } from '../../server/src/core/resolve/resolve';
import { completionsAt } from '../../server/src/core/views/completion';
import { hoverAt } from '../../server/src/core/views/hover';
import { documentSymbols } from '../../server/src/core/views/symbols';
import { traceabilityMatrix } from '../../server/src/core/views/traceability';
import { initiativeNodes, listedInitiatives, type Locator } from '../../server/src/core/views/tree';

/**
 * Random workspaces of the three families, assembled from the shapes planning documents are written
 * in (headings, statuses, checklists, tasks, requirement ids, tables, fences, references) and from
 * arbitrary text, run through the whole core: the analysis, every rule, the views and the handoff.
 * What must hold for any input: nothing throws, every finding and related location points into a
 * document that exists, messages read as text, and a project kept up to date through edits answers
 * as a fresh analysis of the same files.
 * The seed is fixed so that CI is repeatable; PROOFMARK_FUZZ_SEED and PROOFMARK_FUZZ_RUNS explore further.
 */

const SEED = Number(process.env.PROOFMARK_FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.PROOFMARK_FUZZ_RUNS ?? 120);

const id = fc.integer({ min: 0, max: 12 });
const word = fc.constantFrom('Storage', 'Upload', 'API', 'Reports', 'Phase', 'Done', 'complete', 'TODO', 'deferred', 'optional', '✅', '❌', '⬜', '🟡', '**', '`', '|', '[', ']', '(', ')', '#', '-', '*', '_', '<!--', '-->', '\t', '  ', 'é', '𝔘', '\u200b');
const text = fc.oneof(fc.array(word, { maxLength: 8 }).map((w) => w.join(' ')), fc.string({ maxLength: 24 }), fc.string({ unit: 'grapheme', maxLength: 12 }));
const path = fc.constantFrom('src/db.ts', 'src/missing.ts', 'docs/a.md', '../outside.md', '/etc/passwd', 'TODO001.md', 'specs/001-app/tasks.md', 'test/x.test.ts', 'a b.md', '%20.md', '');

const line: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom('#', '##', '###', '####', '#####'), fc.constantFrom('Phase', 'PHASE', '🚀 **PHASE', 'Phase III', 'Phase B', 'Stage'), id, text).map(([h, p, n, t]) => `${h} ${p} ${n}: ${t}`),
  fc.tuple(id, id, text).map(([a, b, t]) => `#### T${a}.${b}: ${t}`),
  fc.tuple(id, fc.boolean(), text).map(([n, p, t]) => `- ${p ? '[P] ' : ''}T${String(n).padStart(3, '0')} [US${n % 3}] ${t}`),
  fc.tuple(fc.constantFrom('- [ ]', '- [x]', '- [X]', '  - [ ]', '    - [x]', '- [ ]*', '* [ ]', '1. [x]', '- [-]'), text).map(([b, t]) => `${b} ${t}`),
  fc.tuple(fc.constantFrom('**Status**:', 'Status:', '- Phase 1:', '✅ COMPLETED', '🔄 IN PROGRESS', '**Progress**:', 'Completed:'), fc.constantFrom('✅ COMPLETED', 'Done', 'In Progress', 'Not Started', '92%', '12/12 (100%)', '3/5', 'draft', ''), text).map(([k, v, t]) => `${k} ${v} ${t}`),
  fc.tuple(fc.constantFrom('FR', 'NFR', 'KPI', 'REQ-', 'US'), id, text).map(([p, n, t]) => `### ${p}${n}: ${t}`),
  fc.tuple(id, id).map(([a, b]) => `  - _Requirements: ${a}.${b}, ${b}.${a}_`),
  fc.tuple(path, text).map(([p, t]) => `- Save notes to: \`${p}\` ${t}`),
  fc.tuple(text, path).map(([t, p]) => `[${t}](${p})`),
  fc.tuple(id, id).map(([a, b]) => `${a * 7} unit tests passing, ${b} failed`),
  fc.tuple(text, text).map(([a, b]) => `| ${a} | ${b} | ✅ |`),
  fc.constantFrom('| --- | --- | --- |', '```', '```bash', '~~~', '---', '<!-- proofmark-disable-next-line -->', '<details>', '</details>', '> quote', '', '    indented code', '## Success Criteria', '## Expected Outputs', '### Progress Checklist', '## Definition of Done'),
  text,
);

const lineEnding = fc.constantFrom('\n', '\r\n', '\r');
const document = fc.tuple(fc.array(line, { maxLength: 30 }), lineEnding, fc.boolean()).map(([lines, eol, bom]) => `${bom ? '\uFEFF' : ''}${lines.join(eol)}`);

/** Conventions as a repository might configure them: patterns that are sound, odd, empty, catastrophic or not patterns at all. */
const CONVENTION = fc.constantFrom('anchorFile', 'phaseOutputFile', 'phasePromptFile', 'phaseDocFile', 'statusDocFile', 'outputKinds', 'requirementKinds', 'statusDone', 'statusInProgress', 'statusFailed', 'statusPlanned', 'statusFieldLabel', 'specLayouts');
const PATTERN = fc.oneof(fc.constantFrom('', '(', '.*', '^$', '(a+)+$', '\\b', 'SHIPPED|✔', '(?<=x)y', '\\p{L}+', '[', '^(TODO)(\\d{3})\\.md$', '(?:x)*'), fc.string({ maxLength: 8 }));

/** A TODO in the family's shape (phases with tasks, outputs and a checklist), with random lines among its own. */
const phase = fc.tuple(fc.integer({ min: 1, max: 9 }), text, fc.array(line, { maxLength: 4 }), fc.array(fc.tuple(fc.boolean(), text), { maxLength: 5 })).map(([n, title, noise, boxes]) =>
  [`## Phase ${n}: ${title}`, `#### T${n}.1: ${title}`, '- Implement FR1', '### Expected Outputs', `- Save notes to: \`TODO001_phase${n}_notes.md\``, ...noise, '### Progress Checklist', ...boxes.map(([x, t]) => `- [${x ? 'x' : ' '}] ${t}`)].join('\n'),
);
const todo = fc.tuple(fc.array(phase, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.constantFrom('✅ COMPLETED', '🔄 IN PROGRESS', ''))), lineEnding).map(([phases, statuses, eol]) =>
  ['# TODO001: Ledger', '', ...statuses.map(([n, st]) => `- Phase ${n}: ${st} - Work`), '', ...phases].join('\n').replace(/\n/g, eol),
);
const prd = fc.array(fc.tuple(fc.constantFrom('FR', 'NFR', 'KPI'), id, text), { maxLength: 6 }).map((reqs) => ['# PRD001: Ledger', '## Functional Requirements', ...reqs.map(([k, n, t]) => `### ${k}${n}: ${t}`)].join('\n'));

const NAMES = [
  'TODO001.md', 'PRD001.md', 'CONTEXT001.md', 'TODO001_phase1_notes.md', 'TODO001_phase2_handoff.md', 'TODO001_phase1_testing_summary.md',
  'specs/001-app/spec.md', 'specs/001-app/plan.md', 'specs/001-app/tasks.md', '.kiro/specs/app/requirements.md', '.kiro/specs/app/tasks.md',
  'docs/PHASE2_COMPLETE.md', 'docs/archive/PHASE1_SUMMARY.md', 'README.md', 'phase_2/handoff.md',
];

const workspace = fc.tuple(
  fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 7 }),
  fc.array(document, { minLength: 7, maxLength: 7 }),
  fc.option(
    fc.oneof(
      fc.constantFrom('{', '{"severity": {"broken-reference": "error"}}', '{"conventions": {"statusDone": "("}}', '{"ignore": 3}', '[]', '{"checkArchives": true}'),
      fc.json({ maxDepth: 3 }),
      fc.dictionary(fc.constantFrom('conventions', 'severity', 'ignore', 'evidenceWindow', 'maxFileSize', 'templates', 'archives', 'checkArchives'), fc.jsonValue({ maxDepth: 2 })).map((o) => JSON.stringify(o)),
      fc.dictionary(CONVENTION, fc.oneof(PATTERN, fc.array(fc.oneof(PATTERN, fc.constantFrom('notes', 'FR', 'constructor')), { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 }))).map((conventions) => JSON.stringify({ conventions })),
    ),
    { nil: undefined },
  ),
  fc.option(fc.tuple(todo, prd), { nil: undefined }),
).map(([names, texts, config, shaped]) => {
  const files: Record<string, string> = { 'src/db.ts': '' };
  names.forEach((name, i) => (files[name] = texts[i] ?? ''));
  if (shaped !== undefined) [files['TODO001.md'], files['PRD001.md']] = shaped;
  if (config !== undefined) files['.proofmark.json'] = config;
  return files;
});

/** Edits arrive as the disk has them (a byte order mark is the decoder's; an editor strips it before sending text). */
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Template overrides: placeholders known and unknown, block placeholders mid-line, nothing at all. */
const templateText = fc.array(fc.oneof(fc.constantFrom(...Object.keys(PLACEHOLDERS)).map((p) => `{{${p}}}`), fc.constantFrom('{{ nope }}', '{{', '}}', '{{constructor}}', '{{__proto__}}', '\r\n', '\n\n\n', '# Title '), text), { maxLength: 12 }).map((parts) => parts.join(''));
const templateSet = fc.dictionary(fc.constantFrom('notes', 'decisions', 'handoff', 'testing_summary', 'constructor'), templateText);

const locator: Locator = { root: 'file:///w', uri: (p) => `file:///w/${p}` };

/** What a finding's text must never show: a value that was never turned into words. */
const UNWRITTEN = /\bundefined\b|\bNaN\b|\[object Object\]/;

function checkFinding(f: Finding, files: Record<string, string>, project: Project): void {
  const where = `${f.code} at ${f.file}:${f.range.start.line}`;
  assert.ok(f.file in files, `${where}: the file exists`);
  assert.ok(f.message.trim().length > 0 && !UNWRITTEN.test(f.message), `${where}: message ${JSON.stringify(f.message)}`);
  assert.ok(['error', 'warning', 'info', 'hint'].includes(f.severity), `${where}: severity ${f.severity}`);
  const lines = project.model(f.file)?.lineCount ?? new LineIndex(files[f.file] ?? '').lineCount;
  for (const [label, r, file] of [['range', f.range, f.file] as const, ...f.related.map((r) => ['related', r.range, r.file] as const)]) {
    assert.ok(file in files, `${where}: ${label} file ${file} exists`);
    const count = project.model(file)?.lineCount ?? lines;
    assert.ok(r.start.line >= 1 && r.start.line <= Math.max(1, count), `${where}: ${label} line ${r.start.line} of ${count}`);
    assert.ok(r.start.column >= 1 && (r.end.line > r.start.line || r.end.column >= r.start.column), `${where}: ${label} ${JSON.stringify(r)}`);
  }
  for (const r of f.related) assert.ok(r.message.trim().length > 0 && !UNWRITTEN.test(r.message), `${where}: related message ${JSON.stringify(r.message)}`);
}

/**
 * An action's edits are what an editor can apply: inside the file's lines, never overlapping (a
 * WorkspaceEdit with overlapping edits is refused whole), and it creates only files that do not exist.
 */
function checkAction(action: ActionView, files: Record<string, string>, project: Project): void {
  assert.ok(action.title.trim().length > 0 && !UNWRITTEN.test(action.title), `action title ${JSON.stringify(action.title)}`);
  const byFile = new Map<string, FileEdit[]>();
  for (const edit of action.edits) {
    assert.ok(edit.file in files, `${action.title}: edits ${edit.file}, which exists`);
    const lines = project.model(edit.file)?.lineCount ?? new LineIndex(files[edit.file] ?? '').lineCount;
    const { start, end } = edit.range;
    assert.ok(start.line >= 1 && end.line <= lines + 1 && (end.line > start.line || (end.line === start.line && end.column >= start.column)), `${action.title}: range ${JSON.stringify(edit.range)} of ${lines} lines`);
    byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  }
  const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.column < b.column);
  for (const [file, edits] of byFile) {
    const sorted = [...edits].sort((a, b) => (before(a.range.start, b.range.start) ? -1 : before(b.range.start, a.range.start) ? 1 : 0));
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1], sorted[i]];
      if (a && b) assert.ok(!before(b.range.start, a.range.end), `${action.title}: overlapping edits in ${file}: ${JSON.stringify(a.range)} and ${JSON.stringify(b.range)}`);
    }
  }
  for (const created of action.creates) {
    assert.ok(!(created.file in files), `${action.title}: creates ${created.file}, which exists`);
    assert.equal(joinPath('', created.file), created.file, `${action.title}: creates ${created.file}, a normalised path inside the workspace`);
  }
}

function summary(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.code} ${f.severity} ${f.message}`).sort();
}

/** The text after an action's edits of `file`, applied from the last to the first. */
function applied(text: string, edits: readonly FileEdit[]): string {
  const index = new LineIndex(text);
  const spans = edits.map((e) => ({ from: index.offsetAt(e.range.start), to: index.offsetAt(e.range.end), text: e.newText })).sort((a, b) => b.from - a.from);
  let out = text;
  for (const span of spans) out = out.slice(0, span.from) + span.text + out.slice(span.to);
  return out;
}

describe('the core on random workspaces', { timeout: 300_000 }, () => {
  it('never throws, and what it reports points into the documents', async () => {
    await fc.assert(
      fc.asyncProperty(workspace, templateSet, async (files, templates) => {
        const project = await loadProject({ workspace: new MemoryWorkspace(files) });
        const findings = project.findings();
        for (const f of findings) checkFinding(f, files, project);

        // The views and the handoff answer for every document, position and phase without throwing.
        for (const initiative of listedInitiatives(project)) traceabilityMatrix(project, locator, initiative);
        initiativeNodes(project, locator);
        for (const [file, content] of Object.entries(files)) {
          const model = project.model(file);
          if (!model) continue;
          documentSymbols(model);
          const index = new LineIndex(content);
          const rows = content.split(/\r\n|\r|\n/);
          for (let l = 1; l <= Math.min(model.lineCount, 12); l++) {
            const row = rows[l - 1] ?? '';
            for (const column of [1, Math.ceil(row.length / 2) + 1, row.length + 1]) {
              hoverAt(project, file, l, column);
              const prepared = prepareRenameAt(project, file, l, column);
              if ('placeholder' in prepared) {
                const renamed = renameAt(project, file, l, column, `${prepared.placeholder}9`);
                if ('error' in renamed) assert.ok(renamed.error.length > 0 && !UNWRITTEN.test(renamed.error), renamed.error);
                else checkAction({ title: `Rename ${prepared.placeholder}`, kind: 'refactor.rewrite', finding: null, edits: renamed.edits, creates: [], preferred: false }, files, project);
              }
              completionsAt(project, file, row.slice(0, column - 1), l, column);
            }
            const from = index.offsetAt({ line: l, column: 1 });
            for (const action of codeActionsAt(project, file, content, from, from + row.length)) checkAction(action, files, project);
          }
          const all = fixAllIn(project, file, content);
          if (all) checkAction(all, files, project);
          const key = initiativeOfTodo(project, file);
          if (key === null) continue;
          for (const phase of ['1', '2', '8', 'x']) {
            const result = planHandoff(project, key, phase, { now: new Date(0), templates, todoText: content });
            if ('error' in result) assert.ok(result.error.length > 0 && !UNWRITTEN.test(result.error), result.error);
            else {
              for (const planned of result.plan.files) {
                assert.equal(planned.exists, planned.path in files, `${planned.path}: exists as the workspace has it`);
                assert.ok(planned.content.endsWith('\n') && !/\bundefined\b|\[object Object\]|\bNaN\b/.test(planned.content), `${planned.path}: ${JSON.stringify(planned.content.slice(0, 200))}`);
              }
            }
          }
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('a quick fix removes the finding it is offered for', async () => {
    await fc.assert(
      fc.asyncProperty(workspace, async (files) => {
        const project = await loadProject({ workspace: new MemoryWorkspace(files) });
        for (const f of project.findings()) {
          const content = files[f.file];
          if (content === undefined || !project.model(f.file)) continue;
          const index = new LineIndex(content);
          const same = (g: Finding | null): boolean => g !== null && g.code === f.code && g.file === f.file && g.message === f.message;
          for (const action of codeActionsAt(project, f.file, content, index.offsetAt(f.range.start), index.offsetAt(f.range.end))) {
            if (action.kind !== 'quickfix' || action.suppression || !same(action.finding) || action.creates.length > 0 || action.edits.length === 0) continue;
            const changed = { ...files };
            for (const file of new Set(action.edits.map((e) => e.file))) changed[file] = applied(files[file] ?? '', action.edits.filter((e) => e.file === file));
            const after = (await loadProject({ workspace: new MemoryWorkspace(changed) })).findings();
            assert.ok(!after.some(same), `"${action.title}" left ${f.code} at ${f.file}:${f.range.start.line}: ${f.message}\n${JSON.stringify(changed[f.file])}`);
          }
        }
      }),
      { seed: SEED + 2, numRuns: RUNS },
    );
  });

  it('after edits, a document created and a document deleted, answers as a fresh analysis of the result', async () => {
    await fc.assert(
      fc.asyncProperty(workspace, fc.array(document, { minLength: 2, maxLength: 2 }), fc.nat(), async (files, [edited, created], pick) => {
        const project = await loadProject({ workspace: new MemoryWorkspace(files) });
        project.findings();
        const names = Object.keys(files).filter((n) => n.endsWith('.md'));
        const after: Record<string, string> = { ...files };
        const change = names[pick % Math.max(1, names.length)];
        if (change !== undefined) {
          after[change] = edited ?? '';
          project.setOutcome(analyzeBytes(change, encode(after[change]), project.config));
        }
        const added = NAMES.find((n) => !(n in files));
        if (added !== undefined) {
          after[added] = created ?? '';
          project.addFile(added);
          project.setOutcome(analyzeBytes(added, encode(after[added]), project.config));
        }
        const gone = names.find((n) => n !== change);
        if (gone !== undefined) {
          delete after[gone];
          project.removeFile(gone);
        }
        const fresh = await loadProject({ workspace: new MemoryWorkspace(after) });
        assert.deepEqual(summary(project.findings()), summary(fresh.findings()));
      }),
      { seed: SEED + 1, numRuns: Math.ceil(RUNS / 2) },
    );
  });
});
