import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collect } from '../../server/src/core/analyze/collect';
import { collectChunks } from '../../server/src/core/analyze/collectChunks';
import { compileConventions } from '../../server/src/core/config/compiled';
import { DEFAULT_CONVENTIONS } from '../../server/src/core/config/conventions';
import { splitChunks } from '../../server/src/core/parse/chunks';
import { decodeDocument } from '../../server/src/core/parse/decode';
import { parseTree } from '../../server/src/core/parse/markdown';
import { ParseCache } from '../../server/src/core/parse/parseCache';
import { documentRole } from '../../server/src/core/parse/role';
import { LineIndex } from '../../server/src/core/text/position';
import { model } from '../support/memory';

const c = compileConventions(DEFAULT_CONVENTIONS);

describe('document roles', () => {
  it('classifies file names by the conventions', () => {
    const cases: [string, string][] = [
      ['a/PRD003.md', 'prd:003'],
      ['a/TODOTVDb001.md', 'todo:TVDb001'],
      ['a/TODO.md', 'todo:'],
      ['a/todo.md', 'todo:'],
      ['a/PRD_SUPABASE_AUTH_MIGRATION.md', 'prd:'],
      ['a/POSTMORTEM002.md', 'postmortem:002'],
      ['a/TODO003_phase8_testing_summary.md', 'phase-output:003:8:testing_summary'],
      ['a/@TODO001_phase1_notes.md', 'phase-output:001:1:notes'],
      ['a/TVDb001_phase2_handoff.md', 'phase-output:TVDb001:2:handoff'],
      ['a/TODO001_phase3_5_notes.md', 'phase-output:001:3.5:notes'],
      ['a/PHASE2.5_PROMPT.md', 'phase-prompt:2.5'],
      ['a/prompts/phase_2b_prompt.md', 'phase-prompt:2'],
      ['a/PHASE6_COMPLETION_SUMMARY.md', 'phase-doc:6:completion_summary'],
      ['docs/phase_2/handoff.md', 'phase-doc:2:handoff'],
      ['docs/phase-3/README.md', 'other'],
      ['a/FINAL_VALIDATION_REPORT.md', 'status-doc'],
      ['a/README.md', 'other'],
    ];
    for (const [path, expected] of cases) {
      const r = documentRole(path, c);
      const text =
        r.kind === 'phase-output'
          ? `${r.kind}:${r.initiativeId}:${r.phase}:${r.outputKind}`
          : r.kind === 'phase-prompt'
            ? `${r.kind}:${r.phase}`
            : r.kind === 'phase-doc'
              ? `${r.kind}:${r.phase}:${r.docKind}`
              : 'initiativeId' in r
                ? `${r.kind}:${r.initiativeId}`
                : r.kind;
      assert.equal(text, expected, path);
    }
  });
});

describe('decoding', () => {
  const enc = new TextEncoder();
  it('drops a BOM and keeps CRLF text intact', () => {
    const d = decodeDocument(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('# A\r\n')]), 1000);
    assert.deepEqual(d, { text: '# A\r\n' });
  });
  it('reads text that is not UTF-8 as Windows-1252', () => {
    assert.deepEqual(decodeDocument(new Uint8Array([0x41, 0xe9, 0x42, 0x20, 0x93, 0x71, 0x94, 0x20, 0x80]), 1000), { text: 'AéB “q” €' });
  });
  it('refuses binary, control bytes that are no text, and oversized files with a reason', () => {
    assert.match(JSON.stringify(decodeDocument(new Uint8Array([0x89, 0x50, 0x00, 0x01]), 1000)), /binary/);
    assert.match(JSON.stringify(decodeDocument(new Uint8Array([0x41, 0xe9, 0x01]), 1000)), /neither UTF-8 \(first invalid byte at offset 1\) nor Windows-1252 text/);
    assert.match(JSON.stringify(decodeDocument(enc.encode('x'.repeat(2000)), 1000)), /2\.0 KB, over the 1000 B limit/);
  });
});

