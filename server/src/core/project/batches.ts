import type { CompiledConventions } from '../config/compiled';
import { documentRole } from '../parse/role';
import { crossReads } from './crossReads';
import { buildInitiatives } from './initiatives';
import { FOLDER_MARKERS } from '../rules/context';

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

/**
 * What a batch's rules read in other batches: the folder READMEs above its documents (a README can
 * mark its folder historical, which the rules of the documents below it read) and the documents a
 * report reads beyond its initiative (project/crossReads.ts: the spec task lists). They are
 * analysed with the batch as context; their own findings are reported by the batch that holds them
 * (see `owner`).
 */
export function withContext(batches: readonly string[][], paths: readonly string[], conventions: CompiledConventions): { batches: string[][]; owner: ReadonlyMap<string, number> } {
  const owner = new Map<string, number>();
  batches.forEach((b, i) => {
    for (const p of b) owner.set(p, i);
  });
  const markers = new Set(paths.filter((p) => FOLDER_MARKERS.includes(p.slice(p.lastIndexOf('/') + 1))));
  const grouping = buildInitiatives(paths.map((path) => ({ path, role: documentRole(path, conventions) })));
  const out = batches.map((batch, i) => {
    const extra = new Set<string>();
    const reads = new Set(batch);
    for (const path of batch) for (const read of crossReads(path, documentRole(path, conventions), grouping)) reads.add(read);
    for (const path of reads) {
      if (owner.get(path) !== i) extra.add(path);
      for (let folder = path.lastIndexOf('/') < 0 ? '' : path.slice(0, path.lastIndexOf('/')); ; ) {
        for (const name of FOLDER_MARKERS) {
          const marker = folder === '' ? name : `${folder}/${name}`;
          if (markers.has(marker) && owner.get(marker) !== i) extra.add(marker);
        }
        if (folder === '') break;
        const slash = folder.lastIndexOf('/');
        folder = slash < 0 ? '' : folder.slice(0, slash);
      }
    }
    return extra.size === 0 ? batch : [...batch, ...extra];
  });
  return { batches: out, owner };
}
