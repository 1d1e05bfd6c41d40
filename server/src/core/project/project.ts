import type { AnalysisOutcome } from '../analyze/document';
import { compileConventions } from '../config/compiled';
import { CONFIG_FILE, DEFAULT_CONFIG, type ConfigProblem, type ParsedConfig, type ProofmarkConfig } from '../config/config';
import { finalize, localRuleFindings } from '../findings/finalize';
import { compareFindings, type Finding } from '../findings/finding';
import type { DocumentModel } from '../model/document';
import { FileIndex } from '../resolve/fileIndex';
import { RuleContext, type RuleFinding } from '../rules/context';
import { runCrossDocumentRules } from '../rules/index';
import { buildInitiatives, type InitiativeMap } from './initiatives';

export const MARKDOWN_FILE = /\.(?:md|markdown)$/i;

/**
 * The state of one workspace root: its file list, the model of every Markdown document, and the
 * configuration. Cross-document results are derived lazily from the cached models and dropped
 * whenever anything changes (a revision counter), so an edit re-parses only its own document.
 */
export class Project {
  readonly index = new FileIndex();
  private readonly documentModels = new Map<string, DocumentModel>();
  private readonly skipped = new Map<string, string>();
  private parsed: ParsedConfig = { config: DEFAULT_CONFIG, problems: [] };
  private configFile: { path: string; text: string } | null = null;
  private revisionCounter = 0;
  private derived: { revision: number; initiatives: InitiativeMap; context: RuleContext; findings: Finding[]; byFile: Map<string, Finding[]> } | null = null;

  get revision(): number {
    return this.revisionCounter;
  }

  get config(): ProofmarkConfig {
    return this.parsed.config;
  }

  get configProblems(): readonly ConfigProblem[] {
    return this.parsed.problems;
  }

  private touch(): void {
    this.revisionCounter++;
    this.derived = null;
  }

  setConfig(parsed: ParsedConfig, file: { path: string; text: string } | null = null): void {
    this.parsed = parsed;
    this.configFile = file;
    this.touch();
  }

  setFiles(paths: Iterable<string>): void {
    for (const p of paths) this.index.add(p);
    this.touch();
  }

  addFile(path: string): void {
    this.index.add(path);
    this.touch();
  }

  removeFile(path: string): void {
    this.index.remove(path);
    this.documentModels.delete(path);
    this.skipped.delete(path);
    this.touch();
  }

  setOutcome(outcome: AnalysisOutcome): void {
    this.index.add(outcome.path);
    if ('model' in outcome) {
      const previous = this.documentModels.get(outcome.path);
      this.skipped.delete(outcome.path);
      if (previous && previous.hash === outcome.model.hash) return;
      this.documentModels.set(outcome.path, outcome.model);
    } else {
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

  private compute(): NonNullable<Project['derived']> {
    if (this.derived && this.derived.revision === this.revisionCounter) return this.derived;
    const config = this.parsed.config;
    const initiatives = buildInitiatives(this.documentModels.values());
    const context = new RuleContext(this.documentModels, this.index, initiatives, config, compileConventions(config.conventions));
    const raw: RuleFinding[] = [];
    for (const model of this.documentModels.values()) raw.push(...localRuleFindings(model));
    raw.push(...runCrossDocumentRules(context));
    for (const [path, reason] of this.skipped) {
      raw.push({ code: 'file-skipped', file: path, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, message: reason, related: [] });
    }
    raw.push(...this.configFindings());
    const findings = finalize(raw, this.documentModels, config).sort(compareFindings);
    const byFile = new Map<string, Finding[]>();
    for (const f of findings) {
      const list = byFile.get(f.file) ?? [];
      list.push(f);
      byFile.set(f.file, list);
    }
    this.derived = { revision: this.revisionCounter, initiatives, context, findings, byFile };
    return this.derived;
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
    return this.compute().byFile.get(path) ?? [];
  }

  initiatives(): InitiativeMap {
    return this.compute().initiatives;
  }

  ruleContext(): RuleContext {
    return this.compute().context;
  }
}
