import type { Claim, DocumentModel } from '../model/document';
import { isBucketHeading } from '../analyze/bucketHeadings';
import { isDecisionRecord } from '../analyze/claims';
import { checklistName } from '../analyze/todoRules';
import { phaseDoneOpenFact } from '../findings/finding';
import { normalisePhase } from '../parse/role';
import { isMissing } from '../resolve/resolve';
import { firstAtOrAfter } from '../text/byLine';
import type { RuleContext, RuleFinding } from './context';
import { documentGivesEvidence } from './documentEvidence';

/** Labels of a status field that state the phase's or the document's own status. */
const OWN_STATUS_LABEL = /^(?:(?:phase(?:\s+\d+(?:[._]\d+)?)?|overall|current|project|implementation|handoff|final|document|completion)\s+)?status$/i;

/** Words of a phase's completion, as opposed to a component's or a test run's state. */
const COMPLETION_WORD = /\b(?:complete[ds]?|completion|done|finished|delivered|implemented|achieved|closed|ready|success(?:ful(?:ly)?)?|succeeded)\b|完成/i;

/** How far into a phase output a claim counts as "this output says the phase is done". */
const OUTPUT_HEAD_LINES = 60;

function windowText(claim: Claim): string {
  return claim.window.start === claim.window.end ? `line ${claim.window.start}` : `lines ${claim.window.start}–${claim.window.end}`;
}

/**
 * Claims of success contradicted by their own evidence, backed only by references that do not
 * resolve, or made by a report that gives no evidence at all. A claim without evidence in its own
 * section, in a report that does give evidence elsewhere, is most often a recap or proved elsewhere
 * (the labelled sample: 7 of 45 such findings were wanted), so it is only a hint (in the editor,
 * not among the problems); with no evidence anywhere, the finding is the report's, one for the
 * document, listing its claims.
 */
export function claimRules(ctx: RuleContext, model: DocumentModel): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const unsupported: { claim: Claim; finding: RuleFinding }[] = [];
  // One fact, one finding: a heading's claim and the status field under it, backed by the same missing files.
  const brokenEvidence = new Map<string, RuleFinding>();
  for (const claim of model.claims) {
    if (!claim.reportable) continue;
    const contradicted = contradiction(model, claim);
    if (contradicted) {
      findings.push(contradicted);
      continue;
    }
    const finding = checkClaim(ctx, model, claim);
    if (!finding) continue;
    if (finding.code !== 'claim-evidence-broken') {
      unsupported.push({ claim, finding });
      continue;
    }
    const key = claim.evidence.join(',');
    const first = brokenEvidence.get(key);
    if (first) {
      brokenEvidence.set(key, { ...first, related: [...first.related, { file: model.path, range: claim.range, message: `"${claim.text}" rests on the same evidence` }] });
      continue;
    }
    brokenEvidence.set(key, finding);
  }
  findings.push(...brokenEvidence.values());
  const head = unsupported[0];
  if (head && !documentGivesEvidence(ctx, model)) findings.push(reportWithoutEvidence(model, head, unsupported.slice(1)));
  else if (head) {
    // A result that says itself nothing was measured is not a recap of evidence given elsewhere
    // (a checked action, "- [x] Validate qualitatively", says how the work was done, not a result).
    const admitted = unsupported.filter((u) => u.claim.form !== 'checked-box' && UNMEASURED.test(u.claim.text));
    const rest = unsupported.filter((u) => !admitted.includes(u));
    findings.push(...groupBySection(model, admitted, ' It says itself that it was not measured, so the evidence elsewhere in the report does not show it.'));
    findings.push(...groupBySection(model, rest.filter((u) => u.claim.form !== 'target')).map((f) => ({ ...f, quiet: true })));
    // A target marked met is shown by a measured value; with none anywhere in the report, nothing shows it.
    const measured = model.evidence.some((e) => e.kind === 'measure');
    const targets = rest.filter((u) => u.claim.form === 'target');
    findings.push(...(measured ? groupBySection(model, targets).map((f) => ({ ...f, quiet: true })) : groupBySection(model, targets, '')));
  }

  // A decision record's status says the phase is done; the labelled samples found no claim there
  // that owed evidence of its own (0 of 8 wanted): what it lacks is a hint.
  const decisions = isDecisionRecord(model.path, model.role);
  const result = decisions ? findings.map((f) => (f.code === 'claim-without-evidence' && !f.quiet ? { ...f, message: `${f.message} (a decision record, whose phase shows its evidence elsewhere, so this is only a hint)`, quiet: true } : f)) : findings;
  result.push(...outputContradictsTodo(ctx, model));
  return result;
}

