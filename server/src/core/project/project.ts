import { STATUS_RECORD_FILE } from '../analyze/statusRecord';
import type { AnalysisOutcome } from '../analyze/document';
import { compileConventions } from '../config/compiled';
import { CONFIG_FILE, DEFAULT_CONFIG, type ConfigProblem, type ParsedConfig, type ProofmarkConfig } from '../config/config';
import { mergeRepeats, type TextOrigin } from '../findings/copies';
import { finalizeOne, localRuleFindings } from '../findings/finalize';
import { compareFindings, type Finding } from '../findings/finding';
import { withHistory, type FileHistory } from '../findings/history';
import type { DocumentModel } from '../model/document';
import { FileIndex } from '../resolve/fileIndex';
import { QUIET_IN_MARKED_ARCHIVES, REPORTED_IN_ARCHIVES, RuleContext, type RuleFinding } from '../rules/context';
import { documentFindings, initiativeFindings } from '../rules/index';
import { crossReads } from './crossReads';
import { ResolutionMemo } from '../resolve/resolutionMemo';
import { initiativeKeyString } from '../model/initiative';
import { documentRole } from '../parse/role';
import { buildInitiatives, type GroupingEntry, type InitiativeMap } from './initiatives';
import type { SearchTextSource } from './searchTexts';

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/** A finding of a later copy of a document, reported on the first copy (`first`) instead. */
export interface CopyFinding {
  readonly finding: Finding;
  readonly first: string;
}

const NO_COPIES: readonly CopyFinding[] = Object.freeze([]);

export const MARKDOWN_FILE = /\.(?:md|markdown)$/i;

/**
 * The files the engine analyses into models: Markdown documents, and a spec folder's JSON lifecycle
 * record (`spec.json`, `.spec-context.json`), read for the status it records (analyze/statusRecord.ts).
 */
export function isDocumentFile(path: string): boolean {
  return MARKDOWN_FILE.test(path) || STATUS_RECORD_FILE.test(path);
}

/**
 * The state of one workspace root: its file list, the model of every Markdown document, and the
 * configuration. Cross-document results are derived lazily from the cached models and dropped
 * whenever anything changes (a revision counter), so an edit re-parses only its own document.
 */
export class Project {
  readonly index = new FileIndex();
  private readonly documentModels = new Map<string, DocumentModel>();
  private readonly skipped = new Map<string, string>();
  /** Markdown files known by name only: they take part in grouping, but are not analysed (see setUnread). */
  private readonly unread = new Set<string>();
  private parsed: ParsedConfig = { config: DEFAULT_CONFIG, problems: [] };
  private configFile: { path: string; text: string } | null = null;
  private revisionCounter = 0;
  /**
   * What the rules read (the grouping and the rule context) and what they report, each for one
   * revision: a question that needs only the first (a handoff plan, a hover) does not run the rules.
   */
  private structure: { revision: number; initiatives: InitiativeMap; context: RuleContext } | null = null;
  private derived: { revision: number; findings: Finding[]; byFile: Map<string, Finding[]>; copies: Map<string, CopyFinding[]> } | null = null;
  /*
   * What cross-document results depend on, each with its own counter, so that an edit inside one
   * initiative recomputes that initiative's rules only: the file set (resolution), the grouping
   * into initiatives (paths, roles, TODO titles) and the configuration.
   */
  private fileSetRevision = 0;
  private structureRevision = 0;
  private configRevision = 0;
  private resolutions = { fileSet: -1, map: new ResolutionMemo() };
  private grouping: { structure: number; map: InitiativeMap } | null = null;
  private readonly ruleCache = new Map<string, { signature: string; findings: readonly RuleFinding[] }>();
  private readonly localCache = new WeakMap<DocumentModel, readonly RuleFinding[]>();
  /** Final findings by rule finding, valid for one configuration: unchanged results keep their identity. */
  private finalized = { config: -1, history: null as FileHistory | null, map: new WeakMap<RuleFinding, Finding | null>(), quiet: new WeakMap<RuleFinding, Finding | null>() };
  private history: FileHistory | null = null;
  private lastByFile: Map<string, Finding[]> | null = null;

  /** `heldTexts`: where the search texts of models that do not hold their own are read (see searchTexts.ts). */
  /**
   * Set by a check in batches: findings carry their document's origin and repeats are not merged
   * here, since a copy or a report of the same fact may be in another batch (engine.ts merges them
   * over all batches).
   */
  deferMerges = false;

