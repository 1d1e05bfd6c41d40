import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/analyze/document';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { ParseCache } from '../../server/src/core/parse/parseCache';
import { readWarmHint, warmStart } from '../../server/src/lsp/warmStart';
import { WARM_ENV } from '../../server/src/protocol';
import { tempDir } from '../support/tempDirs';

const TODO = ['# TODO 001: Sync', '', '## Phase 1: Import ✅ COMPLETED', '', '- [x] T1.1 Read the feed', '- [ ] T1.2 Store it (FR1)', ''].join('\n');
const PRD = ['# PRD 001: Sync', '', '## Requirements', '', '- **FR1**: The feed is stored.', ''].join('\n');

/** A workspace with initiative 001 (TODO, PRD, a folder note), an unrelated note, and a file beside it, outside. */
function workspace(): { root: string; todo: string; prd: string; readme: string; other: string; outside: string } {
  const parent = tempDir('proofmark-warm-');
  const root = path.join(parent, 'ws');
  const folder = path.join(root, 'docs', 'sync');
  mkdirSync(folder, { recursive: true });
  mkdirSync(path.join(root, 'notes'), { recursive: true });
  const files = {
    todo: path.join(folder, 'TODO001.md'),
    prd: path.join(folder, 'PRD001.md'),
    readme: path.join(root, 'README.md'),
    other: path.join(root, 'notes', 'ideas.md'),
    outside: path.join(parent, 'outside.md'),
  };
  writeFileSync(files.todo, TODO);
  writeFileSync(files.prd, PRD);
  writeFileSync(files.readme, '# Sync\n\nThe project.\n');
  writeFileSync(files.other, '# Ideas\n\n- [ ] one\n');
  writeFileSync(files.outside, '# Outside\n');
  return { root, ...files };
}

describe('the hint of the client that forked the server', () => {
  it('is read from the environment and removed from it', () => {
    const env: NodeJS.ProcessEnv = { [WARM_ENV]: JSON.stringify({ folders: ['/ws'], open: ['/ws/a.md'] }) };
    assert.deepEqual(readWarmHint(env), { folders: ['/ws'], open: ['/ws/a.md'] });
    assert.equal(env[WARM_ENV], undefined, 'what the server starts does not inherit it');
  });

  it('is no hint when absent, not JSON, or not absolute paths', () => {
    assert.equal(readWarmHint({}), null);
    assert.equal(readWarmHint({ [WARM_ENV]: '{' }), null);
    assert.equal(readWarmHint({ [WARM_ENV]: JSON.stringify({ folders: ['ws'], open: [] }) }), null);
    assert.equal(readWarmHint({ [WARM_ENV]: JSON.stringify({ folders: ['/ws'], open: '/ws/a.md' }) }), null);
    assert.equal(readWarmHint({ [WARM_ENV]: 'null' }), null);
  });
});

describe('parsing the open documents ahead', () => {
  it('parses the open document and its own scope, exactly as their analysis parses them, and nothing unrelated or outside the folders', async () => {
    const ws = workspace();
    const cache = new ParseCache();
    const parsed = new Set<string>();
    await warmStart({ folders: [ws.root], open: [ws.todo, ws.outside] }, cache, parsed);
    assert.deepEqual([...parsed].sort(), [ws.prd, ws.readme, ws.todo].sort());
    const size = cache.size;
    assert.ok(size >= 3, `${size} chunks cached`);
    // The analysis finds every chunk parsed (nothing new enters the cache) and builds the same model as without it.
    for (const [file, text] of [[ws.todo, TODO], [ws.prd, PRD]] as const) {
      const rel = path.relative(ws.root, file).split(path.sep).join('/');
      assert.deepEqual(analyzeText(rel, text, DEFAULT_CONFIG, cache), analyzeText(rel, text, DEFAULT_CONFIG));
    }
    assert.equal(cache.size, size, 'the analysis parsed nothing the warm-up had not');
  });

  it('parses at most 16 documents, however many are open', async () => {
    const ws = workspace();
    const open: string[] = [];
    for (let i = 0; i < 30; i++) {
      const file = path.join(ws.root, 'notes', `n${i}.md`);
      writeFileSync(file, `# Note ${i}\n`);
      open.push(file);
    }
    const parsed = new Set<string>();
    await warmStart({ folders: [ws.root], open }, new ParseCache(), parsed);
    assert.equal(parsed.size, 16);
  });

  it('goes on past a document that is gone and a folder that does not exist', async () => {
    const ws = workspace();
    const parsed = new Set<string>();
    const cache = new ParseCache();
    await warmStart({ folders: [path.join(ws.root, 'missing'), ws.root], open: [path.join(ws.root, 'gone.md'), path.join(ws.root, 'missing', 'a.md')] }, cache, parsed);
    // The folder note of the document that is gone was parsed after it.
    assert.ok(parsed.has(ws.readme), JSON.stringify([...parsed]));
    assert.equal(cache.size, 1);
  });

  it('lists only the folders along the open document, and none whose real path leaves the root', async () => {
    const ws = workspace();
    // An initiative outside, reached through a symlinked folder inside the root.
    const outsideFolder = path.join(path.dirname(ws.root), 'elsewhere');
    mkdirSync(outsideFolder);
    writeFileSync(path.join(outsideFolder, 'TODO002.md'), TODO.replace('001', '002'));
    writeFileSync(path.join(outsideFolder, 'PRD002.md'), PRD.replace('001', '002'));
    symlinkSync(outsideFolder, path.join(ws.root, 'docs', 'linked'));
    // A README in a folder off the path: not read (it is no folder note of the open document).
    mkdirSync(path.join(ws.root, 'docs', 'sync', 'deeper'));
    writeFileSync(path.join(ws.root, 'docs', 'sync', 'deeper', 'README.md'), '# Deeper\n');
    const parsed = new Set<string>();
    await warmStart({ folders: [ws.root], open: [path.join(ws.root, 'docs', 'linked', 'TODO002.md'), ws.todo] }, new ParseCache(), parsed);
    assert.ok(![...parsed].some((f) => f.includes('PRD002') || f.includes('deeper')), JSON.stringify([...parsed]));
    assert.ok(parsed.has(ws.prd), 'the other open document\'s scope is still parsed');
  });
});
