import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkWrite, createExclusive } from '../../server/src/node/writeGuard';
import { tempWorkspace } from '../support/cliHarness';

/**
 * A workspace `root` with a folder `outside` beside it, and in the root every kind of symlink a
 * cloned repository can hold: to a folder outside, to a file outside, dangling, a loop, and a
 * folder link that stays inside.
 */
function hostileWorkspace(): { root: string; outside: string } {
  const root = tempWorkspace({ 'docs/plan.md': '# Plan\n', 'notes.md': 'mine\n' });
  const outside = path.join(path.dirname(root), 'outside');
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'secret.md'), 'outside\n');
  symlinkSync(outside, path.join(root, 'linkout'));
  symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'linked.md'));
  symlinkSync(path.join(outside, 'gone.md'), path.join(root, 'dangling.md'));
  symlinkSync(path.join(outside, 'gone'), path.join(root, 'danglingdir'));
  symlinkSync('loop', path.join(root, 'loop'));
  symlinkSync('loop.md', path.join(root, 'loop.md'));
  symlinkSync('docs', path.join(root, 'docs-link'));
  return { root, outside };
}

async function reason(root: string, p: string): Promise<string> {
  const target = await checkWrite(root, p);
  assert.equal(target.kind, 'refused', `${p} was not refused`);
  return target.kind === 'refused' ? target.reason : '';
}

describe('the write guard (checkWrite)', () => {
  it('allows a new file inside the root, with the folders it needs outermost first', async () => {
    const { root } = hostileWorkspace();
    assert.deepEqual(await checkWrite(root, 'new.md'), { kind: 'new', full: path.join(root, 'new.md'), folders: [] });
    assert.deepEqual(await checkWrite(root, 'a/b/new.md'), { kind: 'new', full: path.join(root, 'a/b/new.md'), folders: [path.join(root, 'a'), path.join(root, 'a/b')] });
    assert.deepEqual(await checkWrite(root, 'docs/../docs/new.md'), { kind: 'new', full: path.join(root, 'docs/new.md'), folders: [] });
  });

  it('allows a symlinked folder that stays inside the root, and says when the file is there', async () => {
    const { root } = hostileWorkspace();
    assert.equal((await checkWrite(root, 'docs-link/new.md')).kind, 'new');
    assert.deepEqual(await checkWrite(root, 'notes.md'), { kind: 'exists', full: path.join(root, 'notes.md') });
    assert.equal((await checkWrite(root, 'docs-link/plan.md')).kind, 'exists');
  });

  it('refuses a symlinked folder that leads outside, however deep the new file', async () => {
    const { root, outside } = hostileWorkspace();
    assert.equal(await reason(root, 'linkout/x.md'), `linkout/x.md would be written outside the workspace ${root}: linkout is (or goes through) a symbolic link to ${outside}`);
    assert.match(await reason(root, 'linkout/a/b/x.md'), /^linkout\/a\/b\/x\.md would be written outside the workspace .*: linkout is/);
  });

  it('refuses a symlinked file that leads outside, and a dangling symlink', async () => {
    const { root, outside } = hostileWorkspace();
    assert.equal(await reason(root, 'linked.md'), `linked.md would be written outside the workspace ${root}: it is a symbolic link to ${path.join(outside, 'secret.md')}`);
    assert.equal(await reason(root, 'dangling.md'), 'dangling.md cannot be written: dangling.md is a symbolic link whose target does not exist');
    assert.equal(await reason(root, 'danglingdir/x.md'), 'danglingdir/x.md cannot be written: danglingdir is a symbolic link whose target does not exist');
  });

  it('refuses a symlink loop, as the file or as a folder on the way', async () => {
    const { root } = hostileWorkspace();
    assert.equal(await reason(root, 'loop.md'), 'loop.md cannot be written: loop.md is a symbolic link loop');
    assert.equal(await reason(root, 'loop/x.md'), 'loop/x.md cannot be written: a symbolic link loop');
  });

  it('refuses .., absolute and ~ paths by their name, and a file where a folder must be', async () => {
    const { root } = hostileWorkspace();
    assert.equal(await reason(root, '../outside/x.md'), `../outside/x.md leaves the workspace ${root}`);
    assert.equal(await reason(root, 'docs/../../x.md'), `docs/../../x.md leaves the workspace ${root}`);
    assert.equal(await reason(root, '/tmp/x.md'), `/tmp/x.md is an absolute path; Proofmark writes only inside the workspace ${root}`);
    assert.match(await reason(root, '~/x.md'), /^~\/x\.md starts with ~, which names a home folder outside the workspace/);
    assert.match(await reason(root, '~someone/x.md'), /^~someone\/x\.md starts with ~/);
    assert.equal(await reason(root, 'notes.md/x.md'), 'notes.md/x.md cannot be written: notes.md is a file, not a folder');
    assert.equal(await reason(root, 'docs'), 'docs is a folder, not a file');
    assert.equal(await reason(root, '.'), '. is the workspace root itself');
    assert.match(await reason(root, 'a\0.md'), /holds a NUL character/);
  });
});

describe('createExclusive', () => {
  it('creates the folders and the file inside the root, and never replaces a file', async () => {
    const { root } = hostileWorkspace();
    assert.equal((await createExclusive(root, 'a/b/new.md', 'text\n')).kind, 'new');
    assert.equal(readFileSync(path.join(root, 'a/b/new.md'), 'utf8'), 'text\n');
    assert.equal((await createExclusive(root, 'notes.md', 'template\n')).kind, 'exists');
    assert.equal(readFileSync(path.join(root, 'notes.md'), 'utf8'), 'mine\n');
  });

  it('creates nothing, not even a folder, when the path leads outside', async () => {
    const { root, outside } = hostileWorkspace();
    const before = readdirSync(outside);
    for (const p of ['linkout/deep/er/x.md', 'linked.md', 'dangling.md', 'danglingdir/x.md', 'loop/x.md', '../outside/x.md']) {
      assert.equal((await createExclusive(root, p, 'template\n')).kind, 'refused', p);
    }
    assert.deepEqual(readdirSync(outside), before);
    assert.equal(readFileSync(path.join(outside, 'secret.md'), 'utf8'), 'outside\n');
    assert.ok(!existsSync(path.join(outside, 'gone.md')) && !existsSync(path.join(outside, 'gone')));
  });
});
