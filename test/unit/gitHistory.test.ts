import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { checkWorkspace } from '../../server/src/core/engine';
import { historyNote } from '../../server/src/core/findings/history';
import { GitHistoryCache, headOf, historyOf, parseHistoryLog, readGitHistory, type HistoryEvent } from '../../server/src/node/gitHistory';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';
import { buildCli, runCli } from '../support/cliHarness';
import { tempDir } from '../support/tempDirs';

function hasGit(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const NO_GIT = hasGit() ? false : 'git is not installed';

/** A temporary repository driven by the test: `run` is git in it, `write` adds a file. */
function repository(): { root: string; run: (...args: string[]) => string; write: (rel: string, text: string) => void } {
  const root = tempDir('proofmark-git-');
  const run = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: root } }).trim();
  const write = (rel: string, text: string): void => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  run('init', '-q');
  return { root, run, write };
}

const REPORT = '# Refactor summary\n\nThe reader lives in `src/io.py`; the old helpers in `src/legacy.py`.\n';

describe('the history of moved and deleted files', () => {
  it('follows renames to the last place, counts a move then a deletion as deleted, and forgets a path filled again', () => {
    // Newest first, as git lists them.
    const events: HistoryEvent[] = [
      { commit: 'c4', date: '2025-04-04', from: 'b.py', to: 'c.py' },
      { commit: 'c3', date: '2025-03-03', from: 'x.py', to: null },
      { commit: 'c2', date: '2025-02-02', from: 'a.py', to: 'b.py' },
      { commit: 'c1', date: '2025-01-01', from: 'y.py', to: 'x.py' },
      { commit: 'c0', date: '2024-12-12', from: 'c.py', to: null },
    ];
    const h = historyOf(events);
    assert.deepEqual(h.moved.get('a.py'), { commit: 'c4', date: '2025-04-04', to: 'c.py' });
    assert.deepEqual(h.moved.get('b.py'), { commit: 'c4', date: '2025-04-04', to: 'c.py' });
    assert.deepEqual(h.deleted.get('y.py'), { commit: 'c3', date: '2025-03-03' });
    assert.equal(h.moved.has('c.py') || h.deleted.has('c.py'), false, 'c.py exists again');
    assert.equal(historyNote(['docs/a.py', 'a.py'], h), 'a.py was moved to c.py in c4 (2025-04-04).');
    assert.equal(historyNote(['nowhere.py'], h), null);
  });

  it('parses git -z output and drops a commit cut off by the byte limit', () => {
    const out = '\x01abc1234\t2025-03-02\0\nR100\0src/io.py\0src/core/io.py\0D\0src/old.py\0\x01def5678\t2025-03-01\0\nD\0src/cut';
    assert.deepEqual(parseHistoryLog(out, true), [
      { commit: 'abc1234', date: '2025-03-02', from: 'src/io.py', to: 'src/core/io.py' },
      { commit: 'abc1234', date: '2025-03-02', from: 'src/old.py', to: null },
    ]);
  });

  describe('read from a temporary repository', { skip: NO_GIT }, () => {
    let repo: ReturnType<typeof repository>;
    let moveCommit = '';
    let deleteCommit = '';
    before(() => {
      repo = repository();
      repo.write('src/io.py', 'def read(): ...\n');
      repo.write('src/legacy.py', 'pass\n');
      repo.write('docs/REFACTOR_SUMMARY.md', REPORT);
      repo.run('add', '.');
      repo.run('commit', '-q', '-m', 'first');
      mkdirSync(path.join(repo.root, 'src/core'));
      repo.run('mv', 'src/io.py', 'src/core/reader.py');
      repo.run('commit', '-q', '-m', 'move the reader');
      moveCommit = repo.run('log', '-1', '--format=%h');
      repo.run('rm', '-q', 'src/legacy.py');
      repo.run('commit', '-q', '-m', 'drop the helpers');
      deleteCommit = repo.run('log', '-1', '--format=%h');
    });

    it('reads renames and deletions with their commit and date', async () => {
      const h = await readGitHistory(repo.root);
      assert.ok(h);
      const today = repo.run('log', '-1', '--format=%cd', '--date=short');
      assert.deepEqual(h.moved.get('src/io.py'), { commit: moveCommit, date: today, to: 'src/core/reader.py' });
      assert.deepEqual(h.deleted.get('src/legacy.py'), { commit: deleteCommit, date: today });
    });

    it('gives paths relative to a root inside the repository', async () => {
      const h = await readGitHistory(path.join(repo.root, 'src'));
      assert.equal(h?.moved.get('io.py')?.to, 'core/reader.py');
      assert.equal(h?.moved.has('src/io.py'), false);
    });

    it('has nothing to tell outside a repository or past its time', async () => {
      assert.equal(await readGitHistory(tempDir('proofmark-nogit-')), null);
      assert.equal(await headOf(tempDir('proofmark-nogit-')), null);
      assert.equal(await readGitHistory(repo.root, { timeoutMs: 0.001, maxCommits: 10, maxBytes: 1024 }), null);
    });

    it('is read again only when HEAD moves', async () => {
      const other = repository();
      other.write('a.md', '# A\n');
      other.run('add', '.');
      other.run('commit', '-q', '-m', 'first');
      const cache = new GitHistoryCache();
      const first = await cache.read(other.root);
      assert.equal(first?.moved.size, 0);
      assert.equal(await cache.read(other.root), first);
      other.run('mv', 'a.md', 'b.md');
      other.run('commit', '-q', '-m', 'rename');
      const second = await cache.read(other.root);
      assert.notEqual(second, first);
      assert.equal(second?.moved.get('a.md')?.to, 'b.md');
    });

    it('tells a missing file’s history in the engine and in the CLI', async () => {
      const history = await readGitHistory(repo.root);
      const engine = (await checkWorkspace({ workspace: new NodeWorkspace(repo.root), history })).findings.filter((f) => f.code === 'broken-reference');
      const today = repo.run('log', '-1', '--format=%cd', '--date=short');
      assert.deepEqual(
        engine.map((f) => f.message),
        [
          `The code path src/io.py does not resolve: not found; tried src/io.py, docs/src/io.py. src/io.py was moved to src/core/reader.py in ${moveCommit} (${today}).`,
          `The code path src/legacy.py does not resolve: not found; tried src/legacy.py, docs/src/legacy.py. src/legacy.py was deleted in ${deleteCommit} (${today}).`,
        ],
      );
      // Without the history, the same findings say nothing of it.
      const plain = (await checkWorkspace({ workspace: new NodeWorkspace(repo.root) })).findings.filter((f) => f.code === 'broken-reference');
      assert.deepEqual(plain.map((f) => f.message.endsWith('docs/src/io.py.') || f.message.endsWith('docs/src/legacy.py.')), [true, true]);

      await buildCli();
      const run = await runCli(['check', '--root', repo.root, '--format', 'json']);
      const cli = (JSON.parse(run.stdout) as { findings: { code: string; message: string }[] }).findings.filter((f) => f.code === 'broken-reference');
      assert.deepEqual(cli.map((f) => f.message), engine.map((f) => f.message));
    });
  });
});