describe('chunked parsing', () => {
  const big = (n: number) => 'Some words here to make the chunk long enough. '.repeat(n);
  const doc = [
    '# Title',
    big(50),
    '```md',
    '# not a heading inside a fence',
    big(50),
    '```',
    '## Section',
    '- [ ] item',
    '  - [x] child',
    big(50),
    '<!--',
    '# not a heading inside a comment',
    '-->',
    '## Another',
    '| a | b |',
    '|---|---|',
    '| 1 | 2 |',
    '',
  ].join('\n');

  it('splits only at headings outside fences and comments, into chunks of at least 2 KB', () => {
    const chunks = splitChunks(doc);
    assert.deepEqual(chunks.map((ch) => ch.startLine), [1, 7, 14]);
    assert.equal(chunks.map((ch) => ch.text).join(''), doc);
  });

  it('collects exactly what a whole-document parse collects', () => {
    const whole = collect(parseTree(doc), new LineIndex(doc));
    assert.deepEqual(collectChunks(doc, undefined), whole);
  });

  it('re-parses only chunks it has not seen', () => {
    const cache = new ParseCache();
    collectChunks(doc, cache);
    const before = cache.size;
    const edited = doc.replace('## Another', '## Another one');
    const result = collectChunks(edited, cache);
    assert.equal(cache.size, before + 1);
    assert.deepEqual(result, collect(parseTree(edited), new LineIndex(edited)));
  });

  it('keeps a document with link definitions in one chunk', () => {
    assert.equal(splitChunks(`${doc}\n[ref]: https://example.com\n`).length, 1);
  });
});

describe('nesting guard', () => {
  it('refuses deep list nesting but not indented code or diagrams', async () => {
    const { analyzeText } = await import('../../server/src/core/analyze/document');
    const { DEFAULT_CONFIG } = await import('../../server/src/core/config/config');
    const deepList = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const deepOrdered = Array.from({ length: 300 }, (_, i) => `${'   '.repeat(i)}1. level ${i}`).join('\n');
    const fencedJson = ['# Data', '```json', ...Array.from({ length: 40 }, (_, i) => `${' '.repeat(4 * i)}{"k": ${i}}`), '```', ''].join('\n');
    const diagram = `# Diagram\n\n${' '.repeat(110)}+---+\n`;
    assert.match(JSON.stringify(analyzeText('a.md', deepList, DEFAULT_CONFIG)), /Nesting is \d+ levels deep/);
    assert.match(JSON.stringify(analyzeText('a.md', deepOrdered, DEFAULT_CONFIG)), /Nesting is \d+ levels deep/);
    assert.ok('model' in analyzeText('a.md', fencedJson, DEFAULT_CONFIG));
    assert.ok('model' in analyzeText('a.md', diagram, DEFAULT_CONFIG));
  });
});

describe('YAML front matter', () => {
  const text = ['---', 'title: Notes', 'files_modified:', '  - src/listed.ts', 'status: draft', '---', '', '# Notes', '', 'The loader is `src/b.ts`.', ''].join('\n');
  it('is data: no heading, no citation, and the parse below it keeps its positions', () => {
    const m = model('docs/notes.md', text);
    assert.deepEqual(m.headings.map((h) => [h.line, h.text]), [[8, 'Notes']]);
    assert.deepEqual(m.references.map((r) => [r.line, r.target]), [[10, 'src/b.ts']]);
  });
  it('states the document\'s status: a draft names files to make', () => {
    assert.deepEqual(model('docs/notes.md', text).references.map((r) => r.intent), ['plan']);
    assert.deepEqual(model('docs/notes.md', text.replace('status: draft', 'owner: me')).references.map((r) => r.intent), ['record']);
  });
});

describe('a document that opens with a thematic break', () => {
  it('is Markdown, not front matter', () => {
    const m = model('docs/notes.md', ['---', '# Notes', '', 'The loader is `src/b.ts`.', '', '---', '', '## More', ''].join('\n'));
    assert.deepEqual(m.headings.map((h) => h.text), ['Notes', 'More']);
    assert.deepEqual(m.references.map((r) => r.target), ['src/b.ts']);
  });
});
