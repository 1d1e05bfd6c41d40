import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/analyze/document';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { checkWorkspace, type CheckResult } from '../../server/src/core/engine';
import type { Finding } from '../../server/src/core/findings/finding';
import type { Workspace } from '../../server/src/core/workspace';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';
import type { PoolStats } from '../../server/src/node/poolRun';
import { WorkerPool } from '../../server/src/node/workerPool';
import { buildCli, runCli, tempWorkspace } from '../support/cliHarness';
import { heavyShapes, type HeavyShape } from '../support/heavyShapes';

/** A TODO with one known finding: Phase 1 is marked done at line 3 while a box is open. */
const TODO = '# TODO001\n\n## Phase 1: Setup ✅ COMPLETED\n\n### Progress Checklist\n\n- [x] one\n- [ ] two\n';
const KNOWN = 'TODO001.md:3:1 phase-done-checklist-open';
const RUNNING_AS_ROOT = process.getuid?.() === 0;

/** Every kind of bad input in one workspace, beside one good document, so none may stop the others. */
function badWorkspace(fillers = 0): { root: string; outside: string } {
  const files: Record<string, string | Uint8Array> = {
    'TODO001.md': TODO,
    'binary.md': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    'huge.md': `# Huge\n\n${'All work and no play. '.repeat(20 * 1024 * 1024 / 22)}\n`,
    'latin1.md': Uint8Array.from([...Buffer.from('# Caf'), 0xe9, ...Buffer.from('\n\nNotes.\n')]),
    // Not copies of TODO001.md (the same text is one document, reported once): each its own title.
    'bom/TODO002.md': `\uFEFF${TODO.replace('TODO001', 'TODO002')}`,
    'bom/notes.md': '\uFEFFSee `src/nowhere.ts` here.\n',
    'plain/notes.md': 'See `src/nowhere.ts` here.\n',
    // The repository has a src/ folder, so a missing file in it is a broken reference.
    'src/here.ts': '',
    'crlf/TODO003.md': TODO.replace('TODO001', 'TODO003').replace(/\n/g, '\r\n'),
    'unclosed-fence.md': '# Log\n\n```text\n## Phase 1: Setup ✅ COMPLETED\n- [x] parent\n  - [ ] child\n',
    'nested-list.md': `${'- '.repeat(10_000)}deep\n`,
    'nested-quote.md': `${'> '.repeat(10_000)}deep\n`,
    'long-line.md': `${'word '.repeat(1024 * 1024 / 5)}\n`,
    'empty.md': '',
    'escape.md': '# Notes\n\nSee `../secret.md` and `../../../../etc/passwd.txt`.\n',
    'unreadable.md': '# Locked\n',
    'folder.md/inner.md': '# Inner\n',
    '.proofmark.json': '{ "severity": { "broken-reference": "warning" ',
  };
  for (let i = 0; i < fillers; i++) files[`filler/note-${i}.md`] = `# Note ${i}\n\nNothing to report.\n`;
  const root = tempWorkspace(files);
  const outside = path.join(path.dirname(root), `secret-${path.basename(root)}.md`);
  writeFileSync(outside, '# Secret\n');
  symlinkSync(path.relative(root, outside), path.join(root, 'link-out.md'));
  mkdirSync(path.join(root, 'loop'));
  symlinkSync('..', path.join(root, 'loop/parent'));
  symlinkSync('..', path.join(root, 'loop/parent.md'));
  chmodSync(path.join(root, 'unreadable.md'), 0o000);
  // A named pipe behind a document name: opening it for reading would wait for a writer for ever.
  execFileSync('mkfifo', [path.join(root, 'pipe')]);
  symlinkSync('pipe', path.join(root, 'pipe.md'));
  return { root, outside };
}

const where = (f: Finding): string => `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.code}`;
const skippedReason = (findings: readonly Finding[], file: string): string => findings.find((f) => f.file === file && f.code === 'file-skipped')?.message ?? '(not skipped)';

/** Records which paths were answered, to prove nothing outside the root ever was. */
function spying(inner: NodeWorkspace, answered: string[]): Workspace {
  const note = <T>(p: string, value: T | undefined): T | undefined => {
    if (value !== undefined) answered.push(p);
    return value;
  };
  return {
    list: () => inner.list(),
    read: async (p) => note(p, await inner.read(p)),
    stat: async (p) => note(p, await inner.stat(p)),
  };
}

