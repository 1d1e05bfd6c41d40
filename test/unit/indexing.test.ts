import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { readServerSettings } from '../../client/src/settings';
import { indexingContent, indexingMessage, sumCounts } from '../../client/src/status/statusText';
import { analyzeText } from '../../server/src/core/analyze/document';
import { DEFAULT_CONFIG, parseConfig } from '../../server/src/core/config/config';
import type { DocumentModel } from '../../server/src/core/model/document';
import { ModelCache } from '../../server/src/lsp/cache';
import { ModelCompactor } from '../../server/src/lsp/compactModel';
import { heldSearchText } from '../../server/src/lsp/searchTexts';
import { IndexQueue } from '../../server/src/lsp/indexQueue';
import { readInitializationOptions, splitEditorSettings, withEditorSettings } from '../../server/src/lsp/settings';
import { tempDir } from '../support/tempDirs';

describe('the index queue', () => {
  it('hands out wanted paths first, then the rest in listing order, each once', () => {
    const queue = new IndexQueue(['a.md', 'b.md', 'c.md', 'd.md', 'e.md']);
    assert.deepEqual(queue.take(2, new Set(['d.md', 'x.md'])), ['d.md', 'a.md']);
    assert.deepEqual(queue.take(2, new Set(['d.md'])), ['b.md', 'c.md'], 'a path is never handed out twice');
    assert.equal(queue.has('e.md'), true);
    assert.deepEqual(queue.take(10), ['e.md']);
    assert.equal(queue.size, 0);
    assert.deepEqual(queue.take(10), []);
  });

  it('claims an open document\'s own scope wholly: what is queued from the queue, and names what a run took already', () => {
    const queue = new IndexQueue(['a.md', 'b.md', 'c.md', 'd.md']);
    assert.deepEqual(queue.take(2), ['a.md', 'b.md']);
    // b.md is in a run of the pool: it is read again rather than waited for.
    assert.deepEqual(queue.claim(['b.md', 'd.md']), { queued: ['d.md'], taken: ['b.md'] });
    assert.equal(queue.has('d.md'), false);
    assert.deepEqual(queue.take(10), ['c.md']);
  });
});

describe('the diagnostics scope setting', () => {
  it('defaults to the open initiatives, and takes the workspace when asked', () => {
    assert.equal(readInitializationOptions({}).scope, 'openInitiatives');
    assert.equal(readInitializationOptions({ settings: { diagnostics: { scope: 'workspace' } } }).scope, 'workspace');
  });

  it('is split off the engine settings, which then have no unknown key', () => {
    const split = splitEditorSettings({ diagnostics: { scope: 'workspace' }, maxFileSize: 10 });
    assert.deepEqual(split, { engine: { maxFileSize: 10 }, scope: 'workspace' });
    assert.deepEqual(parseConfig(split.engine).problems, []);
    assert.deepEqual(readInitializationOptions({ settings: { diagnostics: { scope: 'workspace' } } }).editor.problems, []);
  });

  it('falls back to the default for a value it does not know', () => {
    for (const diagnostics of [{ scope: 'everything' }, { scope: 3 }, 'workspace', null]) assert.equal(splitEditorSettings({ diagnostics }).scope, 'openInitiatives', JSON.stringify(diagnostics));
    assert.equal(splitEditorSettings('not an object').scope, 'openInitiatives');
  });

  it('follows a configuration change (an unset scope is the default again)', () => {
    const start = readInitializationOptions({ settings: { diagnostics: { scope: 'workspace' } } });
    assert.equal(withEditorSettings(start, { severity: {} }).scope, 'openInitiatives');
    assert.equal(withEditorSettings(start, { diagnostics: { scope: 'workspace' } }).scope, 'workspace');
  });

  it('is sent by the client in the proofmark section, only when set', () => {
    const values: Record<string, unknown> = { 'diagnostics.scope': 'workspace', maxFileSize: 10 };
    assert.deepEqual(readServerSettings((key) => values[key]), { maxFileSize: 10, diagnostics: { scope: 'workspace' } });
    assert.deepEqual(readServerSettings(() => undefined), {});
  });
});

describe('indexing counts in the status bar and the side panel', () => {
  it('count up with thousands separators', () => {
    assert.equal(indexingContent(812, 1584).text, '$(sync~spin) Proofmark 812/1,584');
    assert.match(indexingContent(812, 1584).tooltip, /812 of 1,584 documents read/);
    assert.equal(indexingMessage([{ documents: 812, total: 1584 }]), 'Indexing… 812/1,584');
  });

  it('say the files are being listed while a folder has no total yet', () => {
    assert.equal(indexingContent(0, 0).text, '$(sync~spin) Proofmark listing files');
    assert.equal(indexingMessage([{ documents: 3, total: 10 }, { documents: 0, total: 0 }]), 'Indexing… listing files');
  });

  it('add up several folders, and say nothing when no folder is indexed', () => {
    assert.deepEqual(sumCounts([{ documents: 3, total: 10 }, { documents: 5, total: 20 }]), { documents: 8, total: 30 });
    assert.equal(indexingMessage([]), null);
  });
});

