import { realpathSync } from 'node:fs';
import * as nodePath from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkInBatches, checkSelection, MAX_CONFIG_BYTES } from '../core/engine';
import type { Finding } from '../core/findings/finding';
import { withHistory } from '../core/findings/history';
import { readGitHistory } from '../node/gitHistory';
import { NodeWorkspace } from '../node/nodeWorkspace';
import { WorkerPool } from '../node/workerPool';
import type { CheckArgs, Format } from './args';
import { formatJson } from './format/json';
import type { Report } from './format/report';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import type { Io } from './io';
import { insideRoot } from '../node/folderPaths';
import { readRegularFileSync } from '../node/regularFile';
import { isSelected, resolveRoot, resolveSelection } from './root';
import { statsLine } from './stats';
import { VERSION } from './version';

/**
 * An explicit --config file: its text and the path findings about it are reported at. It is read
 * like every other file (without blocking, a regular file only, at most MAX_CONFIG_BYTES), so
 * `--config /dev/zero` or a named pipe is refused at once instead of filling memory or waiting.
 */
function readConfig(file: string, root: string, cwd: string): { path: string; text: string } | string {
  const full = nodePath.resolve(cwd, file);
  const read = readRegularFileSync(full, MAX_CONFIG_BYTES);
  if ('error' in read) return `cannot read config file ${file} (${read.error})`;
  let real = full;
  try {
    real = realpathSync(full);
  } catch {
    // Gone since it was read: report it where it was given.
  }
  const path = insideRoot(root, real) ?? full.split(nodePath.sep).join('/');
  return { path, text: new TextDecoder('utf-8', { fatal: false }).decode(read.bytes) };
}

function render(format: Format, report: Report): string {
  if (format === 'json') return formatJson(report);
  if (format === 'sarif') return formatSarif(report, VERSION);
  return formatText(report);
}

/** Whether the findings fail the run: an error, or more warnings than allowed. */
export function exitCodeFor(findings: readonly Finding[], maxWarnings: number | null): 0 | 1 {
  if (findings.some((f) => f.severity === 'error')) return 1;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return maxWarnings !== null && warnings > maxWarnings ? 1 : 0;
}

/**
 * `proofmark check`: with no PATH, analyses the whole workspace (cross-document rules need whole
 * initiatives, which worker threads check batch by batch, returning findings only); with PATHs,
 * only what the rules read to report on the selected files (core/project/scope.ts: parts of their
 * initiatives), with the same findings for them. Problems of the configuration concern every file, so
 * `config-invalid` findings are reported whatever the selection.
 */
export async function runCheck(args: CheckArgs, io: Io): Promise<number> {
  const started = performance.now();
  const root = resolveRoot(args.root, args.paths[0], io.cwd);
  if (!root.ok) return io.fail(root.error);
  const selection = resolveSelection(root.value, args.paths, io.cwd);
  if (!selection.ok) return io.fail(selection.error);
  let config: { path: string; text: string } | undefined;
  if (args.config !== null) {
    const read = readConfig(args.config, root.value, io.cwd);
    if (typeof read === 'string') return io.fail(read);
    config = read;
  }

  const pool = new WorkerPool(root.value);
  const workspace = new NodeWorkspace(root.value);
  const whole = selection.value.includes('');
  const selected = (path: string): boolean => isSelected(path, selection.value);
  const checking = whole ? checkInBatches({ workspace, analyzer: pool, checker: pool, config }) : checkSelection({ workspace, analyzer: pool, checker: pool, config, selected });
  // Git reads the history while the workspace is checked; without git, outside a repository or past its time, there is none to tell.
  const [result, history] = await Promise.all([checking.finally(() => pool.dispose()), readGitHistory(root.value)]);
  const findings = result.findings.filter((f) => f.code === 'config-invalid' || isSelected(f.file, selection.value)).map((f) => withHistory(f, history));
  const files = result.analysed.filter((p) => isSelected(p, selection.value)).length;
  const durationMs = performance.now() - started;
  io.out(render(args.format, { findings, files, durationMs }));
  if (args.stats) io.err(statsLine(durationMs));
  return exitCodeFor(findings, args.maxWarnings);
}