  constructor(private readonly heldTexts: SearchTextSource | null = null) {}

  get revision(): number {
    return this.revisionCounter;
  }

  get config(): ProofmarkConfig {
    return this.parsed.config;
  }

  /** Changes whenever the file set or the configuration does (what grouping by file names depends on). */
  get fileSetKey(): string {
    return `${this.fileSetRevision}:${this.configRevision}`;
  }

  get configProblems(): readonly ConfigProblem[] {
    return this.parsed.problems;
  }

  private touch(): void {
    this.revisionCounter++;
    this.structure = null;
    this.derived = null;
  }

  /**
   * Sets the configuration; the same one again (equal values, the same file) changes nothing, so
   * the models analysed with it stay current. Returns whether it changed.
   */
  setConfig(parsed: ParsedConfig, file: { path: string; text: string } | null = null): boolean {
    if (JSON.stringify(parsed) === JSON.stringify(this.parsed) && JSON.stringify(file) === JSON.stringify(this.configFile)) return false;
    this.parsed = parsed;
    this.configFile = file;
    this.configRevision++;
    this.touch();
    return true;
  }

  /** The version history that missing files' messages are told from (see findings/history.ts); false when it is the same. */
  setHistory(history: FileHistory | null): boolean {
    if (history === this.history) return false;
    this.history = history;
    this.touch();
    return true;
  }

  setFiles(paths: Iterable<string>): void {
    for (const p of paths) this.addToIndex(p);
    this.touch();
  }

  addFile(path: string): void {
    this.addToIndex(path);
    this.touch();
  }

  private addToIndex(path: string): void {
    if (this.index.hasFile(path)) return;
    this.index.add(path);
    this.fileSetRevision++;
  }

  removeFile(path: string): void {
    if (this.index.hasFile(path)) this.fileSetRevision++;
    this.index.remove(path);
    this.forget(path);
    this.touch();
  }

  /**
   * Drops the models of `paths` while the files stay in the index (they still exist for
   * references): a check in batches keeps only the models of the batch it is reporting on.
   */
  evict(paths: Iterable<string>): void {
    for (const path of paths) this.forget(path);
    // Resolutions are memoised per citing document; those of evicted documents are not needed again.
    this.resolutions = { fileSet: -1, map: new ResolutionMemo() };
    this.touch();
  }

  private forget(path: string): void {
    const hadModel = this.documentModels.delete(path);
    if (this.skipped.delete(path) || this.unread.delete(path) || hadModel) this.structureRevision++;
  }

  /**
   * Markdown files a question about part of the workspace does not read (`proofmark check PATH`):
   * they are grouped into initiatives by name, so that the initiatives of the files that are read
   * are the workspace's, but they have no model and no findings, and an initiative none of whose
   * documents is read is not checked. A file analysed later stops being unread.
   */
  setUnread(paths: Iterable<string>): void {
    for (const path of paths) {
      if (this.documentModels.has(path) || this.skipped.has(path) || this.unread.has(path)) continue;
      this.addToIndex(path);
      this.unread.add(path);
      this.structureRevision++;
    }
    this.touch();
  }

  setOutcome(outcome: AnalysisOutcome): void {
    this.addToIndex(outcome.path);
    this.unread.delete(outcome.path);
    const previous = this.documentModels.get(outcome.path);
    if ('model' in outcome) {
      this.skipped.delete(outcome.path);
      if (previous && previous.hash === outcome.model.hash) return;
      if (!previous || groupingKey(previous) !== groupingKey(outcome.model)) this.structureRevision++;
      this.documentModels.set(outcome.path, outcome.model);
    } else {
      // A skipped file still takes part in grouping (by its name), so it changes the structure only when it is new.
      if (previous || !this.skipped.has(outcome.path)) this.structureRevision++;
      this.documentModels.delete(outcome.path);
      this.skipped.set(outcome.path, outcome.skipped);
    }
    this.touch();
  }

  model(path: string): DocumentModel | undefined {
    return this.documentModels.get(path);
  }

  get models(): ReadonlyMap<string, DocumentModel> {
    return this.documentModels;
  }

  get skippedFiles(): ReadonlyMap<string, string> {
    return this.skipped;
  }

