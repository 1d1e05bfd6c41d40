import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { checkWorkspace } from '../../server/src/core/engine';
import type { Finding } from '../../server/src/core/findings/finding';
import type { Project } from '../../server/src/core/project/project';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';
import { CORPUS_REPO, INITIATIVE_003, SKIP_REASON, corpusAvailable, corpusSkeleton, referenceFindings } from '../support/corpus';

/** How the independent analysis' kinds map to Proofmark's codes (kinds with no code are semantic or need git). */
const KIND_TO_CODE: Record<string, string[]> = {
  status_done_checklist_unchecked: ['phase-done-checklist-open'],
  heading_done_children_unchecked: ['phase-done-checklist-open'],
  checked_parent_unchecked_children: ['phase-done-checklist-open'],
  status_marker_missing: ['status-conflict'],
  status_conflict: ['status-conflict'],
  output_claims_done_todo_unchecked: ['status-conflict'],
  phase_title_mismatch: ['phase-title-mismatch'],
  prd_todo_phase_plan_mismatch: ['phase-title-mismatch'],
  phase_order: ['phase-order'],
  phase_count_mismatch: ['phase-count-mismatch'],
  expected_output_missing: ['expected-output-missing', 'broken-reference'],
  unchecked_but_output_exists: ['output-exists-unchecked'],
  prerequisite_missing: ['prerequisite-missing'],
  prd_requirement_untraced: ['requirement-unevidenced'],
  prd_kpi_untraced: ['requirement-unevidenced'],
  claim_without_evidence: ['claim-without-evidence', 'claim-evidence-broken'],
  claim_evidence_unresolvable: ['claim-evidence-broken'],
  done_with_partial_percentage: ['done-with-partial-percentage'],
  fractional_count: ['numbers-inconsistent'],
  percentage_arithmetic_mismatch: ['numbers-inconsistent'],
  internal_numeric_inconsistency: ['numbers-inconsistent'],
  broken_doc_reference: ['broken-reference', 'prerequisite-missing'],
  broken_code_reference: ['broken-reference'],
};

const TODO = `${INITIATIVE_003}/TODO003.md`;
const PRD = `${INITIATIVE_003}/PRD003.md`;

describe('the real corpus', { skip: corpusAvailable() ? false : SKIP_REASON }, () => {
  let findings: readonly Finding[] = [];
  let project: Project | null = null;
  const at = (file: string, code: string): number[] => findings.filter((f) => f.file === file && f.code === code).map((f) => f.range.start.line);
  /** Lines where a finding of the code stands, or that one lists as a related place of the same fact. */
  const reported = (file: string, code: string): number[] =>
    findings.filter((f) => f.file === file && f.code === code).flatMap((f) => [f.range.start.line, ...f.related.filter((r) => r.file === file).map((r) => r.range.start.line)]);

  before(async () => {
    const result = await checkWorkspace({ workspace: new NodeWorkspace(corpusSkeleton()) });
    findings = result.findings;
    project = result.project;
  });

  it('reports Phase 8 marked done at lines 20 and 1493 while 64 of 64 boxes are open, as one finding', () => {
    const phase8 = findings.filter((f) => f.file === TODO && f.code === 'phase-done-checklist-open' && f.message.startsWith('Phase 8 '));
    assert.deepEqual(phase8.map((f) => f.range.start.line), [20]);
    assert.ok(phase8[0]?.related.some((r) => r.range.start.line === 1493), 'the Project Completion Checklist entry is a related location');
    for (const f of phase8) assert.match(f.message, /Progress Checklist \(line 1371\) has 64 of 64 required boxes unchecked/);
  });

  it('reports phases 1, 2, 3 and 6 marked done with open checklists', () => {
    const lines = reported(TODO, 'phase-done-checklist-open');
    for (const line of [13, 1451, 14, 1457, 15, 422, 1463, 18]) assert.ok(lines.includes(line), `line ${line} in ${lines.join(',')}`);
  });

  it('reports the missing Phase 2 outputs and the missing Phase 3 prerequisite', () => {
    assert.deepEqual(at(TODO, 'expected-output-missing'), [286, 288]);
    assert.deepEqual(at(TODO, 'prerequisite-missing'), [385]);
  });

  it('reports the Phase 8 testing summary, whose only evidence is prose, as one report without evidence', () => {
    const file = `${INITIATIVE_003}/TODO003_phase8_testing_summary.md`;
    const report = findings.filter((f) => f.file === file && f.code === 'claim-without-evidence');
    assert.equal(report.length, 1);
    const [claim] = report;
    assert.ok(claim?.related.some((r) => r.range.start.line === 17), 'the "#### 1. Local Development Environment ✅" claim is one of those listed');
    assert.match(claim?.message ?? '', /this report gives no evidence anywhere.*its "Evidence:" lines \(\d+/);
  });

  it('reports NFR1–NFR5 and AC1–AC5 of PRD003 as unevidenced', () => {
    const lines = at(PRD, 'requirement-unevidenced');
    for (const line of [120, 126, 132, 138, 144, 152, 158, 164, 170, 176]) assert.ok(lines.includes(line), `PRD003.md:${line}`);
  });

  it('reports no claim findings in 002, which claims nothing', () => {
    const claims = findings.filter((f) => f.file.includes('/upload_refactor/002/') && /^claim-/.test(f.code));
    assert.deepEqual(claims, []);
  });

  it('reproduces the independent analysis of 003 (figures per kind)', (t) => {
    const reference = referenceFindings();
    const byKind = new Map<string, { found: number; total: number }>();
    for (const r of reference) {
      const codes = KIND_TO_CODE[r.kind];
      const entry = byKind.get(r.kind) ?? { found: 0, total: 0 };
      entry.total++;
      // A fact stated in several places is one finding whose related locations hold the others.
      const at = (file: string, line: number): boolean => file === r.file && line === r.line;
      if (codes && findings.some((f) => codes.includes(f.code) && (at(f.file, f.range.start.line) || f.related.some((x) => at(x.file, x.range.start.line))))) entry.found++;
      byKind.set(r.kind, entry);
    }
    let found = 0;
    let mappable = 0;
    const rows = [...byKind.entries()].sort((a, b) => b[1].total - a[1].total);
    for (const [kind, { found: f, total }] of rows) {
      const mapped = KIND_TO_CODE[kind] !== undefined;
      if (mapped) {
        found += f;
        mappable += total;
      }
      t.diagnostic(`reference ${kind}: ${mapped ? `${f}/${total}` : `n/a (${total}, semantic or needs git history)`}`);
    }
    t.diagnostic(`reference total: ${found}/${mappable} of the mechanically checkable findings reproduced (${reference.length} in all)`);
    const high = ['status_done_checklist_unchecked', 'expected_output_missing', 'prd_requirement_untraced', 'prerequisite_missing', 'unchecked_but_output_exists'];
    for (const kind of high) {
      const e = byKind.get(kind);
      assert.ok(e && e.found === e.total, `${kind}: ${e?.found}/${e?.total}`);
    }
    assert.ok(found / mappable > 0.6, `reproduced ${found}/${mappable}`);
  });

  it('analyses every corpus document without a crash', () => {
    const files = readFileSync(path.join(CORPUS_REPO, 'TREE.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('docs/') && l.endsWith('.md') && existsSync(path.join(CORPUS_REPO, l)));
    assert.equal(files.length, 522);
    for (const rel of files) {
      assert.ok(project?.model(rel), `${rel}: ${project?.skippedFiles.get(rel) ?? 'not analysed'}`);
    }
  });
});
