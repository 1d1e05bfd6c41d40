import { planHandoff } from '../core/handoff/plan';
import type { HandoffFilePlan, HandoffPlan } from '../core/handoff/types';
import type { InitiativeKey } from '../core/model/initiative';
import { initiativeKeyString } from '../core/model/initiative';
import type { ActionOptions } from '../core/views/codeActions';
import { checkWrite } from '../node/writeGuard';
import type { Root } from './roots';
import type { Session } from './session';

const decoder = new TextDecoder('utf-8', { fatal: false });

/** A document's text: the editor's when it is open, else the disk's. */
export async function readText(session: Session, root: Root, path: string): Promise<string | undefined> {
  const open = session.openText(root, path);
  if (open !== null) return open;
  const bytes = await root.disk.read(path);
  return bytes === undefined ? undefined : decoder.decode(bytes);
}

/** Template overrides, `<templates>/<kind>.md`, as the CLI reads them (the editor's text wins). */
async function readTemplates(session: Session, root: Root): Promise<Record<string, string>> {
  const folder = root.project.config.templates;
  const templates: Record<string, string> = {};
  if (folder === null) return templates;
  for (const kind of root.project.config.conventions.outputKinds) {
    const text = await readText(session, root, `${folder}/${kind}.md`);
    if (text !== undefined) templates[kind] = text;
  }
  return templates;
}

/** A handoff plan whose `exists` is the disk's, with the reason for each file the write guard refuses. */
export type DiskPlanResult = { readonly plan: HandoffPlan; readonly refused: ReadonlyMap<string, string> } | { readonly error: string };

/**
 * Plans "Generate Phase N handoff" with the workspace's templates and the TODO's current text.
 * Whether each file exists is asked of the disk (`checkWrite`), not of the index: the index keeps
 * a deleted file that is open in the editor, lags behind files written without a watched-file
 * event, and never holds ignored folders such as `out/`.
 */
export async function planFor(session: Session, root: Root, key: InitiativeKey, phase: string): Promise<DiskPlanResult> {
  const todo = root.project.initiatives().byKey.get(initiativeKeyString(key))?.todo ?? null;
  const todoText = todo === null ? undefined : await readText(session, root, todo);
  const result = planHandoff(root.project, key, phase, { now: new Date(), templates: await readTemplates(session, root), todoText });
  if ('error' in result) return result;
  const refused = new Map<string, string>();
  const files: HandoffFilePlan[] = [];
  for (const file of result.plan.files) {
    const target = await checkWrite(root.fsPath, file.path);
    if (target.kind === 'refused') refused.set(file.path, target.reason);
    files.push({ ...file, exists: target.kind === 'exists' });
  }
  return { plan: { ...result.plan, files }, refused };
}

/** Code-action options whose new phase outputs are filled from the handoff generator's plan. */
export async function actionOptions(session: Session, root: Root, todoPath: string, todoText: string): Promise<ActionOptions> {
  const key = root.project.initiatives().initiatives.find((i) => i.todo === todoPath)?.key;
  if (!key) return {};
  const templates = await readTemplates(session, root);
  return {
    outputContent: (file, _kind, phase) => {
      const result = planHandoff(root.project, key, phase, { now: new Date(), templates, todoText });
      return 'plan' in result ? (result.plan.files.find((f) => f.path === file)?.content ?? null) : null;
    },
  };
}