describe('bad input, through the engine on disk', { timeout: 120_000 }, () => {
  let result: CheckResult;
  let findings: readonly Finding[] = [];
  let root = '';
  const answered: string[] = [];
  before(async () => {
    root = badWorkspace().root;
    result = await checkWorkspace({ workspace: spying(new NodeWorkspace(root), answered) });
    findings = result.findings;
  });

  it('still reports the good document', () => {
    assert.ok(findings.some((f) => where(f) === KNOWN), findings.map(where).join('\n'));
  });

  it('skips a binary file and a 20 MB file, each with its reason, and reads Latin-1 text as Windows-1252', () => {
    assert.match(skippedReason(findings, 'binary.md'), /binary/);
    assert.match(skippedReason(findings, 'huge.md'), /File is 20\.0 MB, over the 2\.0 MB limit/);
    assert.equal(result.project.models.get('latin1.md')?.headings[0]?.text, 'Café');
  });

  it('reads a BOM and CRLF line endings as if they were not there', () => {
    assert.ok(findings.some((f) => where(f) === 'bom/TODO002.md:3:1 phase-done-checklist-open'));
    const onFirstLine = (file: string) => findings.filter((f) => f.file === file).map((f) => `${f.range.start.line}:${f.range.start.column} ${f.code}`);
    assert.deepEqual(onFirstLine('bom/notes.md'), ['1:6 broken-reference'], 'the BOM does not shift columns');
    assert.deepEqual(onFirstLine('plain/notes.md'), onFirstLine('bom/notes.md'));
    assert.ok(findings.some((f) => where(f) === `crlf/TODO003.md:3:1 phase-done-checklist-open`), 'CRLF keeps lines');
  });

  it('treats an unclosed fence as code to the end of the file', () => {
    assert.ok(result.project.models.has('unclosed-fence.md'));
    assert.deepEqual(findings.filter((f) => f.file === 'unclosed-fence.md').map(where), []);
  });

  it('refuses 10,000 levels of nesting before parsing', () => {
    assert.match(skippedReason(findings, 'nested-list.md'), /Nesting is 10000 levels deep/);
    assert.match(skippedReason(findings, 'nested-quote.md'), /Nesting is \d+ levels deep/);
  });

  it('analyses a 1 MB single line and an empty file', () => {
    assert.ok(result.project.models.has('long-line.md'));
    assert.equal(result.project.models.get('empty.md')?.lineCount, 1);
    assert.deepEqual(findings.filter((f) => f.file === 'empty.md' || f.file === 'long-line.md').map(where), []);
  });

  it('does not loop through a folder symlinked to its parent, and skips a link to a folder', () => {
    assert.ok(!result.project.index.exists('loop/parent/loop/parent.md'), 'the symlinked folder is not entered');
    assert.match(skippedReason(findings, 'loop/parent.md'), /could not be read/);
    assert.ok(result.project.models.has('folder.md/inner.md'), 'a folder named like a document is walked, not read');
  });

  it('never reads outside the root, through a reference or a symlink', () => {
    const escapes = findings.filter((f) => f.file === 'escape.md' && f.code === 'broken-reference');
    assert.equal(escapes.length, 2);
    for (const f of escapes) assert.match(f.message, /leaves the workspace root/);
    assert.match(skippedReason(findings, 'link-out.md'), /could not be read/);
    const outsideRoot = answered.filter((p) => path.relative(root, path.resolve(root, p)).startsWith('..'));
    assert.deepEqual(outsideRoot, []);
    assert.ok(!answered.includes('link-out.md'));
  });

  it('skips a named pipe without waiting for a writer', () => {
    assert.match(skippedReason(findings, 'pipe.md'), /could not be read/);
  });

  it('skips a file without read permission', (t) => {
    if (RUNNING_AS_ROOT) {
      t.skip('running as root, which reads files whatever their mode; the unreadable case is covered by loop/parent.md');
      return;
    }
    assert.match(skippedReason(findings, 'unreadable.md'), /could not be read/);
  });

  it('reports a .proofmark.json that is not JSON and goes on with the defaults', () => {
    const config = findings.filter((f) => f.code === 'config-invalid');
    assert.deepEqual(config.map((f) => f.file), ['.proofmark.json']);
    assert.match(config[0]?.message ?? '', /not valid JSON.*defaults are used/);
  });
});

