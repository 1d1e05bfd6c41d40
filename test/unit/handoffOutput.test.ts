import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/analyze/document';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { loadProject } from '../../server/src/core/engine';
import { headingAnchors } from '../../server/src/core/handoff/anchors';
import type { HandoffPlan } from '../../server/src/core/handoff/types';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import type { Heading } from '../../server/src/core/model/document';
import { memoryProject, NO_EXPECTED_OUTPUTS, plan } from '../golden/handoff/fixtures';

const heading = (line: number, text: string): Heading => ({ level: 2, text, line, range: { start: { line, column: 1 }, end: { line, column: 1 } }, sectionEnd: line, status: null });

/** The fixture with a KPI whose target reads like a claim once copied: ">99% success rate". */
const FILES: Record<string, string> = {
  ...NO_EXPECTED_OUTPUTS,
  'plan/PRD002.md': (NO_EXPECTED_OUTPUTS['plan/PRD002.md'] ?? '').replace('>99% of rows imported on the first run', '>99% success rate on the first run'),
};

async function phase2(): Promise<HandoffPlan> {
  const { project, workspace } = await memoryProject(FILES);
  const result = await plan(project, workspace, 'plan/TODO002.md', '2');
  if ('error' in result) throw new Error(result.error);
  return result.plan;
}

describe('heading anchors', () => {
  it('follow GitHub: lower case, punctuation and emoji dropped, spaces as dashes, repeats numbered', () => {
    const anchors = headingAnchors([
      heading(1, 'TODO003: Worker Refactor'),
      heading(5, 'Phase 3: Database Schema ✅ COMPLETED'),
      heading(9, 'Phase 3: Database Schema ✅ COMPLETED'),
      heading(12, 'Überblick & Plan_B (v2.5)'),
      heading(14, 'Phase 3: Database Schema  COMPLETED-1'),
    ]);
    assert.deepEqual([...anchors.values()], ['todo003-worker-refactor', 'phase-3-database-schema--completed', 'phase-3-database-schema--completed-1', 'überblick--plan_b-v25', 'phase-3-database-schema--completed-1-1']);
  });
});

describe('generated Markdown', () => {
  it('writes % as %, never as an entity, and the engine still reads no claim in any file', async () => {
    const p = await phase2();
    const all = p.files.map((f) => f.content).join('\n');
    assert.ok(!/&#\d+;/.test(all), 'no numeric entity');
    const summary = p.files.find((f) => f.kind === 'testing_summary')?.content ?? '';
    assert.match(summary, /^\| KPI1 \| Import Success Rate \| >99% success rate on the first run \|/m);
    const written = new MemoryWorkspace({ ...FILES, ...Object.fromEntries(p.files.map((f) => [f.path, f.content])) });
    const after = await loadProject({ workspace: written });
    for (const f of p.files) assert.deepEqual(after.model(f.path)?.claims, [], `${f.path} holds claims`);
  });

  it('writes evidence slots that show in the preview, and hints every one of them', async () => {
    const p = await phase2();
    for (const f of p.files) {
      assert.ok(!f.content.includes('[](<!--'), `${f.path} holds a slot the preview does not show`);
      const slots = f.content.split('\n').filter((l) => l.includes('_(evidence: path, log or test output)_')).length;
      const outcome = analyzeText(f.path, f.content, DEFAULT_CONFIG);
      assert.ok('model' in outcome);
      const hints = outcome.model.localFindings.filter((x) => x.code === 'evidence-to-fill');
      assert.equal(hints.length, slots, f.path);
      for (const hint of hints) {
        const line = f.content.split('\n')[hint.range.start.line - 1] ?? '';
        assert.equal(line.slice(hint.range.start.column - 1, hint.range.end.column - 1), '_(evidence: path, log or test output)_');
      }
    }
    assert.ok(p.files.some((f) => f.content.includes('_(evidence: ')));
  });

  it('still hints the empty-link slots written before', () => {
    const outcome = analyzeText('x/TODO009_phase1_notes.md', '# Notes\n\n**Evidence**: [](<!-- path, log or test output -->)\n', DEFAULT_CONFIG);
    assert.ok('model' in outcome);
    assert.deepEqual(outcome.model.evidenceSlots, [3]);
    assert.deepEqual(outcome.model.localFindings.filter((x) => x.code === 'evidence-to-fill').map((x) => x.range), [{ start: { line: 3, column: 15 }, end: { line: 3, column: 52 } }]);
  });

  it('links each earlier phase to its section from the folder the handoff is written in', async () => {
    const files = { ...FILES, 'plan/TODO002.md': (FILES['plan/TODO002.md'] ?? '').replace('## Phase 2: Loader', '## Phase 2: Loader\n\n### Expected Outputs\n\n- `handoffs/TODO002_phase2_handoff.md`\n') };
    const { project, workspace } = await memoryProject(files);
    const result = await plan(project, workspace, 'plan/TODO002.md', '2');
    assert.ok(!('error' in result), 'error' in result ? result.error : '');
    const handoff = result.plan.files.find((f) => f.kind === 'handoff');
    assert.equal(handoff?.path, 'plan/handoffs/TODO002_phase2_handoff.md');
    assert.match(handoff?.content ?? '', /^- \[Phase 1: Parser\]\(\.\.\/TODO002\.md#phase-1-parser\) — 4 open \(TODO002\.md line 3\)$/m);
  });
});
