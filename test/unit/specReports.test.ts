import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkInBatches, checkSelection, checkWorkspace } from '../../server/src/core/engine';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { check, model, only } from '../support/memory';

/** A spec-kit folder of two phases, one story each: its spec.md and tasks.md, every box open unless ticked. */
function specFolder(folder: string, title: string, phases: readonly (readonly [string, readonly (readonly [string, string])[]])[], ticked: readonly string[]): Record<string, string> {
  const box = ([id, text]: readonly [string, string]): string => `- [${ticked.includes(id) ? 'x' : ' '}] ${id} ${text}`;
  const stories = phases.map(([heading]) => `### ${heading.replace(/^Phase \d+: /, '')}`).join('\n\n');
  return {
    [`specs/${folder}/spec.md`]: `# Feature Specification: ${title}\n\n**Status**: Draft\n\n${stories}\n`,
    [`specs/${folder}/tasks.md`]: [`# Tasks: ${title}`, '', ...phases.flatMap(([heading, tasks]) => [`## ${heading}`, '', ...tasks.map(box), '']), ''].join('\n'),
  };
}

/** A spec-kit folder: two stories, each its own phase, every box open unless ticked. */
function speckit(ticked: readonly string[] = []): Record<string, string> {
  return specFolder(
    '004-export-queue',
    'Export Queue',
    [
      ['Phase 1: User Story 1 - Queue exports (Priority: P1)', [['T001', 'Create src/queue/queue.ts'], ['T002', 'Create src/queue/worker.ts'], ['T003', 'Create tests/queue.test.ts']]],
      ['Phase 2: User Story 2 - Retry failed exports (Priority: P2)', [['T004', 'Create src/queue/retry.ts'], ['T005', 'Add backoff to src/queue/worker.ts']]],
    ],
    ticked,
  );
}

