import { basename, dirname, normalisePhase } from '../parse/role';
import type { DocumentModel, Reference } from '../model/document';
import type { Initiative } from '../model/initiative';
import type { Resolution, Unresolved } from '../resolve/resolve';
import type { RuleContext, RuleFinding } from './context';
import { lineRangeOf } from './context';
import { misnamedFinding, misnamedTarget } from './misnamed';

function triedText(r: Resolution): string {
  if (r.resolved !== null) return '';
  const tried = r.tried.slice(0, 3).join(', ');
  return tried ? ` (looked for ${tried}${r.tried.length > 3 ? ', …' : ''})` : '';
}

/** How a TODO's finding of a missing expected output names a prompt that expects it too (the language server adds these as the prompts are read). */
export const ALSO_EXPECTED_BY = 'Also expected by';

/** The outputs a phase's prompts (PHASE2_PROMPT.md) list under Expected Outputs. */
function promptOutputs(ctx: RuleContext, initiative: Initiative, phase: string): { model: DocumentModel; ref: Reference; covered: boolean }[] {
  const result: { model: DocumentModel; ref: Reference; covered: boolean }[] = [];
  for (const path of initiative.documents) {
    const model = ctx.models.get(path);
    if (model?.role.kind !== 'phase-prompt' || model.role.phase !== phase) continue;
    for (const ref of model.references) if (ref.context === 'expected-output' && ref.shape === 'file') result.push({ model, ref, covered: false });
  }
  return result;
}

/** The one file of a citation's name inside an initiative's folder, or null. */
function ownNamed(ctx: RuleContext, folder: string, ref: { readonly target: string; readonly shape: string }): string | null {
  if (ref.shape === 'directory') return null;
  const name = basename(ref.target);
  const inside = ctx.index.named(name).filter((p) => folder === '' || p.startsWith(`${folder}/`));
  return inside.length === 1 ? (inside[0] ?? null) : null;
}

/**
 * Where a prerequisite that is not at its path is, when a reader would find it: the one file of
 * its name (in the workspace, or in the TODO's own initiative: `upload_refactor/PRD002.md` for the
 * TODO's `002/PRD002.md`), or for an initiative's folder, the folder holding its anchors. It exists
 * and its path is stale: worth fixing, but no error.
 */
function stalePath(ctx: RuleContext, folder: string, ref: Reference, r: Unresolved): { to: string; found: string; related: string; within?: string; fix?: false } | null {
  const anywhere = r.relocated;
  if (anywhere !== null) return { to: anywhere, found: `${anywhere} has its name`, related: 'The file of that name' };
  const own = ownNamed(ctx, folder, ref);
  if (own) return { to: own, found: `${own} has its name`, related: 'The file of that name', within: 'in this initiative' };
  const up = initiativeOneUp(ctx, r.tried[0] ?? '');
  // A folder for a folder is the author's call (what else it should hold): no fix is offered.
  if (up) return { to: up, found: `initiative ${basename(r.tried[0]?.replace(/\/+$/, '') ?? '')}'s documents are in ${up}`, related: "The initiative's folder", fix: false };
  return null;
}

/** Anchors that hold an initiative's id in their name (`TODO001.md`). */
const ANCHOR_KINDS = ['TODO', 'PRD', 'RFC', 'CONTEXT'];

/**
 * For a cited initiative folder that does not exist (`integration/001/`), its parent when that holds
 * the initiative's anchors itself (`integration/TODO001.md`): the initiative is there, one level up.
 */
function initiativeOneUp(ctx: RuleContext, path: string): string | null {
  const folder = path.replace(/\/+$/, '');
  const id = basename(folder);
  if (!/^\d{3}$/.test(id)) return null;
  const parent = dirname(folder);
  return ANCHOR_KINDS.some((k) => ctx.index.hasFile(parent === '' ? `${k}${id}.md` : `${parent}/${k}${id}.md`)) ? parent : null;
}

