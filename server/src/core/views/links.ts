import type { Project } from '../project/project';
import type { Range } from '../text/position';

export interface LinkView {
  readonly range: Range;
  /** Workspace path of the file it opens. */
  readonly target: string;
  readonly tooltip: string;
}

/** Backticked paths, `@` references and bare paths that resolve to a file (Markdown links are left to the editor). */
export function documentLinks(project: Project, path: string): LinkView[] {
  const model = project.model(path);
  if (!model) return [];
  const ctx = project.ruleContext();
  const links: LinkView[] = [];
  for (const ref of model.references) {
    if (ref.via === 'link') continue;
    const r = ctx.resolve(ref, path);
    if (r.resolved === null || !project.index.hasFile(r.resolved)) continue;
    links.push({ range: ref.range, target: r.resolved, tooltip: `${r.resolved} (${r.how})` });
  }
  return links;
}
