import type { Heading } from '../model/document';

/**
 * Headings that name a bucket of a report, not the status of its phase or document: a report that
 * sorts its items into "✅ Completed" and "⚠️ Pending" sections, or says "What's Working (85%
 * Complete)", tells what part is done; its verdict is elsewhere. A careful reader does not take
 * such a heading for "the phase is done".
 */

/** "What's done", "What Is Working", "What has been delivered": the part that works, by its wording. */
const WHAT_BUCKET = /^[^\p{L}\p{N}]*what(?:'s|’s|\s+is|\s+was|\s+has\s+been|\s+have\s+been|\s+works|\s+worked|\s+we\s+(?:did|delivered|built))\b/iu;

/** A sibling that holds the rest of the work: "⚠️ PENDING", "Remaining Work", "Not Yet Done", "What's Left". */
const REST_BUCKET = /\b(?:pending|remaining|outstanding|in[\s-]progress|incomplete|not\s+(?:yet\s+)?(?:done|started|complete[d]?|implemented|working)|to\s?do|open\s+(?:items|issues|work)|blocked|left\s+to\s+do|what(?:'s|’s|\s+is)\s+(?:left|missing|not)|deferred)\b/i;

/** "Completed Items", "Completed Components", "Completed / Ready", "Done so far": a list of finished things. */
const DONE_LIST = /^[^\p{L}\p{N}]*(?:completed?|done|finished|delivered|implemented|working)\s*(?:\/|(?:items|tasks|components|features|work|parts|pieces|areas|so\s+far)\b)/iu;
/** A parent heading that asks for the status, so that its done list answers it ("Phase 1 Completion Status"). */
const STATUS_PARENT = /\b(?:status|completion|completed?|done|verdict|outcome)\b/i;

/** Whether the heading at `index` of `headings` (in document order), read as done, is only a bucket of its report. */
export function isBucketHeading(headings: readonly Heading[], index: number): boolean {
  const h = headings[index];
  if (!h) return false;
  if (WHAT_BUCKET.test(h.text)) return true;
  const parent = parentOf(headings, index);
  if (DONE_LIST.test(h.text) && !(parent && STATUS_PARENT.test(parent.text))) return true;
  // "✅ Phase 5 Complete" beside "🔄 Phase 6 In Progress" is each phase's status, not two buckets.
  if (h.status?.status !== 'done' || /\bphase\s+\d/i.test(h.text)) return false;
  return siblingsOf(headings, index, parent).some((s) => (s.status !== null && s.status.status !== 'done') || REST_BUCKET.test(s.text));
}

function parentOf(headings: readonly Heading[], index: number): Heading | null {
  const h = headings[index];
  if (!h) return null;
  for (let k = index - 1; k >= 0; k--) {
    const p = headings[k];
    if (p && p.level < h.level) return p;
  }
  return null;
}

/** The other headings of the same level under the same parent (the document's top level when none). */
function siblingsOf(headings: readonly Heading[], index: number, parent: Heading | null): Heading[] {
  const h = headings[index];
  if (!h) return [];
  const from = parent ? parent.line : 0;
  const to = parent ? parent.sectionEnd : Infinity;
  return headings.filter((s, k) => k !== index && s.level === h.level && s.line > from && s.line <= to);
}
