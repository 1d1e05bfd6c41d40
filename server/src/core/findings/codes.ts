import type { Severity } from './finding';

/**
 * Every finding code Proofmark reports, with what it means and how loud it is by default. Severity
 * follows measured precision (`npm run precision`): `error` only at 95% or more of labelled findings
 * TRUE, `info` below 90% until the rule is made precise (see the README's table of codes).
 */
export const FINDING_CODES = {
  'phase-done-checklist-open': {
    severity: 'error',
    title: 'Marked done while boxes are open',
    description: 'A phase, a heading or a checked parent item is marked done while checklist boxes under it are unchecked.',
  },
  'status-conflict': {
    severity: 'warning',
    title: 'Statuses disagree',
    description: "Two statements of one phase's status disagree: the summary, the phase section, the Project Completion Checklist, or a phase output claiming done while the TODO checklist is open.",
  },
  'expected-output-missing': {
    severity: 'error',
    title: 'Expected output missing',
    description: 'A file named in Expected Outputs does not exist while the phase is started or done.',
  },
  'output-exists-unchecked': {
    severity: 'warning',
    title: 'Output exists but its box is unchecked',
    description: 'A checklist item to produce a file is unchecked although the file exists.',
  },
  'prerequisite-missing': {
    severity: 'error',
    title: 'Prerequisite missing',
    description: 'A document listed under Prerequisites does not exist.',
  },
  'broken-reference': {
    severity: 'info',
    title: 'Broken reference',
    description: 'A cited document or code path does not resolve inside the workspace.',
  },
  'reference-misnamed': {
    severity: 'warning',
    title: 'Named differently',
    description: 'A cited file (an expected output, a prerequisite, a reference) does not exist, while one file beside it has nearly the same name: another initiative id in front, case, - against _, a doubled segment.',
  },
  'task-done-file-missing': {
    severity: 'info',
    title: 'Checked task names a missing file',
    description: 'A checked task or checklist item names a file (in its text or sub-bullets) that does not exist: a phantom completion, or a path gone stale.',
  },
  'claim-without-evidence': {
    severity: 'info',
    title: 'Claim without evidence',
    description: 'A claim of success with no evidence (path, link, fenced output, test counts, URL, commit) in its window; a target ticked as met (`Startup: <50ms ✅`) with no measured value.',
  },
  'claim-contradicted': {
    severity: 'hint',
    title: 'Claim contradicted by its evidence',
    description: 'A claim of success (✅, PASSED) whose own section reports failures: fewer tests passing than run, a failure count, ❌ rows, "partially"; or a phase of a task list marked done after earlier phases with no task checked.',
  },
  'claim-evidence-broken': {
    severity: 'info',
    title: 'Claim backed only by broken references',
    description: 'A claim of success whose only evidence is references that do not resolve.',
  },
  'requirement-unevidenced': {
    severity: 'hint',
    title: 'Requirement without evidence',
    description: 'A PRD requirement or KPI that no phase output cites with evidence.',
  },
  'requirement-unknown': {
    severity: 'warning',
    title: 'Unknown requirement id',
    description: 'A cited requirement id that the PRD does not define, or a task tracing a requirement, criterion or user story its spec does not define (`_Requirements: 4.5_` where Requirement 4 has four criteria, `[US4]` where the spec has three stories).',
  },
  'requirement-uncovered': {
    severity: 'info',
    title: 'Requirement no task covers',
    description: "A spec's requirement, acceptance criterion or user story that no task traces (Kiro `_Requirements: 1.1_`, spec-kit `FR-001` and `[US1]`); one finding per requirement, and one for the spec when its tasks trace nothing.",
  },
  'unresolved-marker': {
    severity: 'warning',
    title: 'Unresolved marker',
    description: 'A `[NEEDS CLARIFICATION: …]` or an unfilled template placeholder (`[FEATURE NAME]`) left in a spec whose work has moved on (it has a plan or tasks, or checked tasks); an entry of a record of commits left `TBD` while the others give hashes.',
  },
  'task-id-duplicate': {
    severity: 'warning',
    title: 'Task id used twice',
    description: 'The same task id (`T012`, `3.1`) on two tasks of one task list.',
  },
  'requirement-duplicate': {
    severity: 'error',
    title: 'Requirement defined twice',
    description: 'A requirement id defined twice in the PRD.',
  },
  'phase-title-mismatch': {
    severity: 'warning',
    title: 'Phase named differently',
    description: 'Phase N is named differently in two places.',
  },
  'phase-order': {
    severity: 'warning',
    title: 'Phases out of order',
    description: 'Phase sections are not in numeric order.',
  },
  'phase-count-mismatch': {
    severity: 'info',
    title: 'Phase count disagrees',
    description: 'A stated number of phases does not match the phase sections of the TODO.',
  },
  'done-with-partial-percentage': {
    severity: 'info',
    title: 'Done, but less than 100%',
    description: 'A done marker qualified by a percentage below 100.',
  },
  'numbers-inconsistent': {
    severity: 'warning',
    title: 'Numbers do not add up',
    description: 'A fractional count such as "44.1/45 tests", X/Y stated next to a percentage it is not, a count next to ids that number otherwise ("17 requirements (A-01..09, B-01..09)"), a table\'s Total row that is not the sum of its rows, a task list\'s stated counts against its tasks, reports of one phase giving different counts of its tasks done, or a changelog release dated before the specs of work it lists.',
  },
  'evidence-to-fill': {
    severity: 'hint',
    title: 'Evidence slot to fill',
    description: 'An empty evidence slot left by the handoff generator.',
  },
  'file-skipped': {
    severity: 'info',
    title: 'File not analysed',
    description: 'A file was not analysed (too large, binary, not UTF-8, unreadable, too deeply nested), with the reason.',
  },
  'config-invalid': {
    severity: 'error',
    title: 'Invalid configuration',
    description: 'The .proofmark.json file is malformed; the defaults (or the valid parts) are used.',
  },
} as const satisfies Record<string, { severity: Severity; title: string; description: string }>;

export type FindingCode = keyof typeof FINDING_CODES;

export const ALL_CODES = Object.keys(FINDING_CODES) as FindingCode[];

export function isFindingCode(value: string): value is FindingCode {
  return Object.prototype.hasOwnProperty.call(FINDING_CODES, value);
}
