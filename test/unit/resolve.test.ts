import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseTarget, pathShape } from '../../server/src/core/analyze/pathShapes';
import { compileConventions } from '../../server/src/core/config/compiled';
import { DEFAULT_CONVENTIONS } from '../../server/src/core/config/conventions';
import { FileIndex } from '../../server/src/core/resolve/fileIndex';
import { joinPath, resolveReference } from '../../server/src/core/resolve/resolve';
import { check, model, only } from '../support/memory';

const c = compileConventions(DEFAULT_CONVENTIONS);

describe('path shapes', () => {
  it('accepts files, special names and folders; refuses commands, globs, routes, scopes and placeholders', () => {
    const cases: [string, string | null][] = [
      ['backend/shared/config.py', 'file'],
      ['@TODO002_phase1_notes.md', 'file'],
      ['agents/x/agent.py:123', 'file'],
      ['file.py#L10-L20', 'file'],
      ['docker-compose.yml', 'file'],
      ['Dockerfile', 'file'],
      ['backend/shared/db/', 'directory'],
      ['infrastructure/', 'directory'],
      ['npm run build', null],
      ['src/**/*.ts', null],
      ['/api/v2/upload', null],
      ['@radix-ui/react-label', null],
      ['path/to/file.md', null],
      ['n/a', null],
      ['24/7', null],
      ['{"status": "ok"}', null],
    ];
    for (const [value, shape] of cases) assert.equal(pathShape(value), shape, value);
  });
  it('normalises targets: @, line suffixes, anchors, trailing slash, percent-encoding', () => {
    assert.equal(normaliseTarget('@docs/a.md:12-20'), 'docs/a.md');
    assert.equal(normaliseTarget('x.py#L3'), 'x.py');
    assert.equal(normaliseTarget('docs/My%20Doc.md#intro'), 'docs/My Doc.md');
    assert.equal(normaliseTarget('backend/db/'), 'backend/db');
  });
});

describe('resolution', () => {
  const index = new FileIndex([
    'docs/initiatives/a/003/TODO003.md',
    'docs/initiatives/a/003/TODO003_phase1_notes.md',
    'docs/initiatives/a/003/prompts/PHASE1_PROMPT.md',
    'docs/initiatives/b/TODO003_phase1_notes.md',
    'backend/workers/base_worker.py',
    'scripts/unique_tool.sh',
    'docs/guide.md',
  ]);
  const from = 'docs/initiatives/a/003/prompts/PHASE1_PROMPT.md';
  const resolve = (target: string, shape: 'file' | 'directory' = 'file') => resolveReference({ target, shape }, from, 'docs/initiatives/a/003', index, c);
  it('tries the root, the document folder, the initiative, ancestors, docs/ and a unique name', () => {
    assert.deepEqual(resolve('backend/workers/base_worker.py').resolved, 'backend/workers/base_worker.py');
    assert.deepEqual(resolve('PHASE1_PROMPT.md').resolved, 'docs/initiatives/a/003/prompts/PHASE1_PROMPT.md');
    assert.deepEqual(resolve('TODO003_phase1_notes.md').resolved, 'docs/initiatives/a/003/TODO003_phase1_notes.md');
    assert.deepEqual(resolve('guide.md').resolved, 'docs/guide.md');
    assert.deepEqual(resolve('unique_tool.sh').resolved, 'scripts/unique_tool.sh');
    assert.deepEqual(resolve('backend/workers', 'directory').resolved, 'backend/workers');
  });
  it('keeps initiative-local names inside their initiative', () => {
    const r = resolveReference({ target: 'TODO003_phase1_notes.md', shape: 'file' }, 'docs/initiatives/c/TODO003.md', 'docs/initiatives/c', index, c);
    assert.equal(r.resolved, null);
  });
  it('forgets a folder with its last file, as a fresh listing would', () => {
    const files = new FileIndex(['docs/archive/a.md', 'docs/archive/b.md', 'docs/c.md']);
    files.remove('docs/archive/a.md');
    assert.ok(files.hasDirectory('docs/archive'), 'b.md is still there');
    files.remove('docs/archive/b.md');
    assert.ok(!files.hasDirectory('docs/archive') && !files.exists('docs/archive'));
    assert.deepEqual(files.directoriesNamed('archive'), []);
    assert.ok(files.hasDirectory('docs'), 'c.md is still there');
    files.remove('docs/c.md');
    assert.ok(!files.hasDirectory('docs') && files.hasDirectory(''));
    files.add('docs/archive/a.md');
    assert.deepEqual(files.endingWith('docs/archive', true), ['docs/archive']);
  });
  it('never leaves the workspace root', () => {
    assert.equal(joinPath('docs', '../../etc/passwd'), null);
    const r = resolve('../../../../../../etc/passwd');
    assert.equal(r.resolved, null);
    assert.match(r.resolved === null ? r.reason : '', /leaves the workspace root/);
    assert.equal(resolve('/etc/passwd').resolved, null);
  });
});

describe('broken-reference rule', async () => {
  const files = {
    'docs/i/TODO003.md': '# TODO003\n\n## Phase 1: A\n- [x] x\n## Phase 2: B\n',
    'docs/i/TODO003_phase1_notes.md': [
      '# Notes',
      'Code in `backend/missing.py` and `backend/here.py`.',
      'Next phase writes `TODO003_phase2_notes.md`.',
      'Secrets in `.env.production`.',
      '```',
      'cat `in/fence.py`',
      '```',
      'See @docs/nowhere.md and [the guide](../../docs/guide.md).',
      '',
    ].join('\n'),
    'backend/here.py': '',
    'docs/guide.md': '# Guide\n',
  };
  const findings = await check(files);
  it('reports what does not resolve, saying which kind and what was tried', () => {
    const broken = only(findings, 'broken-reference');
    assert.deepEqual(broken.map((f) => [f.range.start.line, f.message.split(' does not resolve')[0]]), [
      [2, 'The code path backend/missing.py'],
      [8, 'The document @docs/nowhere.md'],
    ]);
    assert.match(broken[0]?.message ?? '', /tried backend\/missing\.py, docs\/i\/backend\/missing\.py/);
  });
  it('reads references with their exact columns', () => {
    const ref = model('docs/i/TODO003_phase1_notes.md', files['docs/i/TODO003_phase1_notes.md']).references.find((r) => r.target === 'backend/missing.py');
    assert.deepEqual(ref?.range, { start: { line: 2, column: 10 }, end: { line: 2, column: 28 } });
  });
});
