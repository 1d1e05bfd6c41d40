/** A status as written in a document, reduced to what the rules compare. */
/** `planned`: not begun, or put off (not started, planned, deferred, draft). */
export type Status = 'done' | 'in-progress' | 'failed' | 'planned';

export interface StatusMarker {
  readonly status: Status;
  /** The marker text as written (`✅ COMPLETED`, `🔄 IN PROGRESS`). */
  readonly text: string;
  /** A percentage written next to the marker on the same line (`✅ COMPLETED (98%)`), if any. */
  readonly percent: number | null;
}
