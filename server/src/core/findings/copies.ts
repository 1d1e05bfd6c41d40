import type { Finding, FindingOrigin, RelatedLocation } from './finding';

/** What tells copies apart, read for every document: its text's hash and length (whether it is history is asked of copies only). */
export type TextOrigin = Pick<FindingOrigin, 'hash' | 'lines'>;

type TextOf = (path: string) => TextOrigin | undefined;
type IsHistorical = (path: string) => boolean;
/** Hears of a finding of a later copy that is reported on its first copy (see mergeCopies). */
export type CopyMerged = (copy: Finding, first: string) => void;

/** Documents this short are not copies of one another in any sense a reader cares about (empty stubs, a lone title). */
const MIN_LINES = 3;

/**
 * One fact, one finding, across documents of the same text (a report kept in two archive folders,
 * a spec.md copied into three feature folders; the text as decoded, so a BOM makes no difference):
 * a finding of a later copy that the first copy also has (same code, same place) is not reported
 * again; the first copy's finding names the copies as related locations. A finding only a copy has
 * (its relative links resolve from another folder) stays. The first copy is the first path of the
 * copies not kept as history (`historical`), then the first path: the one whose findings are
 * reported at their full severity. `paths` are the documents with findings, so that a project and
 * a check in batches (which knows no others) choose the same first copy. `merged` hears of each
 * finding of a later copy that is reported on its first copy (the language server shows them on
 * an open copy whose first copy is not shown).
 */
export function mergeCopies(findings: readonly Finding[], paths: Iterable<string>, textOf: TextOf, historical: IsHistorical, merged?: CopyMerged): readonly Finding[] {
  const byHash = new Map<string, string[]>();
  for (const path of paths) {
    const origin = textOf(path);
    if (!origin || origin.lines < MIN_LINES) continue;
    const same = byHash.get(origin.hash);
    if (same) same.push(path);
    else byHash.set(origin.hash, [path]);
  }
  /** For each later copy: the first copy. */
  const firstOf = new Map<string, string>();
  for (const paths of byHash.values()) {
    if (paths.length < 2) continue;
    const ordered = [...paths].sort((a, b) => Number(historical(a)) - Number(historical(b)) || (a < b ? -1 : a > b ? 1 : 0));
    const first = ordered[0] ?? '';
    for (const path of ordered.slice(1)) firstOf.set(path, first);
  }
  if (firstOf.size === 0) return findings;
  const key = (file: string, f: Finding): string => `${file}\u0000${f.code}\u0000${f.range.start.line}:${f.range.start.column}`;
  const firsts = new Set(firstOf.values());
  const onFirst = new Set<string>();
  for (const f of findings) if (firsts.has(f.file)) onFirst.add(key(f.file, f));
  const copiesOf = new Map<string, Finding[]>();
  const kept: Finding[] = [];
  for (const f of findings) {
    const first = firstOf.get(f.file);
    if (first === undefined || !onFirst.has(key(first, f))) {
      kept.push(f);
      continue;
    }
    merged?.(f, first);
    const k = key(first, f);
    const list = copiesOf.get(k) ?? [];
    list.push(f);
    copiesOf.set(k, list);
  }
  if (copiesOf.size === 0) return kept;
  return kept.map((f) => {
    const copies = firsts.has(f.file) ? copiesOf.get(key(f.file, f)) : undefined;
    if (!copies) return f;
    return remembered(copyMerges, f, copies, () => ({ ...f, related: [...f.related, ...copies.map((c): RelatedLocation => ({ file: c.file, range: c.range, message: 'The same text in a copy of this document' }))] }));
  });
}

/**
 * The merges of the last computation, by their first finding: a merge of the same findings (the
 * same objects) is the same object again, so a caller that tells "unchanged" by identity (the
 * language server skips re-converting such a file) sees it unchanged.
 */
const copyMerges = new WeakMap<Finding, { readonly parts: readonly Finding[]; readonly merged: Finding }>();
const factMerges = new WeakMap<Finding, { readonly parts: readonly Finding[]; readonly merged: Finding }>();

