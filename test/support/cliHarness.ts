import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { tempDir } from './tempDirs';

export const REPO = path.resolve(__dirname, '../..');

let built: Promise<string> | null = null;

/**
 * Bundles the CLI and its parse worker exactly as scripts/build.mjs does, but into a folder of
 * this test process: test files run in parallel, and rebuilding the shared dist/ under the feet
 * of another test that is spawning it would make both flaky.
 */
export function buildCli(): Promise<string> {
  built ??= (async () => {
    const outdir = tempDir('proofmark-cli-build-');
    await build({
      entryPoints: { cli: path.join(REPO, 'server/src/cli/main.ts'), worker: path.join(REPO, 'server/src/cli/parseWorker.ts') },
      outdir,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'error',
      legalComments: 'none',
    });
    return outdir;
  })();
  return built;
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI as a user would; resolves with its exit code and output, whatever the code. */
export async function runCli(args: readonly string[], options: { cwd?: string } = {}): Promise<CliRun> {
  const cli = path.join(await buildCli(), 'cli.js');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [cli, ...args], { cwd: options.cwd ?? REPO, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/**
 * A fresh folder marked as a repository root, holding the given files (folders created as needed).
 * It sits alone in a temporary parent, so a test may put files "outside the root" beside it.
 */
export function tempWorkspace(files: Record<string, string | Uint8Array>): string {
  const root = path.join(tempDir('proofmark-ws-'), 'root');
  mkdirSync(path.join(root, '.git'), { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(root, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

/** `path:line:col severity code message`, as the text format writes one finding. */
export const TEXT_FINDING = /^(?<file>[^\s:][^:]*):(?<line>\d+):(?<column>\d+) (?<severity>error|warning|info|hint) (?<code>[a-z-]+) (?<message>.+)$/;

interface SarifLocation {
  readonly id?: number;
  readonly physicalLocation: {
    readonly artifactLocation: { readonly uri: string; readonly uriBaseId?: string };
    readonly region: { readonly startLine: number; readonly startColumn: number; readonly endLine: number; readonly endColumn: number };
  };
  readonly message?: { readonly text: string };
}

export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly {
    readonly tool: { readonly driver: { readonly name: string; readonly informationUri: string; readonly version: string; readonly rules: readonly { readonly id: string }[] } };
    readonly results: readonly { readonly ruleId: string; readonly ruleIndex: number; readonly level: string; readonly message: { readonly text: string }; readonly locations: readonly SarifLocation[]; readonly relatedLocations: readonly SarifLocation[] }[];
  }[];
}

const LEVELS = ['none', 'note', 'warning', 'error'];

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what} is not an object`);
  return value as Record<string, unknown>;
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${what} is not an array`);
  return value;
}

function text(value: unknown, what: string): string {
  const t = record(value, what).text;
  if (typeof t !== 'string' || t === '') throw new Error(`${what}.text is not a non-empty string`);
  return t;
}

function checkLocation(value: unknown, what: string): void {
  const physical = record(record(value, what).physicalLocation, `${what}.physicalLocation`);
  const artifact = record(physical.artifactLocation, `${what}.artifactLocation`);
  if (typeof artifact.uri !== 'string' || artifact.uri === '' || artifact.uri.includes('\\')) throw new Error(`${what}: uri must be a /-separated URI`);
  if (!/^file:/.test(artifact.uri) && artifact.uriBaseId !== '%SRCROOT%') throw new Error(`${what}: a relative uri needs uriBaseId %SRCROOT%`);
  const region = record(physical.region, `${what}.region`);
  const { startLine, startColumn, endLine, endColumn } = region;
  for (const [name, n] of Object.entries({ startLine, startColumn, endLine, endColumn })) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new Error(`${what}.region.${name} must be an integer >= 1, got ${String(n)}`);
  }
  if ((endLine as number) < (startLine as number) || (endLine === startLine && (endColumn as number) < (startColumn as number))) throw new Error(`${what}: region ends before it starts`);
}

/**
 * The parts of the SARIF 2.1.0 schema GitHub code scanning relies on: a version, one run with a
 * named driver and its rules, and results whose rule, level, message and locations are valid.
 */
export function assertValidSarif(value: unknown): asserts value is SarifLog {
  const log = record(value, 'log');
  if (log.version !== '2.1.0') throw new Error('version must be 2.1.0');
  if (typeof log.$schema !== 'string' || !/sarif.*2\.1\.0/.test(log.$schema)) throw new Error('$schema must name SARIF 2.1.0');
  const runs = list(log.runs, 'runs');
  if (runs.length !== 1) throw new Error('one run expected');
  const run = record(runs[0], 'run');
  const driver = record(record(run.tool, 'tool').driver, 'driver');
  if (typeof driver.name !== 'string' || typeof driver.version !== 'string') throw new Error('driver needs a name and a version');
  if (typeof driver.informationUri !== 'string' || !/^https:\/\//.test(driver.informationUri)) throw new Error('driver.informationUri must be an https URI');
  const rules = list(driver.rules, 'rules').map((r, i) => {
    const rule = record(r, `rules[${i}]`);
    if (typeof rule.id !== 'string') throw new Error(`rules[${i}].id missing`);
    text(rule.shortDescription, `rules[${i}].shortDescription`);
    text(rule.fullDescription, `rules[${i}].fullDescription`);
    const level = record(rule.defaultConfiguration, `rules[${i}].defaultConfiguration`).level;
    if (!LEVELS.includes(String(level))) throw new Error(`rules[${i}] level ${String(level)} not allowed`);
    return rule.id;
  });
  if (new Set(rules).size !== rules.length) throw new Error('rule ids must be unique');
  list(run.results, 'results').forEach((r, i) => {
    const result = record(r, `results[${i}]`);
    if (typeof result.ruleIndex !== 'number' || rules[result.ruleIndex] !== result.ruleId) throw new Error(`results[${i}]: ruleIndex does not point at ruleId`);
    if (!LEVELS.includes(String(result.level))) throw new Error(`results[${i}]: level ${String(result.level)} not allowed`);
    text(result.message, `results[${i}].message`);
    const locations = list(result.locations, `results[${i}].locations`);
    if (locations.length === 0) throw new Error(`results[${i}] has no location`);
    locations.forEach((l, k) => checkLocation(l, `results[${i}].locations[${k}]`));
    list(result.relatedLocations ?? [], `results[${i}].relatedLocations`).forEach((l, k) => {
      if (typeof record(l, 'related').id !== 'number') throw new Error(`results[${i}].relatedLocations[${k}] needs an id`);
      checkLocation(l, `results[${i}].relatedLocations[${k}]`);
      text(record(l, 'related').message, `results[${i}].relatedLocations[${k}].message`);
    });
  });
}
