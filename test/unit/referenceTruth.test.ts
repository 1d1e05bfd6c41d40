import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathShape, patternFolder } from '../../server/src/core/analyze/pathShapes';
import { compileConventions } from '../../server/src/core/config/compiled';
import { DEFAULT_CONVENTIONS } from '../../server/src/core/config/conventions';
import { FileIndex } from '../../server/src/core/resolve/fileIndex';
import { isMissing, resolveReference } from '../../server/src/core/resolve/resolve';
import { check, model, only } from '../support/memory';

const c = compileConventions(DEFAULT_CONVENTIONS);

describe('things that are not paths', () => {
  it('refuses action refs, routes, package specs, globs, placeholders, branches, machine paths and ids', () => {
    const notPaths = [
      'actions/checkout@v4',
      'lukaszraczylo/semver-generator@v1',
      '@scope/pkg@1.2.3',
      'left-pad@1.3.0',
      '/api/users',
      '**/*.ts',
      '*.log',
      'logs/YYYYMMDD_HHMMSS.log',
      'specs/NNN-feature-name/',
      'docs/initiatives/CONTEXTXXX.md',
      '{name}.md',
      '<feature>/spec.md',
      'feat/fcm-for-p2p-chat',
      '/Users/jberi/code/tap/Formula/x.rb',
      '~/.aishell/config.json',
      'C:\\work\\notes.md',
      'Node.js',
      '.spec.md',
      'application/pdf',
      '471c37fa_5e4390c2.pdf',
      'LablabBean.Plugins.Reporting.Html',
      'System.Text.Json',
    ];
    for (const v of notPaths) assert.equal(pathShape(v), null, v);
  });
  it('never reports a path in build output as broken', async () => {
    const findings = await check({ 'src/a.ts': '', 'notes/x_SUMMARY.md': '# S\n\nBuilt `dist/assets/index-7QaYOSKN.js` and `build/out.js`; see `src/b.ts`.\n' });
    assert.deepEqual(only(findings, 'broken-reference').map((f) => f.message.split(' does')[0]), ['The code path src/b.ts']);
  });
  it('never reports build output below the top folder as broken: a build configuration\'s folder, a nested dependency folder', async () => {
    const findings = await check({ 'src/a.ts': '', 'notes/x_SUMMARY.md': '# S\n\nLogged to `bin/Debug/net8.0/logs/app-20251028.log`, `web/node_modules/x/index.js` and `core/target/release/app.d`; see `bin/run.ts`.\n' });
    assert.deepEqual(only(findings, 'broken-reference').map((f) => f.message.split(' does')[0]), ['The code path bin/run.ts']);
  });
  it('never reports a test runner\'s report as broken: it exists only after a run', async () => {
    const findings = await check({ 'tests/E2E_TEST_SUMMARY.md': '# E2E\n\nOpen `test-results/index.html` or `playwright-report/index.html`, then `htmlcov/index.html`; see `tests/e2e.spec.ts`.\n' });
    assert.deepEqual(only(findings, 'broken-reference').map((f) => f.message.split(' does')[0]), ['The code path tests/e2e.spec.ts']);
  });
  it('reads a citation whose line ends "(to be created)" as a plan, not a broken reference', async () => {
    const findings = await check({ 'notes/PHASE2_SUMMARY.md': '# S\n\n- `phase2-setup.md` - Phase 2 summary (to be created)\n- `phase1-setup.md` - Phase 1 summary\n' });
    assert.deepEqual(only(findings, 'broken-reference').map((f) => f.range.start.line), [4]);
  });
  it('reads every file a checked garbage-collection task names as history', async () => {
    const findings = await check({ 'specs/001-x/tasks.md': '# Tasks\n\n- [x] **T005** GC `.spec-context.events.jsonl` at the completed transition\n- [x] **T006** Write `scripts/fold.py`\n' });
    assert.deepEqual(only(findings, 'task-done-file-missing').map((f) => f.range.start.line), [4]);
  });
  it('still reads real files of every common language', () => {
    for (const v of ['Sources/App/main.swift', 'src/Services/Api.cs', 'app/Main.kt', 'lib/x.ex', 'bin/kiro-worker.ts', '.env.example', 'Gemfile', 'LablabBean.Plugins.Reporting.Html.csproj', 'README.MD']) assert.equal(pathShape(v), 'file', v);
  });
  it('names the folder of a pattern a task wrote into', () => {
    assert.equal(patternFolder('dotnet/specs/015-x/contracts/I*.cs'), 'dotnet/specs/015-x/contracts');
    assert.equal(patternFolder('tests/github_templates/{a,b}_test.sh'), 'tests/github_templates');
    assert.equal(patternFolder('**/*.ts'), null);
  });
  it('does not read a path inside fenced output, nor a $HOME path in prose', () => {
    const m = model('notes.md', '# N\n\nRun with $HOME/.claude/tools/summary.md here.\n\n```\nerror in src/missing/file.py line 3\n```\n');
    assert.deepEqual(m.references.map((r) => r.target), []);
  });
});

