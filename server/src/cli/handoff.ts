import * as nodePath from 'node:path';
import { loadScope } from '../core/engine';
import { initiativeOfTodo, planHandoff } from '../core/handoff/plan';
import type { HandoffFilePlan } from '../core/handoff/types';
import type { Project } from '../core/project/project';
import { NodeWorkspace } from '../node/nodeWorkspace';
import { WorkerPool } from '../node/workerPool';
import { checkWrite, createExclusive, type WriteTarget } from '../node/writeGuard';

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

/** A planned file with what writing it would do (checkWrite). */
type PlannedFile = HandoffFilePlan & { readonly target: WriteTarget };

const STATE: Record<WriteTarget['kind'], string> = { new: 'new', exists: 'exists, not written', refused: 'refused, not written' };

function preview(file: PlannedFile): string {
  const lines = file.content.split('\n');
  const head = lines.slice(0, PREVIEW_LINES).map((l) => `    ${l}`);
  const more = lines.length > PREVIEW_LINES ? [`    … ${lines.length - PREVIEW_LINES} more lines`] : [];
  return [`${file.path} (${STATE[file.target.kind]})`, ...head, ...more].join('\n');
}

/**
 * `proofmark handoff TODO_FILE --phase N`: writes the phase's missing output files. Exit codes:
 * 0 written (or nothing to write with --skip-existing); 1 a target exists and --skip-existing was
 * not given, so nothing was written (a dry run answers what the real run would); 2 the TODO, the
 * phase or the disk is the problem, including a target whose real path leaves the root (then
 * nothing at all is written).
 */
export async function runHandoffCommand(
  options: { root: string; todoFile: string; phase: string; dryRun: boolean; skipExisting: boolean },
  io: { out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  const workspace = new NodeWorkspace(options.root);
  const path = todoPath(workspace, options.todoFile);
  if (path === null) return fail(io, `${options.todoFile} is not inside the root ${workspace.root}`);
  // Only what the plan reads is analysed: the TODO's initiative, not every document (project/scope.ts).
  // Its status documents are most often more than the pool analyses in this thread, so the workers
  // start while the workspace is listed.
  const pool = new WorkerPool(workspace.root);
  const question = { kind: 'handoff', todo: path, phase: options.phase } as const;
  const { project } = await loadScope({ workspace, analyzer: pool, question, onConfig: (config) => pool.prestart(config) }).finally(() => pool.dispose());
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
  // Existence and safety are the disk's, asked before anything is written: the index may lag
  // behind, ignore the folder an output is in, or list a symlink that leads out of the root.
  const files: PlannedFile[] = [];
  for (const file of plan.files) files.push({ ...file, target: await checkWrite(workspace.root, file.path) });
  const existing = files.filter((f) => f.target.kind === 'exists');
  const refusals = files.flatMap((f) => (f.target.kind === 'refused' ? [f.target.reason] : []));

  if (options.dryRun) {
    io.out(`Phase ${plan.phase} (${plan.title}) of ${path}, dry run: nothing is written.\n`);
    for (const file of files) io.out(`${preview(file)}\n`);
  }
  if (refusals.length > 0) {
    for (const reason of refusals) io.err(`proofmark: ${reason}\n`);
    io.err(`proofmark: nothing written\n`);
    return 2;
  }
  if (existing.length > 0 && !options.skipExisting) {
    for (const file of existing) io.err(`proofmark: ${file.path} exists\n`);
    io.err(`proofmark: nothing written; pass --skip-existing to write only the missing files\n`);
    return 1;
  }
  if (options.dryRun) return 0;

  let appeared = 0;
  for (const file of files) {
    if (file.target.kind === 'exists') {
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
      appeared++;
      io.err(`proofmark: ${file.path} appeared while planning; it was not overwritten\n`);
    }
  }
  return appeared > 0 && !options.skipExisting ? 1 : 0;
}
