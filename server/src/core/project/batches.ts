import type { CompiledConventions } from '../config/compiled';
import { documentRole } from '../parse/role';
import { buildInitiatives } from './initiatives';

/**
 * Splits Markdown paths into batches of whole initiatives, for a check that holds only one
 * batch's models at a time. Grouping depends on file names alone (roles come from names, and a
 * file that cannot be analysed still anchors its initiative), so the initiatives found inside a
 * batch are exactly the global ones: every cross-document rule sees all of its documents. An
 * initiative larger than `maxFiles` is a batch of its own; documents of no initiative fill in.
 */
export function planBatches(paths: readonly string[], conventions: CompiledConventions, maxFiles: number): string[][] {
  const grouping = buildInitiatives(paths.map((path) => ({ path, role: documentRole(path, conventions) })));
  const units: (readonly string[])[] = grouping.initiatives.map((i) => i.documents);
  for (const path of paths) if (!grouping.byDocument.has(path)) units.push([path]);

  const batches: string[][] = [];
  let current: string[] = [];
  for (const unit of units) {
    if (current.length > 0 && current.length + unit.length > maxFiles) {
      batches.push(current);
      current = [];
    }
    current.push(...unit);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
