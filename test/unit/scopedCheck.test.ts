import assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { compileConventions } from '../../server/src/core/config/compiled';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { checkSelection, loadProject, loadScope, type DocumentAnalyzer } from '../../server/src/core/engine';
import { REPEATED_HERE } from '../../server/src/core/findings/copies';
import type { Finding } from '../../server/src/core/findings/finding';
import { initiativeOfTodo, planHandoff } from '../../server/src/core/handoff/plan';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import type { Project } from '../../server/src/core/project/project';
import { scopeOf } from '../../server/src/core/project/scope';
import type { Workspace } from '../../server/src/core/workspace';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';
import { WorkerPool } from '../../server/src/node/workerPool';
import { buildCli, REPO } from '../support/cliHarness';
import { corpusAvailable, corpusSkeleton, INITIATIVE_003, SKIP_REASON } from '../support/corpus';

const conventions = compileConventions(DEFAULT_CONFIG.conventions);
const NOW = new Date('2026-01-02T03:04:05Z');

/**
 * What `proofmark check FILE` reports: the file's findings and the configuration's. Read from a
 * check of the whole workspace for comparison, with `analysed` the documents the check of FILE read:
 * a finding lists as related only places in those (a phase output repeating what its TODO's finding
 * states is a related location of that finding when the output is read, copies.ts mergeSameFacts).
 */
function reportedFor(findings: readonly Finding[], file: string, analysed?: readonly string[]): Finding[] {
  const read = analysed === undefined ? null : new Set(analysed);
  const shown = (r: { file: string; message: string }): boolean => read === null || read.has(r.file) || r.message !== REPEATED_HERE;
  return findings.filter((f) => f.file === file || f.code === 'config-invalid').map((f) => (f.related.every(shown) ? f : { ...f, related: f.related.filter(shown) }));
}

async function scopedFindings(workspace: Workspace, file: string, analyzer?: DocumentAnalyzer): Promise<{ findings: Finding[]; analysed: readonly string[] }> {
  const result = await checkSelection({ workspace, analyzer, selected: (p) => p === file });
  return { findings: reportedFor(result.findings, file), analysed: result.analysed };
}

async function scopedHandoff(workspace: Workspace, todo: string, phase: string): Promise<unknown> {
  const { project } = await loadScope({ workspace, question: { kind: 'handoff', todo, phase } });
  return handoffOf(project, todo, phase);
}

function handoffOf(project: Project, todo: string, phase: string): unknown {
  const key = initiativeOfTodo(project, todo);
  assert.ok(key, `${todo} is a TODO`);
  return planHandoff(project, key, phase, { now: NOW });
}

const PRD = '# PRD001: Work\n\n## Requirements\n\n- **FR1**: Parse the input\n- **FR2**: Report results\n';
const TODO = (id: string, status = '✅ COMPLETED'): string =>
  `# TODO${id}: Work\n\n## Phase 1: Setup ${status}\n\n### Expected Outputs\n\n- \`TODO${id}_phase1_notes.md\`\n- \`TODO${id}_phase1_decisions.md\`\n\n### Progress Checklist\n\n- [x] one FR1\n- [ ] two\n\n## Phase 2: Build\n\n- [ ] three, see \`src/missing.ts\`\n`;
const NOTES = '# Phase 1 notes\n\n**Status**: ✅ COMPLETED\n\nFR1 is done, FR9 too. All tests pass.\n';

/**
 * A workspace whose grouping depends on every folder: a document in a sub-folder of one initiative
 * that belongs to another, a README marking a folder historical, loose documents, a prompt.
 */
const WORKSPACE = {
  'README.md': '# Repo\n\nSee `docs/missing.md`.\n',
  'a/PRD001.md': PRD,
  'a/TODO001.md': TODO('001'),
  'a/TODO001_phase1_notes.md': NOTES,
  'a/PHASE1_PROMPT.md': '# Phase 1 prompt\n\n## Expected Outputs\n\n- `TODO001_phase1_handoff.md`\n- `TODO001_phase1_decisions.md`\n',
  'a/sub/TODO002.md': TODO('002', '🔄 IN PROGRESS'),
  'a/sub/report.md': '# Report\n\n**Status**: ✅ COMPLETED\n\nFR2 works.\n',
  'a/sub/deep/TODO001_phase1_testing_summary.md': '# Tests\n\n✅ All passed, FR2 verified\n',
  'old/README.md': '# Old\n\n> Superseded by a/.\n',
  'old/TODO003.md': TODO('003'),
  'old/notes.md': '# Notes\n\n✅ Done, see `gone.py`.\n',
  'loose/guide.md': '# Guide\n\n✅ COMPLETED, see `nowhere/file.ts`.\n',
  'src/present.ts': '',
};