describe('the model compactor', () => {
  const text = '# TODO001: Sync\n\n## Phase 1: Queue ✅ COMPLETED\n\n- [x] Write `src/sync/queue.ts`\n- [ ] See [the PRD](PRD001.md)\n';

  it('keeps every model equal to what was analysed, and shares equal positions, ranges, short strings, small records and arrays across models', () => {
    const compactor = new ModelCompactor();
    const a = analyzeText('TODO001.md', text, DEFAULT_CONFIG);
    const b = analyzeText('b/TODO001.md', text, DEFAULT_CONFIG);
    const ca = compactor.outcome(a);
    const cb = compactor.outcome(b);
    assert.deepEqual(ca, a);
    assert.deepEqual(cb, b);
    assert.ok('model' in ca && 'model' in cb);
    const [ha, hb] = [ca.model.headings[1], cb.model.headings[1]];
    assert.ok(ha && hb);
    assert.equal(ha.range, hb.range, 'the same range is one object');
    assert.notEqual(ca.model, cb.model);
    // Small records of primitives, arrays of numbers and the empty arrays are shared too.
    const [sa, sb] = [ha.status, hb.status];
    assert.ok(sa && sb && sa.status === 'done');
    assert.equal(sa, sb, 'the same status marker is one object');
    const [na, nb] = [ca.model.references[0]?.near, cb.model.references[0]?.near];
    assert.ok(na && nb && na.length > 0);
    assert.equal(na, nb, 'the same folders near a reference are one array');
    assert.equal(ca.model.suppressions, cb.model.suppressions, 'empty arrays are one array');
    assert.throws(() => (ca.model.suppressions as unknown[]).push(1), TypeError, 'the shared empty array cannot be added to');
  });

  it('does not share records that differ, nor records with nested objects', () => {
    const compactor = new ModelCompactor();
    const a = compactor.outcome(analyzeText('a/TODO001.md', text, DEFAULT_CONFIG));
    const b = compactor.outcome(analyzeText('b/TODO001.md', text.replace('✅ COMPLETED', '🔄 IN PROGRESS'), DEFAULT_CONFIG));
    assert.ok('model' in a && 'model' in b);
    assert.notDeepEqual(a.model.headings[1]?.status, b.model.headings[1]?.status);
    assert.notEqual(a.model.headings[1], b.model.headings[1], 'a heading (it holds a range) is its document\'s own');
  });

  it('sets the search text aside, compressed, and gives it back exactly; the model cache stores it compressed beside the model', async () => {
    const report = '# Phase 1 Notes\n\nDéjà vu: Straße 12/12 tests ✅ passing — 日本語\n\n- **Sync Success Rate**: 99.9%\n';
    const analysed = analyzeText('TODO001_phase1_notes.md', report, DEFAULT_CONFIG);
    assert.ok('model' in analysed && analysed.model.searchText.includes('straße'));
    const kept = new ModelCompactor().outcome(analysed);
    assert.ok('model' in kept);
    assert.equal(kept.model.searchText, '');
    assert.equal(heldSearchText(kept.model), analysed.model.searchText);
    assert.deepEqual({ ...kept.model, searchText: heldSearchText(kept.model) }, analysed.model);

    const file = `${tempDir('proofmark-cache-')}/models.jsonl`;
    assert.equal(await new ModelCache(file, 'stamp').save(new Map([[kept.model.path, kept.model]])), null);
    const read = new ModelCache(file, 'stamp');
    assert.equal(await read.load(), 1);
    const loaded = read.get(analysed.model.path, analysed.model.hash);
    assert.ok(loaded);
    assert.deepEqual({ ...loaded, searchText: heldSearchText(loaded) }, analysed.model);
    const stored = readFileSync(file, 'utf8').split('\n')[1] ?? '';
    assert.ok(!stored.includes('straße'), 'the text is stored compressed, not whole');

    // An index compacts each model as the cache is read, and keeps that one.
    const compacted = new ModelCache(file, 'stamp');
    const compactor = new ModelCompactor();
    assert.equal(await compacted.load((model) => compactor.parsed(model)), 1);
    const hit = compacted.get(analysed.model.path, analysed.model.hash);
    assert.ok(hit);
    assert.equal(hit.searchText, '');
    assert.equal(heldSearchText(hit), analysed.model.searchText);
  });

  it('loads the models wanted first alone, then the rest, from one cache file', async () => {
    const outcomes = ['a.md', 'b.md', 'c.md'].map((p) => analyzeText(p, `# ${p}\n\nText of ${p}.\n`, DEFAULT_CONFIG));
    const models = new Map(outcomes.flatMap((o) => ('model' in o ? [[o.model.path, o.model] as const] : [])));
    const file = `${tempDir('proofmark-cache-')}/models.jsonl`;
    assert.equal(await new ModelCache(file, 'stamp').save(models), null);
    const cache = new ModelCache(file, 'stamp');
    const parsed: string[] = [];
    const keep = (model: DocumentModel): DocumentModel => {
      parsed.push(model.path);
      return model;
    };
    assert.equal(await cache.load(keep, (p) => p === 'b.md'), 1);
    assert.deepEqual(parsed, ['b.md'], 'only the wanted line is parsed');
    assert.ok(cache.get('b.md', models.get('b.md')?.hash ?? ''));
    assert.equal(cache.get('a.md', models.get('a.md')?.hash ?? ''), undefined);
    assert.equal(await cache.load(keep), 3);
    assert.deepEqual(parsed, ['b.md', 'a.md', 'c.md'], 'the rest is parsed once, the wanted one not again');
  });

  it('leaves skipped files as they are', () => {
    const skipped = { path: 'x.md', skipped: 'File looks binary' };
    assert.equal(new ModelCompactor().outcome(skipped), skipped);
  });
});
