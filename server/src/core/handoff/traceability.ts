import { basename, dirname } from '../parse/role';
import { EVIDENCE_SLOT, type HandoffContext } from './context';
import { EvidenceCatalogue, relativeLink } from './evidence';
import { statusText } from './handoffBlocks';
import { inertCell } from './inert';
import type { PostmortemItem, PreviousIteration } from './postmortem';

export interface TraceabilityBlocks {
  readonly table: string;
  readonly evidence: string;
}

/**
 * One row per requirement and KPI. The evidence already found is listed by number in the table and
 * linked in a section of its own: a link inside the table would sit within the evidence window of
 * every row around it and make them all look evidenced.
 */
export function traceabilityBlocks(h: HandoffContext, outputFolder: string): TraceabilityBlocks {
  if (!h.prdName) {
    return { table: 'No PRD found for this initiative, so there are no requirements to trace.', evidence: 'None: there is no PRD to trace.' };
  }
  if (h.coverage.length === 0) {
    const none = `${h.prdName} defines no requirement ids or KPIs that Proofmark reads.`;
    return { table: none, evidence: 'None.' };
  }
  const catalogue = new EvidenceCatalogue();
  const rows = h.coverage.map((cov) => {
    const r = cov.requirement;
    const found = catalogue.labelsFor(cov);
    const cells = [r.id, inertCell(r.title, h.c), r.target ? inertCell(r.target, h.c) : '', statusText(cov), found.length > 0 ? found.join(', ') : 'none', '', EVIDENCE_SLOT];
    return `| ${cells.join(' | ')} |`;
  });
  const table = ['| Id | Requirement | Target | Status before this phase | Evidence found earlier | Measured | Evidence |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
  const evidence =
    catalogue.all.length === 0
      ? 'No earlier output cites a requirement next to evidence.'
      : catalogue.all
          .map((e) => {
            const link = `${relativeLink(outputFolder, e.path)}${e.line !== null ? `#L${e.line}` : ''}`;
            const text = e.line !== null ? `${basename(e.path)} line ${e.line}` : e.path;
            return `- ${e.label}: ${e.kind ? `${e.kind} in ` : ''}[${text}](${link})`;
          })
          .join('\n');
  return { table, evidence };
}

function itemTable(h: HandoffContext, header: string, slotHeader: string, items: readonly PostmortemItem[]): string {
  const rows = items.map((item) => `| ${inertCell(item.name, h.c)} | ${inertCell(item.group, h.c)} | ${item.line} | ${EVIDENCE_SLOT} |`);
  return [`| ${header} | Group | Post-mortem line | ${slotHeader} |`, '|---|---|---|---|', ...rows].join('\n');
}

/** Root causes and lessons of the previous iteration's post-mortem, each with a slot for what shows it did not recur. */
export function previousIterationBlock(h: HandoffContext, previous: PreviousIteration | null): string {
  if (!previous) return '';
  const name = basename(previous.path);
  const folder = basename(dirname(previous.path));
  const part = (title: string, header: string, slot: string, items: readonly PostmortemItem[], line: number | null): string => {
    if (items.length > 0) return `### ${title}\n\n${itemTable(h, header, slot, items)}`;
    const where = line !== null ? `its section at ${name} line ${line} has no sub-headings to list` : `${name} has no such section`;
    return `### ${title}\n\n<!-- ${where}; list them here with their evidence -->`;
  };
  return [
    '## Compared with the Previous Iteration',
    '',
    `${name} (folder ${folder}) is the post-mortem of the previous iteration. For each root cause, give the evidence that it did not recur; for each lesson, the evidence that it was applied.`,
    '',
    part('Root Causes', 'Root cause', 'Evidence it did not recur', previous.rootCauses, previous.rootCauseLine),
    '',
    part('Lessons', 'Lesson', 'Evidence it was applied', previous.lessons, previous.lessonsLine),
  ].join('\n');
}
