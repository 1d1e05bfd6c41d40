import { familyOf, prefixedIds } from '../analyze/specIds';
import type { RelatedLocation } from '../findings/finding';
import type { DocumentModel } from '../model/document';
import type { Initiative } from '../model/initiative';
import type { SpecItem, SpecModel } from '../model/spec';
import { basename, REPORT_NAME } from '../parse/role';
import { lineRangeOf, type RuleContext, type RuleFinding } from './context';
import { allChecked, headerStatusesKept, headerValue, PLANNED_STATUS, specArchive } from './specConventions';

interface SpecDocs {
  readonly requirements: DocumentModel | null;
  readonly tasks: DocumentModel | null;
  readonly plan: DocumentModel | null;
  readonly record: DocumentModel | null;
}

function docsOf(ctx: RuleContext, initiative: Initiative): SpecDocs | null {
  const spec = initiative.spec;
  if (!spec) return null;
  const get = (p: string | null): DocumentModel | null => (p ? (ctx.models.get(p) ?? null) : null);
  return { requirements: get(spec.requirements), tasks: get(spec.tasks), plan: get(spec.plan), record: get(spec.status) };
}

/** Every id the task list traces (its tasks' traces, and ids in its headings: `Phase 3: User Story 1`, `SC-001`), with the places (tasks, heading lines) naming each family. */
function tracedIds(tasks: DocumentModel): { ids: Set<string>; placesOf: Map<string, Set<number>> } {
  const ids = new Set<string>();
  const placesOf = new Map<string, Set<number>>();
  const add = (id: string, place: number): void => {
    ids.add(id);
    const family = familyOf(id);
    const places = placesOf.get(family) ?? new Set<number>();
    places.add(place);
    placesOf.set(family, places);
  };
  (tasks.spec?.tasks ?? []).forEach((t, i) => {
    for (const tr of t.traces) for (const id of tr.ids) add(id, i);
  });
  for (const h of tasks.headings) {
    // Heading places are negative lines, apart from task indexes.
    for (const p of prefixedIds(h.text)) add(p.id, -h.line);
    for (const m of h.text.matchAll(/\bUser Story\s+(\d+)\b/gi)) add(`US-${Number(m[1])}`, -h.line);
  }
  return { ids, placesOf };
}

/**
 * The families of ids a task list traces. Success criteria are outcomes, checked once the work is
 * done rather than built by a task: a verification task naming one ("check SC-001 against the
 * data") is a mention in passing, so their family counts only when two of its ids are named, or one
 * in two places.
 */
function tracedFamilies(ids: ReadonlySet<string>, placesOf: ReadonlyMap<string, ReadonlySet<number>>, outcomes: ReadonlySet<string>): Set<string> {
  const perFamily = new Map<string, number>();
  for (const id of ids) perFamily.set(familyOf(id), (perFamily.get(familyOf(id)) ?? 0) + 1);
  return new Set([...perFamily].filter(([family, n]) => !outcomes.has(family) || n >= 2 || (placesOf.get(family)?.size ?? 0) >= 2).map(([family]) => family));
}

/** RFC 2119's optional words, as a requirement states them (uppercase): a MAY asks no task of anyone. */
const OPTIONAL_WORD = /\b(?:MAY|OPTIONAL)\b/;
const REQUIRED_WORD = /\b(?:MUST|SHALL|SHOULD|REQUIRED|RECOMMENDED)\b/;

function optionalItem(item: SpecItem): boolean {
  return OPTIONAL_WORD.test(item.text) && !REQUIRED_WORD.test(item.text);
}

