import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { SERVER, TestClient, type DiagnosticLike } from './support/client';
import { tempDir } from './support/fixtures';

/**
 * Random incremental edits of a small initiative's documents, sent to the built server over stdio.
 * Each run resets one open document (to LF, CRLF or CR line endings), applies 1–8 range edits (anywhere,
 * at line starts and ends, across line breaks, empty or not; planning-Markdown fragments, emoji,
 * odd line separators, random text), sometimes asking something between them, then asks hover,
 * completion, code actions, symbols and definition at random positions. What must hold:
 * 1. no request answers an error, nothing is logged as failed, and the server stays up;
 * 2. the edited document's diagnostics (pushed, for the last version, or pulled) are what a fresh
 *    `proofmark check --format json` says of a copy of the workspace holding the final text.
 * The seed is fixed so that CI is repeatable; PROOFMARK_FUZZ_SEED and PROOFMARK_FUZZ_RUNS explore further.
 */

const T = { timeout: 240_000 };
const SEED = Number(process.env.PROOFMARK_FUZZ_SEED ?? 20261208);
const RUNS = Number(process.env.PROOFMARK_FUZZ_RUNS ?? 15);
const CLI = path.resolve(path.dirname(SERVER), 'cli.js');
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

const FILES: Readonly<Record<string, string>> = {
  'TODO001.md': [
    '# TODO001: Fuzz Initiative', '', '**Total Phases**: 2', '', '**Phase Status Summary:**', '- Phase 1: ✅ COMPLETED - Storage', '- Phase 2: 🔄 IN PROGRESS - Reports', '',
    '## Phase 1: Storage', '', '### Tasks', '', '#### T1.1: Schema', '- Create the tables in `src/db.ts` for FR1', '',
    '### Expected Outputs', '- Save implementation notes to: `TODO001_phase1_notes.md`', '- Document decisions in: `TODO001_phase1_decisions.md`', '',
    '### Progress Checklist', '- [x] Schema written', '- [ ] Migration tested', '', '## Phase 2: Reports', '', '#### T2.1: Export', '- Export covers FR2 and FR9', '',
    '| Step | State |', '| --- | --- |', '| export | ✅ |', '', '### Progress Checklist', '- [ ] Export done', '',
  ].join('\n'),
  'PRD001.md': ['# PRD001: Fuzz Initiative', '', '## Requirements', '', '### FR1: Store inspections', 'The app keeps inspections on the device.', '', '### FR2: Export reports', 'Reports export as PDF.', '', '**Status**: ✅ COMPLETED', ''].join('\n'),
  'TODO001_phase1_notes.md': ['# Phase 1 Notes', '', '**Status**: ✅ COMPLETED', '', 'The schema lives in `src/db.ts` and covers FR1. See [the plan](TODO001.md) and [gone](missing.md).', '', '```ts', 'const x = 1; // FR2', '```', ''].join('\n'),
  'src/db.ts': '',
};
const DOCUMENTS = ['TODO001.md', 'PRD001.md', 'TODO001_phase1_notes.md'];

/** A new folder holding the initiative, recognised as a repository root. */
function workspace(): string {
  const root = tempDir('proofmark-fuzz-');
  mkdirSync(path.join(root, '.git'));
  mkdirSync(path.join(root, 'src'));
  for (const [file, text] of Object.entries(FILES)) writeFileSync(path.join(root, file), text);
  return root;
}

type Position = { line: number; character: number };

/** Offsets where lines start, with the line ends of LSP: \r\n, \r and \n. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') i++;
    if (c === '\r' || c === '\n') starts.push(i + 1);
  }
  return starts;
}

/** The UTF-16 position of an offset (one that splits no CRLF, so its character is within its line). */
function positionAt(starts: readonly number[], offset: number): Position {
  let line = starts.length - 1;
  while (line > 0 && (starts[line] ?? 0) > offset) line--;
  return { line, character: offset - (starts[line] ?? 0) };
}

/** The offset where a line's text ends, before its line break. */
function lineEnd(text: string, starts: readonly number[], line: number): number {
  const next = starts[line + 1];
  if (next === undefined) return text.length;
  return next - (text[next - 2] === '\r' && text[next - 1] === '\n' ? 2 : 1);
}

/** The offset itself, or the next one when it would split a CRLF or a surrogate pair (an editor never puts a cursor there). */
function snap(text: string, offset: number): number {
  const o = Math.min(offset, text.length);
  if (o === 0 || o === text.length) return o;
  const before = text.charCodeAt(o - 1);
  const at = text.charCodeAt(o);
  const splits = (before === 13 && at === 10) || (before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff);
  return splits ? o + 1 : o;
}

