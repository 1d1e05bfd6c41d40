import { analyzeBytes, type AnalysisOutcome } from './analyze/document';
import { CONFIG_FILE, parseConfigText, type ProofmarkConfig } from './config/config';
import type { Finding } from './findings/finding';
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

/** Lists the workspace, reads its configuration and analyses every Markdown document into a project. */
export async function loadProject(options: LoadOptions): Promise<Project> {
  const project = new Project();
  await loadConfig(project, options.workspace, options.config);
  const ignored = ignoreMatcher(project.config.ignore);
  const files = (await options.workspace.list()).filter((p) => !ignored(p));
  project.setFiles(files);
  const markdown = files.filter((p) => MARKDOWN_FILE.test(p));
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
