import type { LocalFinding } from '../model/document';
import type { Phase, StatusSource, StatusStatement, TodoModel } from '../model/todo';

const SOURCE_NAME: Record<StatusSource, string> = {
  summary: 'the status summary',
  heading: 'the phase heading',
  'expected-outputs': 'the Expected Outputs heading',
  'completion-checklist': 'the Project Completion Checklist',
  field: 'a status field',
};

export function checklistName(phase: Phase): string {
  return phase.progressChecklistLine !== null ? `its Progress Checklist (line ${phase.progressChecklistLine})` : `its section (line ${phase.line})`;
}

/** Words of a phase title that say nothing of its work: `Implementation`, `Enhanced`, `(Week 2)`. */
const GENERIC_TITLE_WORDS = new Set(['and', 'the', 'for', 'with', 'implementation', 'development', 'enhanced', 'comprehensive', 'final', 'initial', 'setup', 'phase', 'week', 'infrastructure', 'work', 'tasks', 'part']);

/** A title's words, singular (`tables` is `table`), without those that name no work. */
function words(title: string): Set<string> {
  return new Set(
    title
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/\(week[^)]*\)/g, ' ')
      .split(/[^\p{L}\p{N}]+/u)
      .map((w) => w.replace(/(?<=\w{3})s$/, ''))
      .filter((w) => w.length > 2 && !GENERIC_TITLE_WORDS.has(w)),
  );
}

/**
 * Two titles name different work when they share no word of substance: "Buffer Table
 * Implementation" and "Infrastructure & Buffer Tables" are one phase written twice; "BaseWorker
 * Development" and "Webhook Implementation & API Updates" are two. (On the labelled sample, sharing
 * a word separated the wording differences from the swapped and shifted phases: 10 of 11 kept, 0 of 5
 * wrong.)
 */
export function titlesDiffer(a: string, b: string): boolean {
  const x = a.toLowerCase().trim();
  const y = b.toLowerCase().trim();
  if (!x || !y || x.startsWith(y) || y.startsWith(x)) return false;
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 || wb.size === 0) return false;
  for (const w of wa) if (wb.has(w)) return false;
  return true;
}

function isMarkedEntry(s: StatusStatement): boolean {
  return s.source === 'completion-checklist' && s.marker !== null;
}

function describe(s: StatusStatement): string {
  return s.marker ? s.marker.text : 'no status';
}

