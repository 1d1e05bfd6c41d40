import assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { compileConventions } from '../../server/src/core/config/compiled';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { checkInBatches, checkWorkspace, inProcessAnalyzer, loadProject, type DocumentAnalyzer } from '../../server/src/core/engine';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { planBatches } from '../../server/src/core/project/batches';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';
import { WorkerPool } from '../../server/src/node/workerPool';
import { buildCli, REPO } from '../support/cliHarness';
import { corpusAvailable, corpusSkeleton, SKIP_REASON } from '../support/corpus';

const conventions = compileConventions(DEFAULT_CONFIG.conventions);

const TODO = (id: string): string => `# TODO${id}: Work\n\n## Phase 1: Setup ✅ COMPLETED\n\n### Progress Checklist\n\n- [x] one\n- [ ] two\n`;
const NOTES = '# Phase 1 notes\n\n**Status**: ✅ COMPLETED\n\nAll tests pass.\n';

/** An analyzer that records the batches it was asked for. */
function recording(workspace: MemoryWorkspace, calls: string[][]): DocumentAnalyzer {
  const inner = inProcessAnalyzer(workspace);
  return {
    analyze(paths, config) {
      calls.push([...paths]);
      return inner.analyze(paths, config);
    },
  };
}

describe('checking in batches', () => {
  it('never splits an initiative, and plans every path exactly once', () => {
    const paths = ['a/TODO001.md', 'a/PRD001.md', 'a/TODO001_phase1_notes.md', 'b/TODO002.md', 'b/TODO002_phase1_notes.md', 'notes/one.md', 'notes/two.md', 'README.md'];
    const batches = planBatches(paths, conventions, 2);
    assert.deepEqual([...batches.flat()].sort(), [...paths].sort());
    const batchOf = (p: string): number => batches.findIndex((b) => b.includes(p));
    assert.equal(batchOf('a/TODO001.md'), batchOf('a/TODO001_phase1_notes.md'));
    assert.equal(batchOf('a/TODO001.md'), batchOf('a/PRD001.md'));
    assert.equal(batchOf('b/TODO002.md'), batchOf('b/TODO002_phase1_notes.md'));
    assert.ok(batches.every((b) => b.length <= 3), 'an initiative of 3 is the only batch over the limit of 2');
    assert.equal(batches.find((b) => b.includes('a/TODO001.md'))?.length, 3);
  });

  it('finds exactly what a whole check finds, on the example, whatever the batch size', async () => {
    const workspace = new NodeWorkspace(path.join(REPO, 'examples/orbit'));
    const whole = await checkWorkspace({ workspace });
    assert.ok(whole.findings.length > 10);
    for (const batchFiles of [1, 2, 5, 1000]) {
      const batched = await checkInBatches({ workspace, batchFiles });
      assert.deepEqual(batched.findings, whole.findings, `batches of ${batchFiles}`);
      assert.equal(batched.analysed.length, whole.files);
    }
  });

  it('asks for whole initiatives batch by batch and reports a broken configuration once', async () => {
    const files = { '.proofmark.json': '{ "evidenceWindow": "wide" }', 'a/TODO001.md': TODO('001'), 'a/TODO001_phase1_notes.md': NOTES, 'b/TODO002.md': TODO('002'), 'c/TODO003.md': TODO('003') };
    const workspace = new MemoryWorkspace(files);
    const calls: string[][] = [];
    const batched = await checkInBatches({ workspace, analyzer: recording(workspace, calls), batchFiles: 1 });
    assert.deepEqual(calls, [['a/TODO001.md', 'a/TODO001_phase1_notes.md'], ['b/TODO002.md'], ['c/TODO003.md']]);
    assert.equal(batched.findings.filter((f) => f.code === 'config-invalid').length, 1);
    assert.deepEqual(batched.findings, (await checkWorkspace({ workspace })).findings);
  });

  it('reads a folder README of another batch as context, so a folder it marks historical is honoured, and reports its findings once', async () => {
    const files = {
      'specs/README.md': '# Historical planning records — not current documentation\n\nSee [the plan](missing-plan.md).\n',
      'specs/a/requirements.md': '# R\n\n### Requirement 1\n\n#### Acceptance Criteria\n\n1. WHEN x THEN y\n2. WHEN z THEN w\n',
      'specs/a/tasks.md': '- [x] 1. Do\n  - _Requirements: 1.1_\n- [x] 2. Build `src/gone.ts`\n',
    };
    const workspace = new MemoryWorkspace(files);
    const whole = (await checkWorkspace({ workspace })).findings;
    assert.ok(whole.some((f) => f.code === 'task-done-file-missing' && f.severity === 'hint'));
    assert.deepEqual((await checkInBatches({ workspace, batchFiles: 1 })).findings, whole);
  });

  it('keeps a TODO that cannot be analysed as the anchor of its initiative', async () => {
    const binary = new Uint8Array([0x23, 0x20, 0x00, 0x01, 0x02, 0xff]);
    const workspace = new MemoryWorkspace({ 'TODO.md': TODO(''), 'sub/TODO002.md': binary, 'sub/TODO002_phase1_notes.md': NOTES });
    const project = await loadProject({ workspace });
    assert.ok(project.skippedFiles.has('sub/TODO002.md'));
    assert.equal(project.initiatives().byDocument.get('sub/TODO002_phase1_notes.md'), 'sub#002');
    assert.deepEqual((await checkInBatches({ workspace, batchFiles: 1 })).findings, project.findings());
  });

  describe('on the real corpus', { skip: corpusAvailable() ? false : SKIP_REASON, timeout: 300_000 }, () => {
    let worker = '';
    before(async () => {
      worker = path.join(await buildCli(), 'worker.js');
    });

    it('finds exactly what a whole check finds, its workers checking batches of 64 files', async () => {
      const root = corpusSkeleton();
      const pool = new WorkerPool(root, { workerScript: worker });
      try {
        const whole = await checkWorkspace({ workspace: new NodeWorkspace(root), analyzer: pool });
        const batched = await checkInBatches({ workspace: new NodeWorkspace(root), analyzer: pool, checker: pool, batchFiles: 64 });
        assert.ok(whole.findings.length > 1000);
        assert.equal(batched.findings.length, whole.findings.length);
        assert.deepEqual(batched.findings, whole.findings);
      } finally {
        await pool.dispose();
      }
    });
  });
});