const FRAGMENTS = [
  '## Phase 2: X', '## Phase 3: Later 🔄 IN PROGRESS', '- [ ] task', '- [x] done', '  - [ ] nested', '**Status**: ✅ COMPLETED', '**Status**: ❌ FAILED', '#### T1.2: Name', '#### T1.1: Again',
  '### FR3: Thing', '### FR1: Twice', 'covers FR1 and FR7', 'T2.1', '[link](missing.md)', '[plan](TODO001.md#phase-1)', '`src/db.ts`', '`src/gone.ts`', '`TODO001_phase2_notes.md`',
  '### Expected Outputs', '### Progress Checklist', '- Save notes to: `TODO001_phase2_notes.md`', '| a | ✅ |', '| --- | --- |', '```', '```ts', '~~~', '> ', '<!-- proofmark-disable-next-line -->',
  '12/12 tests passing (100%)', 'TODO', '✅', '🔄', '👩🏽‍💻', '𝔘', 'é', '\t', '  ', '#', '- ', '**', '\u200b', '\uFEFF', '\u2028', '\u0085', '\f', '\0',
];
const EOLS = ['\n', '\r\n', '\r'];
const inserted = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 2, arbitrary: fc.constantFrom(...EOLS) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) }), { maxLength: 4 })
  .map((parts) => parts.join(''));
const KINDS = ['textDocument/hover', 'textDocument/completion', 'textDocument/codeAction', 'textDocument/documentSymbol', 'textDocument/definition'] as const;
type Kind = (typeof KINDS)[number];
const place = fc.tuple(fc.nat(), fc.nat());
const ask = fc.record({ kind: fc.constantFrom(...KINDS), from: place, to: place });
type Ask = { kind: Kind; from: [number, number]; to: [number, number] };
const edit = fc.record({
  anchor: fc.constantFrom('anywhere', 'lineStart', 'lineEnd'),
  at: fc.nat(),
  span: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.nat({ max: 300 })),
  text: inserted,
  probe: fc.option(ask, { freq: 4 }),
});
type Edit = { anchor: string; at: number; span: number; text: string };

/** The range edit an abstract one stands for in `text`, and the text after it. */
function apply(text: string, e: Edit): { change: { range: { start: Position; end: Position }; text: string }; next: string } {
  const starts = lineStarts(text);
  const line = e.at % starts.length;
  const base = e.anchor === 'lineStart' ? (starts[line] ?? 0) : e.anchor === 'lineEnd' ? lineEnd(text, starts, line) : e.at % (text.length + 1);
  const start = snap(text, base);
  const end = Math.max(start, snap(text, start + e.span));
  return { change: { range: { start: positionAt(starts, start), end: positionAt(starts, end) }, text: e.text }, next: text.slice(0, start) + e.text + text.slice(end) };
}

/** A request's parameters in `text`: positions on its lines, possibly past a line's end (the spec makes that the end). */
function paramsOf(uri: string, text: string, a: Ask): unknown {
  const starts = lineStarts(text);
  const at = ([l, c]: [number, number]): Position => {
    const line = l % starts.length;
    return { line, character: c % (lineEnd(text, starts, line) - (starts[line] ?? 0) + 3) };
  };
  const [from, to] = [at(a.from), at(a.to)].sort((x, y) => x.line - y.line || x.character - y.character);
  if (a.kind === 'textDocument/documentSymbol') return { textDocument: { uri } };
  if (a.kind === 'textDocument/codeAction') return { textDocument: { uri }, range: { start: from, end: to }, context: { diagnostics: [] } };
  return { textDocument: { uri }, position: from };
}

/** One finding as a line of text, the same whether it came from the CLI (1-based) or the server (0-based); as in churn.test.ts. */
const key = (file: string, line: number, column: number, endLine: number, endColumn: number, severity: string, code: string, message: string, related: string[]): string => JSON.stringify([file, line, column, endLine, endColumn, severity, code, message, related.sort()]);

type CliFinding = { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string; related: { file: string; line: number; message: string }[] };

