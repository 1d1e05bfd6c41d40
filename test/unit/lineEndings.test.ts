import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { checkWorkspace } from '../../server/src/core/engine';
import type { Finding } from '../../server/src/core/findings/finding';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { LineIndex } from '../../server/src/core/text/position';
import { model } from '../support/memory';

const EXAMPLE = path.resolve(__dirname, '../../examples/orbit');
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Every file of the example, its UTF-8 Markdown with its line endings replaced by `eol` (the Latin-1 export is left alone). */
function example(eol: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      const key = rel === '' ? name : `${rel}/${name}`;
      if (statSync(full).isDirectory()) walk(full, key);
      else files[key] = readFileSync(full);
    }
  };
  walk(EXAMPLE, '');
  for (const [key, bytes] of Object.entries(files)) {
    if (!key.endsWith('.md')) continue;
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      continue;
    }
    files[key] = new TextEncoder().encode(text.replace(/\r?\n/g, eol));
  }
  return files;
}

const where = (f: Finding): string => `${f.file}:${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column} ${f.code} ${f.message}`;

describe('line endings: LF, CRLF and lone CR give the same findings', () => {
  const findings: Record<string, string[]> = {};
  before(async () => {
    for (const [name, eol] of [['lf', '\n'], ['crlf', '\r\n'], ['cr', '\r']] as const) {
      findings[name] = (await checkWorkspace({ workspace: new MemoryWorkspace(example(eol)) })).findings.map(where);
    }
  });

  it('finds in the example converted to CR exactly what it finds in the LF original', () => {
    assert.ok((findings.lf ?? []).length > 20, 'the example has findings to lose');
    assert.deepEqual(findings.cr, findings.lf);
  });

  it('finds the same in CRLF', () => {
    assert.deepEqual(findings.crlf, findings.lf);
  });

  it('ends lines at LF, CRLF and a lone CR in LineIndex, as LSP does', () => {
    const lines = new LineIndex('a\rb\r\nc\nd\r\re');
    assert.equal(lines.lineCount, 6);
    assert.deepEqual([1, 2, 3, 4, 5, 6].map((l) => lines.line(l)), ['a', 'b', 'c', 'd', '', 'e']);
    assert.deepEqual(lines.positionAt(2), { line: 2, column: 1 });
    assert.equal(lines.offsetAt({ line: 3, column: 1 }), 5);
  });

  it('keeps no CR in a checklist item text that runs over two CRLF lines', () => {
    assert.deepEqual(model('a.md', '- [ ] one\r\n  two\r\n- [x] three\r\n').checkboxes.map((b) => b.text), ['one', 'three']);
  });
});