describe('checking one file reads only what its findings need', () => {
  it('reports for every file exactly what a check of the whole workspace reports for it', async () => {
    const workspace = new MemoryWorkspace(WORKSPACE);
    const whole = (await loadProject({ workspace })).findings();
    assert.ok(whole.length > 5);
    for (const file of Object.keys(WORKSPACE).filter((p) => p.endsWith('.md'))) {
      const scoped = await scopedFindings(workspace, file);
      assert.deepEqual(scoped.findings, reportedFor(whole, file, scoped.analysed), file);
    }
  });

  it('reads the TODO, the PRD and the prompts for the TODO, and every status document for the PRD', () => {
    const markdown = Object.keys(WORKSPACE)
      .filter((p) => p.endsWith('.md'))
      .sort();
    const todo = scopeOf(markdown, conventions, { kind: 'findings', selected: (p) => p === 'a/TODO001.md' });
    assert.deepEqual(todo, ['README.md', 'a/PHASE1_PROMPT.md', 'a/PRD001.md', 'a/TODO001.md']);
    const prd = scopeOf(markdown, conventions, { kind: 'findings', selected: (p) => p === 'a/PRD001.md' });
    assert.deepEqual(prd, ['README.md', 'a/PHASE1_PROMPT.md', 'a/PRD001.md', 'a/TODO001.md', 'a/TODO001_phase1_notes.md', 'a/sub/deep/TODO001_phase1_testing_summary.md']);
    const old = scopeOf(markdown, conventions, { kind: 'findings', selected: (p) => p === 'old/notes.md' });
    assert.deepEqual(old, ['README.md', 'old/README.md', 'old/TODO003.md', 'old/notes.md']);
    assert.deepEqual(scopeOf(markdown, conventions, { kind: 'findings', selected: (p) => p === 'loose/guide.md' }), ['README.md', 'loose/guide.md']);
  });

  it('groups the files it does not read by name, so that the initiatives are the workspace\'s', async () => {
    const workspace = new MemoryWorkspace(WORKSPACE);
    const shape = (project: Project): unknown => project.initiatives().initiatives.map((i) => ({ key: i.key, documents: i.documents, outputs: i.outputs }));
    const whole = await loadProject({ workspace });
    const scoped = await loadScope({ workspace, question: { kind: 'findings', selected: (p) => p === 'a/PRD001.md' } });
    assert.ok(!scoped.analysed.includes('a/sub/TODO002.md'));
    assert.deepEqual(shape(scoped.project), shape(whole));
  });

  it('plans the same handoff as from a project of the whole workspace', async () => {
    const workspace = new MemoryWorkspace(WORKSPACE);
    const whole = await loadProject({ workspace });
    for (const phase of ['1', '2']) assert.deepEqual(await scopedHandoff(workspace, 'a/TODO001.md', phase), handoffOf(whole, 'a/TODO001.md', phase), `phase ${phase}`);
  });

  it('on the example: every file, and the handoff of every phase', async () => {
    const workspace = new NodeWorkspace(path.join(REPO, 'examples/orbit'));
    const project = await loadProject({ workspace });
    const whole = project.findings();
    for (const file of project.models.keys()) {
      const scoped = await scopedFindings(workspace, file);
      assert.deepEqual(scoped.findings, reportedFor(whole, file, scoped.analysed), file);
    }
    const todo = project.model('TODO001.md')?.todo;
    assert.ok(todo && todo.phases.length >= 4);
    for (const phase of todo.phases) assert.deepEqual(await scopedHandoff(workspace, 'TODO001.md', phase.number), handoffOf(project, 'TODO001.md', phase.number), `phase ${phase.number}`);
  });

  describe('on the real corpus', { skip: corpusAvailable() ? false : SKIP_REASON, timeout: 600_000 }, () => {
    const todo = `${INITIATIVE_003}/TODO003.md`;
    let workspace: NodeWorkspace;
    let whole: Project;
    before(async () => {
      const root = corpusSkeleton();
      workspace = new NodeWorkspace(root);
      const pool = new WorkerPool(root, { workerScript: path.join(await buildCli(), 'worker.js') });
      whole = await loadProject({ workspace, analyzer: pool }).finally(() => pool.dispose());
    });

    it('reports for the 003 initiative what a check of the whole repository reports', async () => {
      const files = [todo, 'PRD003.md', 'CONTEXT003.md', 'PHASE8_PROMPT.md', 'TODO003_phase7_handoff.md', 'FINAL_VALIDATION_REPORT.md', 'deployment/workflow_testing/upload_pipeline/phase3/README.md'];
      for (const name of files) {
        const file = name.includes('/') ? name : `${INITIATIVE_003}/${name}`;
        const scoped = await scopedFindings(workspace, file);
        const expected = reportedFor(whole.findings(), file, scoped.analysed);
        assert.deepEqual(scoped.findings, expected, file);
        if (file === todo) {
          assert.ok(expected.length > 20, 'the TODO has findings');
          assert.ok(scoped.analysed.length < 40, `${scoped.analysed.length} documents read for the TODO`);
        }
      }
    });

    it('plans the Phase 8 handoff of 003 as from the whole repository', async () => {
      assert.deepEqual(await scopedHandoff(workspace, todo, '8'), handoffOf(whole, todo, '8'));
    });
  });
});