function remembered(memo: WeakMap<Finding, { readonly parts: readonly Finding[]; readonly merged: Finding }>, head: Finding, parts: readonly Finding[], make: () => Finding): Finding {
  const hit = memo.get(head);
  if (hit && hit.parts.length === parts.length && hit.parts.every((p, i) => p === parts[i])) return hit.merged;
  const merged = make();
  memo.set(head, { parts, merged });
  return merged;
}

/** The related location of a hint that repeats the finding's fact in another document. */
export const REPEATED_HERE = 'Said here too';

/**
 * One fact, one finding, across documents that state it: findings of the same code and the same
 * `data.fact` (three reports saying Phase 4 of one task list is done, while its boxes are open) are
 * one finding, on the first document not kept as history (then the first path), with the others
 * as related locations and their count in the message. A hint that repeats a fact reported under
 * another code (a phase output saying done what its TODO's own finding states) stays a hint in its
 * document and is a related location of that finding.
 */
export function mergeSameFacts(findings: readonly Finding[], historical: (path: string) => boolean): readonly Finding[] {
  const groups = new Map<string, Finding[]>();
  const repeats = new Map<string, Finding[]>();
  for (const f of findings) {
    const fact = f.data?.fact;
    if (fact === undefined) continue;
    const key = `${f.code}\u0000${fact}`;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
    if (f.severity !== 'hint') continue;
    const repeated = repeats.get(fact);
    if (repeated) repeated.push(f);
    else repeats.set(fact, [f]);
  }
  const replaced = new Map<Finding, Finding | null>();
  for (const list of groups.values()) {
    // Hints alone stay apart, each quiet in its own document.
    const ordered = [...list].sort((a, b) => Number(historical(a.file)) - Number(historical(b.file)) || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start.line - b.range.start.line));
    const first = ordered.find((f) => f.severity !== 'hint');
    if (!first) continue;
    const others = ordered.filter((f) => f !== first);
    const hints = (repeats.get(first.data?.fact ?? '') ?? []).filter((h) => h.code !== first.code);
    if (others.length === 0 && hints.length === 0) continue;
    const files = new Set(others.map((o) => o.file).filter((file) => file !== first.file));
    const also = files.size === 0 ? '' : ` Also stated in ${files.size} other document${files.size === 1 ? '' : 's'} (related locations).`;
    replaced.set(
      first,
      remembered(factMerges, first, [...others, ...hints], () => ({
        ...first,
        message: `${first.message}${also}`,
        related: [...first.related, ...others.map((o) => ({ file: o.file, range: o.range, message: 'Also said here' })), ...hints.map((h) => ({ file: h.file, range: h.range, message: REPEATED_HERE }))],
      })),
    );
    for (const o of others) replaced.set(o, null);
  }
  if (replaced.size === 0) return findings;
  const kept: Finding[] = [];
  for (const f of findings) {
    const r = replaced.get(f);
    if (r === undefined) kept.push(f);
    else if (r !== null) kept.push(r);
  }
  return kept;
}

/** Both merges: copies of the same text, then findings of the same fact. `paths`: the documents with findings. */
export function mergeRepeats(findings: readonly Finding[], paths: Iterable<string>, textOf: TextOf, historical: IsHistorical, merged?: CopyMerged): readonly Finding[] {
  return mergeSameFacts(mergeCopies(findings, paths, textOf, historical, merged), historical);
}

/** The findings of a checked batch, each carrying its document's origin (Project.deferMerges), merged over all batches and stripped of it. */
export function mergeBatches(findings: readonly Finding[]): Finding[] {
  const origins = new Map<string, FindingOrigin>();
  for (const f of findings) if (f.data?.origin) origins.set(f.file, f.data.origin);
  return mergeRepeats(findings, origins.keys(), (path) => origins.get(path), (path) => origins.get(path)?.historical === true).map(withoutOrigin);
}

function withoutOrigin(f: Finding): Finding {
  if (!f.data?.origin) return f;
  const { origin: _origin, ...rest } = f.data;
  return Object.keys(rest).length > 0 ? { ...f, data: rest } : { code: f.code, severity: f.severity, file: f.file, range: f.range, message: f.message, related: f.related };
}
