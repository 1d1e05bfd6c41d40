import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { heavyShapes } from '../support/heavyShapes';
import { TestClient, uriOf } from './support/client';
import { engineDiagnostics, tempDir } from './support/fixtures';

const T = { timeout: 120_000 };
const TODO = '# TODO001\n\n## Phase 1: Setup ✅ COMPLETED\n\n### Progress Checklist\n\n- [x] one\n- [ ] two\n';
/** Shapes the analysis handles (see test/unit/badInput.test.ts): the rest must be refused. */
const ANALYSED = new Set(['single-line', 'phase-headings']);
/** A document with 1,000 findings: broken references, one a line. */
const MANY = `# Notes\n\n${Array.from({ length: 1_000 }, (_, i) => `See \`docs/missing-${i}.md\`.\n`).join('\n')}`;

describe('heavy documents in the server', () => {
  let root: string;
  let client: TestClient;
  const heavy = heavyShapes().filter((s) => !ANALYSED.has(s.name));
  const fileOf = (name: string, file: string): string => path.join(root, name, file);
  before(async () => {
    root = tempDir();
    mkdirSync(path.join(root, '.git'));
    writeFileSync(path.join(root, 'TODO001.md'), TODO);
    writeFileSync(path.join(root, 'many.md'), MANY);
    // The repository has a docs/ folder, so the missing documents in it are broken references.
    mkdirSync(path.join(root, 'docs'), { recursive: true });
    writeFileSync(path.join(root, 'docs/index.md'), '# Docs\n');
    for (const s of heavy) {
      mkdirSync(path.join(root, s.name));
      writeFileSync(fileOf(s.name, s.file), s.text);
    }
    client = await TestClient.start({ roots: [root] });
    await client.ready([root]);
  });
  after(async () => {
    await client.stop();
  });

  it('indexes each heavy document as one file-skipped diagnostic that says why, and the rest as usual', T, () => {
    const published = client.latestPublished();
    for (const s of heavy) {
      const list = published.get(uriOf(fileOf(s.name, s.file))) ?? [];
      assert.deepEqual(list.map((d) => d.code), ['file-skipped'], s.name);
      assert.match(list[0]?.message ?? '', /Markdown constructs|setext headings|emphasis markers/, s.name);
    }
    assert.ok((published.get(uriOf(path.join(root, 'TODO001.md'))) ?? []).some((d) => d.code === 'phase-done-checklist-open'));
  });

  it('refuses a heavy document opened in the editor too', T, async () => {
    const table = heavy.find((s) => s.name === 'wide-table');
    assert.ok(table);
    const mark = client.mark();
    const uri = await client.open(fileOf(table.name, table.file), table.text);
    const published = await client.published(uri, (p) => p.version === 1, mark);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['file-skipped']);
  });

  it('shows 500 diagnostics of a document with 1,000 findings, then one that says how many more there are', T, async () => {
    const list = client.latestPublished().get(uriOf(path.join(root, 'many.md'))) ?? [];
    assert.equal(list.length, 501);
    const all = (await engineDiagnostics(root)).get(uriOf(path.join(root, 'many.md'))) ?? [];
    assert.equal(all.length, 1_000, 'the engine (and the CLI) keep every finding');
    assert.deepEqual(list.slice(0, 500).map((d) => d.message), all.slice(0, 500).map((d) => d.message));
    const more = list[500];
    assert.equal(more?.code, undefined);
    assert.deepEqual(more?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.equal(more?.message, 'Proofmark shows 500 findings of this document, the most severe first; 500 more are not shown (500 info). `proofmark check` lists them all.');
  });
});
