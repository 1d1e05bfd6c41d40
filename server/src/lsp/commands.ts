import { ErrorCodes, LSPErrorCodes, ResponseError, type Connection, type Disposable, type WorkspaceEdit } from 'vscode-languageserver';
import * as nodePath from 'node:path';
import type { FileCreate } from '../core/views/codeActions';
import { createOutputActionsIn, toggleEdit } from '../core/views/codeActions';
import { ServerCommands } from '../protocol';
import { checkCreates, toWorkspaceEdit, type EditCapabilities } from './edits';
import { actionOptions, planFor, readText } from './handoff';
import { safeParse } from './roots';
import { resolveInitiative } from './customRequests';
import { anything, array, initiativeId, object, optional, string, uinteger, type ShapeType } from './params';
import { checked, serve } from './serve';
import type { Session } from './session';

export const COMMANDS: readonly string[] = [ServerCommands.generateHandoff, ServerCommands.toggleCheckbox, ServerCommands.createOutput];

const METHOD = 'workspace/executeCommand';
const commandParams = object({ command: string, arguments: optional(array(anything)) });
const toggleArgs = object({ uri: string, line: uinteger });
const handoffArgs = object({ initiative: initiativeId, phase: string });
const createArgs = object({ uri: string, file: string });

async function apply(connection: Connection, edit: WorkspaceEdit | null, label: string): Promise<WorkspaceEdit> {
  if (!edit) throw new ResponseError(ErrorCodes.InvalidRequest, `${label}: the client cannot create files in a workspace edit.`);
  const result = await connection.workspace.applyEdit({ label, edit });
  if (!result.applied) throw new ResponseError(LSPErrorCodes.RequestFailed, `${label}: the client did not apply the edit${result.failureReason ? ` (${result.failureReason})` : ''}.`);
  return edit;
}

async function toggleCheckbox(connection: Connection, session: Session, caps: EditCapabilities, args: ShapeType<typeof toggleArgs>): Promise<WorkspaceEdit> {
  const doc = await session.document(args.uri);
  const edit = doc?.model ? toggleEdit(doc.model, args.line + 1) : null;
  if (!doc || !edit) throw new ResponseError(ErrorCodes.InvalidParams, `There is no checkbox on line ${args.line + 1} of ${args.uri}.`);
  return apply(connection, toWorkspaceEdit(session, doc.root, caps, [edit], []), 'Toggle checkbox');
}

async function generateHandoff(connection: Connection, session: Session, caps: EditCapabilities, args: ShapeType<typeof handoffArgs>): Promise<WorkspaceEdit> {
  await session.settled();
  const { root, key } = resolveInitiative(session, args.initiative);
  const result = await planFor(session, root, key, args.phase);
  if ('error' in result) throw new ResponseError(ErrorCodes.InvalidParams, result.error);
  const label = `Generate Phase ${result.plan.phase} handoff`;
  // Every file is asked of the disk again: the index may lag behind it, an existing file is never
  // written, and nothing is created when any file would be written outside the workspace.
  const checked = await checkCreates(root, result.plan.files.map((f): FileCreate => ({ file: f.path, content: f.content })));
  if (checked.refused.length > 0) throw new ResponseError(LSPErrorCodes.RequestFailed, `${label}: nothing was created. ${checked.refused.join('; ')}.`);
  return apply(connection, toWorkspaceEdit(session, root, caps, [], checked.creates), label);
}

/**
 * The "Create <output>" quick fix, run: the output is looked up again among the TODO's missing
 * outputs and asked of the disk again, so a file that appeared since the fix was offered (written
 * by another tool, or under a folder the index ignores) is never sent to the client.
 */
async function createOutput(connection: Connection, session: Session, caps: EditCapabilities, args: ShapeType<typeof createArgs>): Promise<WorkspaceEdit> {
  const doc = await session.document(args.uri);
  const file = safeParse(args.file);
  if (!doc?.model || file?.scheme !== 'file') throw new ResponseError(ErrorCodes.InvalidParams, `Expected {uri, file}: a TODO of this workspace and the URI of one of its outputs (got ${JSON.stringify(args)}).`);
  const text = doc.text ?? (await readText(session, doc.root, doc.path)) ?? '';
  const options = await actionOptions(session, doc.root, doc.path, text);
  const action = createOutputActionsIn(doc.project, doc.path, options).find((a) => a.creates.some((c) => nodePath.resolve(doc.root.fsPath, c.file) === nodePath.resolve(file.fsPath)));
  const create = action?.creates[0];
  if (!action || !create) throw new ResponseError(LSPErrorCodes.RequestFailed, `${args.file} is not a missing output of ${doc.path} any more; nothing was created.`);
  const checked = await checkCreates(doc.root, [create]);
  if (checked.refused.length > 0) throw new ResponseError(LSPErrorCodes.RequestFailed, `${action.title}: nothing was created. ${checked.refused.join('; ')}.`);
  if (checked.existing.length > 0) throw new ResponseError(LSPErrorCodes.RequestFailed, `${action.title}: ${create.file} exists on disk, so it was left exactly as it is.`);
  return apply(connection, toWorkspaceEdit(session, doc.root, caps, [], checked.creates), action.title);
}

/** proofmark.generateHandoff, proofmark.toggleCheckbox and proofmark.createOutput: each applies its edit through the client and returns it. */
export function registerCommandSupport(connection: Connection, session: Session, caps: EditCapabilities): Disposable {
  return serve(
    connection,
    session,
    METHOD,
    commandParams,
    async (params) => {
      const first = params.arguments?.[0];
      if (params.command === ServerCommands.toggleCheckbox) return toggleCheckbox(connection, session, caps, checked(METHOD, first, toggleArgs, 'params.arguments[0]'));
      if (params.command === ServerCommands.generateHandoff) return generateHandoff(connection, session, caps, checked(METHOD, first, handoffArgs, 'params.arguments[0]'));
      if (params.command === ServerCommands.createOutput) return createOutput(connection, session, caps, checked(METHOD, first, createArgs, 'params.arguments[0]'));
      throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${params.command}.`);
    },
    { effects: true },
  );
}
