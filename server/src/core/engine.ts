import { analyzeBytes, type AnalysisOutcome } from './analyze/document';
import { compileConventions } from './config/compiled';
import { CONFIG_FILE, DEFAULT_CONFIG, parseConfigText, type ProofmarkConfig } from './config/config';
import { compareFindings, type Finding } from './findings/finding';
import { mergeBatches } from './findings/copies';
import type { FileHistory } from './findings/history';
import { formatBytes } from './parse/decode';
import { planBatches, withContext } from './project/batches';
import { ignoreMatcher } from './project/ignore';
import { isDocumentFile, Project } from './project/project';
import { scopeOf, type ScopeQuestion } from './project/scope';
import type { Workspace } from './workspace';

/**
 * Turns paths into document models. The default reads through the workspace in this thread;
 * the CLI and the server pass one that spreads the parsing over worker threads.
 */
export interface DocumentAnalyzer {
  analyze(paths: readonly string[], config: ProofmarkConfig): Promise<AnalysisOutcome[]>;
}

/**
 * Checks batches of whole initiatives where their models are made (the CLI's worker threads), so
 * that only findings come back: the findings of each batch, or null for a batch it could not check.
 */
export interface BatchChecker {
  check(batches: readonly (readonly string[])[], config: ProofmarkConfig, files: readonly string[]): Promise<(readonly Finding[] | null)[]>;
}

export function inProcessAnalyzer(workspace: Workspace): DocumentAnalyzer {
  return {
    async analyze(paths, config) {
      const outcomes: AnalysisOutcome[] = [];
      for (const path of paths) outcomes.push(analyzeBytes(path, await workspace.read(path), config));
      return outcomes;
    },
  };
}

export interface LoadOptions {
  readonly workspace: Workspace;
  readonly analyzer?: DocumentAnalyzer;
  /** Text of a configuration file given explicitly (`--config`), with the path to report problems at. */
  readonly config?: { readonly path: string; readonly text: string };
  /** Called with the configuration once it is read, before the workspace is listed (the CLI's handoff starts its workers meanwhile). */
  readonly onConfig?: (config: ProofmarkConfig) => void;
}

/**
 * A project to keep (the server's, a test's) also takes the workspace's version history, read on the
 * node side (node/gitHistory.ts): a missing file's message then tells where it went. A check in
 * batches leaves that to its caller, which reads git meanwhile and applies `withHistory`.
 */
export interface ProjectOptions extends LoadOptions {
  readonly history?: FileHistory | null;
}

