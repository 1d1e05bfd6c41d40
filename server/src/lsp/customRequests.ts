import { ErrorCodes, ResponseError, type Connection, type Disposable } from 'vscode-languageserver';
import { initiativeKeyString, type InitiativeKey } from '../core/model/initiative';
import { initiativeEvidence } from '../core/rules/evidenceModel';
import { initiativeNodes, listedInitiatives, location0, requirementNode, type Locator } from '../core/views/tree';
import { traceabilityMatrix } from '../core/views/traceability';
import {
  CompletionTreeRequest,
  HandoffPlanRequest,
  TraceabilityRequest,
  TreeChangedNotification,
  type CompletionTree,
  type HandoffPlanParams,
  type HandoffPlanResult,
  type InitiativeId,
  type TraceabilityParams,
  type TraceabilityResult,
} from '../protocol';
import { planFor } from './handoff';
import { whenOpenScopesRead } from './heldPull';
import { initiativeId, object, optional, string } from './params';
import { serve } from './serve';
import type { Root } from './roots';
import type { Session } from './session';

export function locatorOf(session: Session, root: Root): Locator {
  return { root: root.root, uri: (path) => session.uriOf(root, path) };
}

const treeParams = object({});
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const traceabilityParams = object({ initiative: optional(initiativeId) });
const handoffParams = object({ initiative: initiativeId, phase: string });

/** The folder and key of an initiative id from the client (checked by its shape); an unknown folder is an InvalidParams error. */
export function resolveInitiative(session: Session, id: InitiativeId): { root: Root; key: InitiativeKey } {
  const root = session.roots.byUri(id.root);
  if (!root) throw new ResponseError(ErrorCodes.InvalidParams, `${id.root} is not a workspace folder of this server.`);
  return { root, key: { folder: id.folder, id: id.id } };
}

async function handoffPlan(session: Session, params: HandoffPlanParams): Promise<HandoffPlanResult> {
  const { root, key } = resolveInitiative(session, params.initiative);
  const result = await planFor(session, root, key, params.phase);
  if ('error' in result) throw new ResponseError(ErrorCodes.InvalidParams, result.error);
  const plan = result.plan;
  const locator = locatorOf(session, root);
  const initiative = root.project.initiatives().byKey.get(initiativeKeyString(key));
  const prd = initiative?.prd ?? '';
  return {
    initiative: params.initiative,
    phase: plan.phase,
    title: plan.title,
    files: plan.files.map((f) => {
      const refused = result.refused.get(f.path);
      return { kind: f.kind, uri: locator.uri(f.path), exists: f.exists, content: f.content, ...(refused === undefined ? {} : { refused }) };
    }),
    openItems: plan.openItems.map((o) => ({ text: o.text, location: location0(locator, o.file, o.line), phase: o.phase })),
    earlierPhases: plan.earlierPhases.map((p) => ({ phase: p.phase, title: p.title, open: p.open, location: location0(locator, initiative?.todo ?? '', p.line) })),
    unevidenced: plan.unevidenced.map((c) => requirementNode(locator, prd, c)),
    evidenceScope: initiative ? initiativeEvidence(root.project.ruleContext(), initiative, plan.phase).scope.text : '',
  };
}

/** proofmark/completionTree, proofmark/traceability, proofmark/handoffPlan, and proofmark/treeChanged after every change. */
export function registerCustomRequests(connection: Connection, session: Session): Disposable {
  const disposables: Disposable[] = [
    serve(connection, session, CompletionTreeRequest, treeParams, async (_params, token): Promise<CompletionTree> => {
      await whenOpenScopesRead(session, token);
      await session.settled();
      const roots = session.roots.all();
      const partial = roots.filter((r) => r.partial);
      const indexing = partial.length === 0 ? {} : { indexing: { documents: sum(partial.map((r) => r.progress.done)), total: partial.some((r) => r.progress.total === 0) ? 0 : sum(partial.map((r) => r.progress.total)) } };
      // A folder not listed yet has nothing to show: its findings would be about an empty file list.
      const listed = roots.filter((r) => !r.partial || r.listed);
      return { revision: session.revision, initiatives: listed.flatMap((root) => initiativeNodes(root.project, locatorOf(session, root))), ...indexing };
    }),
    serve(connection, session, TraceabilityRequest, traceabilityParams, async (params: TraceabilityParams): Promise<TraceabilityResult> => {
      await session.settled();
      const wanted = params.initiative ? resolveInitiative(session, params.initiative) : null;
      const roots = wanted ? [wanted.root] : session.roots.all();
      return {
        matrices: roots.flatMap((root) =>
          listedInitiatives(root.project)
            .filter((i) => !wanted || (i.key.folder === wanted.key.folder && i.key.id === wanted.key.id))
            .flatMap((i) => traceabilityMatrix(root.project, locatorOf(session, root), i) ?? []),
        ),
      };
    }),
    serve(connection, session, HandoffPlanRequest, handoffParams, async (params: HandoffPlanParams) => {
      await session.settled();
      return handoffPlan(session, params);
    }),
    session.onChange(() => void connection.sendNotification(TreeChangedNotification, { revision: session.revision })),
  ];
  return { dispose: () => disposables.forEach((d) => d.dispose()) };
}
