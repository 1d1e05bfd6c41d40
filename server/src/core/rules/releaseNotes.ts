import type { DocumentModel, ReleaseItem } from '../model/document';
import type { SpecTask } from '../model/spec';
import { changelogReads } from '../project/crossReads';
import { type RuleContext, type RuleFinding } from './context';
import { clip } from '../text/clip';

/** Words that say nothing of which feature it is. */
const STOP = new Set(
  'with from into that this when then than have been were will also only more most each such like over under using used uses based support supports supported initial release full complete comprehensive basic added improved better proper their them they your about after before between within without across every other'.split(
    ' ',
  ),
);
/** What a task does to a feature, not the feature. */
const VERBS = new Set('implement create add write build update define setup configure integrate wire make ensure verify validate refactor move remove extract handle introduce'.split(' '));
/** A task that tests or documents a feature: the feature can ship before it is done. */
const NOT_THE_FEATURE = /\b(?:tests?|testing|property|benchmarks?|docs?|documentation|readme|examples?)\b/i;
/** A task's own id in front of its text: `4.2`, `T012`, `**T012**`. */
const TASK_ID = /^\s*(?:\*\*)?(?:T\d+|\d+(?:\.\d+)*\.?)(?:\*\*)?\s+/;

/** The feature words of a line: four letters at least, stop words dropped, a plural or -ing ending cut. */
function featureWords(text: string, drop?: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const raw of text.replace(/`[^`]*`/g, ' ').toLowerCase().match(/[a-z]+/g) ?? []) {
    if (raw.length < 4 || STOP.has(raw) || drop?.has(raw)) continue;
    out.add(raw.length > 5 ? raw.replace(/(?:ing|es|s|ed)$/, '') : raw);
  }
  return out;
}

interface Candidate {
  readonly path: string;
  readonly task: SpecTask;
  readonly words: Set<string>;
}

const candidatesOf = new WeakMap<RuleContext, readonly Candidate[]>();

/** The required tasks of every spec task list not kept as a record, with their feature words. */
function candidates(ctx: RuleContext, paths: readonly string[]): readonly Candidate[] {
  let hit = candidatesOf.get(ctx);
  if (!hit) {
    hit = paths.flatMap((path) => {
      const spec = ctx.models.get(path)?.spec;
      if (!spec || ctx.archiveOf(path) !== null) return [];
      return spec.tasks.filter((t) => !t.optional && !t.checkpoint).map((task) => ({ path, task, words: featureWords(task.text.replace(TASK_ID, ''), VERBS) }));
    });
    candidatesOf.set(ctx, hit);
  }
  return hit;
}

/** How well a task's words cover an item's: most of both sets, two words at least; 0 when they do not. */
function overlap(item: Set<string>, task: Set<string>): number {
  if (task.size < 2) return 0;
  let shared = 0;
  for (const w of item) if (task.has(w)) shared++;
  return shared >= 2 && shared >= 0.6 * task.size && shared >= 0.5 * item.size ? shared : 0;
}

/** The one open task an item names, when no checked task names it as well. */
function openTaskOf(item: ReleaseItem, all: readonly Candidate[]): Candidate | null {
  const words = featureWords(item.text);
  if (words.size < 2) return null;
  let best = 0;
  let top: Candidate[] = [];
  for (const c of all) {
    const score = overlap(words, c.words);
    if (score === 0 || score < best) continue;
    if (score > best) top = [];
    best = score;
    top.push(c);
  }
  const only = top[0];
  return top.length === 1 && only && !only.task.checked && !NOT_THE_FEATURE.test(only.task.text) ? only : null;
}

/**
 * A changelog's released version listing a feature as shipped ("Offline fallback with caching"
 * under `## [0.1.0]`) while the one spec task that makes it ("4.2 Implement offline fallback
 * mechanism") is open. The item and the task must share most of their feature words, two at least,
 * no other task may match as well, and a task that tests or documents the feature does not count.
 */
export function releaseNotesRule(ctx: RuleContext, model: DocumentModel): RuleFinding[] {
  if (!model.releaseItems.some((i) => i.shipped)) return [];
  const paths = changelogReads(model.path, ctx.initiatives);
  if (paths.length === 0) return [];
  const all = candidates(ctx, paths);
  const findings: RuleFinding[] = [];
  for (const item of model.releaseItems) {
    if (!item.shipped) continue;
    const open = openTaskOf(item, all);
    if (!open) continue;
    const name = open.task.id ?? `"${clip(open.task.text, 40)}"`;
    findings.push({
      code: 'status-conflict',
      file: model.path,
      range: item.range,
      message: `Release ${item.release} lists "${clip(item.text, 80)}" as shipped, but task ${name} of ${open.path}, which makes it ("${clip(open.task.text.replace(TASK_ID, ''), 80)}"), is open.`,
      related: [{ file: open.path, range: open.task.range, message: 'The open task' }],
    });
  }
  return findings;
}