describe('bad input, through the CLI and its worker pool', { timeout: 300_000 }, () => {
  it('reports every skipped file and the good finding, and exits 1', async () => {
    // 40 extra documents: enough for the CLI to parse in worker threads.
    const { root } = badWorkspace(40);
    const run = await runCli(['check', '--root', root, '--format', 'json']);
    assert.equal(run.code, 1, run.stderr);
    const out = JSON.parse(run.stdout) as { findings: { file: string; line: number; column: number; code: string; message: string }[]; summary: { files: number } };
    assert.ok(out.findings.some((f) => `${f.file}:${f.line}:${f.column} ${f.code}` === KNOWN));
    const skipped = out.findings.filter((f) => f.code === 'file-skipped').map((f) => f.file);
    const expected = ['binary.md', 'huge.md', 'link-out.md', 'loop/parent.md', 'nested-list.md', 'nested-quote.md', 'pipe.md'];
    assert.deepEqual(skipped.filter((f) => f !== 'unreadable.md'), expected);
    assert.ok(out.findings.some((f) => f.code === 'config-invalid'));
    assert.equal(out.summary.files, 19 + 40);
  });
});

describe('unbounded reads', { timeout: 120_000 }, () => {
  /** A --config that never ends or never comes must be refused at once: each case would grow or block for ever. */
  const refusedAtOnce = { timeout: 30_000 };

  it('caps a repository maxFileSize of 64 MB at 8 MB: a 20 MB document is skipped, not an out-of-memory abort', async () => {
    const root = tempWorkspace({ '.proofmark.json': JSON.stringify({ maxFileSize: 64 * 1024 * 1024 }), 'TODO001.md': TODO, 'big.md': `# Big\n\n${'All work and no play. '.repeat((20 * 1024 * 1024) / 22)}\n` });
    const run = await runCli(['check', '--root', root, '--format', 'json']);
    assert.equal(run.code, 1, run.stderr);
    const out = JSON.parse(run.stdout) as { findings: { file: string; line: number; column: number; code: string; message: string }[] };
    const config = out.findings.filter((f) => f.code === 'config-invalid');
    assert.deepEqual(config.map((f) => f.message), ['maxFileSize: 67108864 bytes is over the cap of 8388608 bytes (8 MB); the cap is used.']);
    assert.match(out.findings.find((f) => f.file === 'big.md')?.message ?? '', /File is 20\.0 MB, over the 8\.0 MB limit/);
    assert.ok(out.findings.some((f) => `${f.file}:${f.line}:${f.column} ${f.code}` === KNOWN));
  });

  it('refuses --config /dev/zero at once', refusedAtOnce, async () => {
    const run = await runCli(['check', '--root', tempWorkspace({ 'TODO001.md': TODO }), '--config', '/dev/zero']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'proofmark: cannot read config file /dev/zero (not a regular file)\n');
  });

  it('refuses a --config that is a named pipe without waiting for a writer', refusedAtOnce, async () => {
    const root = tempWorkspace({ 'TODO001.md': TODO });
    execFileSync('mkfifo', [path.join(root, 'config.fifo')]);
    const run = await runCli(['check', '--root', root, '--config', path.join(root, 'config.fifo')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^proofmark: cannot read config file .*config\.fifo \(not a regular file\)\n$/);
  });

  it('refuses a --config over 1 MB, and reports a .proofmark.json over 1 MB with the defaults used', refusedAtOnce, async () => {
    const big = `{"ignore": [${'"x", '.repeat(300_000)}"x"]}`;
    const root = tempWorkspace({ 'TODO001.md': TODO, 'big.json': big, '.proofmark.json': big });
    const explicit = await runCli(['check', '--root', root, '--config', path.join(root, 'big.json')]);
    assert.equal(explicit.code, 2);
    assert.match(explicit.stderr, /^proofmark: cannot read config file .*big\.json \(\d+ bytes, over the 1048576-byte limit\)\n$/);
    const own = await runCli(['check', '--root', root, '--format', 'json']);
    const out = JSON.parse(own.stdout) as { findings: { file: string; code: string; message: string }[] };
    assert.deepEqual(out.findings.filter((f) => f.code === 'config-invalid').map((f) => `${f.file} ${f.message}`), ['.proofmark.json .proofmark.json is 1.4 MB, over the 1.0 MB limit for a configuration file; the defaults are used.']);
    assert.ok(out.findings.some((f) => f.file === 'TODO001.md' && f.code === 'phase-done-checklist-open'));
  });
});

/**
 * Documents under the size limit that cost a minute or gigabytes to parse (issue 14): each is
 * refused before parsing, with its reason, or analysed. Their time and memory in the server, next
 * to bare remark-parse, are in `npm run bench:lsp` (bench/heavyDocuments.ts).
 */
describe('heavy documents', { timeout: 120_000 }, () => {
  const REFUSED: Record<string, RegExp> = {
    'code-span-openers': /^File has about 664,099 Markdown constructs .*more than the 40,000 Proofmark parses in one document; not analysed/,
    checkboxes: /^File has about 400,004 Markdown constructs/,
    'link-definitions': /^File has about 150,002 Markdown constructs/,
    'phase-status-lines': /^File has about 100,006 Markdown constructs/,
    'wide-table': /^File has about 490,198 Markdown constructs/,
    'ordinary-text': /^File has about 179,930 Markdown constructs/,
    'setext-headings': /^Lines 1–10,001 hold 5,000 setext headings .*quadratic time; not analysed\.$/,
    'emphasis-run': /^The paragraph at line 1 has 10,240 emphasis markers and brackets \(more than 2,000\), which the Markdown parser matches in quadratic time; not analysed\.$/,
  };
  const ANALYSED = new Set(['single-line']);
  const shapes = new Map(heavyShapes().map((s) => [s.name, s]));
  const shape = (name: string): HeavyShape => shapes.get(name) ?? assert.fail(`no shape ${name}`);

  for (const [name, reason] of Object.entries(REFUSED)) {
    it(`refuses ${shape(name).description} before parsing, saying why`, () => {
      const { file, text } = shape(name);
      assert.ok(text.length < DEFAULT_CONFIG.maxFileSize, 'under the size limit');
      const out = analyzeText(file, text, DEFAULT_CONFIG);
      assert.match('skipped' in out ? out.skipped : '(analysed)', reason);
    });
  }

  it('analyses a 1.9 MB single line', () => {
    const { file, text } = shape('single-line');
    assert.ok('model' in analyzeText(file, text, DEFAULT_CONFIG));
  });

  it('refuses a single list too heavy to parse at once, even in a document within the total budget', () => {
    const boxes = Array.from({ length: 4_000 }, (_, i) => `- [ ] item ${i}`).join('\n');
    const out = analyzeText('TODO001.md', `# TODO001\n\n## Phase 1: Boxes\n\n${boxes}\n\n## Phase 2: Next\n\nText.\n`, DEFAULT_CONFIG);
    assert.match('skipped' in out ? out.skipped : '(analysed)', /^Lines 1–4,005 hold about 16,00\d Markdown constructs that must be parsed at once .*more than the 12,000 Proofmark parses at once; not analysed\.$/);
  });

  it('lists every shape of the issue here', () => {
    assert.deepEqual([...shapes.keys()].filter((n) => !(n in REFUSED) && !ANALYSED.has(n)), ['phase-headings']);
  });

  // Issue 15 item 3: the TODO analysis was quadratic in phases (8,000 phase headings: 37 s in
  // analyzeText before 4afa4e8, measured here; 1.2 s after under tsx). The pool analyses fewer than
  // 8 files in this thread, where no budget can stop it: so the TODO goes with 7 small notes, one
  // file per batch, and a worker analyses it under a 20 s budget: 15 times the 1.2–1.8 s the whole
  // pool run takes on main on this loaded 2-core machine (worker start included), about half of
  // what the quadratic analysis takes, which reports "did not finish within 20 s".
  it('analyses 8,000 phase headings in a worker within a 20 s budget', async () => {
    const { file, text } = shape('phase-headings');
    const notes = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`notes-${i}.md`, `# Notes ${i}\n`]));
    const root = tempWorkspace({ [file]: text, ...notes });
    const runs: PoolStats[] = [];
    const pool = new WorkerPool(root, { workerScript: path.join(await buildCli(), 'worker.js'), inProcessBelow: 0, batchSize: 1, batchTimeoutMs: 20_000, fileTimeoutMs: 20_000, onRunComplete: (stats) => runs.push(stats) });
    const outcomes = await pool.analyze([file, ...Object.keys(notes)], DEFAULT_CONFIG).finally(() => pool.dispose());
    assert.deepEqual(runs.map((r) => r.batchesInProcess), [0], 'every batch went to a worker (so the budget applies)');
    const outcome = outcomes.find((o) => o.path === file);
    assert.ok(outcome && 'model' in outcome, outcome && 'skipped' in outcome ? outcome.skipped : 'no outcome');
    assert.equal(outcome.model.todo?.phases.length, 8_000);
  });
});
