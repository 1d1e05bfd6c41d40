import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { looseRootFor } from '../../server/src/lsp/looseFiles';
import { tempDir } from '../support/tempDirs';

describe('the root of a document opened outside every workspace folder', () => {
  const repo = tempDir('proofmark-loose-');
  mkdirSync(path.join(repo, '.git'));
  mkdirSync(path.join(repo, 'docs/003'), { recursive: true });
  const file = path.join(repo, 'docs/003/TODO003.md');

  it('is its repository, walked whole', () => {
    assert.deepEqual(looseRootFor(file, [], '/nonexistent-home'), { dir: repo, recursive: true });
  });

  it('is only its own folder when the repository is the home folder', () => {
    assert.deepEqual(looseRootFor(file, [], repo), { dir: path.dirname(file), recursive: false });
  });

  it('is only its own folder when the repository holds a workspace folder', () => {
    assert.deepEqual(looseRootFor(file, [path.join(repo, 'docs/other')], '/nonexistent-home'), { dir: path.dirname(file), recursive: false });
  });

  it('is only its own folder outside any repository', () => {
    const plain = tempDir('proofmark-loose-plain-');
    assert.deepEqual(looseRootFor(path.join(plain, 'notes.md'), [], '/nonexistent-home'), { dir: plain, recursive: false });
  });
});
