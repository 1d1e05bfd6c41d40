import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { collect } from '../../server/src/core/analyze/collect';
import { collectChunks } from '../../server/src/core/analyze/collectChunks';
import { splitChunks } from '../../server/src/core/parse/chunks';
import { mayHoldTable, parseTree, parseTreeWithTables } from '../../server/src/core/parse/markdown';
import { LineIndex } from '../../server/src/core/text/position';
import { Random } from '../../bench/documentText';
import { CORPUS, corpusAvailable, SKIP_REASON } from '../support/corpus';

/** Lines chosen to sit on both sides of the delimiter-row rule, and the containers around it. */
const LINES = [
  'Plain words here.',
  'a | b',
  '| a | b |',
  '|---|---|',
  '| --- | :-: |',
  '--- | ---',
  ':-',
  '-:',
  ':---:',
  '-',
  '---',
  '***',
  '- | -',
  '- :-',
  '> :-',
  '> | x | y |',
  '> |---|---|',
  '1. a | b',
  '1. |---|',
  '2) :--',
  '   |-|',
  '    |-|',
  '- [ ] task | with pipe',
  '- [x] done',
  '  - [ ] nested',
  '`code | with pipe`',
  'a \\| b',
  '```',
  '# Heading | pipe',
  '',
  '',
  'x: -y',
  '| -- |',
  '-|-',
  '+ - :',
];

function randomDocument(r: Random): string {
  const eol = r.pick(['\n', '\n', '\r\n', '\r']);
  return Array.from({ length: r.int(1, 12) }, () => r.pick(LINES)).join(eol);
}

describe('parsing without the table construct where no table can start', () => {
  it('says no only where no line can be a delimiter row', () => {
    assert.equal(mayHoldTable('| a |\n|---|\n| 1 |'), true);
    assert.equal(mayHoldTable('a\n:-'), true);
    assert.equal(mayHoldTable('> - a\n> - :-'), true);
    assert.equal(mayHoldTable('a\r:-'), true);
    assert.equal(mayHoldTable('Title\n---\n\n- [ ] item | with a pipe\n- list\n'), false);
    assert.equal(mayHoldTable('a\n---'), false);
    assert.equal(mayHoldTable(''), false);
    assert.equal(mayHoldTable(`${'|'.repeat(1 << 20)}x`), false);
  });

  it('gives the same tree as always parsing tables, on 1,500 random documents', () => {
    const r = new Random(20261129);
    let withTable = 0;
    for (let i = 0; i < 1500; i++) {
      const text = randomDocument(r);
      const full = parseTreeWithTables(text);
      assert.deepEqual(parseTree(text), full, JSON.stringify(text));
      if (JSON.stringify(full).includes('"type":"table"')) withTable++;
    }
    // The generator must really produce tables, or the comparison proves nothing.
    assert.ok(withTable > 50, `only ${withTable} documents held a table`);
  });

  it('ends a chunk early where tables start or stop, at headings only', () => {
    const prose = `${'Words without any table at all. '.repeat(20)}\n`;
    const table = '| a | b |\n|---|---|\n| 1 | 2 |\n';
    const doc = ['# One', prose, '## Two', prose, '## Three', table, prose, '## Four', prose].join('\n');
    const chunks = splitChunks(doc);
    assert.deepEqual(
      chunks.map((c) => [c.startLine, mayHoldTable(c.text)]),
      [
        [1, false],
        [7, true],
        [14, false],
      ],
    );
    assert.equal(chunks.map((c) => c.text).join(''), doc);
    assert.deepEqual(collectChunks(doc, undefined), collect(parseTreeWithTables(doc), new LineIndex(doc)));
  });

  it('collects on an eighth of the corpus documents what a whole parse with tables collects', { skip: corpusAvailable() ? false : SKIP_REASON }, () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (e.name.endsWith('.md')) files.push(path.join(dir, e.name));
      }
    };
    walk(CORPUS);
    // Every eighth file in name order: the whole corpus would take 15 s here.
    const sample = files.sort().filter((_, i) => i % 8 === 0);
    let tables = 0;
    for (const file of sample) {
      const text = readFileSync(file, 'utf8');
      const tree = parseTreeWithTables(text);
      assert.deepEqual(collectChunks(text, undefined), collect(tree, new LineIndex(text)), file);
      tables += tree.children.filter((node) => node.type === 'table').length;
    }
    assert.ok(sample.length > 60 && tables > 10, `${sample.length} files, ${tables} tables`);
  });
});