/** What a fresh `proofmark check --format json` says of one file of a folder. */
function cliFindings(root: string, file: string): string[] {
  const run = spawnSync(process.execPath, [CLI, 'check', '--root', root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.ok(run.status === 0 || run.status === 1, `the CLI failed: ${run.stderr}`);
  const { findings } = JSON.parse(run.stdout) as { findings: CliFinding[] };
  return findings.filter((f) => f.file === file).map((f) => key(f.file, f.line, f.column, f.endLine, f.endColumn, f.severity, f.code, f.message, f.related.map((r) => `${r.file}:${r.line}:${r.message}`))).sort();
}

type Related = { location: { uri: string; range: DiagnosticLike['range'] }; message: string };

/** The server's diagnostics of a file, in the same form (an open document has characters, not bytes: lsp/analyzeOpen.ts). */
function serverFindings(root: string, uri: string, list: readonly DiagnosticLike[]): string[] {
  const relative = (u: string): string => path.relative(root, decodeURIComponent(new URL(u).pathname)).split(path.sep).join('/');
  return list
    .map((d) => {
      const related = ((d.relatedInformation ?? []) as Related[]).map((r) => `${relative(r.location.uri)}:${r.location.range.start.line + 1}:${r.message}`);
      return key(relative(uri), d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1, SEVERITY[d.severity ?? 0] ?? '', String(d.code), d.message.replace('NUL characters', 'NUL bytes'), related);
    })
    .sort();
}

/** What the server logged as a failure: errors, failed handlers and listeners, dropped notifications (not git, absent here). */
function failuresLogged(client: TestClient): string[] {
  return client.received
    .filter((r) => r.method === 'window/logMessage' || r.method === 'window/showMessage')
    .map((r) => r.params as { type: number; message: string })
    .filter((p) => p.type === 1 || (/failed|Uncaught|Unhandled|Ignored/.test(p.message) && !p.message.startsWith('Reading the git history')))
    .map((p) => p.message);
}

const clients: TestClient[] = [];
after(async () => {
  for (const client of clients) await client.stop();
});

describe('random incremental edits over stdio', () => {
  for (const pull of [false, true]) {
    it(`answer every request and end with the CLI's diagnostics of the final text (${pull ? 'pulled' : 'pushed'})`, T, async () => {
      const root = workspace();
      const client = await TestClient.start({ roots: [root], pull });
      clients.push(client);
      await client.ready([root]);
      const request = async (method: string, params: unknown): Promise<unknown> => {
        try {
          return await client.request<unknown>(method, params);
        } catch (error) {
          throw new Error(`${method} ${JSON.stringify(params)} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      };
      // Opened once, so that versions only grow: each run resets its document with a full change, and back to the disk's text after.
      const uris = new Map<string, string>();
      for (const file of DOCUMENTS) uris.set(file, await client.open(path.join(root, file), FILES[file]));
      const property = fc.asyncProperty(fc.constantFrom(...DOCUMENTS), fc.constantFrom(...EOLS), fc.array(edit, { minLength: 1, maxLength: 8 }), fc.array(ask, { minLength: KINDS.length, maxLength: KINDS.length }), async (file, eol, edits, finals) => {
        const uri = uris.get(file) ?? '';
        let text = (FILES[file] ?? '').replace(/\n/g, eol);
        const mark = client.mark();
        let version = await client.change(uri, { text });
        try {
          for (const e of edits) {
            const { change, next } = apply(text, e);
            version = await client.change(uri, change);
            text = next;
            if (e.probe) await request(e.probe.kind, paramsOf(uri, text, e.probe));
          }
          // Every kind once, at its own place; their answers come after the diagnostics of the last edit (session.settled).
          await Promise.all(KINDS.map((kind, i) => request(kind, paramsOf(uri, text, { ...(finals[i] ?? { from: [0, 0], to: [0, 0] }), kind }))));

          const copy = workspace();
          writeFileSync(path.join(copy, file), text);
          const expected = cliFindings(copy, file);
          let shown: readonly DiagnosticLike[];
          if (pull) shown = ((await request('textDocument/diagnostic', { textDocument: { uri } })) as { items: DiagnosticLike[] }).items;
          else {
            // Findings are published for every version that has them; no findings, once, when they go (diagnosticSets.ts).
            if (expected.length > 0) await client.published(uri, (p) => p.version === version, mark);
            const last = client.received.filter((r) => r.method === 'textDocument/publishDiagnostics' && (r.params as { uri: string }).uri === uri).at(-1)?.params as { version?: number; diagnostics: DiagnosticLike[] } | undefined;
            shown = last?.diagnostics ?? [];
            if (shown.length > 0) assert.equal(last?.version, version, 'the findings shown are those of the last version');
          }
          assert.deepEqual(serverFindings(root, uri, shown), expected, `final text of ${file}: ${JSON.stringify(text)}`);
        } finally {
          await client.change(uri, { text: FILES[file] ?? '' });
        }
      });
      await fc.assert(property, { seed: SEED, numRuns: RUNS, endOnFailure: true });
      assert.deepEqual(failuresLogged(client), []);
      assert.deepEqual(client.protocolErrors, []);
      assert.equal(client.process.exitCode, null, 'the server is still running');
    });
  }
});