/**
 * Words of a claim admitting that nothing was measured or checked yet: `✅ (Qualitative)`, `PASS
 * (pending verification)`. A confirmation pending ("PASS (pending final visual confirmation)")
 * names a last step, not a result never measured: the report's evidence may well show the rest.
 */
const UNMEASURED = /\bqualitative(?:ly)?\b|\bnot (?:yet )?(?:measured|tested|benchmarked|verified)\b|\b(?:unmeasured|untested|unverified)\b|\bpending (?:\w+ ){0,2}(?:verification|validation|measurement)\b/i;

/** Unsupported claims of one window (a heading's section) are one finding that lists them. */
function groupBySection(model: DocumentModel, claims: readonly { claim: Claim; finding: RuleFinding }[], note = ' The report gives evidence elsewhere; if this repeats it, say where.'): RuleFinding[] {
  const groups = new Map<string, { claim: Claim; finding: RuleFinding }[]>();
  for (const c of claims) {
    const key = `${c.claim.window.start}-${c.claim.window.end}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const result: RuleFinding[] = [];
  for (const [head, ...rest] of groups.values()) {
    if (!head) continue;
    const covered = model.claims.filter((c) => !c.reportable && c.line > head.claim.line && c.line >= head.claim.window.start && c.line <= head.claim.window.end).slice(0, 20);
    const more = rest.length > 0 ? ` So do ${rest.length} more claim${rest.length === 1 ? '' : 's'} in the same section (line${rest.length === 1 ? '' : 's'} ${rest.map((r) => r.claim.line).join(', ')}).` : '';
    result.push({
      ...head.finding,
      message: `${head.finding.message}${note}${more}`,
      related: [
        ...head.finding.related,
        ...rest.map((r) => ({ file: model.path, range: r.claim.range, message: `Also claimed without evidence: ${r.claim.text}` })),
        ...covered.map((c) => ({ file: model.path, range: c.range, message: `Claimed under it: ${c.text}` })),
      ],
    });
  }
  return result;
}

/** One finding for a report that claims success and gives no evidence anywhere, at its first claim, listing the others. */
function reportWithoutEvidence(model: DocumentModel, head: { claim: Claim; finding: RuleFinding }, rest: readonly { claim: Claim }[]): RuleFinding {
  const all = [head.claim, ...rest.map((r) => r.claim)];
  const covered = model.claims.filter((c) => !c.reportable);
  const prose = [...new Set(all.map((c) => c.proseEvidenceLine).filter((l): l is number => l !== null))];
  const others = rest.length > 0 ? ` It claims success ${all.length + covered.length} times in all (first at lines ${all.slice(0, 6).map((c) => c.line).join(', ')}${all.length > 6 ? ', …' : ''})` : '';
  const proseText = prose.length > 0 ? `; its "Evidence:" lines (${prose.slice(0, 4).join(', ')}${prose.length > 4 ? ', …' : ''}) are prose` : '';
  return {
    code: 'claim-without-evidence',
    file: model.path,
    range: head.claim.range,
    message: `"${head.claim.text}" claims success, and this report gives no evidence anywhere: no path of the repository, link, fenced output, test count, measured value, URL or commit${proseText}.${others}`,
    related: [
      ...rest.slice(0, 30).map((r) => ({ file: model.path, range: r.claim.range, message: `Also claimed without evidence: ${r.claim.text}` })),
      ...covered.slice(0, 30).map((c) => ({ file: model.path, range: c.range, message: `Claimed: ${c.text}` })),
      ...prose.slice(0, 10).map((l) => ({ file: model.path, range: { start: { line: l, column: 1 }, end: { line: l, column: 1 } }, message: 'Prose evidence, nothing to check' })),
    ],
  };
}

/** The claim's own section: from the claim to the next heading of any level. */
function directSection(model: DocumentModel, claim: Claim): { end: number } {
  const next = firstAtOrAfter(model.headings, claim.line + 1);
  return { end: (model.headings[next]?.line ?? model.lineCount + 1) - 1 };
}

/**
 * A claim of success its own evidence contradicts: a failure on the claim's line (`✅ PASSED
 * (3/5)`, `✅ Done — 2 failed`, a ❌ in the claim's own row), or, under a heading or status field,
 * a failure count in the lines right below it (`Tests: 3/5 passing`). A ❌ in another row of a
 * table, or in a "before" column, says nothing about this claim.
 */
function contradiction(model: DocumentModel, claim: Claim): RuleFinding | null {
  const { end } = directSection(model, claim);
  const reach = claim.form === 'heading' || claim.form === 'field' ? Math.min(end, claim.line + CONTRADICTION_LINES) : claim.line;
  const failures = model.evidence.filter((e) => e.kind === 'failure' && e.line >= claim.line && e.line <= reach && (e.line === claim.line || !model.tableRows.includes(e.line)));
  const first = failures[0];
  if (!first) return null;
  return {
    code: 'claim-contradicted',
    file: model.path,
    range: claim.range,
    message: `"${claim.text}" claims success, but its own evidence reports failures (line${failures.length === 1 ? '' : 's'} ${failures.map((f) => f.line).join(', ')}).`,
    related: failures.map((f) => ({ file: model.path, range: { start: { line: f.line, column: 1 }, end: { line: f.line, column: 1 } }, message: 'Failures reported here' })),
  };
}

/** How far below a heading or status field a failure count still speaks of it. */
const CONTRADICTION_LINES = 5;

function checkClaim(ctx: RuleContext, model: DocumentModel, claim: Claim): RuleFinding | null {
  let broken = 0;
  const brokenRefs: string[] = [];
  for (const i of claim.evidence) {
    const e = model.evidence[i];
    if (!e || e.kind === 'failure') continue;
    if (e.kind !== 'reference') return null;
    const ref = model.references[e.reference];
    if (!ref) continue;
    if (!isMissing(ctx.resolve(ref, model.path))) return null;
    // Bare names, plans and folders (an empty folder is never tracked) prove nothing missing; `.env` files are ignored by design.
    if (ref.via === 'bare' || ref.intent !== 'record' || ref.shape === 'directory' || /(^|\/)\.env(?:\.|$)/.test(ref.target)) continue;
    broken++;
    brokenRefs.push(ref.raw);
  }
  if (broken > 0) {
    return {
      code: 'claim-evidence-broken',
      file: model.path,
      range: claim.range,
      message: `"${claim.text}" claims success, but its only evidence (${brokenRefs.slice(0, 3).join(', ')}) does not resolve in the workspace (${windowText(claim)}).`,
      related: [],
    };
  }
  const prose = claim.proseEvidenceLine !== null ? `; the "Evidence:" at line ${claim.proseEvidenceLine} is prose` : '';
  if (claim.form === 'target') {
    const measured = model.evidence.some((e) => e.kind === 'measure');
    return {
      code: 'claim-without-evidence',
      file: model.path,
      range: claim.range,
      message: `"${claim.text}" marks a target met but gives only a bound, no measured value${measured ? ` in ${windowText(claim)}` : ', nor does the report give one anywhere'}${prose}.`,
      related: [],
    };
  }
  return {
    code: 'claim-without-evidence',
    file: model.path,
    range: claim.range,
    message: `"${claim.text}" claims success with no evidence in ${windowText(claim)}: no path, link, fenced output, test count, URL or commit${prose}.`,
    related: claim.proseEvidenceLine !== null ? [{ file: model.path, range: { start: { line: claim.proseEvidenceLine, column: 1 }, end: { line: claim.proseEvidenceLine, column: 1 } }, message: 'Prose evidence, nothing to check' }] : [],
  };
}

/** The words of a claim's marker; of the whole line when the marker was cut short (`✅ DEVELOPMENT SERVICE VALIDATION COMPLE…`). */
function markerWords(claim: Claim): string {
  return claim.marker.text.endsWith('…') ? claim.text : claim.marker.text;
}

/** A phase output that claims done near its top while the TODO's checklist for that phase is open. */
function outputContradictsTodo(ctx: RuleContext, model: DocumentModel): RuleFinding[] {
  if (model.role.kind !== 'phase-output') return [];
  const initiative = ctx.initiativeOf(model.path);
  if (!initiative) return [];
  const todo = ctx.todoOf(initiative);
  const phase = ctx.phase(initiative, model.role.phase);
  if (!todo || !phase) return [];
  // The output's own verdict: a status field or a top-level heading near its top, not a sub-section's tick.
  const statedDone = phase.statuses.some((s) => s.marker?.status === 'done') && phase.statuses.every((s) => s.marker === null || s.marker.status === 'done');
  const todoName0 = todo.path.split('/').pop() ?? todo.path;
  // A field about another phase ("**Phase 9 Status**: 🔄") says nothing about this one.
  const aboutThisPhase = (label: string): boolean => {
    const other = /Phase\s+(\d+(?:[._]\d+)?)/i.exec(label);
    return !other || normalisePhase(other[1] ?? '') === phase.number;
  };
  // The output's own status: a field labelled as the phase's or the document's, near its top (not "Test Status", not a component's).
  const notDone = model.statusFields.find((f) => f.line <= OUTPUT_HEAD_LINES && OWN_STATUS_LABEL.test(f.label) && f.marker.status !== 'done' && aboutThisPhase(f.label));
  if (statedDone && notDone) {
    const doneAt = phase.statuses.find((s) => s.marker?.status === 'done');
    return [
      {
        code: 'status-conflict',
        file: model.path,
        range: notDone.range,
        message: `This Phase ${phase.number} output says ${notDone.label}: ${notDone.marker.text}, but ${todoName0} marks Phase ${phase.number} ${doneAt?.marker?.text ?? 'done'} (line ${doneAt?.line ?? phase.line}).`,
        related: doneAt ? [{ file: todo.path, range: doneAt.range, message: `Phase ${phase.number} status in the TODO` }] : [],
      },
    ];
  }
  // The phase's own verdict, in words of completion: not a component's "✅ Fully operational" or a results heading's "✅ All Tests Passing".
  // A bucket heading ("✅ COMPLETED" beside "⚠️ PENDING", "✅ What's Working") sorts the items, it is not the phase's verdict.
  const headingAt = (line: number): number => model.headings.findIndex((h) => h.line === line);
  const claim = model.claims.find((c) => c.line <= OUTPUT_HEAD_LINES && COMPLETION_WORD.test(markerWords(c)) && (c.form === 'field' || (c.form === 'heading' && (model.headings[headingAt(c.line)]?.level ?? 9) <= 3 && !isBucketHeading(model.headings, headingAt(c.line)))));
  if (!claim) return [];
  const open = phase.checklist.total - phase.checklist.checked;
  const todoName = todo.path.split('/').pop() ?? todo.path;
  // A TODO phase with neither a Progress Checklist nor a status says nothing to contradict (its boxes
  // may be acceptance criteria), unless the TODO ticks the boxes of other phases: there they track progress.
  const tracksProgress = phase.progressChecklistLine !== null || phase.statuses.some((st) => st.marker !== null) || (todo.todo?.phases ?? []).some((p) => p !== phase && p.checklist.checked > 0);
  if (!tracksProgress) return [];
  const checklistRange = { start: { line: phase.progressChecklistLine ?? phase.line, column: 1 }, end: { line: phase.progressChecklistLine ?? phase.line, column: 1 } };
  if (open > 0) {
    // When the TODO marks the phase done too, the output repeats the TODO's own claim, and the TODO's
    // phase-done-checklist-open states the fact: one fact, one finding, so this one is only a hint,
    // and a related location of the TODO's finding when both are analysed (copies.ts mergeSameFacts).
    // Else the outputs of the phase that claim it done state one fact: one finding (the same merge).
    const todoSaysDone = phase.statuses.some((st) => st.marker?.status === 'done');
    return [
      {
        code: 'status-conflict',
        file: model.path,
        range: claim.range,
        message: `This Phase ${phase.number} output claims "${claim.marker.text}", but in ${todoName} ${checklistName(phase)} has ${open} of ${phase.checklist.total} boxes unchecked${todoSaysDone ? ` (${todoName} marks the phase done too, and is reported for it there, so this is only a hint)` : ''}.`,
        related: [{ file: todo.path, range: checklistRange, message: `Phase ${phase.number} checklist: ${phase.checklist.checked}/${phase.checklist.total} checked` }],
        data: { fact: phaseDoneOpenFact(todo.path, phase.number) },
        ...(todoSaysDone ? { quiet: true } : {}),
      },
    ];
  }
  const stated = phase.statuses.filter((s) => s.marker !== null);
  const contrary = stated.length > 0 && stated.every((s) => s.marker?.status !== 'done') ? stated[0] : undefined;
  if (contrary?.marker) {
    return [
      {
        code: 'status-conflict',
        file: model.path,
        range: claim.range,
        message: `This Phase ${phase.number} output claims "${claim.marker.text}", but ${todoName} marks Phase ${phase.number} ${contrary.marker.text} (line ${contrary.line}).`,
        related: [{ file: todo.path, range: contrary.range, message: `Phase ${phase.number} status in the TODO` }],
      },
    ];
  }
  return [];
}