describe('a report elsewhere saying a spec is done while its boxes are open', () => {
  it('reads the spec named by its branch in the opening: the whole spec done with no task checked', async () => {
    const report = '# Export Queue - Complete\n\n**Status**: ✅ FULLY IMPLEMENTED\n**Branch**: `004-export-queue`\n\nEverything shipped.\n';
    const findings = only(await check({ ...speckit(), 'docs/archive/EXPORT_QUEUE_COMPLETE.md': report }), 'status-conflict').filter((f) => f.file.startsWith('docs/'));
    assert.deepEqual(findings.map((f) => `${f.file}:${f.range.start.line}`), ['docs/archive/EXPORT_QUEUE_COMPLETE.md:3']);
    assert.match(findings[0]?.message ?? '', /says the work is done \(✅ FULLY IMPLEMENTED\), but none of the 5 tasks of specs\/004-export-queue\/tasks\.md is checked/);
    assert.deepEqual(findings[0]?.related.map((r) => `${r.file}:${r.range.start.line}`), ['specs/004-export-queue/tasks.md:5', 'docs/archive/EXPORT_QUEUE_COMPLETE.md:4']);
    const started = only(await check({ ...speckit(['T001']), 'docs/archive/EXPORT_QUEUE_COMPLETE.md': report }), 'status-conflict').filter((f) => f.file.startsWith('docs/'));
    assert.deepEqual(started, [], 'with work checked, the whole spec is not said done against nothing');
  });

  it('reads a story said done against the phase of that story, the report tied by a path into the spec folder', async () => {
    const report = [
      '# Session Summary',
      '',
      '### ✅ User Story 1: Queue exports - COMPLETE',
      '',
      '### ✅ User Story 2: Retry failed exports - COMPLETE',
      '',
      'Tasks: `specs/004-export-queue/tasks.md`',
      '',
    ].join('\n');
    const findings = only(await check({ ...speckit(['T001', 'T002', 'T003']), 'docs/SESSION_SUMMARY.md': report }), 'status-conflict').filter((f) => f.file.startsWith('docs/'));
    assert.deepEqual(findings.map((f) => `${f.file}:${f.range.start.line}`), ['docs/SESSION_SUMMARY.md:5']);
    assert.match(findings[0]?.message ?? '', /Phase 2 \(User Story 2 - Retry failed exports.*\) of 004-export-queue is done .*has all 2 tasks open/);
  });

  it('reads "Phase N (title) of the <spec name> has been completed" against that phase, the spec named in words', async () => {
    const tasks = ['# Implementation Plan', '', '## Phase 1: Pipeline Stages', '', '- [x] 1. Build stage', '- [x] 2. Test stage', '', '## Phase 2: Final Validation', '', '- [x] 3. Write the runbook', '- [ ] 4. Deploy to staging', '- [ ] 5. Run the rollback drill', ''].join('\n');
    const report = '# Phase 2 Completion Summary\n\nPhase 2 (Final Validation) of the Release Pipeline implementation has been completed.\n';
    const files = { '.kiro/specs/release-pipeline/requirements.md': '# Requirements\n', '.kiro/specs/release-pipeline/tasks.md': tasks, 'docs/PHASE2_COMPLETION_SUMMARY.md': report };
    const findings = only(await check(files), 'status-conflict').filter((f) => f.file.startsWith('docs/'));
    assert.deepEqual(findings.map((f) => `${f.file}:${f.range.start.line}`), ['docs/PHASE2_COMPLETION_SUMMARY.md:3']);
    assert.match(findings[0]?.message ?? '', /Phase 2 \(Final Validation\) of release-pipeline is done \("has been completed"\), but that phase .* has 2 of its 3 tasks open/);
    const other = { ...files, 'docs/PHASE2_COMPLETION_SUMMARY.md': report.replace('Final Validation', 'Performance Tuning') };
    assert.deepEqual(only(await check(other), 'status-conflict').filter((f) => f.file.startsWith('docs/')), [], 'a phase named by number alone belongs to whichever plan the report means');
  });

  it('ties a report that names no spec to the one whose tasks make three of the files it cites', async () => {
    const report = (files: readonly string[]): string => `# Queue Work - Done\n\n**Status**: ✅ COMPLETED\n\n${files.map((f) => `- \`${f}\``).join('\n')}\n`;
    const code = { 'src/queue/queue.ts': '', 'src/queue/worker.ts': '', 'tests/queue.test.ts': '' };
    const three = only(await check({ ...speckit(), ...code, 'docs/QUEUE_COMPLETE.md': report(Object.keys(code)) }), 'status-conflict').filter((f) => f.file.startsWith('docs/'));
    assert.deepEqual(three.map((f) => `${f.file}:${f.range.start.line}`), ['docs/QUEUE_COMPLETE.md:3']);
    assert.match(three[0]?.message ?? '', /cites files that 3 tasks of specs\/004-export-queue\/tasks\.md make \(T001, T002, T003\), and none of those tasks is checked/);
    const two = only(await check({ ...speckit(), ...code, 'docs/QUEUE_COMPLETE.md': report(Object.keys(code).slice(0, 2)) }), 'status-conflict').filter((f) => f.file.startsWith('docs/'));
    assert.deepEqual(two, [], 'two shared files do not tie a report to a spec');
  });

  it('gives the same findings for the report alone, in batches of one file, and for the whole workspace', async () => {
    const report = '# Export Queue - Complete\n\n**Status**: ✅ FULLY IMPLEMENTED\n**Branch**: `004-export-queue`\n';
    const workspace = new MemoryWorkspace({ ...speckit(), 'docs/archive/EXPORT_QUEUE_COMPLETE.md': report, 'docs/other.md': '# Other\n' });
    const whole = (await checkWorkspace({ workspace })).findings;
    assert.ok(whole.some((f) => f.file === 'docs/archive/EXPORT_QUEUE_COMPLETE.md' && f.code === 'status-conflict'));
    assert.deepEqual((await checkInBatches({ workspace, batchFiles: 1 })).findings, whole);
    const alone = await checkSelection({ workspace, selected: (p) => p === 'docs/archive/EXPORT_QUEUE_COMPLETE.md' });
    assert.deepEqual(
      alone.findings.filter((f) => f.file === 'docs/archive/EXPORT_QUEUE_COMPLETE.md'),
      whole.filter((f) => f.file === 'docs/archive/EXPORT_QUEUE_COMPLETE.md'),
    );
  });
});

describe('a task list whose earlier phases are wholly open under later phases marked done', () => {
  const tasks = (phase0: string): string =>
    ['# Tasks: Generator', '', '## Phase 0: Setup', '', phase0, '- [ ] T002 Add packages', '', '## Phase 1: Core', '', '- [ ] T003 Create Generator.cs', '- [ ] T004 Emit methods', '', '## Phase 2: Properties ✅ COMPLETE', '', '- [x] T005 Emit properties', '- [x] T006 Emit events', '', '## Phase 3: Polish ✅ COMPLETE', '', '- [x] T007 Docs', ''].join('\n');
  it('is one status-conflict at the first open phase, the others related', () => {
    const findings = model('specs/009-gen/tasks.md', tasks('- [ ] T001 Create project')).localFindings.filter((f) => f.code === 'status-conflict');
    assert.deepEqual(findings.map((f) => f.range.start.line), [3]);
    assert.match(findings[0]?.message ?? '', /^Phase 0 and Phase 1 have all 4 tasks open, while every later phase \(Phase 2 to 3\) is marked ✅ COMPLETE/);
    assert.deepEqual(findings[0]?.related.map((r) => r.line), [8, 13, 18]);
  });
  it('says nothing once work of the earlier phases is checked', () => {
    assert.deepEqual(model('specs/009-gen/tasks.md', tasks('- [x] T001 Create project')).localFindings.filter((f) => f.code === 'status-conflict'), []);
  });
});

describe('a plan that moves files', () => {
  it('makes the destination of each move: an open plan whose moved files stand at their new place is output-exists-unchecked', async () => {
    const plan = ['# Cleanup Plan', '', '### Task 1: Move the scraper', '', '**Files:**', '- Move: `tools/scrape/fetch.py` → `app/commands/scrape/fetch.py`', '- Move: `tools/scrape/parse.py` → `app/commands/scrape/parse.py`', '', '- [ ] **Step 1: Move the files**', '- [ ] **Step 2: Run the tests**', '- [ ] **Step 3: Commit**', ''].join('\n');
    const findings = only(await check({ 'docs/plans/cleanup.md': plan, 'app/commands/scrape/fetch.py': '', 'app/commands/scrape/parse.py': '' }), 'output-exists-unchecked');
    assert.deepEqual(findings.map((f) => f.range.start.line), [9]);
    assert.match(findings[0]?.message ?? '', /the 2 files it makes exist \(app\/commands\/scrape\/fetch\.py, app\/commands\/scrape\/parse\.py\)/);
    assert.equal(model('docs/plans/cleanup.md', plan).references.find((r) => r.target === 'tools/scrape/fetch.py')?.creates, false, 'the source of a move is not made');
  });
});

/** A spec-kit folder whose tasks make type-named files (`QueueWorker.cs`), every box open unless ticked. */
function typed(ticked: readonly string[] = []): Record<string, string> {
  return specFolder(
    '007-media-queue',
    'Media Queue',
    [
      [
        'Phase 1: User Story 1 - Play queued media (Priority: P1)',
        [
          ['T001', 'Create QueueWorker.cs in src/Media/ (decode loop)'],
          ['T002', 'Create FramePublisher.cs in src/Media/ (publish decoded frames)'],
          ['T003', 'Create TerminalRenderer.cs in src/Render/ (braille output)'],
        ],
      ],
      ['Phase 2: User Story 2 - Shuffle the queue (Priority: P2)', [['T004', 'Add shuffle ordering to the playlist engine'], ['T005', 'Add repeat modes to the playlist engine']]],
    ],
    ticked,
  );
}

const reportFindings = (findings: readonly { file: string; code: string }[]): string[] =>
  findings.filter((f) => f.code === 'status-conflict' && f.file.startsWith('docs/')).map((f) => f.file);

describe('a report tied to a spec by what it names', () => {
  it('ties by three distinctive file names written without extension, not by short or plain ones', async () => {
    const report = (names: readonly string[]): string => `# Player Sessions - Complete\n\n**Status**: ✅ ALL TASKS COMPLETE\n\n${names.map((n) => `- ✅ ${n}`).join('\n')}\n`;
    const named = await check({ ...typed(), 'docs/PLAYER_COMPLETE.md': report(['QueueWorker (decoder)', 'FramePublisher', 'TerminalRenderer']) });
    const finding = only(named, 'status-conflict').find((f) => f.file === 'docs/PLAYER_COMPLETE.md');
    assert.match(finding?.message ?? '', /cites files that 3 tasks of specs\/007-media-queue\/tasks\.md make \(T001, T002, T003\), and none of those tasks is checked/);
    assert.deepEqual(reportFindings(await check({ ...typed(), 'docs/PLAYER_COMPLETE.md': report(['QueueWorker', 'FramePublisher']) })), [], 'two names do not tie');
    assert.deepEqual(reportFindings(await check({ ...typed(['T001']), 'docs/PLAYER_COMPLETE.md': report(['QueueWorker', 'FramePublisher', 'TerminalRenderer']) })), [], 'with one of that work checked, no conflict');
  });

  it('ties by task ids cited with their own descriptions, and reports the tasks a heading names rather than their phase', async () => {
    const report = [
      '# Session Report',
      '',
      '**Status**: In Progress',
      '',
      '## Shuffle work (T004-T005) ✅ COMPLETE',
      '',
      '- [x] **T004**: shuffle ordering for the playlist engine',
      '- [x] **T005**: repeat modes for the playlist engine',
      '',
    ].join('\n');
    const findings = only(await check({ ...typed(), 'docs/SESSION_REPORT.md': report }), 'status-conflict').filter((f) => f.file.startsWith('docs/'));
    assert.deepEqual(findings.map((f) => `${f.file}:${f.range.start.line}`), ['docs/SESSION_REPORT.md:5']);
    assert.match(findings[0]?.message ?? '', /says T004, T005 of 007-media-queue are done \("✅ COMPLETE"\), but in specs\/007-media-queue\/tasks\.md both are open/);
    const otherList = report.replace('shuffle ordering for the playlist engine', 'database migration scripts').replace('repeat modes for the playlist engine', 'login page styling');
    assert.deepEqual(reportFindings(await check({ ...typed(), 'docs/SESSION_REPORT.md': otherList })), [], 'ids whose descriptions are another list’s tie nothing');
  });

  it('does not read a ✅ on a heading over a blank checklist as a claim', async () => {
    const plan = ['# Session Plan', '', '**Status**: Starting', '', '## Shuffle work (T004-T005) - PARALLEL ✅', '', '- [ ] **T004**: shuffle ordering for the playlist engine', '- [ ] **T005**: repeat modes for the playlist engine', ''].join('\n');
    assert.deepEqual(reportFindings(await check({ ...typed(), 'docs/SESSION_PLAN.md': plan })), []);
  });
});