/** A configuration file is a few hundred bytes; one larger than this is refused (the CLI's --config) or reported. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Reads `.proofmark.json` (or the given file) into the project; a broken file becomes findings, never an error. */
export async function loadConfig(project: Project, workspace: Workspace, explicit?: { path: string; text: string }): Promise<void> {
  if (explicit) {
    project.setConfig(parseConfigText(explicit.text, undefined, explicit.path.split('/').pop()), explicit);
    return;
  }
  const bytes = await workspace.read(CONFIG_FILE);
  if (bytes === undefined) return;
  if (bytes.length > MAX_CONFIG_BYTES) {
    const problem = { path: '', message: `${CONFIG_FILE} is ${formatBytes(bytes.length)}, over the ${formatBytes(MAX_CONFIG_BYTES)} limit for a configuration file; the defaults are used.` };
    project.setConfig({ config: DEFAULT_CONFIG, problems: [problem] }, { path: CONFIG_FILE, text: '' });
    return;
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  project.setConfig(parseConfigText(text), { path: CONFIG_FILE, text });
}

/** A project with its configuration and file list, and the Markdown files still to analyse. */
async function startProject(options: LoadOptions): Promise<{ project: Project; files: string[]; markdown: string[] }> {
  const project = new Project();
  await loadConfig(project, options.workspace, options.config);
  options.onConfig?.(project.config);
  const ignored = ignoreMatcher(project.config.ignore);
  const files = (await options.workspace.list()).filter((p) => !ignored(p));
  project.setFiles(files);
  return { project, files, markdown: files.filter(isDocumentFile) };
}

/** Lists the workspace, reads its configuration and analyses every Markdown document into a project. */
export async function loadProject(options: ProjectOptions): Promise<Project> {
  const { project, markdown } = await startProject(options);
  project.setHistory(options.history ?? null);
  const analyzer = options.analyzer ?? inProcessAnalyzer(options.workspace);
  for (const outcome of await analyzer.analyze(markdown, project.config)) project.setOutcome(outcome);
  return project;
}

export interface CheckResult {
  readonly project: Project;
  readonly findings: readonly Finding[];
  /** Markdown files analysed or skipped. */
  readonly files: number;
}

export async function checkWorkspace(options: ProjectOptions): Promise<CheckResult> {
  const project = await loadProject(options);
  return { project, findings: project.findings(), files: project.models.size + project.skippedFiles.size };
}

export interface BatchCheckOptions extends LoadOptions {
  /**
   * Files per batch (whole initiatives are never split); default 512, or 64 with a checker, whose
   * workers each hold a batch (10,000 generated files: peak RSS 301 MB with 128, 274 MB with 48).
   */
  readonly batchFiles?: number;
  /** Checks batches elsewhere; the batches it could not check are checked in this thread. */
  readonly checker?: BatchChecker;
}

export interface BatchCheckResult {
  readonly findings: readonly Finding[];
  /** Markdown files analysed or skipped. */
  readonly analysed: readonly string[];
}

/**
 * The findings of `checkWorkspace` with bounded memory: whole initiatives are checked batch by
 * batch (see project/batches.ts). With a checker, batches are checked where they are parsed and
 * only findings come back; in this thread, each batch's models are dropped once its findings are
 * out, and the next batch is analysed while the rules run on the current one.
 */
export async function checkInBatches(options: BatchCheckOptions): Promise<BatchCheckResult> {
  return batchCheck(await startProject(options), options);
}

async function batchCheck(started: { project: Project; files: string[]; markdown: string[] }, options: BatchCheckOptions): Promise<BatchCheckResult> {
  const { project, files, markdown } = started;
  project.deferMerges = true;
  const config = project.config;
  const size = options.batchFiles ?? (options.checker ? 64 : 512);
  const conventions = compileConventions(config.conventions);
  const planned = withContext(planBatches(markdown, conventions, Math.max(1, size)), markdown, conventions);
  let batches = planned.batches;
  // A document read as another batch's context reports its findings in its own batch only.
  const index = new Map(batches.map((b, i) => [b, i]));
  const ownFindings = (batch: readonly string[], list: readonly Finding[]): Finding[] => {
    const i = index.get(batch as string[]);
    return list.filter((f) => {
      const o = planned.owner.get(f.file);
      return o === undefined || o === i;
    });
  };
  // With no models yet, the project's findings are the problems of the configuration.
  const findings: Finding[] = [...project.findings()];
  if (options.checker && batches.length > 0) {
    const checked = await options.checker.check(batches, config, files);
    batches = batches.filter((batch, i) => {
      const found = checked[i];
      if (found) findings.push(...ownFindings(batch, found));
      return !found;
    });
  }

  const analyzer = options.analyzer ?? inProcessAnalyzer(options.workspace);
  let next = batches.length > 0 ? analyzer.analyze(batches[0] ?? [], config) : null;
  for (let i = 0; next !== null; i++) {
    const outcomes = await next;
    next = i + 1 < batches.length ? analyzer.analyze(batches[i + 1] ?? [], config) : null;
    for (const outcome of outcomes) project.setOutcome(outcome);
    for (const f of ownFindings(batches[i] ?? [], project.findings())) if (f.code !== 'config-invalid') findings.push(f);
    project.evict(batches[i] ?? []);
  }
  const merged = mergeBatches(findings);
  merged.sort(compareFindings);
  return { findings: merged, analysed: markdown };
}

export interface ScopeOptions extends LoadOptions {
  readonly question: ScopeQuestion;
}

export interface ScopedProject {
  readonly project: Project;
  /** Markdown files analysed or skipped: the selected ones and what their rules read. */
  readonly analysed: readonly string[];
  /** Markdown files of the workspace. */
  readonly markdown: number;
}

/**
 * A project that has analysed only what a question needs (project/scope.ts): the whole file list,
 * the configuration, and the documents the question's rules read; the other Markdown files are
 * grouped by name only, so the initiatives are the workspace's. The findings of the selected files
 * are those of the whole workspace, for the cost of a part of one initiative.
 */
export async function loadScope(options: ScopeOptions): Promise<ScopedProject> {
  const started = await startProject(options);
  return analyseScope(started.project, started.markdown, scopeFor(started, options), options);
}

function scopeFor(started: { project: Project; markdown: readonly string[] }, options: ScopeOptions): string[] {
  return scopeOf(started.markdown, compileConventions(started.project.config.conventions), options.question);
}

async function analyseScope(project: Project, markdown: readonly string[], scope: readonly string[], options: LoadOptions): Promise<ScopedProject> {
  const read = new Set(scope);
  project.setUnread(markdown.filter((p) => !read.has(p)));
  const analyzer = options.analyzer ?? inProcessAnalyzer(options.workspace);
  if (scope.length > 0) for (const outcome of await analyzer.analyze(scope, project.config)) project.setOutcome(outcome);
  return { project, analysed: scope, markdown: markdown.length };
}

/**
 * The findings a check of the whole workspace reports, for the selected files and what their rules
 * read (`analysed`; the caller keeps the selected files' findings). A selection that needs most of
 * the workspace is checked in batches like the whole, for bounded memory.
 */
export async function checkSelection(options: BatchCheckOptions & { readonly selected: (path: string) => boolean }): Promise<BatchCheckResult> {
  const started = await startProject(options);
  const scope = scopeFor(started, { ...options, question: { kind: 'findings', selected: options.selected } });
  if (scope.length * 2 > started.markdown.length) return batchCheck(started, options);
  const { project, analysed } = await analyseScope(started.project, started.markdown, scope, options);
  return { findings: project.findings(), analysed };
}
