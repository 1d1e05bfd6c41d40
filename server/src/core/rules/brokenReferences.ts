import { inGeneratedFolder } from '../analyze/pathShapes';
import type { DocumentModel, Reference } from '../model/document';
import { basename, normalisePhase } from '../parse/role';
import { isMissing, type Unresolved } from '../resolve/resolve';
import { lineRangeOf, type RuleContext, type RuleFinding } from './context';
import { misnamedFinding, misnamedTarget } from './misnamed';

const DOCUMENT = /\.(?:md|mdx|txt|pdf)$/i;
/** Screenshots, recordings, test data and archives: often produced, uploaded or ignored rather than committed. */
const ARTEFACT = /\.(?:png|jpe?g|gif|webp|bmp|svg|mp4|mov|webm|pdf|zip|tar|gz|tgz|csv|parquet|log|db|sqlite)$/i;
/** A tool's own folder (`.autospec/`, `.claude/`) that the repository does not have is made at run time, on a user's machine. */
const DOT_FOLDER = /^\.[\w-]+\//;

export function referenceKind(ref: Pick<Reference, 'target' | 'shape'>): string {
  if (ref.shape === 'directory') return 'folder';
  return DOCUMENT.test(ref.target) ? 'document' : 'code path';
}

export function triedText(r: Unresolved, limit = 4): string {
  return r.tried.length > 0 ? `; tried ${r.tried.slice(0, limit).join(', ')}${r.tried.length > limit ? ', …' : ''}` : '';
}

/**
 * Citations whose absence is not a sure finding (a hint): one named in passing; a bare name not
 * presented as a code span or a bare artefact (a screenshot, a test PDF); a path in a tool's own
 * dot-folder that the repository does not have.
 */
function weakCitation(ctx: RuleContext, ref: Reference, lowConfidence: boolean): boolean {
  if (ref.passing === true) return true;
  if (lowConfidence && (ref.via !== 'code' || ARTEFACT.test(ref.target))) return true;
  const target = ref.target.replace(/^(?:\.\/)+/, '');
  return DOT_FOLDER.test(target) && !ctx.anchored(target);
}

/** A folder of a versioned snapshot: GSD's `milestones/v1.1-phases/`, a `v2-docs/`. */
const SNAPSHOT_FOLDER = /^(v\d+(?:\.\d+)*)[-_]/i;

/**
 * The archived copy of a cited file, when the citing document belongs to a versioned snapshot
 * (`v1.1-phases/…`) and the file was archived with the same version (`v1.1-REQUIREMENTS.md`): the
 * snapshot cites the file as it stood when it was written, which is history, not a broken reference.
 */
function snapshotCopy(ctx: RuleContext, from: string, name: string): string | null {
  for (const folder of from.split('/').slice(0, -1)) {
    const version = SNAPSHOT_FOLDER.exec(folder)?.[1];
    if (!version) continue;
    for (const sep of ['-', '_']) {
      const copy = ctx.index.named(`${version}${sep}${name}`)[0];
      if (copy) return copy;
    }
  }
  return null;
}

/**
 * File names this document also cites under a folder the repository does not have
 * (`mobile/docs/plans/PLAN.md` of a sibling repository): its bare `PLAN.md` is that file.
 */
function namesOfElsewhere(ctx: RuleContext, model: DocumentModel): ReadonlySet<string> {
  const names = new Set<string>();
  for (const ref of model.references) {
    if (ref.target.includes('/') && !ref.target.startsWith('.') && !ctx.anchored(ref.target)) names.add(basename(ref.target));
  }
  return names;
}

/**
 * Whether a bare name, or a path not from a top folder of the repository, is named beside a folder
 * the repository does not have (`ref-projects/Wrapper` (source), then `Wrapper.cs`,
 * `Config/WrapperConfig.cs`): it is that folder's file, of another project, not one of this repository's.
 */