function hasFreeTextTrace(tasks: DocumentModel): boolean {
  return (tasks.spec?.tasks ?? []).some((t) => t.traces.some((tr) => tr.freeText));
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function itemName(item: SpecItem): string {
  return item.kind === 'criterion' ? `criterion ${item.id}` : item.label;
}

/**
 * Requirements, criteria and stories no task traces. A family of ids is checked only when the task
 * list traces that family (spec-kit tasks trace stories, rarely FR ids; success criteria named in
 * passing do not count, see tracedFamilies), and a requirement stated as MAY is not one a task must
 * trace; a task list that traces nothing is one quiet finding on the spec (a hint), and so is a
 * spec with no task list.
 */
function coverage(ctx: RuleContext, initiative: Initiative, docs: SpecDocs): RuleFinding[] {
  // A spec kept as a record (its task list superseded, or a copy of one marked historical) is not
  // planned any more: what its tasks leave out is only a hint, saying why.
  const archive = specArchive(ctx, initiative);
  if (archive?.kind === 'folder') return [];
  const findings = uncovered(initiative, docs);
  return archive ? findings.map((f) => ({ ...f, message: `${f.message.replace(/\.$/, '')} (${archive.reason}, so this is only a hint).`, quiet: true })) : findings;
}

function uncovered(initiative: Initiative, docs: SpecDocs): RuleFinding[] {
  const req = docs.requirements;
  const items = req?.spec?.items ?? [];
  if (!req || items.length === 0) return [];
  const first = items[0];
  if (!first) return [];
  const requirementCount = items.filter((i) => i.kind !== 'criterion').length;
  const criteria = items.filter((i) => i.kind === 'criterion').length;
  const what = `${plural(requirementCount, 'requirement')}${criteria > 0 ? ` (${plural(criteria, 'acceptance criterion', 'acceptance criteria')})` : ''}`;
  const tasks = docs.tasks;
  if (!tasks?.spec) {
    return [
      {
        code: 'requirement-uncovered',
        file: req.path,
        range: first.range,
        message: `${basename(initiative.key.folder)} has no task list: none of its ${what} is planned in a task.`,
        related: [],
        quiet: true,
      },
    ];
  }
  const { ids: traced, placesOf } = tracedIds(tasks);
  if (traced.size === 0) {
    return [
      {
        code: 'requirement-uncovered',
        file: req.path,
        range: first.range,
        message: `No task in ${basename(tasks.path)} traces a requirement of this spec: none of its ${what} is covered by a task${hasFreeTextTrace(tasks) ? ' (the traces there name no ids)' : ''}.`,
        related: [{ file: tasks.path, range: lineRangeOf(1), message: 'The task list' }],
        // A task list that traces nothing is a format, not a gap a reader would fix by id (the
        // labelled samples: 5 of 20 such findings wanted): a hint.
        quiet: true,
      },
    ];
  }
  const families = tracedFamilies(traced, placesOf, new Set(items.filter((i) => i.kind === 'success').map((i) => i.family)));
  // An id the task list names anywhere else (a coverage line `FR-001 → T001–T003`, a checkpoint
  // "FR-001 to FR-004 satisfied") is accounted for; such mentions alone do not make its family one
  // the list traces, so a list that traces stories is not held to every FR it names in passing.
  for (const id of tasks.spec.mentioned) traced.add(id);
  const findings: RuleFinding[] = [];
  const free = hasFreeTextTrace(tasks) ? ' (only free-text traces such as "All" may mean it)' : '';
  // Kiro: per requirement, either the whole requirement or its untraced criteria.
  if (families.has('KIRO')) {
    for (const r of items.filter((i) => i.family === 'KIRO' && i.kind === 'requirement')) {
      if (traced.has(r.id)) continue;
      const own = items.filter((i) => i.parent === r.id);
      // Criteria in a list shape not read (`1.` under another heading) are still traced as `N.M`.
      if (own.length === 0 && [...traced].some((t) => t.startsWith(`${r.id}.`))) continue;
      const untraced = own.filter((c) => !traced.has(c.id) && !optionalItem(c));
      if (own.length > 0 && untraced.length === 0) continue;
      if (own.length === 0 || untraced.length === own.length) {
        findings.push({
          code: 'requirement-uncovered',
          file: req.path,
          range: r.range,
          message: `${r.label}${own.length > 0 ? ` (${plural(own.length, 'criterion', 'criteria')})` : ''} is traced by no task in ${basename(tasks.path)}${free}.`,
          related: [],
        });
        continue;
      }
      const head = untraced[0];
      if (!head) continue;
      findings.push({
        code: 'requirement-uncovered',
        file: req.path,
        range: head.range,
        message: `${untraced.length === 1 ? `Criterion ${head.id} of ${r.label} is` : `Criteria ${untraced.map((c) => c.id).join(', ')} of ${r.label} are`} traced by no task in ${basename(tasks.path)}, though its other criteria are${free}.`,
        related: untraced.slice(1).map((c) => ({ file: req.path, range: c.range, message: `${c.id} is not traced` })),
      });
    }
  }
  // Prefixed families (FR, US, SC, TR, …): one finding per family listing the untraced ones.
  const byFamily = new Map<string, SpecItem[]>();
  for (const i of items) {
    if (i.family === 'KIRO' || !families.has(i.family) || traced.has(i.id) || optionalItem(i)) continue;
    const list = byFamily.get(i.family) ?? [];
    list.push(i);
    byFamily.set(i.family, list);
  }
  for (const [, untraced] of byFamily) {
    const head = untraced[0];
    if (!head) continue;
    const names = untraced.map(itemName);
    findings.push({
      code: 'requirement-uncovered',
      file: req.path,
      range: head.range,
      message: `${names.length === 1 ? `${names[0]} is` : `${names.slice(0, 8).join(', ')}${names.length > 8 ? ` and ${names.length - 8} more` : ''} are`} traced by no task in ${basename(tasks.path)}, which traces others of the same kind.`,
      related: untraced.slice(1, 30).map((i) => ({ file: req.path, range: i.range, message: `${itemName(i)} is not traced` })),
    });
  }
  return findings;
}

/** Traces naming what the spec does not define: `4.5` where Requirement 4 has four criteria, `[US4]` with three stories. */
function unknownTraces(ctx: RuleContext, docs: SpecDocs): RuleFinding[] {
  const req = docs.requirements;
  const tasks = docs.tasks;
  const items = req?.spec?.items ?? [];
  if (!req || !tasks?.spec || items.length === 0) return [];
  // An id the requirements document writes anywhere (a table of success criteria) is not unknown.
  const defined = new Set([...items.map((i) => i.id), ...(req.spec?.mentioned ?? [])]);
  const definedFamilies = new Set(items.map((i) => i.family));
  const requirementsWithCriteria = new Set(items.filter((i) => i.kind === 'criterion').map((i) => i.parent));
  const kiroRequirements = new Set(items.filter((i) => i.family === 'KIRO' && i.kind === 'requirement').map((i) => i.id));
  const seen = new Map<string, { line: number; range: RuleFinding['range']; more: RelatedLocation[] }>();
  for (const t of tasks.spec.tasks) {
    for (const tr of t.traces) {
      for (const id of tr.ids) {
        if (defined.has(id)) continue;
        const family = familyOf(id);
        if (family === 'KIRO') {
          if (kiroRequirements.size === 0) continue;
          const major = id.split('.')[0] ?? id;
          // A criterion of a requirement whose criteria were not read (another list shape) is not judged.
          if (kiroRequirements.has(major) && (!id.includes('.') || !requirementsWithCriteria.has(major))) continue;
        } else if (!definedFamilies.has(family) && ![...definedFamilies].some((f) => f !== 'KIRO')) continue;
        const hit = seen.get(id);
        if (hit) hit.more.push({ file: tasks.path, range: tr.range, message: `${id} traced again` });
        else seen.set(id, { line: tr.line, range: tr.range, more: [] });
      }
    }
  }
  // In a folder marked historical the trace is still wrong, but the record is not kept: only a hint, saying why.
  const archive = ctx.archiveOf(tasks.path);
  if (archive?.kind === 'folder') return [];
  const quiet = archive ? ` (${archive.reason}, so this is only a hint)` : '';
  const findings: RuleFinding[] = [];
  for (const [id, at] of seen) {
    const family = familyOf(id);
    const major = id.split('.')[0] ?? id;
    const why =
      family === 'KIRO'
        ? kiroRequirements.has(major)
          ? `Requirement ${major} of ${basename(req.path)} has ${plural(items.filter((i) => i.parent === major).length, 'criterion', 'criteria')}`
          : `${basename(req.path)} defines Requirements ${[...kiroRequirements].join(', ')}`
        : definedFamilies.has(family)
          ? `${basename(req.path)} defines no ${id}`
          : `${basename(req.path)} names its requirements ${[...definedFamilies].filter((f) => f !== 'KIRO').join(', ')}, not ${family}`;
    findings.push({
      code: 'requirement-unknown',
      file: tasks.path,
      range: at.range,
      message: `This task traces ${family === 'KIRO' ? `requirement ${id}` : id}, which the spec does not define: ${why}${quiet}.`,
      related: [{ file: req.path, range: lineRangeOf(1), message: 'The requirements' }, ...at.more.slice(0, 10)],
      ...(archive ? { quiet: true } : {}),
    });
  }
  return findings;
}

/** Whether the spec's work has moved on past specification: a plan or task list exists (as Markdown or data), or a task is checked. */
function movedOn(ctx: RuleContext, initiative: Initiative, docs: SpecDocs): boolean {
  if (docs.plan || docs.tasks) return true;
  const folder = initiative.key.folder;
  return ['plan', 'tasks'].some((n) => ['yaml', 'yml', 'json', 'md'].some((e) => ctx.index.hasFile(`${folder}/${n}.${e}`)));
}

function markerFinding(model: DocumentModel, spec: SpecModel, why: string): RuleFinding | null {
  const clarifications = spec.markers.filter((m) => m.kind === 'clarification');
  const placeholders = spec.markers.filter((m) => m.kind === 'placeholder');
  const template = placeholders.length >= 2;
  const head = clarifications[0] ?? (template ? placeholders[0] : undefined);
  if (!head) return null;
  const shown = template ? `still the unfilled template (${placeholders.slice(0, 3).map((p) => p.text).join(', ')}${clarifications.length > 0 ? `, ${plural(clarifications.length, 'NEEDS CLARIFICATION marker')}` : ''})` : `left ${plural(clarifications.length, 'NEEDS CLARIFICATION marker')} open`;
  const rest = [...clarifications, ...(template ? placeholders : [])].filter((m) => m !== head);
  return {
    code: 'unresolved-marker',
    file: model.path,
    range: head.range,
    message: `${basename(model.path)} is ${shown}, ${why}.`.replace(' is left', ' has'),
    related: rest.slice(0, 10).map((m) => ({ file: model.path, range: m.range, message: m.text })),
  };
}

function markers(ctx: RuleContext, initiative: Initiative, docs: SpecDocs): RuleFinding[] {
  if (!movedOn(ctx, initiative, docs)) return [];
  const checked = (docs.tasks?.spec?.tasks ?? []).filter((t) => t.checked).length;
  const why = checked > 0 ? `though ${plural(checked, 'task')} of this spec ${checked === 1 ? 'is' : 'are'} checked` : 'though the spec has moved on to planning and tasks';
  const out: RuleFinding[] = [];
  for (const model of [docs.requirements, docs.plan]) {
    if (!model?.spec) continue;
    const f = markerFinding(model, model.spec, why);
    if (f) out.push(f);
  }
  return out;
}

/** A status stated in `file` (the spec's header, its JSON record), as the message quotes it, read against the task list. */
interface StatedStatus {
  readonly file: string;
  readonly status: NonNullable<SpecModel['status']>;
  /** `The spec says "Draft"`, `spec.json records the status "in-progress"`. */
  readonly says: string;
  /** Whether the status says the work is not finished yet. */
  readonly unfinished: boolean;
  /** Whether "not finished with every task checked" is quiet: a header the workspace never moves on. */
  readonly unkept?: boolean;
}

/** A stated status against the task list: not finished with every required task checked, or done with none. */
function statedAgainstTasks(docs: SpecDocs, stated: StatedStatus | null): RuleFinding[] {
  const tasks = (docs.tasks?.spec?.tasks ?? []).filter((t) => !t.optional);
  if (!stated || !docs.tasks || tasks.length < 3) return [];
  const checked = tasks.filter((t) => t.checked).length;
  const related = [{ file: docs.tasks.path, range: tasks[0]?.range ?? lineRangeOf(1), message: `${checked} of ${tasks.length} tasks checked` }];
  const of = basename(docs.tasks.path);
  const finding = (message: string, quiet = false): RuleFinding[] => [{ code: 'status-conflict', file: stated.file, range: stated.status.range, message, related, ...(quiet ? { quiet } : {}) }];
  if (stated.unfinished && allChecked(docs.tasks)) return finding(`${stated.says}, but all ${tasks.length} tasks of ${of} are checked${stated.unkept ? ' (no spec header of this workspace states more than a planned status, so this is only a hint)' : ''}.`, stated.unkept);
  if (stated.status.marker === 'done' && checked === 0) return finding(`${stated.says}, but none of the ${tasks.length} tasks of ${of} is checked.`);
  return [];
}

/** The spec's own status against its task list: Draft with every task checked (quiet where no header is ever moved on), Complete with none. */
function statusAgainstTasks(ctx: RuleContext, docs: SpecDocs): RuleFinding[] {
  const req = docs.requirements;
  const status = req?.spec?.status;
  if (!req || !status) return [];
  const value = headerValue(status);
  return statedAgainstTasks(docs, { file: req.path, status, says: `The spec says "${value}"`, unfinished: PLANNED_STATUS.test(value), unkept: !headerStatusesKept(ctx) });
}

/**
 * The spec's JSON lifecycle record against its task list: `"status": "in-progress"` (or a planned
 * status) while every task is checked, or `"completed"` while none is. The record is written by a
 * tool at each step, so it is the one left behind when the work went on without it.
 */
function recordAgainstTasks(docs: SpecDocs): RuleFinding[] {
  const record = docs.record;
  const status = record?.spec?.status;
  if (!record || !status?.marker) return [];
  return statedAgainstTasks(docs, { file: record.path, status, says: `${basename(record.path)} records the status "${status.text}"`, unfinished: status.marker !== 'done' });
}

/** A report beside the spec (`acceptance-report.md`, `COMPLETION.md`) saying the work is done while no task is checked. */
function reportsAgainstTasks(ctx: RuleContext, initiative: Initiative, docs: SpecDocs): RuleFinding[] {
  const tasks = (docs.tasks?.spec?.tasks ?? []).filter((t) => !t.optional);
  if (!docs.tasks || tasks.length < 3 || tasks.some((t) => t.checked)) return [];
  const reports: { path: string; field: DocumentModel['statusFields'][number] }[] = [];
  for (const path of initiative.documents) {
    const model = ctx.models.get(path);
    if (!model || model.role.kind === 'spec' || !(ctx.isRecord(model) || REPORT_NAME.test(basename(path)))) continue;
    // ✅ alone may mark "ready to execute"; the work is said done in words.
    const field = model.statusFields.find((f) => f.line <= 15 && f.marker.status === 'done' && DONE_WORDS.test(f.marker.text));
    if (field) reports.push({ path, field });
  }
  const head = reports[0];
  if (!head) return [];
  // One fact (the task list was never ticked), one finding: on the first report, the others related.
  return [
    {
      code: 'status-conflict',
      file: head.path,
      range: head.field.range,
      message: `${basename(head.path)} says the work is done (${head.field.marker.text})${reports.length > 1 ? `, as ${reports.length - 1} other report${reports.length === 2 ? ' does' : 's do'}` : ''}, but none of the ${tasks.length} tasks of ${basename(docs.tasks.path)} is checked.`,
      related: [
        { file: docs.tasks.path, range: tasks[0]?.range ?? lineRangeOf(1), message: 'The first open task' },
        ...reports.slice(1, 20).map((r) => ({ file: r.path, range: r.field.range, message: `${basename(r.path)}: ${r.field.marker.text}` })),
      ],
      data: { fact: reportedAgainst(docs.tasks.path) },
    },
  ];
}

/**
 * The fact every report contradicting one task list states: its boxes are open under work said
 * done elsewhere. The fix is in that list (or in the reports), so all those reports, in the spec
 * folder (here) or elsewhere (specReports.ts), are one finding (findings/copies.ts mergeSameFacts).
 */
export function reportedAgainst(tasksPath: string): string {
  return `reports against ${tasksPath}`;
}

export const DONE_WORDS = /\b(?:complete[d]?|done|implemented|finished|delivered|shipped|passed|production[- ]ready|accepted)\b|已完成|已实现|(?<!未)通过/i;

/** The rules of a spec folder (spec-kit, Kiro): coverage, unknown traces, markers, statuses against the task list. */
export function specRules(ctx: RuleContext, initiative: Initiative): RuleFinding[] {
  const docs = docsOf(ctx, initiative);
  if (!docs) return [];
  return [...coverage(ctx, initiative, docs), ...unknownTraces(ctx, docs), ...markers(ctx, initiative, docs), ...statusAgainstTasks(ctx, docs), ...recordAgainstTasks(docs), ...reportsAgainstTasks(ctx, initiative, docs)];
}

/** spec-kit's constitution still the unfilled template while specs are written against it. */
export function constitutionRule(ctx: RuleContext, model: DocumentModel): RuleFinding[] {
  if (model.role.kind !== 'spec' || model.role.part !== 'constitution' || !model.spec) return [];
  const specs = ctx.initiatives.initiatives.filter((i) => i.spec !== null).length;
  if (specs === 0) return [];
  const f = markerFinding(model, model.spec, `though ${plural(specs, 'spec')} ${specs === 1 ? 'is' : 'are'} written against it`);
  return f ? [f] : [];
}