/** Expected outputs, output checklist items and prerequisites of every TODO, checked against the files. */
export function todoFileRules(ctx: RuleContext, initiative: Initiative): RuleFinding[] {
  const findings: RuleFinding[] = [];
  /** Index in `findings` of the finding of each missing prerequisite, by the first path it was looked for at. */
  const prerequisiteAt = new Map<string, number>();
  const todo = ctx.todoOf(initiative);
  if (!todo?.todo) return findings;
  const file = todo.path;
  for (const phase of todo.todo.phases) {
    const started = ctx.phaseStarted(initiative, phase.number);
    const stated = phase.statuses.find((s) => s.marker !== null);
    const prompted = promptOutputs(ctx, initiative, phase.number);
    if (started) {
      for (const out of phase.expectedOutputs) {
        const ref = todo.references[out.reference];
        if (!ref) continue;
        const r = ctx.resolve(ref, file);
        // Outside the workspace nothing is read: whether the file is there is not known.
        if (r.resolved !== null || r.outside || ctx.hidden(ref.target, file)) continue;
        const why = stated?.marker ? `Phase ${phase.number} is marked ${stated.marker.text} (line ${stated.line})` : `Phase ${phase.number} has other outputs`;
        // The same output listed by the phase's prompt is the same fact: one finding, the prompt's line related.
        const alsoIn = prompted.filter((p) => basename(p.ref.target) === basename(out.name));
        for (const p of alsoIn) p.covered = true;
        const drift = misnamedTarget(ctx, ref, file);
        if (drift) {
          findings.push(misnamedFinding(file, out.range, `Expected output ${out.name}`, ref, drift, r.tried));
          continue;
        }
        findings.push({
          code: 'expected-output-missing',
          file,
          range: out.range,
          message: `Expected output ${out.name} does not exist, although ${why}${triedText(r)}.`,
          related: [
            ...(stated ? [{ file, range: stated.range, message: `Phase ${phase.number} status` }] : []),
            ...alsoIn.map((p) => ({ file: p.model.path, range: p.ref.range, message: `${ALSO_EXPECTED_BY} ${basename(p.model.path)}` })),
          ],
          data: { missingOutput: { name: out.name, phase: phase.number }, missing: r.tried },
        });
      }
      for (const p of prompted) {
        if (p.covered || ctx.hidden(p.ref.target, p.model.path)) continue;
        const r = ctx.resolve(p.ref, p.model.path);
        if (r.resolved !== null || r.outside) continue;
        const drift = misnamedTarget(ctx, p.ref, p.model.path);
        if (drift) {
          findings.push(misnamedFinding(p.model.path, p.ref.range, `This prompt expects ${p.ref.raw} as a Phase ${phase.number} output, which`, p.ref, drift, r.tried));
          continue;
        }
        const why = stated?.marker ? `Phase ${phase.number} is marked ${stated.marker.text} in ${basename(file)} (line ${stated.line})` : `Phase ${phase.number} has other outputs`;
        findings.push({
          code: 'expected-output-missing',
          file: p.model.path,
          range: p.ref.range,
          message: `This prompt expects ${p.ref.raw} as a Phase ${phase.number} output; it does not exist, although ${why}.`,
          related: stated ? [{ file, range: stated.range, message: `Phase ${phase.number} status` }] : [],
          data: { missing: r.tried },
        });
      }
    }
    for (const item of phase.outputItems) {
      const box = todo.checkboxes[item.checkbox];
      if (!box || box.checked) continue;
      const named = { target: item.name, shape: 'file' } as const;
      const r = ctx.resolve(named, file);
      // An output written under a name that drifted (another id in front, case, - for _) exists all the same.
      const drift = r.resolved === null ? misnamedTarget(ctx, named, file) : null;
      const found = r.resolved ?? drift?.path ?? null;
      if (found === null) continue;
      findings.push({
        code: 'output-exists-unchecked',
        file,
        range: box.range,
        message: drift
          ? `This item asks to produce ${item.name}, which exists as ${drift.replacement} (nearly the same name, ${drift.where}), but the box is unchecked.`
          : `This item asks to produce ${item.name}, which exists (${found}), but the box is unchecked.`,
        related: [{ file: found, range: lineRangeOf(1), message: `${item.name} exists` }],
      });
    }
    for (const pre of phase.prerequisites) {
      const ref = todo.references[pre.reference];
      if (!ref) continue;
      const output = ctx.c.phaseOutputFile.exec(pre.name.split('/').pop() ?? '');
      if (output && !ctx.phaseStarted(initiative, normalisePhase(output[2] ?? ''))) continue;
      const r = ctx.resolve(ref, file);
      if (r.resolved !== null || r.outside || ctx.hidden(ref.target, file)) continue;
      const drift = misnamedTarget(ctx, ref, file);
      if (drift) {
        findings.push(misnamedFinding(file, pre.range, `Phase ${phase.number} prerequisite ${pre.name}`, ref, drift, r.tried));
        continue;
      }
      const stale = stalePath(ctx, initiative.key.folder, ref, r);
      if (stale) {
        findings.push({
          code: 'prerequisite-missing',
          file,
          range: pre.range,
          message: `Phase ${phase.number} prerequisite ${pre.name} is not at that path, but ${stale.found}: the path is stale.`,
          related: [{ file: stale.to, range: lineRangeOf(1), message: stale.related }],
          weak: true,
          data: { ...(stale.fix === false ? {} : { relocated: { from: ref.target, to: stale.to, ...(stale.within ? { within: stale.within } : {}) } }), missing: r.tried },
        });
        continue;
      }
      // One missing file, one finding: the same prerequisite of a later phase is a related location.
      const missing = r.tried[0] ?? ref.target;
      const earlier = prerequisiteAt.get(missing);
      const already = earlier === undefined ? undefined : findings[earlier];
      if (earlier !== undefined && already) {
        findings[earlier] = { ...already, message: `${already.message.replace(/\.$/, '')}; Phase ${phase.number} needs it too.`, related: [...already.related, { file, range: pre.range, message: `Phase ${phase.number} prerequisite too` }] };
        continue;
      }
      prerequisiteAt.set(missing, findings.length);
      findings.push({
        code: 'prerequisite-missing',
        file,
        range: pre.range,
        message: `Phase ${phase.number} prerequisite ${pre.name} does not exist${triedText(r)}.`,
        related: [{ file, range: phase.range, message: `Phase ${phase.number}: ${phase.title}` }],
        data: { missing: r.tried },
      });
    }
  }
  return findings;
}