describe('resolution as a person would', () => {
  const index = new FileIndex([
    'src/app/llm/base.py',
    'backend/package.json',
    'backend/src/utils/x.ts',
    'dotnet/framework/LablabBean.Contracts.Analytics/Services/IService.cs',
    'dotnet/plugins/A/Services/IService.cs',
    'a/mod.rs',
    'b/mod.rs',
    'Sources/Core/ServerCoordinator.swift',
    'requirements.txt',
  ]);
  const resolve = (target: string, near: string[] = []) => resolveReference({ target, shape: 'file', near }, 'docs/notes.md', null, index, c);
  it('finds a path by the unique end of a path in the index', () => {
    assert.equal(resolve('llm/base.py').resolved, 'src/app/llm/base.py');
  });
  it('finds a path written from its package root', () => {
    assert.equal(resolve('src/utils/x.ts').resolved, 'backend/src/utils/x.ts');
  });
  it('looks a name up in the folder named beside it', () => {
    assert.equal(resolve('Services/IService.cs', ['LablabBean.Contracts.Analytics']).resolved, 'dotnet/framework/LablabBean.Contracts.Analytics/Services/IService.cs');
  });
  it('calls several fits ambiguous, not broken, and lists them', () => {
    const r = resolve('mod.rs');
    assert.equal(r.resolved, null);
    assert.equal(isMissing(r), false);
    assert.deepEqual(r.resolved === null ? r.candidates : [], ['a/mod.rs', 'b/mod.rs']);
  });
  it('says where a file of the same distinctive name is, but not for a generic name', () => {
    const moved = resolve('Sources/Core/Network/ServerCoordinator.swift');
    assert.equal(moved.resolved === null ? moved.relocated : 'resolved', 'Sources/Core/ServerCoordinator.swift');
    const generic = resolve('infrastructure/validation/requirements.txt');
    assert.equal(generic.resolved === null ? generic.relocated : 'resolved', null);
  });
});