  /** The initiatives and the rule context of this revision. */
  private structureNow(): NonNullable<Project['structure']> {
    if (this.structure && this.structure.revision === this.revisionCounter) return this.structure;
    const config = this.parsed.config;
    const conventions = compileConventions(config.conventions);
    if (this.grouping?.structure !== this.structureRevision) {
      // A TODO or PRD that could not be analysed (binary, too large) still anchors its initiative.
      const entries: GroupingEntry[] = [...this.documentModels.values()];
      for (const path of this.skipped.keys()) entries.push({ path, role: documentRole(path, conventions) });
      for (const path of this.unread) entries.push({ path, role: documentRole(path, conventions) });
      this.grouping = { structure: this.structureRevision, map: buildInitiatives(entries) };
    }
    const initiatives = this.grouping.map;
    if (this.resolutions.fileSet !== this.fileSetRevision) this.resolutions = { fileSet: this.fileSetRevision, map: new ResolutionMemo() };
    const context = new RuleContext(this.documentModels, this.index, initiatives, config, conventions, this.resolutions.map, this.heldTexts);
    this.structure = { revision: this.revisionCounter, initiatives, context };
    return this.structure;
  }

  private compute(): NonNullable<Project['derived']> {
    if (this.derived && this.derived.revision === this.revisionCounter) return this.derived;
    const config = this.parsed.config;
    const { initiatives, context } = this.structureNow();
    const raw: RuleFinding[] = [];
    for (const model of this.documentModels.values()) {
      let local = this.localCache.get(model);
      if (!local) {
        local = localRuleFindings(model);
        this.localCache.set(model, local);
      }
      raw.push(...local);
    }
    raw.push(...this.crossDocumentFindings(context, initiatives));
    for (const [path, reason] of this.skipped) {
      raw.push({ code: 'file-skipped', file: path, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, message: reason, related: [] });
    }
    raw.push(...this.configFindings());

    if (this.finalized.config !== this.configRevision || this.finalized.history !== this.history) this.finalized = { config: this.configRevision, history: this.history, map: new WeakMap(), quiet: new WeakMap() };
    const collected: Finding[] = [];
    for (const f of raw) {
      // An archive's own findings are not reported; its contradictions of live documents are, and
      // what a document marked historical gets wrong within itself, or archived reports between
      // themselves, is a hint.
      const archive = REPORTED_IN_ARCHIVES.has(f.code) ? null : context.archiveOf(f.file);
      if (archive && !f.amongRecords && (archive.kind !== 'marked' || !QUIET_IN_MARKED_ARCHIVES.has(f.code))) continue;
      const cache = archive ? this.finalized.quiet : this.finalized.map;
      let final = cache.get(f);
      if (final === undefined) {
        const stated = archive ? { ...f, message: `${f.message} (${archive.reason}, so this is only a hint)`, quiet: true } : f;
        final = finalizeOne(stated, this.documentModels.get(f.file), config);
        if (final) final = withHistory(final, this.history);
        cache.set(f, final);
      }
      if (final) collected.push(final);
    }
    const historical = (path: string): boolean => context.archiveOf(path) !== null || this.documentModels.get(path)?.historical === true;
    const textOf = (path: string): TextOrigin | undefined => {
      const model = this.documentModels.get(path);
      return model ? { hash: model.hash, lines: model.lineCount } : undefined;
    };
    const copies = new Map<string, CopyFinding[]>();
    const findings = this.deferMerges
      ? collected.map((f) => {
          const text = textOf(f.file);
          return text ? { ...f, data: { ...f.data, origin: { ...text, historical: historical(f.file) } } } : f;
        })
      : mergeRepeats(collected, new Set(collected.map((f) => f.file)), textOf, historical, (finding, first) => {
          const list = copies.get(finding.file) ?? [];
          list.push({ finding, first });
          copies.set(finding.file, list);
        }).slice();
    findings.sort(compareFindings);
    const byFile = new Map<string, Finding[]>();
    for (const f of findings) {
      const list = byFile.get(f.file) ?? [];
      list.push(f);
      byFile.set(f.file, list);
    }
    // A file whose findings are the same objects as before keeps the same list, so callers can
    // tell "unchanged" by identity (the language server skips re-converting those files).
    const previous = this.lastByFile;
    if (previous) {
      for (const [file, list] of byFile) {
        const old = previous.get(file);
        if (old && old.length === list.length && old.every((f, i) => f === list[i])) byFile.set(file, old);
      }
    }
    this.lastByFile = byFile;
    this.derived = { revision: this.revisionCounter, findings, byFile, copies };
    return this.derived;
  }

