import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileLines } from '../../server/src/lsp/fileLines';
import { tempDir } from '../support/tempDirs';

async function linesOf(text: string): Promise<string[]> {
  const file = `${tempDir('proofmark-lines-')}/lines.jsonl`;
  writeFileSync(file, text);
  const out: string[] = [];
  for await (const line of fileLines(file)) out.push(line.toString('utf8'));
  return out;
}

describe('fileLines', () => {
  it('gives every line without its newline, empty ones and a last one without a newline included', async () => {
    assert.deepEqual(await linesOf('a\n\nbc\nlast'), ['a', '', 'bc', 'last']);
    assert.deepEqual(await linesOf('one\n'), ['one']);
    assert.deepEqual(await linesOf(''), []);
  });

  it('joins lines that span the chunks it reads, multi-byte characters included, byte for byte', async () => {
    // Lines of 300,001 bytes cross the 256 KB chunks at different places; "é" and "日" are 2 and 3 bytes.
    const lines = Array.from({ length: 12 }, (_, i) => `${i}:${'é日x'.repeat(50_000)}`);
    const read = await linesOf(`${lines.join('\n')}\n`);
    assert.equal(read.length, lines.length);
    read.forEach((line, i) => assert.equal(line, lines[i], `line ${i}`));
  });
});
