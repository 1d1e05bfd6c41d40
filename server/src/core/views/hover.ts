import type { DocumentModel, Reference } from '../model/document';
import type { Initiative } from '../model/initiative';
import type { Requirement } from '../model/prd';
import type { Project } from '../project/project';
import { evidenceOf, evidenceStateText, initiativeEvidence } from '../rules/evidenceModel';
import type { Range } from '../text/position';
import { boxesBetween, findRequirement, findTask, initiativeOf, progress, targetAt, todoOf } from './lookup';
import { summarisePhase } from './phases';
import { lineOf, NO_TEXT, specTargetAt, specViewOf, type TextOf } from './specContext';
import { specHover } from './specHover';

export interface HoverView {
  /** Markdown. */
  readonly contents: string;
  readonly range: Range;
}

function where(file: string, line: number): string {
  return `${file.split('/').pop() ?? file}:${line}`;
}

function requirementHover(project: Project, initiative: Initiative | null, requirement: Requirement, prd: DocumentModel): string {
  const head = requirement.kind === 'KPI' ? `**KPI** ${requirement.title}` : `**${requirement.id}** — ${requirement.title}`;
  const lines = [head, ''];
  if (requirement.target) lines.push(`Target: ${requirement.target}`, '');
  for (const b of requirement.body.slice(0, 6)) lines.push(`> ${b}`);
  if (requirement.body.length > 0) lines.push('');
  lines.push(`Defined in ${where(prd.path, requirement.line)}`);
  const evidence = initiative ? initiativeEvidence(project.ruleContext(), initiative) : null;
  const cov = evidence ? evidenceOf(evidence, requirement.parent ?? requirement.id) : null;
  if (evidence && cov) {
    const label = requirement.parent ? ` of ${requirement.parent}` : '';
    lines.push('', `Evidence${label} ${evidence.scope.text}: **${evidenceStateText(cov.status)}**`);
    if (cov.citations.length > 0) {
      const shown = cov.citations.slice(0, 8).map((c) => `- ${where(c.file, c.line)}${c.evidence.length > 0 ? ` — ${c.evidence.slice(0, 2).join(', ')}` : ''}`);
      lines.push('', `Cited ${cov.citations.length} time${cov.citations.length === 1 ? '' : 's'}:`, ...shown);
      if (cov.citations.length > 8) lines.push(`- … ${cov.citations.length - 8} more`);
    }
  }
  return lines.join('\n');
}

function pathHover(project: Project, model: DocumentModel, ref: Reference): string {
  const r = project.ruleContext().resolve(ref, model.path);
  if (r.resolved !== null) return `\`${ref.raw}\` → \`${r.resolved}\` (${r.how})`;
  const tried = r.tried.length > 0 ? `\n\nTried: ${r.tried.slice(0, 5).map((t) => `\`${t}\``).join(', ')}` : '';
  return `\`${ref.raw}\` does not resolve: ${r.reason}.${tried}`;
}

/**
 * The hover for the id, KPI, phase or path under the cursor; null when there is nothing to say. In a
 * spec folder, a requirement's, criterion's, story's or task's id comes first (`texts` gives the
 * line it stands on).
 */
export function hoverAt(project: Project, path: string, line: number, column: number, texts: TextOf = NO_TEXT): HoverView | null {
  const model = project.model(path);
  if (!model) return null;
  const spec = specViewOf(project, path);
  const specTarget = spec ? specTargetAt(spec, path, lineOf(texts, path, line), line, column) : null;
  const specView = spec && specTarget ? specHover(spec, specTarget) : null;
  if (specView) return specView;
  const target = targetAt(model, line, column);
  if (!target) return null;
  const initiative = initiativeOf(project, path);
  switch (target.kind) {
    case 'requirement': {
      const found = findRequirement(project, initiative, target.id);
      if (!found) return { contents: `**${target.id}** is not defined in this initiative's PRD.`, range: target.range };
      return { contents: requirementHover(project, initiative, found.requirement, found.prd), range: target.range };
    }
    case 'kpi':
      return { contents: requirementHover(project, initiative, target.kpi, model), range: target.range };
    case 'task': {
      const found = findTask(project, initiative, target.id);
      if (!found) return { contents: `**${target.id}** is not a task of this initiative's TODO.`, range: target.range };
      const own = progress(found.todo, boxesBetween(found.todo, found.task.line, found.task.sectionEnd));
      const phase = found.phase.checklist;
      const lines = [`**${found.task.id}** — ${found.task.title}`, '', `Phase ${found.phase.number}: ${found.phase.title}`];
      if (own.total > 0) lines.push(`Task checklist: ${own.done}/${own.total} done`);
      lines.push(`Phase checklist: ${phase.checked}/${phase.total} done`, '', `Defined in ${where(found.todo.path, found.task.line)}`);
      return { contents: lines.join('\n'), range: target.range };
    }
    case 'phase': {
      const todo = todoOf(project, initiative);
      if (!initiative || !todo) return null;
      const s = summarisePhase(project, initiative, todo, target.phase);
      const lines = [`**Phase ${s.phase.number}** — ${s.phase.title}`, '', `Status: ${s.statusText || s.state}`, `Checklist: ${s.done}/${s.total} done`, '', 'Outputs:'];
      for (const o of s.outputs) lines.push(`- ${o.path !== null ? '✓' : '✗'} \`${o.name}\`${o.path !== null ? '' : ' (missing)'}`);
      return { contents: lines.join('\n'), range: target.range };
    }
    case 'path':
      return { contents: pathHover(project, model, target.reference), range: target.range };
  }
}
