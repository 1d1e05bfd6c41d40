import type { TraceabilityMatrix, TraceabilityResult, TraceCell, TraceRow } from '../../../server/src/protocol';
import { cellFiles, fileSummary } from '../traceability/cells';
import { evidenceText } from '../tree/format';
import { escapeHtml, openLink, page, type PageContext } from './html';

function cellClass(cell: TraceCell | undefined): string {
  if (cell === undefined || cell.citations.length === 0) return 'none';
  return cell.citations.some((c) => c.evidence.length > 0) ? 'evidenced' : 'claimed';
}

/** A cell that says what it holds: each citing file, linked to its first citation, with how many citations and how many with evidence. */
function cellHtml(cell: TraceCell | undefined, requirement: string, phase: string): string {
  const cls = cellClass(cell);
  const where = phase === 'other' ? 'other documents' : `phase ${phase}`;
  if (cell === undefined || cell.citations.length === 0) return `<td class="cell none" aria-label="${escapeHtml(`${requirement}, ${where}: not cited`)}"></td>`;
  const files = cellFiles(cell).map((f) => {
    const evidence = f.evidence.length > 0 ? `Evidence: ${f.evidence.slice(0, 5).join(', ')}${f.evidence.length > 5 ? ', …' : ''}` : 'No evidence beside these citations';
    return `<li>${f.withEvidence > 0 ? '✓ ' : ''}${openLink(f.uri, f.first, f.name, evidence)} <span class="where">${escapeHtml(fileSummary(f))}</span></li>`;
  });
  return `<td class="cell ${cls}"><ul class="citations">${files.join('')}</ul></td>`;
}

/**
 * Where a row is cited, in a word per column (`Phase 8`, `Phases 2, 5 and other documents`): the
 * matrix of a nine-phase TODO is wider than a panel, and a row cited only in its last column would
 * otherwise look empty on the first screen.
 */
export function citedIn(row: TraceRow): string {
  const cited = row.cells.filter((c) => c.citations.length > 0).map((c) => c.phase);
  const phases = cited.filter((p) => p !== 'other');
  const parts = phases.length === 0 ? [] : [`${phases.length === 1 ? 'Phase' : 'Phases'} ${phases.join(', ')}`];
  if (cited.includes('other')) parts.push(parts.length === 0 ? 'Other documents' : 'other documents');
  return parts.length === 0 ? 'nowhere' : parts.join(' and ');
}

function rowHtml(row: TraceRow, phases: readonly string[]): string {
  const r = row.requirement;
  const byPhase = new Map(row.cells.map((c) => [c.phase, c]));
  return `<tr class="${escapeHtml(r.state)}">
<th scope="row">${openLink(r.location.uri, r.location.line, r.id, r.title)}<span class="title">${escapeHtml(r.title)}</span></th>
<td class="state ${escapeHtml(r.state)}">${escapeHtml(evidenceText(r.state))}</td>
<td class="cited-in">${escapeHtml(citedIn(row))}</td>
${phases.map((p) => cellHtml(byPhase.get(p), r.id, p)).join('')}
</tr>`;
}

function columnTitle(phase: string): string {
  return phase === 'other' ? 'Other documents' : `Phase ${phase}`;
}

function matrixHtml(matrix: TraceabilityMatrix): string {
  const evidenced = matrix.rows.filter((r) => r.requirement.state === 'evidenced').length;
  return `<section>
<h2>${escapeHtml(matrix.name)}</h2>
<p class="note">${escapeHtml(`${evidenced} of ${matrix.rows.length} requirements and KPIs evidenced, looked for ${matrix.evidenceScope}.`)}</p>
<div class="table-wrap"><table>
<thead><tr><th scope="col">Requirement</th><th scope="col">Status</th><th scope="col">Cited in</th>${matrix.phases.map((p) => `<th scope="col">${escapeHtml(columnTitle(p))}</th>`).join('')}</tr></thead>
<tbody>
${matrix.rows.map((row) => rowHtml(row, matrix.phases)).join('\n')}
</tbody></table></div>
</section>`;
}

const LEGEND = `<p class="legend"><span class="cell evidenced">✓ cited with evidence beside it</span> <span class="cell claimed">cited, no evidence beside it</span> <span class="cell none">not cited</span></p>`;

/**
 * The traceability report of one initiative (the active one, or the one picked): requirements ×
 * phases, each cell naming its citing files and linking to them, with the export buttons.
 */
export function renderTraceabilityHtml(result: TraceabilityResult, ctx: PageContext): string {
  const actions = `<div class="actions">
<button type="button" class="secondary" data-action="pick">Choose initiative…</button>
<button type="button" class="secondary" data-action="export-markdown"${result.matrices.length === 0 ? ' disabled' : ''}>Export Markdown</button>
<button type="button" class="secondary" data-action="export-csv"${result.matrices.length === 0 ? ' disabled' : ''}>Export CSV</button>
<button type="button" class="secondary" data-action="refresh">Refresh</button>
</div>`;
  const body = result.matrices.length === 0
    ? `<main><h1>Traceability</h1>${actions}<p class="empty">This initiative has no PRD with requirements to trace.</p></main>`
    : `<main><h1>Traceability</h1>${actions}${LEGEND}${result.matrices.map(matrixHtml).join('\n')}</main>`;
  return page(ctx, 'Proofmark traceability', body);
}
