import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathShape } from '../../server/src/core/analyze/pathShapes';
import { check, model, only } from '../support/memory';

describe('a member of a runtime object or a method call is not a file', () => {
  it('refuses member access on runtime objects, and keeps real files of the same extensions', () => {
    for (const member of ['console.log', 'process.env', 'this.props', 'vscode.env', 'self.log', 'e.key']) assert.equal(pathShape(member), null, member);
    for (const file of ['config.json', 'main.py', 'README.md', 'app.module.ts', 'server.log', 'error.log', 'go.mod', 'console.md', 'process.md', 'nginx.conf', 'billing.key']) assert.equal(pathShape(file), 'file', file);
  });

  it('reads no file in a checked task that mocks console.log, calls response.json() or locks a mutex, and still reads Plugin.cs(12,5)', () => {
    const m = model('specs/001-x/tasks.md', [
      '# Tasks',
      '',
      '- [x] 1. Write the logger tests',
      '  - Mock console.log and the clock', //4
      '  - Parse the body with response.json() and hold calls.lock() while counting', //5
      '  - Fix the warning at Plugin.cs(12,5)', //6
      '',
    ].join('\n'));
    assert.deepEqual(m.references.map((r) => r.target), ['Plugin.cs']);
  });

  it('does not report console.log or process.env as missing files of a checked task', async () => {
    const findings = await check({
      'specs/001-x/tasks.md': '# Tasks\n\n- [x] 1. Read settings from process.env and log them with console.log\n- [x] 2. Write `src/settings.ts`\n',
    });
    assert.deepEqual(only(findings, 'task-done-file-missing').map((f) => f.message.match(/but (\S+),/)?.[1]), ['src/settings.ts']);
  });
});

describe('alternatives in a checked task', () => {
  const TASKS = [
    '# Tasks',
    '',
    '- [x] 1. Wire the entry point',
    '  - Update `bin/main.ts` (or create pipeline.ts if separate)', //4 the first exists
    '- [x] 2. Document the setup in `docs/setup.md` or `docs/install.md`', //5 the second exists
    '- [x] 3. Write `src/a.ts` or `src/b.ts`', //6 neither exists: the first is named
    '',
  ].join('\n');

  it('marks each citation offered as an alternative', () => {
    const m = model('specs/001-x/tasks.md', TASKS);
    assert.deepEqual(m.references.filter((r) => r.alternative).map((r) => r.target).sort(), ['bin/main.ts', 'docs/install.md', 'docs/setup.md', 'pipeline.ts', 'src/a.ts', 'src/b.ts']);
  });

  it('reports no alternative when another exists, and only the first when none does', async () => {
    const findings = await check({ 'bin/main.ts': '', 'docs/install.md': '', 'specs/001-x/tasks.md': TASKS });
    assert.deepEqual(only(findings, 'task-done-file-missing').map((f) => [f.range.start.line, f.message.match(/but (\S+),/)?.[1]]), [[6, 'src/a.ts']]);
  });
});

describe('conditional work in a checked task', () => {
  const TASKS = [
    '# Tasks',
    '',
    '- [x] T150 Update constitution.md if any principles changed', //3
    '- [x] T151 If needed, create `docs/migration.md` for users of the old CLI', //4
    '- [x] T152 Update `docs/faq.md` (as needed)', //5
    '- [x] T153 Write `docs/guide.md` if the reader asks for it', //6 behaviour, not a condition on the work
    '- [x] T154 Create `docs/overview.md`', //7
    '',
  ].join('\n');

  it('marks the citations whose work is conditional', () => {
    const m = model('specs/001-x/tasks.md', TASKS);
    assert.deepEqual(m.references.filter((r) => r.conditional).map((r) => r.target).sort(), ['constitution.md', 'docs/faq.md', 'docs/migration.md']);
  });

  it('reports the file of conditional work only as a hint, with the reason', async () => {
    const findings = only(await check({ 'specs/001-x/tasks.md': TASKS }), 'task-done-file-missing');
    assert.deepEqual(findings.map((f) => [f.range.start.line, f.severity]), [[3, 'hint'], [4, 'hint'], [5, 'hint'], [6, 'info'], [7, 'info']]);
    assert.match(findings[0]?.message ?? '', /only if its condition held, so this is only a hint/);
  });
});

describe('placeholders and the old place of a move in a checked task', () => {
  it('reads a capitalised placeholder segment as no file, and keeps capitalised real files', () => {
    for (const placeholder of ['presets/_parts/NAME.md', 'docs/FEATURE/spec.md', 'specs/ID/tasks.md']) assert.equal(pathShape(placeholder), null, placeholder);
    for (const file of ['docs/README.md', 'TODO.md', 'docs/CHANGELOG.md', 'src/NAMES.md']) assert.notEqual(pathShape(file), null, file);
  });

  it('does not report the old place of a relocation as a missing file, and still reports its new place', async () => {
    const findings = await check({
      'specs/001-x/tasks.md': '# Tasks\n\n- [x] T001 Document the partial\'s relocation from `_shared/old-part.md` to `_parts/new-part.md`\n',
    });
    assert.deepEqual(only(findings, 'task-done-file-missing').map((f) => f.message.match(/but (\S+),/)?.[1]), ['_parts/new-part.md']);
  });
});

describe('one missing file named by several checked tasks', () => {
  it('reports it once, at its first naming, whether the later tasks write it whole or from a deeper folder', async () => {
    const findings = await check({
      'specs/001-x/tasks.md': [
        '# Tasks',
        '',
        '- [x] 1. Convert the prompts',
        '  - Create `prompts/spec/create-spec.md`', //4
        '- [x] 2. Point the loader at them',
        '  - All spec prompts now live in `spec/create-spec.md`', //6
        '- [x] 3. Write `src/other.ts`', //7
        '',
      ].join('\n'),
    });
    const missing = only(findings, 'task-done-file-missing');
    assert.deepEqual(missing.map((f) => f.range.start.line), [4, 7]);
    assert.match(missing[0]?.message ?? '', /1 more checked task names it \(line 5\)/);
  });
});