function besideMissingFolder(ctx: RuleContext, ref: Reference): boolean {
  const own = ref.target.includes('/') ? ref.target.slice(0, ref.target.lastIndexOf('/')) : '';
  const first = ref.target.split('/')[0] ?? '';
  // A path from one of the repository's top folders (`scripts/x.sh`) is the repository's.
  if (own !== '' && ctx.index.hasDirectory(first)) return false;
  return ref.near.some((folder) => {
    if (folder === own || folder.startsWith('.') || folder.split('/')[0] === first || inGeneratedFolder(`${folder}/`)) return false;
    return !ctx.index.hasDirectory(folder) && ctx.index.endingWith(folder, true).length === 0;
  });
}

/**
 * One missing file, one finding: at its first citation that is not in passing (else its first), the
 * other citations related and their lines in the message.
 */
function oneFinding(citations: readonly RuleFinding[]): RuleFinding {
  const head = citations.find((c) => c.weak !== true) ?? citations[0];
  if (!head) throw new Error('oneFinding needs a citation');
  const others = citations.filter((c) => c !== head);
  if (others.length === 0) return head;
  const lines = others.map((c) => c.range.start.line);
  return { ...head, message: `${head.message} Also cited at line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}.`, related: others.map((c) => ({ file: c.file, range: c.range, message: 'Also cited here' })) };
}

/**
 * A citation a careful reader would call broken: one that says a file of this repository exists
 * (not a plan, history, an example or a negation; not a checked task's, which task-done-file-missing
 * reports), outside archives, that resolves nowhere, not even ambiguously or under another folder.
 * Outside reports, a path whose first folder the repository does not have is someone else's
 * (an example, another repository) and is not checked. Folders are not checked: a folder cited
 * without a file is as often a pattern or a place on someone's machine.
 */
export function brokenReferenceRule(ctx: RuleContext, model: DocumentModel): RuleFinding[] {
  const findings: RuleFinding[] = [];
  if (ctx.archived(model.path)) return findings;
  const initiative = ctx.initiativeOf(model.path);
  const record = ctx.isRecord(model);
  const seen = new Set<string>();
  let elsewhere: ReadonlySet<string> | null = null;
  /** The citations of each missing file (by the first path it was looked for at), in order. */
  const missing = new Map<string, RuleFinding[]>();
  for (const ref of model.references) {
    if (ref.context !== 'text' || ref.intent !== 'record' || ref.shape === 'directory' || ref.via === 'bare') continue;
    if (ref.box >= 0 && model.checkboxes[ref.box]?.checked) continue;
    const name = basename(ref.target);
    if (inGeneratedFolder(ref.target)) continue;
    if (/^\.env(?:\.|$)/.test(name)) continue;
    const output = ctx.c.phaseOutputFile.exec(name);
    if (output && initiative && !ctx.phaseStarted(initiative, normalisePhase(output[2] ?? ''))) continue;
    if (!record && !ctx.anchored(ref.target)) continue;
    const r = ctx.resolve(ref, model.path);
    if (!isMissing(r)) continue;
    // A bare code-file name outside a report is too often generic ("each module's mod.rs").
    if (!record && r.lowConfidence) continue;
    if (!ref.target.includes('/') && (elsewhere ??= namesOfElsewhere(ctx, model)).has(name)) continue;
    if (besideMissingFolder(ctx, ref)) continue;
    const key = `${ref.line}:${ref.target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const drift = misnamedTarget(ctx, ref, model.path);
    if (drift) {
      findings.push(misnamedFinding(model.path, ref.range, `The ${referenceKind(ref)} ${ref.raw}`, ref, drift, r.tried));
      continue;
    }
    const weak = weakCitation(ctx, ref, r.lowConfidence);
    const file = r.tried[0] ?? ref.target;
    const citations = missing.get(file) ?? [];
    const copy = snapshotCopy(ctx, model.path, name);
    const archived = copy ? ` It was archived with this snapshot as ${copy}, so this is only a hint.` : '';
    citations.push({
      code: 'broken-reference',
      file: model.path,
      range: ref.range,
      message: `The ${referenceKind(ref)} ${ref.raw} does not resolve: ${r.reason}${triedText(r)}.${archived}`,
      related: copy ? [{ file: copy, range: lineRangeOf(1), message: 'The archived copy' }] : [],
      weak,
      ...(copy ? { quiet: true } : {}),
      data: { missing: r.tried },
    });
    missing.set(file, citations);
  }
  for (const citations of missing.values()) findings.push(oneFinding(citations));
  return findings;
}
