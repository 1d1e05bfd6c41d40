import stem from 'wink-porter2-stemmer';
import type { DocumentModel, ReleaseItem } from '../model/document';
import { changelogReads } from '../project/crossReads';
import { clip } from '../text/clip';
import { lineRangeOf, type RuleContext, type RuleFinding } from './context';

/** Words of a spec's name that say nothing of the feature. */
const STOP = new Set(['and', 'the', 'for', 'with', 'from', 'into', 'of', 'to', 'in', 'on', 'a', 'an', 'v', 'new', 'feature', 'spec', 'support', 'fix', 'fixes']);

/** The stems of a text's words (Porter2: one for `migration` and `migrated`), stop words dropped. */
function words(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z0-9]*/g) ?? []).filter((w) => !STOP.has(w)).map(stem);
}

interface DatedSpec {
  readonly path: string;
  readonly name: string;
  readonly words: readonly string[];
  readonly created: { readonly line: number; readonly date: string };
}

const specsOf = new WeakMap<RuleContext, readonly DatedSpec[]>();

/** The specs whose requirements say when they were written, with the words of their folder's name (`003-command-timeout`: command, timeout). */
function datedSpecs(ctx: RuleContext, paths: readonly string[]): readonly DatedSpec[] {
  let hit = specsOf.get(ctx);
  if (!hit) {
    hit = paths.flatMap((path) => {
      const created = ctx.models.get(path)?.spec?.created;
      const folder = ctx.initiativeOf(path)?.key.folder;
      if (!created || !folder) return [];
      const name = folder.slice(folder.lastIndexOf('/') + 1);
      const nameWords = [...new Set(words(name.replace(/^\d+[-_]/, '')))];
      return nameWords.length >= 2 ? [{ path, name, words: nameWords, created }] : [];
    });
    specsOf.set(ctx, hit);
  }
  return hit;
}

/**
 * The spec a release lists, by the words of its name: one item names two of them at least, and the
 * release's items together name all of them, or all but one of four or more (`Initial Go binary
 * implementation` and `Migrated from bash scripts to Go binary` for `002-go-binary-migration`).
 */
function listed(spec: DatedSpec, items: readonly ReleaseItem[]): ReleaseItem | null {
  const all = new Set(items.flatMap((i) => words(i.text)));
  const named = spec.words.filter((w) => all.has(w)).length;
  if (named < (spec.words.length >= 4 ? spec.words.length - 1 : spec.words.length)) return null;
  return items.find((i) => {
    const own = new Set(words(i.text));
    return spec.words.filter((w) => own.has(w)).length >= 2;
  }) ?? null;
}

/**
 * A changelog release dated before the specs of the work it lists were written (`## [0.1.0] -
 * 2025-01-01` listing the Go binary whose spec says `**Created**: 2025-10-22`): a release cannot
 * ship what was specified after it, so one of the dates is wrong. One finding per release, at its
 * heading, the specs as related locations.
 */
export function releaseDateRule(ctx: RuleContext, model: DocumentModel): RuleFinding[] {
  if (model.releaseItems.length === 0) return [];
  const specs = datedSpecs(ctx, changelogReads(model.path, ctx.initiatives));
  if (specs.length === 0) return [];
  const releases = new Map<number, ReleaseItem[]>();
  for (const item of model.releaseItems) if (item.date) releases.set(item.releaseLine, [...(releases.get(item.releaseLine) ?? []), item]);
  const findings: RuleFinding[] = [];
  for (const [line, items] of releases) {
    const date = items[0]?.date ?? '';
    const later = specs.flatMap((spec) => {
      const item = spec.created.date > date ? listed(spec, items) : null;
      return item ? [{ spec, item }] : [];
    });
    const first = later[0];
    if (!first) continue;
    const each = later.slice(0, 3).map(({ spec, item }) => `"${clip(item.text, 60)}" (${spec.name}, created ${spec.created.date})`);
    findings.push({
      code: 'numbers-inconsistent',
      file: model.path,
      range: lineRangeOf(line),
      message: `Release ${first.item.release} is dated ${date}, but it lists work specified after that: ${each.join(', ')}${later.length > 3 ? `, and ${later.length - 3} more` : ''}. A release cannot ship what was specified later: the release date is wrong, or the spec was dated after the fact.`,
      related: later.map(({ spec, item }) => ({ file: spec.path, range: lineRangeOf(spec.created.line), message: `${spec.name} created ${spec.created.date}, after release ${item.release}` })),
    });
  }
  return findings;
}
