import * as nodePath from 'node:path';
import { loadProject } from '../core/engine';
import { initiativeOfTodo, planHandoff } from '../core/handoff/plan';
import type { HandoffFilePlan } from '../core/handoff/types';
import type { Project } from '../core/project/project';
import { NodeWorkspace } from '../node/nodeWorkspace';
import { createExclusive, type WriteTarget } from '../node/writeGuard';

type HandoffCommandIo = { out: (s: string) => void; err: (s: string) => void };

/** Lines of each planned file shown by --dry-run. */
const PREVIEW_LINES = 6;

function fail(io: HandoffCommandIo, reason: string): 2 {
  io.err(`proofmark: ${reason}\n`);
  return 2;
}

function todoPath(workspace: NodeWorkspace, todoFile: string): string | null {
  if (nodePath.isAbsolute(todoFile)) return workspace.relative(todoFile);
  const rel = todoFile.split(nodePath.sep).join('/').replace(/^\.\//, '');
  return workspace.absolute(rel) === null ? null : rel;
}

/** Template overrides: `<templates>/<kind>.md` for each output kind the workspace has one for. */
async function readTemplates(workspace: NodeWorkspace, project: Project): Promise<Record<string, string>> {
  const folder = project.config.templates;
  const templates: Record<string, string> = {};
  if (folder === null) return templates;
  for (const kind of project.config.conventions.outputKinds) {
    const bytes = await workspace.read(`${folder}/${kind}.md`);
    if (bytes !== undefined) templates[kind] = new TextDecoder('utf-8').decode(bytes);
  }
  return templates;
}

function preview(file: HandoffFilePlan): string {
  const lines = file.content.split('\n');
  const head = lines.slice(0, PREVIEW_LINES).map((l) => `    ${l}`);
  const more = lines.length > PREVIEW_LINES ? [`    … ${lines.length - PREVIEW_LINES} more lines`] : [];
  return [`${file.path} (${file.exists ? 'exists, not written' : 'new'})`, ...head, ...more].join('\n');
}

/**
 * `proofmark handoff TODO_FILE --phase N`: writes the phase's missing output files. Exit codes:
 * 0 written (or nothing to write with --skip-existing); 1 a target exists and --skip-existing was
 * not given, so nothing was written (a dry run answers what the real run would); 2 the TODO, the
 * phase or the disk is the problem.
 */
export async function runHandoffCommand(
  options: { root: string; todoFile: string; phase: string; dryRun: boolean; skipExisting: boolean },
  io: { out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  const workspace = new NodeWorkspace(options.root);
  const path = todoPath(workspace, options.todoFile);
  if (path === null) return fail(io, `${options.todoFile} is not inside the root ${workspace.root}`);
  const project = await loadProject({ workspace });
  const model = project.model(path);
  if (!model) return fail(io, `TODO not found: ${path} is not a Markdown document under ${workspace.root}`);
  const key = initiativeOfTodo(project, path);
  if (key === null) {
    const why = model.role.kind === 'todo' ? 'another TODO of the same id comes first in its folder' : 'its name does not follow the TODO naming convention';
    return fail(io, `${path} is not a TODO: ${why}`);
  }

  const todoBytes = await workspace.read(path);
  const result = planHandoff(project, key, options.phase, {
    now: new Date(),
    templates: await readTemplates(workspace, project),
    todoText: todoBytes === undefined ? undefined : new TextDecoder('utf-8').decode(todoBytes),
  });
  if ('error' in result) return fail(io, result.error);
  const { plan } = result;
  const existing = plan.files.filter((f) => f.exists);

  if (options.dryRun) {
    io.out(`Phase ${plan.phase} (${plan.title}) of ${path}, dry run: nothing is written.\n`);
    for (const file of plan.files) io.out(`${preview(file)}\n`);
  }
  if (existing.length > 0 && !options.skipExisting) {
    for (const file of existing) io.err(`proofmark: ${file.path} exists\n`);
    io.err(`proofmark: nothing written; pass --skip-existing to write only the missing files\n`);
    return 1;
  }
  if (options.dryRun) return 0;

  let refused = 0;
  for (const file of plan.files) {
    if (file.exists) {
      io.out(`kept ${file.path} (exists)\n`);
      continue;
    }
    let outcome: WriteTarget;
    try {
      outcome = await createExclusive(workspace.root, file.path, file.content);
    } catch (error) {
      return fail(io, `cannot write ${file.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (outcome.kind === 'refused') return fail(io, outcome.reason);
    if (outcome.kind === 'new') io.out(`wrote ${file.path}\n`);
    else {
      refused++;
      io.err(`proofmark: ${file.path} appeared while planning; it was not overwritten\n`);
    }
  }
  return refused > 0 && !options.skipExisting ? 1 : 0;
}