  /** Cross-document findings, reusing each initiative's (and each loose document's) results while its inputs are unchanged. */
  private crossDocumentFindings(context: RuleContext, initiatives: InitiativeMap): RuleFinding[] {
    const base = `${this.configRevision}:${this.fileSetRevision}:${this.structureRevision}`;
    const live = new Set<string>();
    const cached = (key: string, signature: string, compute: () => readonly RuleFinding[]): readonly RuleFinding[] => {
      live.add(key);
      const hit = this.ruleCache.get(key);
      if (hit && hit.signature === signature) return hit.findings;
      const findings = keepIdentity(compute(), hit?.findings);
      this.ruleCache.set(key, { signature, findings });
      return findings;
    };
    const hashOf = (p: string): string => `|${this.documentModels.get(p)?.hash ?? ''}`;
    // What a document reads beyond its initiative (a report, the spec task lists) is part of its inputs.
    const readsOf = (p: string): string => {
      const model = this.documentModels.get(p);
      return model ? crossReads(p, model.role, initiatives).map(hashOf).join('') : '';
    };
    const result: RuleFinding[] = [];
    for (const initiative of initiatives.initiatives) {
      if (this.unread.size > 0 && initiative.documents.every((p) => this.unread.has(p))) continue;
      const signature = base + initiative.documents.map((p) => hashOf(p) + readsOf(p)).join('');
      result.push(...cached(`i:${initiativeKeyString(initiative.key)}`, signature, () => initiativeFindings(context, initiative)));
    }
    for (const model of this.documentModels.values()) {
      if (initiatives.byDocument.has(model.path)) continue;
      result.push(...cached(`d:${model.path}`, `${base}|${model.hash}${readsOf(model.path)}`, () => documentFindings(context, model)));
    }
    for (const key of this.ruleCache.keys()) if (!live.has(key)) this.ruleCache.delete(key);
    return result;
  }

  private configFindings(): RuleFinding[] {
    const file = this.configFile?.path ?? CONFIG_FILE;
    const text = this.configFile?.text ?? '';
    return this.parsed.problems.map((p) => {
      const key = p.path.split('.').pop() ?? '';
      const at = key ? text.indexOf(`"${key}"`) : -1;
      const line = at < 0 ? 1 : text.slice(0, at).split('\n').length;
      return { code: 'config-invalid' as const, file, range: { start: { line, column: 1 }, end: { line, column: 1 } }, message: p.path ? `${p.path}: ${p.message}` : p.message, related: [] };
    });
  }

  findings(): readonly Finding[] {
    return this.compute().findings;
  }

  findingsFor(path: string): readonly Finding[] {
    return this.compute().byFile.get(path) ?? NO_FINDINGS;
  }

  /** The findings of a later copy of a document that are reported on its first copy (findings/copies.ts). */
  copyFindingsFor(path: string): readonly CopyFinding[] {
    return this.compute().copies.get(path) ?? NO_COPIES;
  }

  initiatives(): InitiativeMap {
    return this.structureNow().initiatives;
  }

  ruleContext(): RuleContext {
    return this.structureNow().context;
  }
}

/** What decides a document's place among the initiatives: its role and, for a TODO, its title. */
function groupingKey(model: DocumentModel): string {
  return `${JSON.stringify(model.role)}|${model.todo?.title ?? ''}`;
}

/**
 * Recomputed findings that equal earlier ones are replaced by the earlier objects, so that files an
 * edit did not really affect keep identical finding lists (and are not re-converted downstream).
 */
function keepIdentity(findings: readonly RuleFinding[], previous: readonly RuleFinding[] | undefined): readonly RuleFinding[] {
  if (!previous || previous.length === 0) return findings;
  const byKey = new Map(previous.map((f) => [identityKey(f), f]));
  return findings.map((f) => byKey.get(identityKey(f)) ?? f);
}

/** A rule finding's content as a string, computed once per finding (kept findings are compared again at the next edit). */
const identityKeys = new WeakMap<RuleFinding, string>();

function identityKey(f: RuleFinding): string {
  let key = identityKeys.get(f);
  if (key === undefined) {
    key = JSON.stringify(f);
    identityKeys.set(f, key);
  }
  return key;
}
