import { analyzeBytes, type AnalysisOutcome } from './analyze/document';
import { compileConventions } from './config/compiled';
import { CONFIG_FILE, parseConfigText, type ProofmarkConfig } from './config/config';
import { compareFindings, type Finding } from './findings/finding';
import { planBatches } from './project/batches';
import { ignoreMatcher } from './project/ignore';
import { MARKDOWN_FILE, Project } from './project/project';
import type { Workspace } from './workspace';

/**
 * Turns paths into document models. The default reads through the workspace in this thread;
 * the CLI and the server pass one that spreads the parsing over worker threads.
 */
export interface DocumentAnalyzer {
  analyze(paths: readonly string[], config: ProofmarkConfig): Promise<AnalysisOutcome[]>;
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
}

/** Reads `.proofmark.json` (or the given file) into the project; a broken file becomes findings, never an error. */
export async function loadConfig(project: Project, workspace: Workspace, explicit?: { path: string; text: string }): Promise<void> {
  if (explicit) {
    project.setConfig(parseConfigText(explicit.text, undefined, explicit.path.split('/').pop()), explicit);
    return;
  }
  const bytes = await workspace.read(CONFIG_FILE);
  if (bytes === undefined) return;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  project.setConfig(parseConfigText(text), { path: CONFIG_FILE, text });
}

/** A project with its configuration and file list, and the Markdown files still to analyse. */
async function startProject(options: LoadOptions): Promise<{ project: Project; markdown: string[] }> {
  const project = new Project();
  await loadConfig(project, options.workspace, options.config);
  const ignored = ignoreMatcher(project.config.ignore);
  const files = (await options.workspace.list()).filter((p) => !ignored(p));
  project.setFiles(files);
  return { project, markdown: files.filter((p) => MARKDOWN_FILE.test(p)) };
}

/** Lists the workspace, reads its configuration and analyses every Markdown document into a project. */
export async function loadProject(options: LoadOptions): Promise<Project> {
  const { project, markdown } = await startProject(options);
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

export async function checkWorkspace(options: LoadOptions): Promise<CheckResult> {
  const project = await loadProject(options);
  return { project, findings: project.findings(), files: project.models.size + project.skippedFiles.size };
}

export interface BatchCheckOptions extends LoadOptions {
  /** Files per batch (whole initiatives are never split); default 512. */
  readonly batchFiles?: number;
}

export interface BatchCheckResult {
  readonly findings: readonly Finding[];
  /** Markdown files analysed or skipped, in the order they were analysed. */
  readonly analysed: readonly string[];
}

/**
 * The findings of `checkWorkspace` with bounded memory: initiatives are analysed batch by batch
 * (see project/batches.ts), each batch's models dropped once its findings are out, and the next
 * batch is analysed while the rules run on the current one.
 */
export async function checkInBatches(options: BatchCheckOptions): Promise<BatchCheckResult> {
  const { project, markdown } = await startProject(options);
  const config = project.config;
  const batches = planBatches(markdown, compileConventions(config.conventions), Math.max(1, options.batchFiles ?? 512));
  const analyzer = options.analyzer ?? inProcessAnalyzer(options.workspace);
  if (batches.length === 0) return { findings: project.findings(), analysed: [] };

  const findings: Finding[] = [];
  const analysed: string[] = [];
  let next = analyzer.analyze(batches[0] ?? [], config);
  for (let i = 0; i < batches.length; i++) {
    const outcomes = await next;
    if (i + 1 < batches.length) next = analyzer.analyze(batches[i + 1] ?? [], config);
    for (const outcome of outcomes) {
      project.setOutcome(outcome);
      analysed.push(outcome.path);
    }
    // Problems of the configuration come with every batch; they are reported once.
    for (const f of project.findings()) if (i === 0 || f.code !== 'config-invalid') findings.push(f);
    project.evict(batches[i] ?? []);
  }
  findings.sort(compareFindings);
  return { findings, analysed };
}
