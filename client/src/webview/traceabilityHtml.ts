import type { TraceabilityMatrix, TraceabilityResult, TraceCell, TraceRow } from '../../../server/src/protocol';
import { evidenceText } from '../tree/format';
import { escapeHtml, openLink, page, type PageContext } from './html';

function cellClass(cell: TraceCell | undefined): string {
  if (cell === undefined || cell.citations.length === 0) return 'none';
  return cell.citations.some((c) => c.evidence.length > 0) ? 'evidenced' : 'claimed';
}

function cellHtml(cell: TraceCell | undefined, requirement: string, phase: string): string {
  const cls = cellClass(cell);
  if (cell === undefined || cell.citations.length === 0) return `<td class="cell none" aria-label="${escapeHtml(`${requirement}, phase ${phase}: not cited`)}"></td>`;
  const links = cell.citations.map((c, i) => {
    const evidence = c.evidence.length > 0 ? `Evidence: ${c.evidence.join(', ')}` : 'Cited without evidence';
    return openLink(c.location.uri, c.location.line, c.evidence.length > 0 ? `✓${cell.citations.length > 1 ? i + 1 : ''}` : `?${cell.citations.length > 1 ? i + 1 : ''}`, evidence);
  });
  return `<td class="cell ${cls}">${links.join(' ')}</td>`;
}

function rowHtml(row: TraceRow, phases: readonly string[]): string {
  const r = row.requirement;
  const byPhase = new Map(row.cells.map((c) => [c.phase, c]));
  return `<tr class="${escapeHtml(r.state)}">
<th scope="row">${openLink(r.location.uri, r.location.line, r.id, r.title)}<span class="title">${escapeHtml(r.title)}</span></th>
<td class="state ${escapeHtml(r.state)}">${escapeHtml(evidenceText(r.state))}</td>
${phases.map((p) => cellHtml(byPhase.get(p), r.id, p)).join('')}
</tr>`;
}

function matrixHtml(matrix: TraceabilityMatrix): string {
  const evidenced = matrix.rows.filter((r) => r.requirement.state === 'evidenced').length;
  return `<section>
<h2>${escapeHtml(matrix.name)}</h2>
<p class="note">${evidenced} of ${matrix.rows.length} requirements evidenced.</p>
<div class="table-wrap"><table>
<thead><tr><th scope="col">Requirement</th><th scope="col">Status</th>${matrix.phases.map((p) => `<th scope="col">Phase ${escapeHtml(p)}</th>`).join('')}</tr></thead>
<tbody>
${matrix.rows.map((row) => rowHtml(row, matrix.phases)).join('\n')}
</tbody></table></div>
</section>`;
}

/** The traceability report: one matrix per initiative, requirements × phases, each cell linking to its citations. */
export function renderTraceabilityHtml(result: TraceabilityResult, ctx: PageContext): string {
  const legend = `<p class="legend"><span class="cell evidenced">✓ evidenced</span> <span class="cell claimed">? cited without evidence</span> <span class="cell none">not cited</span></p>`;
  const body = result.matrices.length === 0
    ? '<main><h1>Traceability</h1><p class="empty">No PRD with requirements was found.</p></main>'
    : `<main><h1>Traceability</h1><div class="actions"><button type="button" class="secondary" data-action="refresh">Refresh</button></div>${legend}${result.matrices.map(matrixHtml).join('\n')}</main>`;
  return page(ctx, 'Proofmark traceability', body);
}