describe('plans and history are not broken references; done tasks naming missing files are', async () => {
  const files = {
    'src/real.ts': '',
    'src/api/exporters/export.ts': '',
    'specs/001-x/tasks.md': [
      '# Tasks',
      '',
      '## Phase 1: Setup',
      '- [x] T001 Create the exporter in `src/api/export.ts`',
      '- [x] T002 Write `src/real.ts`',
      '- [ ] T003 Create `src/planned.ts`',
      '- [x] T004 Remove obsolete files',
      '  - Files: src/old/a.ts, src/old/b.ts',
      '- [x] T005 Add contracts in specs/001-x/contracts/I*.cs',
      '- [x] T006 Update `src/prompts.ts`',
      '  - Deleted `src/prompts.ts`; the loader is used directly',
      '- [x] T007 更新 `src/steering.ts`',
      '  - 删除了 `src/steering.ts`，直接使用 PromptLoader',
      '',
    ].join('\n'),
    'docs/guide.md': [
      '# Guide',
      '',
      'The loader lives in `src/missing.ts`.',
      'We removed `src/gone.ts` last week.',
      '`src/legacy.ts` → `src/real.ts`',
      'There is no `src/none.ts` yet.',
      'For example `src/sample.ts`.',
      '~~`src/struck.ts`~~',
      'A `src/new.ts` (NEW) module.',
      'Elsewhere: `backend/handlers/admin.py`.',
      '',
      '## Files to Create',
      '- `src/future.ts`',
      '',
      '## Deleted',
      '- `src/deleted.ts`',
      '',
    ].join('\n'),
  };
  const findings = await check(files);
  it('reports only the record that resolves nowhere (history, plans, examples, negations and foreign paths are quiet)', () => {
    assert.deepEqual(only(findings, 'broken-reference').map((f) => `${f.file}:${f.range.start.line}`), ['docs/guide.md:3']);
  });
  it('reports checked tasks that name missing files, with the file found elsewhere', () => {
    const done = only(findings, 'task-done-file-missing');
    assert.deepEqual(done.map((f) => f.range.start.line), [4, 9]);
    assert.match(done[0]?.message ?? '', /^Task T001 is checked, but src\/api\/export\.ts, which it names, does not exist; src\/api\/exporters\/export\.ts does\.$/);
    assert.match(done[1]?.message ?? '', /the folder specs\/001-x\/contracts\//);
  });
});

describe('archives, templates and historical folders', async () => {
  const findings = await check({
    'src/real.ts': '',
    'docs/archive/old.md': '# Old\n\nSee `src/missing.ts`.\n',
    'templates/t.md': '# T\n\nSee `src/missing.ts`.\n',
    'specs/README.md': '# Historical planning records — not current documentation\n',
    'specs/x/notes.md': '# Notes\n\nSee `src/missing.ts`.\n',
    'docs/superseded.md': '> [!NOTE] **Superseded.** Kept for the record.\n\nSee `src/missing.ts`.\n',
    'docs/live.md': '# Live\n\nSee `src/missing.ts`.\n',
  });
  it('checks the references of live documents only', () => {
    assert.deepEqual(only(findings, 'broken-reference').map((f) => f.file), ['docs/live.md']);
  });
  it('checks them all with checkArchives', async () => {
    const all = await check({
      '.proofmark.json': '{ "checkArchives": true }',
      'src/real.ts': '',
      'docs/archive/old.md': '# Old\n\nSee `src/missing.ts`.\n',
    });
    assert.deepEqual(only(all, 'broken-reference').map((f) => f.file), ['docs/archive/old.md']);
  });
});

describe('a citation a reader takes as a claim that the file exists', async () => {
  const findings = await check({
    'src/real.ts': '',
    'docs/delivery_SUMMARY.md': [
      '# Delivery summary', //1
      '',
      '## Files Modified',
      '- `src/gone_a.ts` - rewritten for the new client', //4 the line's subject
      '- **Implementation**: `src/gone_b.ts`, `src/gone_c.ts`', //5 after a label, and the next in its list
      '- Tests in `src/gone_d.ts`', //6 where the tests are
      'The service unblocks the mobile `src/gone_e.ts` rollout.', //7 in passing
      'Pattern matches the vendor\'s own suite in `src/gone_f.ts`.', //8 someone else's file
      '- ❌ `src/gone_g.ts` - not yet written', //9 marked not there
      '- Path: `./.toolcache/config.json`', //10 a tool's folder the repository does not have
      '- `docs/extra.md` - background (if exists)', //11 hedged by the document
      '- React/Next.js application loading correctly', //12 a framework, not a path
      '- `shot-closeup.png` - UI detail', //13 a bare artefact
      '',
    ].join('\n'),
    'docs/design.md': '# Design\n\nThe exporter goes in `src/planned.ts`.\n\n## References\n\n- `src/cited.ts`\n',
    'docs/old_handover.md': '**⚠️ NOTE: This document is outdated. See the latest handover.**\n\n- `src/stale.ts`\n',
    'docs/moves.md': '# Moves\n\n### Component docs → othertool/components\n\n| File | About |\n|---|---|\n| `01_DIALECT.md` | the dialect |\n',
  });
  const broken = only(findings, 'broken-reference');
  const at = (severity: (s: string) => boolean): string[] => broken.filter((f) => severity(f.severity)).map((f) => `${f.file}:${f.range.start.line}`);
  it('reports a file presented as this repository\'s: the subject of a line, after a label, where work was done', () => {
    assert.deepEqual(at((s) => s !== 'hint'), ['docs/delivery_SUMMARY.md:4', 'docs/delivery_SUMMARY.md:5', 'docs/delivery_SUMMARY.md:5', 'docs/delivery_SUMMARY.md:6', 'docs/design.md:7']);
  });
  it('keeps a name mentioned in passing, someone else\'s file, a tool\'s folder and a bare artefact as hints', () => {
    assert.deepEqual(at((s) => s === 'hint'), ['docs/delivery_SUMMARY.md:7', 'docs/delivery_SUMMARY.md:8', 'docs/delivery_SUMMARY.md:10', 'docs/delivery_SUMMARY.md:13']);
  });
  it('says nothing of a file marked not there or hedged, a framework name, a design\'s plan, an outdated document, moved files', () => {
    const lines = broken.map((f) => `${f.file}:${f.range.start.line}`);
    for (const quiet of ['docs/delivery_SUMMARY.md:9', 'docs/delivery_SUMMARY.md:11', 'docs/delivery_SUMMARY.md:12', 'docs/design.md:3', 'docs/old_handover.md:3', 'docs/moves.md:7']) assert.ok(!lines.includes(quiet), quiet);
  });
});

describe('one missing file, one finding; a checked task that did its work', async () => {
  const findings = await check({
    'mcp/src/server.ts': '',
    'src/real.ts': '',
    'specs/001-x/tasks.md': [
      '# Tasks',
      '',
      '- [x] T001 Fix the viewer in `src/viewer/html/nav.ts`', //3
      '  - **Do**: in `html/nav.ts` line 40, guard the step', //4 the same file, written from a deeper folder
      '- [x] T002 Write server.js with the protocol interface', //5 the TypeScript project has server.ts
      '- [x] T003 Validate the release artifact layout: `plugins/ui/plugin.json` present', //6 inside the artifact
      '',
    ].join('\n'),
    'docs/run_REPORT.md': [
      '# Run report',
      '',
      '### ✅ Script integration', //3
      '- **Status:** PASSED', //4 the same claim, on the same evidence
      '- **Script**: `scripts/start-dev.sh`', //5
      '',
    ].join('\n'),
  });
  it('reports a file named twice in one task once, and names the other dialect\'s file', () => {
    const done = only(findings, 'task-done-file-missing');
    assert.deepEqual(done.map((f) => f.range.start.line), [3, 5]);
    assert.match(done[1]?.message ?? '', /server\.js, which it names, does not exist; mcp\/src\/server\.ts does\.$/);
  });
  it('reports a heading\'s claim and the status field under it, resting on the same missing file, once', () => {
    const broken = only(findings, 'claim-evidence-broken');
    assert.equal(broken.length, 1);
    assert.deepEqual(broken[0]?.related.map((r) => r.range.start.line), [4]);
  });
});

describe('a task that removed a file, and "a or b" written with a slash', async () => {
  const findings = await check({
    'specs/001-x/spec.md': '',
    'specs/001-x/plan.md': '',
    'specs/001-x/tasks.md': [
      '# Tasks',
      '',
      '- [x] 6.1 移除旧的常量', //3 a removal, in Chinese
      '  - 清理 `src/oldPrompts.ts` 中的常量（文件已删除）', //4
      '- [x] T003 Record the baseline in spec.md/plan.md', //5 the spec or the plan
      '- [x] T004 Write `src/missing.ts`', //6
      '',
    ].join('\n'),
  });
  it('reports only the file a checked task made and is not there', () => {
    assert.deepEqual(only(findings, 'task-done-file-missing').map((f) => f.range.start.line), [6]);
    assert.equal(pathShape('spec.md/plan.md'), null);
    assert.equal(pathShape('LablabBean.Contracts.AI/Agent.cs'), 'file');
  });
});

describe('one missing file, one finding, within a document', () => {
  it('reports a missing file cited three times once, at its first citation not in passing, the others related', async () => {
    const report = ['# Deployment Report', '', '**Status**: ✅ COMPLETE', '', 'The validator `src/deploy/validator.py` checks each stage.', '', 'Run `src/deploy/validator.py` before release.', '', '- `src/deploy/validator.py`', ''].join('\n');
    const findings = only(await check({ 'docs/DEPLOYMENT_REPORT.md': report, 'src/deploy/run.py': '' }), 'broken-reference');
    // Lines 5 and 7 name it in passing, in a sentence; the list item at line 9 cites it.
    assert.deepEqual(findings.map((f) => `${f.range.start.line} ${f.severity}`), ['9 info']);
    assert.match(findings[0]?.message ?? '', /Also cited at lines 5, 7\.$/);
    assert.deepEqual(findings[0]?.related.map((r) => r.range.start.line), [5, 7]);
  });

  it('reports a prerequisite missing for three phases once, the later phases related', async () => {
    const phase = (n: number, done: boolean): string => `## Phase ${n}: Step ${n}\n\n### Prerequisites\n- \`CONTEXT.md\`\n\n### Progress Checklist\n- [${done ? 'x' : ' '}] Work ${n}\n`;
    const todo = `# TODO007: Steps\n\n${phase(1, true)}\n${phase(2, true)}\n${phase(3, true)}`;
    const findings = only(await check({ 'work/007/TODO007.md': todo }), 'prerequisite-missing');
    assert.equal(findings.length, 1);
    assert.match(findings[0]?.message ?? '', /^Phase 1 prerequisite CONTEXT\.md does not exist.*; Phase 2 needs it too; Phase 3 needs it too\.$/);
    assert.deepEqual(findings[0]?.related.filter((r) => r.message.endsWith('prerequisite too')).length, 2);
  });

  it("reports a prerequisite at a stale path, whose file is in the TODO's own initiative, as a warning with a fix", async () => {
    const todo = '# TODO002: Buffers\n\n## Phase 1: Tables\n\n### Prerequisites\n- `@work/PRD002.md`\n\n### Progress Checklist\n- [x] Tables\n';
    const files = { 'work/002/TODO002.md': todo, 'work/002/PRD002.md': '# PRD002\n', 'other/002/PRD002.md': '# PRD002 of another project\n' };
    const findings = only(await check(files), 'prerequisite-missing');
    assert.deepEqual(findings.map((f) => `${f.range.start.line} ${f.severity}`), ['6 warning']);
    assert.match(findings[0]?.message ?? '', /^Phase 1 prerequisite work\/PRD002\.md is not at that path, but work\/002\/PRD002\.md has its name: the path is stale\.$/);
    assert.deepEqual(findings[0]?.data?.relocated, { from: 'work/PRD002.md', to: 'work/002/PRD002.md', within: 'in this initiative' });
  });

  it("reports an initiative's folder cited by its id, whose documents sit one level up, as a stale path", async () => {
    const todo = '# TODO004: Deploy\n\n## Phase 1: Cloud\n\n### Prerequisites\n- `work/integration/001/` (completed integration)\n- `work/testing/002/`\n\n### Progress Checklist\n- [x] Cloud\n';
    const files = { 'work/deploy/TODO004.md': todo, 'work/integration/TODO001.md': '# TODO001\n', 'work/testing/notes.md': '# Notes\n' };
    const findings = only(await check(files), 'prerequisite-missing');
    // integration/ holds TODO001.md itself; testing/ holds no initiative 002, so that one is missing.
    assert.deepEqual(findings.map((f) => `${f.range.start.line} ${f.severity}`), ['6 warning', '7 error']);
    assert.match(findings[0]?.message ?? '', /work\/integration\/001 is not at that path, but initiative 001's documents are in work\/integration: the path is stale\.$/);
    assert.equal(findings[0]?.data?.relocated, undefined);
  });
});
