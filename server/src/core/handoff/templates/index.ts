import { DECISIONS_TEMPLATE } from './decisions';
import { GENERIC_TEMPLATE } from './generic';
import { HANDOFF_TEMPLATE } from './handoff';
import { NOTES_TEMPLATE } from './notes';
import { TESTING_SUMMARY_TEMPLATE } from './testingSummary';

/**
 * The project's own templates, by output kind. A workspace overrides one by putting `<kind>.md`
 * in the folder named by `templates` in `.proofmark.json`; the caller reads those files and passes
 * them as `HandoffOptions.templates`. A Map, so that an output kind named like an `Object.prototype`
 * member (`constructor`) finds no template instead of a function.
 */
export const BUILT_IN_TEMPLATES: ReadonlyMap<string, string> = new Map([
  ['notes', NOTES_TEMPLATE],
  ['decisions', DECISIONS_TEMPLATE],
  ['handoff', HANDOFF_TEMPLATE],
  ['testing_summary', TESTING_SUMMARY_TEMPLATE],
]);

export { GENERIC_TEMPLATE };

/**
 * The placeholder syntax: `{{name}}`, spaces allowed inside the braces (`{{ name }}`). Every
 * placeholder is available in every template. An unknown name is left as written, so a typo shows
 * in the generated file instead of vanishing. Block placeholders expand to several lines and bring
 * their own headings at the level noted; put them on a line of their own.
 */
export const PLACEHOLDERS: Readonly<Record<string, string>> = {
  todo: 'The TODO file name, e.g. `TODO003.md`.',
  todoName: 'The TODO name without extension, e.g. `TODO003`.',
  initiative: "The initiative's name (the TODO's title).",
  phase: 'The phase number as the TODO writes it after normalisation, e.g. `8` or `2.5`.',
  title: "The phase's title.",
  kind: 'The output kind of the file being written, e.g. `testing_summary`.',
  kindTitle: 'The output kind as words, e.g. `Testing Summary`.',
  date: 'The generation date, `YYYY-MM-DD` (UTC).',
  prd: "The PRD's file name, or `no PRD`.",
  sources: 'The documents the files are generated from, e.g. `TODO003.md and PRD003.md`.',
  evidenceSlot: 'An evidence placeholder to fill, visible in the preview: `_(evidence: path, log or test output)_`.',
  goal: 'Block: the phase goal quoted from its "Context for Claude" (or first paragraph).',
  tasks: 'Block (### headings): one section per task with its checklist items and their state, then the checklist groups matching no task; each with an evidence slot.',
  decisions: 'Block (## headings): one decision record per task, its context copied from the task bullets.',
  openItems: 'Block (### headings): the unchecked items of this phase, each with its TODO line, then one line per earlier phase with its count of open items and a link to its section of the TODO.',
  unevidenced: 'Block (list): PRD requirements and KPIs not yet cited with evidence.',
  missingOutputs: 'Block (list): outputs of earlier phases that are not in the workspace.',
  nextPrerequisites: "Block (list): the next phase's prerequisite files and whether each exists.",
  traceability: 'Block (table): one row per PRD requirement and KPI with its status, earlier evidence, and empty Measured and Evidence cells.',
  evidenceFound: 'Block (list): the evidence the traceability table numbers E1, E2 …, as links.',
  previousIteration: 'Block (## and ### headings): root causes and lessons of the previous iteration\'s post-mortem, each with an evidence slot; empty when the initiative cites none.',
};

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** Fills a template. Line endings become `\n`, runs of blank lines collapse, the text ends with one newline. */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const filled = template.replace(/\r\n?/g, '\n').replace(PLACEHOLDER, (whole, name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? (values[name] ?? '') : whole));
  return `${filled.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
