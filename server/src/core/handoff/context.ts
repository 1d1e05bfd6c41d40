import type { CompiledConventions } from '../config/compiled';
import type { DocumentModel } from '../model/document';
import type { Initiative } from '../model/initiative';
import type { Phase, TodoModel } from '../model/todo';
import type { RuleContext } from '../rules/context';
import type { RequirementCoverage } from '../rules/coverage';
import type { HandoffTarget } from './targets';
import type { TodoText } from './todoText';

/** Everything the blocks of the generated files are computed from, gathered once per plan. */
export interface HandoffContext {
  readonly ctx: RuleContext;
  readonly c: CompiledConventions;
  readonly initiative: Initiative;
  readonly todo: DocumentModel;
  readonly todoModel: TodoModel;
  /** `TODO003.md`: every pointer into the TODO is written "TODO003.md line N". */
  readonly todoName: string;
  readonly phase: Phase;
  readonly text: TodoText | null;
  readonly targets: readonly HandoffTarget[];
  readonly prdName: string | null;
  /** Requirement coverage from the documents of earlier phases (see evidence.ts). */
  readonly coverage: readonly RequirementCoverage[];
}

/**
 * The evidence slot: a placeholder that shows in the Markdown preview (an empty link whose
 * destination is a comment, the form before, showed nothing). The engine reads no path in it (so it
 * is not evidence) and no status (so it is not a claim), and a line holding one is a question, not
 * a citation (analyze/textScan.ts recognises both forms); the author replaces it with the path.
 */
export const EVIDENCE_SLOT = '_(evidence: path, log or test output)_';

/**
 * A pointer into the TODO is plain text, not a link: a link is a citation, and a citation next to
 * a requirement id would count as evidence for it. The editor's handoff panel gets the same
 * locations as data (`HandoffPlan.openItems`).
 */
export function at(h: Pick<HandoffContext, 'todoName'>, line: number): string {
  return `${h.todoName} line ${line}`;
}
