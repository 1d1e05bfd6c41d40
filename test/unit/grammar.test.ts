import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { proofmarkSnapshot, tokenizeMarkdown, type ScopedToken } from '../grammar/tokenize';

const FIXTURES = new URL('../grammar/fixtures/', import.meta.url).pathname;
const SNAPSHOTS = new URL('../grammar/snapshots/', import.meta.url).pathname;
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

function scopesOf(tokens: readonly ScopedToken[], text: string): string[] {
  return tokens.filter((t) => t.text === text).flatMap((t) => t.scopes.filter((s) => s.endsWith('.proofmark')));
}

async function scopesIn(line: string, text: string): Promise<string[]> {
  return scopesOf(await tokenizeMarkdown(line), text);
}

describe('Proofmark injection grammar', () => {
  for (const name of readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).sort()) {
    it(`matches the snapshot of ${name}`, async () => {
      const actual = proofmarkSnapshot(await tokenizeMarkdown(readFileSync(join(FIXTURES, name), 'utf8')));
      const file = join(SNAPSHOTS, `${name}.snap`);
      if (UPDATE || !existsSync(file)) {
        writeFileSync(file, actual);
        if (!UPDATE) assert.fail(`wrote a new snapshot ${file}; review it and run again`);
        return;
      }
      assert.equal(actual, readFileSync(file, 'utf8'), `snapshot differs; if intended, run UPDATE_SNAPSHOTS=1 npm run test:grammar`);
    });
  }

  it('scopes requirement ids, task ids and Evidence labels', async () => {
    assert.deepEqual(await scopesIn('- Validate FR1.2 in T8.1', 'FR1.2'), ['entity.name.type.requirement.proofmark']);
    assert.deepEqual(await scopesIn('- Validate FR1.2 in T8.1', 'T8.1'), ['entity.name.function.task.proofmark']);
    assert.deepEqual(await scopesIn('See NFR3 here', 'NFR3'), ['entity.name.type.requirement.proofmark']);
    assert.deepEqual(await scopesIn('Evidence: 42/42 tests', 'Evidence'), ['keyword.other.evidence-label.proofmark']);
  });

  it('scopes status markers by kind, emoji and word together', async () => {
    assert.deepEqual(await scopesIn('- Phase 1: ✅ COMPLETED - Store', '✅ COMPLETED'), ['markup.inserted.status.done.proofmark']);
    assert.deepEqual(await scopesIn('- Phase 3: 🔄 IN PROGRESS - Upload', '🔄 IN PROGRESS'), ['markup.changed.status.in-progress.proofmark']);
    assert.deepEqual(await scopesIn('- Phase 9: ❌ FAILED - Dry run', '❌ FAILED'), ['markup.deleted.status.failed.proofmark']);
  });

  it('scopes @path references but not @mentions or e-mail addresses', async () => {
    const tokens = await tokenizeMarkdown('Read @src/sync/queue.ts, ask @alice or ops@example.com');
    assert.deepEqual(scopesOf(tokens, 'src/sync/queue.ts'), ['meta.reference.path.proofmark', 'string.other.path.reference.proofmark']);
    assert.deepEqual(scopesOf(tokens, '@'), ['meta.reference.path.proofmark', 'punctuation.definition.reference.proofmark']);
    assert.ok(!tokens.some((t) => t.text.includes('alice') && t.scopes.some((s) => s.endsWith('.proofmark'))));
    assert.ok(!tokens.some((t) => t.text.includes('example') && t.scopes.some((s) => s.endsWith('.proofmark'))));
  });

  it('leaves fenced and indented code alone', async () => {
    const tokens = await tokenizeMarkdown('Text\n\n```ts\n// FR1 T8.1 ✅ COMPLETED\n```\n\n    FR2 ❌ FAILED\n');
    assert.deepEqual(tokens.filter((t) => t.scopes.some((s) => s.endsWith('.proofmark'))), []);
  });

  it('does not scope ids inside longer words', async () => {
    const line = 'SFR1 FRX1 NFR1a T8 T8x.1 UNDONE COMPLETEDNESS';
    const tokens = await tokenizeMarkdown(line);
    assert.deepEqual(tokens.filter((t) => t.scopes.some((s) => s.endsWith('.proofmark'))).map((t) => t.text), []);
  });
});
