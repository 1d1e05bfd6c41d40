import { STATUS_ROLES } from '../analyze/document';
import type { CompiledConventions } from '../config/compiled';
import type { DocumentRole } from '../model/document';
import type { Initiative } from '../model/initiative';
import { documentRole, dirname, normalisePhase } from '../parse/role';
import { FOLDER_MARKERS } from '../rules/context';
import { crossReads } from './crossReads';
import { buildInitiatives } from './initiatives';

/**
 * A question about part of the workspace: the findings of some files (`proofmark check PATH`), or
 * the handoff of one phase of a TODO (`proofmark handoff TODO --phase N`).
 */
export type ScopeQuestion =
  | { readonly kind: 'findings'; readonly selected: (path: string) => boolean }
  | { readonly kind: 'handoff'; readonly todo: string; readonly phase: string };

/**
 * The Markdown files a question needs analysed, from file names alone (initiatives are grouped by
 * name, see initiatives.ts), in the order of `markdown`. What each rule reads, for the findings of
 * one document of an initiative (rules/*.ts; the tests compare with a check of the whole workspace
 * on every document of the example and on the corpus):
 * - the document itself (document rules, claims);
 * - its initiative's TODO and PRD (prerequisites and outputs, status conflicts of an output with the
 *   TODO, requirement ids unknown to the PRD) and phase prompts (outputs they expect, related to
 *   the TODO's findings);
 * - for a phase output, the other outputs of its phase (those claiming it done are one finding);
 * - for the PRD, every status document of the initiative (requirement coverage);
 * - for a report outside the spec folders, every spec's task list, for a document of a spec the
 *   task list and requirements of its copies (spec folders of the same name), for a document of a
 *   numbered phase folder the roadmaps that check its phase off (project/crossReads.ts);
 * - the README or INDEX of every folder above a document read (it can mark its folder historical).
 * A handoff reads the TODO, the PRD and CONTEXT (a cited post-mortem, in another folder), the
 * status documents of earlier phases and of no phase (coverage before the phase), and post-mortems.
 */
export function scopeOf(markdown: readonly string[], conventions: CompiledConventions, question: ScopeQuestion): string[] {
  const roles = new Map(markdown.map((path) => [path, documentRole(path, conventions)]));
  const grouping = buildInitiatives([...roles].map(([path, role]) => ({ path, role })));
  const initiativeOf = (path: string): Initiative | undefined => {
    const key = grouping.byDocument.get(path);
    return key === undefined ? undefined : grouping.byKey.get(key);
  };
  const wanted = new Set<string>();
  const add = (path: string | null): void => {
    if (path !== null) wanted.add(path);
  };
  const documentsOf = (initiative: Initiative, keep: (role: DocumentRole) => boolean): void => {
    for (const path of initiative.documents) {
      const role = roles.get(path);
      if (role && keep(role)) add(path);
    }
  };

  if (question.kind === 'findings') {
    for (const path of markdown) {
      if (!question.selected(path)) continue;
      add(path);
      const role = roles.get(path);
      if (role) for (const read of crossReads(path, role, grouping)) add(read);
      const initiative = initiativeOf(path);
      if (!initiative) continue;
      add(initiative.todo);
      add(initiative.prd);
      documentsOf(initiative, (role) => role.kind === 'phase-prompt');
      if (path === initiative.prd) documentsOf(initiative, (role) => STATUS_ROLES.has(role.kind));
      // The outputs of one phase that claim it done over its open checklist are one finding (copies.ts mergeSameFacts).
      if (role?.kind === 'phase-output') documentsOf(initiative, (other) => other.kind === 'phase-output' && other.phase === role.phase);
      // A spec's rules read its requirements, tasks and plan together, and the reports beside them.
      if (initiative.spec) documentsOf(initiative, () => true);
    }
  } else {
    add(question.todo);
    const initiative = initiativeOf(question.todo);
    if (initiative?.todo === question.todo) {
      add(initiative.prd);
      add(initiative.context);
      const phase = Number(normalisePhase(question.phase.trim().replace(/^phase\s*/i, '')));
      documentsOf(initiative, (role) => STATUS_ROLES.has(role.kind) && !(Number.isFinite(phase) && 'phase' in role && Number(role.phase) >= phase));
      for (const [path, role] of roles) if (role.kind === 'postmortem') add(path);
    }
  }

  const folders = new Set<string>();
  for (const path of wanted) {
    for (let folder = dirname(path); !folders.has(folder); folder = dirname(folder)) {
      folders.add(folder);
      if (folder === '') break;
    }
  }
  for (const folder of folders) {
    for (const name of FOLDER_MARKERS) {
      const path = folder === '' ? name : `${folder}/${name}`;
      if (roles.has(path)) wanted.add(path);
    }
  }
  return markdown.filter((path) => wanted.has(path));
}

/**
 * What one document's own findings are computed from: its scope as a check of it alone reads it
 * (scopeOf), without its initiative's phase prompts, which add only related locations to a TODO's
 * findings (the prompt's line of an expected output, rules/todoFiles.ts). An editor publishes an
 * open document's diagnostics once these are analysed, before the rest of its initiative.
 */
export function ownScopeOf(markdown: readonly string[], conventions: CompiledConventions, path: string): string[] {
  const all = markdown.includes(path) ? markdown : [...markdown, path];
  return scopeOf(all, conventions, { kind: 'findings', selected: (p) => p === path }).filter((p) => p === path || documentRole(p, conventions).kind !== 'phase-prompt');
}