describe('one fact, one finding', () => {
  const said = (title: string): string => `# ${title}\n\n**Status**: ✅ COMPLETE\n\n## ✅ User Story 2: Shuffle the queue - COMPLETE\n\nTasks: \`specs/007-media-queue/tasks.md\`\n`;
  const reports = { 'docs/a/US2_COMPLETE.md': said('Shuffle Complete'), 'docs/b/US2_SUMMARY.md': said('Shuffle Summary'), 'docs/c/US2_STATUS.md': said('Shuffle Status') };

  it('reports a phase said done by three reports once, on the first, with the others related, in batches as in one piece', async () => {
    const workspace = new MemoryWorkspace({ ...typed(['T001', 'T002', 'T003']), ...reports });
    const whole = (await checkWorkspace({ workspace })).findings;
    const findings = only(whole, 'status-conflict').filter((f) => f.file.startsWith('docs/'));
    assert.deepEqual(findings.map((f) => f.file), ['docs/a/US2_COMPLETE.md']);
    assert.match(findings[0]?.message ?? '', /Also stated in 2 other documents \(related locations\)\./);
    assert.deepEqual(findings[0]?.related.filter((r) => r.message === 'Also said here').map((r) => r.file), ['docs/b/US2_SUMMARY.md', 'docs/c/US2_STATUS.md']);
    assert.deepEqual((await checkInBatches({ workspace, batchFiles: 1 })).findings, whole);
  });

  it('reports a byte-identical copy’s findings once, on the first copy, and keeps what only the copy gets wrong', async () => {
    const text = '# Notes\n\nSee [setup](./setup.md) and [the plan](./PLAN.md).\n\nLine five.\n';
    const workspace = new MemoryWorkspace({ 'docs/a/NOTES.md': text, 'docs/b/NOTES.md': text, 'docs/a/setup.md': '# Setup\n' });
    const whole = (await checkWorkspace({ workspace })).findings;
    const broken = only(whole, 'broken-reference').map((f) => `${f.file}: ${f.message.slice(0, f.message.indexOf(' does not'))}`);
    assert.deepEqual(broken, ['docs/a/NOTES.md: The document ./PLAN.md', 'docs/b/NOTES.md: The document ./setup.md'], 'the plan missing beside both copies is one finding; setup.md is missing beside the second copy only');
    const plan = only(whole, 'broken-reference').find((f) => f.file === 'docs/a/NOTES.md');
    assert.deepEqual(plan?.related.map((r) => `${r.file}:${r.range.start.line}`), ['docs/b/NOTES.md:3']);
    assert.deepEqual((await checkInBatches({ workspace, batchFiles: 1 })).findings, whole);
  });
});
