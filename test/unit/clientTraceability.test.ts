import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellText } from '../../client/src/traceability/cells';
import { traceabilityCsv, traceabilityMarkdown } from '../../client/src/traceability/exportTable';
import { traceablePicks } from '../../client/src/traceability/initiativePicks';
import { buildView } from '../../client/src/tree/buildView';
import { revealTarget } from '../../client/src/tree/revealTarget';
import { citedIn, renderTraceabilityHtml } from '../../client/src/webview/traceabilityHtml';
import { analyzeText } from '../../server/src/core/analyze/document';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import type { TraceabilityMatrix } from '../../server/src/protocol';
import { initiative, requirement, TODO, tree } from './clientFixture';

const NOTES = 'file:///ws/TODO003_phase2_notes.md';
const cite = (line: number, evidence: string[] = []) => ({ location: { uri: NOTES, line }, evidence });

const matrix: TraceabilityMatrix = {
  initiative: { root: 'file:///ws', folder: '', id: '003' },
  name: 'TODO003: Project | Completion',
  phases: ['1', '2', 'other'],
  rows: [
    { requirement: requirement('FR1', 'evidenced', '=HYPERLINK("x")'), cells: [{ phase: '1', citations: [] }, { phase: '2', citations: [cite(4, ['src/a.ts']), cite(9), cite(11), cite(30)] }, { phase: 'other', citations: [] }] },
    { requirement: requirement('AC2', 'claimed'), cells: [{ phase: '1', citations: [cite(2)] }, { phase: '2', citations: [] }, { phase: 'other', citations: [] }] },
  ],
  evidenceScope: 'in the 2 phase outputs and status documents of this initiative',
};

describe('traceability cells say what they mean', () => {
  it('names each citing file with its lines or counts, and whether evidence is beside them', () => {
    assert.equal(cellText(matrix.rows[0]?.cells[1]), 'TODO003_phase2_notes.md 4 citations, 1 with evidence');
    assert.equal(cellText(matrix.rows[1]?.cells[0]), 'TODO003_phase2_notes.md line 3, no evidence beside it');
    assert.equal(cellText({ phase: '1', citations: [cite(2), cite(5)] }), 'TODO003_phase2_notes.md lines 3, 6, no evidence beside them');
    assert.equal(cellText(matrix.rows[1]?.cells[1]), '');
  });

  it('renders one header row, columns named for what they hold, and the export buttons', () => {
    const html = renderTraceabilityHtml({ matrices: [matrix] }, { cspSource: 'x', nonce: 'n', styleUri: 's', scriptUri: 'j' });
    assert.equal((html.match(/<thead>/g) ?? []).length, 1);
    assert.ok(html.includes('<th scope="col">Other documents</th>'));
    assert.ok(!/\?\d/.test(html.replace(/<[^>]*>/g, '')), 'no "?1" cells');
    assert.ok(html.includes('data-action="export-markdown"') && html.includes('data-action="export-csv"') && html.includes('data-action="pick"'));
    assert.ok(html.includes('looked for in the 2 phase outputs'));
    assert.ok(html.includes('<th scope="col">Cited in</th>'));
    assert.ok(html.includes('<td class="cited-in">Phase 2</td>') && html.includes('<td class="cited-in">Phase 1</td>'));
  });

  it('says in one cell where each row is cited, so a row cited only in the last column does not look empty', () => {
    const row = (phases: string[]) => ({ requirement: requirement('FR9', 'claimed'), cells: ['1', '2', '8', 'other'].map((phase) => ({ phase, citations: phases.includes(phase) ? [cite(1)] : [] })) });
    assert.equal(citedIn(row(['8'])), 'Phase 8');
    assert.equal(citedIn(row(['2', '8', 'other'])), 'Phases 2, 8 and other documents');
    assert.equal(citedIn(row(['other'])), 'Other documents');
    assert.equal(citedIn(row([])), 'nowhere');
  });
});

describe('traceability export', () => {
  it('writes Markdown whose table cites nothing once saved into the workspace', () => {
    const md = traceabilityMarkdown(matrix);
    assert.match(md, /^# Traceability: TODO003: Project \\\| Completion/);
    assert.ok(md.includes('| Id | Requirement | Target | Status | Citations | Phase 1 | Phase 2 | Other documents |'));
    assert.ok(md.includes('| AC2 | Requirement AC2 |  | claimed without evidence | 1 | TODO003_phase2_notes.md line 3, no evidence beside it |  |  |'));
    const saved = analyzeText('docs/TRACEABILITY_REPORT.md', md, DEFAULT_CONFIG);
    assert.ok('model' in saved);
    assert.deepEqual(saved.model.mentions.filter((m) => m.kind === 'requirement'), []);
    assert.equal(saved.model.searchText.includes('requirement ac2'), false);
  });

  it('writes CSV with quoted fields and no formula a spreadsheet would run', () => {
    const csv = traceabilityCsv(matrix).split('\r\n');
    assert.equal(csv[0], 'Id,Requirement,Target,Status,Citations,Phase 1,Phase 2,Other documents');
    assert.equal(csv[1], `FR1,"'=HYPERLINK(""x"")",,evidenced,1,,"TODO003_phase2_notes.md 4 citations, 1 with evidence",`);
    assert.equal(csv.length, 4);
  });
});

describe('choosing what to trace and what to reveal', () => {
  it('offers initiatives with a PRD, the active one first', () => {
    const a = initiative({ initiative: { root: 'file:///ws', folder: 'a', id: '001' }, name: 'TODO001: Alpha' });
    const b = initiative({ initiative: { root: 'file:///ws', folder: 'b', id: '002' }, name: 'TODO002: Beta' });
    const none = initiative({ initiative: { root: 'file:///ws', folder: 'c', id: '003' }, name: 'TODO003: No PRD', prd: null });
    const picks = traceablePicks(tree(1, [a, b, none]), b);
    assert.deepEqual(picks.map((p) => [p.label, p.description]), [['Beta', 'active'], ['Alpha', '']]);
    assert.match(picks[0]?.detail ?? '', /^1 of 3 requirements evidenced · b$/);
  });

  it('reveals the checklist item under the cursor, its phase above it, or the initiative', () => {
    const t = tree();
    const view = buildView(t, { openOnly: false });
    const label = (id: string | null) => (id === null ? null : view.nodes.get(id)?.label);
    assert.equal(label(revealTarget(view, t, TODO, 86)), 'Demonstrate AC2');
    assert.equal(label(revealTarget(view, t, TODO, 87)), 'Record the demo');
    assert.equal(label(revealTarget(view, t, 'file:///ws/README.md', 0)), 'Project Completion');
    assert.equal(revealTarget(view, tree(1, [initiative(), initiative({ initiative: { root: 'file:///ws', folder: 'x', id: '9' } })]), 'file:///elsewhere/a.md', 0), null);
  });
});
