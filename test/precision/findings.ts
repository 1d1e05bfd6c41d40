import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { CORPUS_REPO, EXTERNAL, corpusAvailable, externalRepos, repoSkeleton } from '../support/corpus';

/** One finding of the built CLI on a corpus repository, with 1-based positions. */
export interface CorpusFinding {
  /** `insurance_navigator` or `external/<owner>+<name>`. */
  readonly corpus: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  /** Other locations of the same fact (related locations of the finding), as `file:line`. */
  readonly related: readonly string[];
}

/** The CLI's JSON output (cli/format/json.ts). */
interface JsonFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly related?: readonly { readonly file: string; readonly line: number }[];
}

export interface Corpus {
  readonly name: string;
  readonly source: string;
}

/** Every corpus repository beside the project: the insurance_navigator subset and the external ten. */
export function corpora(): Corpus[] {
  if (!corpusAvailable()) return [];
  return [{ name: 'insurance_navigator', source: CORPUS_REPO }, ...externalRepos().map((r) => ({ name: `external/${r}`, source: path.join(EXTERNAL, r) }))];
}

const CLI = path.resolve(__dirname, '../../dist/cli.js');

/** Runs `proofmark check --format json` (the built CLI, as a user runs it) on a corpus laid out as its repository. */
export function checkCorpus(corpus: Corpus): CorpusFinding[] {
  const root = repoSkeleton(corpus.source);
  const run = spawnSync(process.execPath, [CLI, 'check', '--root', root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`proofmark check failed on ${corpus.name} (exit ${run.status}): ${run.stderr}`);
  const parsed = JSON.parse(run.stdout) as { findings: JsonFinding[] };
  return parsed.findings.map((f) => ({
    corpus: corpus.name,
    file: f.file,
    line: f.line,
    column: f.column,
    code: f.code,
    severity: f.severity,
    message: f.message,
    related: (f.related ?? []).map((r) => `${r.file}:${r.line}`),
  }));
}