/** Rules a TODO proves on its own: done-but-open, disagreeing statuses, titles, order, partial percentages. */
export function todoFindings(todo: TodoModel): LocalFinding[] {
  const findings: LocalFinding[] = [];
  // Phases whose Project Completion Checklist entry states a status (counted once, not per phase).
  const markedEntries = todo.phases.filter((p) => p.statuses.some(isMarkedEntry)).length;
  for (const phase of todo.phases) {
    const open = phase.checklist.total - phase.checklist.checked;
    const checklistLine = phase.progressChecklistLine ?? phase.line;
    const done = phase.statuses.filter((s) => s.marker?.status === 'done');
    // One fact, one finding: the phase is done by every statement that says so, and its checklist is open.
    const firstDone = done[0];
    if (firstDone?.marker && open > 0) {
      const elsewhere = done.slice(1);
      const apart = phase.checklist.notRequired > 0 ? ` (${phase.checklist.notRequired} optional or deferred not counted)` : '';
      const also = elsewhere.length > 0 ? `; it is also marked done at line${elsewhere.length > 1 ? 's' : ''} ${elsewhere.map((s) => s.line).join(', ')}` : '';
      findings.push({
        code: 'phase-done-checklist-open',
        range: firstDone.range,
        message: `Phase ${phase.number} is marked ${firstDone.marker.text} here (${SOURCE_NAME[firstDone.source]}), but ${checklistName(phase)} has ${open} of ${phase.checklist.total} required boxes unchecked${apart}${also}.`,
        related: [
          ...elsewhere.map((s) => ({ line: s.line, message: `Phase ${phase.number} marked ${s.marker?.text ?? 'done'} (${SOURCE_NAME[s.source]})` })),
          { line: checklistLine, message: `Phase ${phase.number} checklist: ${phase.checklist.checked}/${phase.checklist.total} required boxes checked` },
          ...(phase.checklist.firstOpenLine !== null ? [{ line: phase.checklist.firstOpenLine, message: 'First unchecked box' }] : []),
        ],
        donePhase: phase.number,
      });
    }
    for (const s of done) {
      if (s.marker?.percent !== null && s.marker?.percent !== undefined && s.marker.percent < 100) {
        findings.push({
          code: 'done-with-partial-percentage',
          range: s.range,
          message: `Phase ${phase.number} is marked done (${s.marker.text}) but qualified by ${s.marker.percent}%: a phase at ${s.marker.percent}% is not done.`,
          related: [],
        });
      }
    }

    // Statements that disagree (done against not done): one finding, at the first that differs from the first stated.
    const stated = phase.statuses.filter((s) => s.marker !== null);
    const first = stated[0];
    const isDone = (x: StatusStatement): boolean => x.marker?.status === 'done';
    const differing = first ? stated.filter((s) => isDone(s) !== isDone(first)) : [];
    const against = differing[0];
    if (first && against) {
      findings.push({
        code: 'status-conflict',
        range: against.range,
        message: `Phase ${phase.number} is ${describe(against)} here (${SOURCE_NAME[against.source]}), but ${describe(first)} in ${SOURCE_NAME[first.source]} (line ${first.line})${differing.length > 1 ? ` and ${describe(against)} again at line${differing.length > 2 ? 's' : ''} ${differing.slice(1).map((s) => s.line).join(', ')}` : ''}.`,
        related: [first, ...differing.slice(1)].map((s) => ({ line: s.line, message: `Phase ${phase.number}: ${describe(s)}` })),
      });
    }
    // A completion-checklist entry with no marker while its siblings have one and the phase is done
    // elsewhere (an entry whose own boxes are all checked says done by them).
    const entry = phase.statuses.find((s) => s.source === 'completion-checklist' && !s.boxesDone);
    const siblingsMarked = markedEntries - (phase.statuses.some(isMarkedEntry) ? 1 : 0) > 0;
    const doneElsewhere = phase.statuses.find((s) => s.source !== 'completion-checklist' && s.marker?.status === 'done');
    if (entry && entry.marker === null && siblingsMarked && doneElsewhere) {
      findings.push({
        code: 'status-conflict',
        range: entry.range,
        message: `Phase ${phase.number} is marked ${describe(doneElsewhere)} in ${SOURCE_NAME[doneElsewhere.source]} (line ${doneElsewhere.line}), but its Project Completion Checklist entry states no status while the other entries do.`,
        related: [{ line: doneElsewhere.line, message: `Phase ${phase.number}: ${describe(doneElsewhere)}` }],
      });
    }

    for (const s of phase.statuses) {
      if (s.title && phase.title && titlesDiffer(s.title, phase.title)) {
        findings.push({
          code: 'phase-title-mismatch',
          range: s.range,
          message: `Phase ${phase.number} is titled "${s.title}" in ${SOURCE_NAME[s.source]}, but "${phase.title}" in its section (line ${phase.line}).`,
          related: [{ line: phase.line, message: `Phase ${phase.number}: ${phase.title}` }],
        });
      }
    }
  }

  let highest: { phase: Phase; n: number } | null = null;
  for (const phase of todo.phases) {
    const n = Number(phase.number);
    if (!Number.isFinite(n)) continue;
    if (highest && n < highest.n) {
      findings.push({
        code: 'phase-order',
        range: phase.range,
        message: `Phase ${phase.number} comes after Phase ${highest.phase.number} (line ${highest.phase.line}); phase sections are out of numeric order.`,
        related: [{ line: highest.phase.line, message: `Phase ${highest.phase.number}` }],
      });
    } else highest = { phase, n };
  }

  const listed = todo.phases.map((p) => p.number).join(', ') || 'none';
  for (const s of todo.orphanStatuses) {
    findings.push({
      code: 'phase-count-mismatch',
      range: s.range,
      message: `Phase ${s.phase} is listed here, but the TODO has no Phase ${s.phase} section (it has ${listed.length > 200 ? `${todo.phases.length} phases` : listed}).`,
      related: [],
    });
  }
  return findings;
}
