import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { checkWorkspace, type CheckResult } from '../../server/src/core/engine';
import { ALL_CODES } from '../../server/src/core/findings/codes';
import type { Finding } from '../../server/src/core/findings/finding';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';
import { assertValidSarif, buildCli, REPO, runCli, tempWorkspace, TEXT_FINDING } from '../support/cliHarness';

const ORBIT = path.join(REPO, 'examples/orbit');
const RELATED_LINE = /^ {2}(?<file>[^\s:][^:]*):(?<line>\d+): (?<message>.+)$/;
const SUMMARY = /^(?<findings>\d+) findings? (?:\((?<detail>[^)]+)\) )?in (?<files>\d+) files?$/;

const key = (file: string, line: number, column: number, code: string): string => `${file}:${line}:${column} ${code}`;
const findingKey = (f: Finding): string => key(f.file, f.range.start.line, f.range.start.column, f.code);

interface JsonOutput {
  findings: { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string; related: { file: string; line: number; message: string }[] }[];
  summary: { files: number; findings: number; byCode: Record<string, number>; bySeverity: Record<string, number>; durationMs: number };
}

describe('proofmark check on the bundled example', { timeout: 180_000 }, () => {
  // What the engine itself finds: the CLI must report exactly that, in each format.
  let expected: CheckResult;
  before(async () => {
    await buildCli();
    expected = await checkWorkspace({ workspace: new NodeWorkspace(ORBIT) });
  });

  it('writes one parseable line per finding, related locations indented, and a summary', async () => {
    const run = await runCli(['check', '--root', ORBIT]);
    const lines = run.stdout.trimEnd().split('\n');
    const summary = SUMMARY.exec(lines.pop() ?? '');
    assert.ok(summary?.groups, `last line is a summary: ${run.stdout.slice(-200)}`);
    const keys: string[] = [];
    let related = 0;
    for (const line of lines) {
      const m = TEXT_FINDING.exec(line) ?? RELATED_LINE.exec(line);
      assert.ok(m?.groups, `unparseable line: ${line}`);
      if (m.groups.code !== undefined) keys.push(key(m.groups.file ?? '', Number(m.groups.line), Number(m.groups.column), m.groups.code));
      else related++;
    }
    assert.deepEqual(keys, expected.findings.map(findingKey));
    assert.equal(related, expected.findings.reduce((n, f) => n + f.related.length, 0));
    assert.equal(Number(summary.groups.findings), expected.findings.length);
    assert.equal(Number(summary.groups.files), expected.files);
    const errors = expected.findings.filter((f) => f.severity === 'error').length;
    assert.match(summary.groups.detail ?? '', new RegExp(`\\b${errors} errors?\\b`));
  });

  it('writes JSON in the documented shape, with the same findings and a consistent summary', async () => {
    const run = await runCli(['check', '--root', ORBIT, '--format', 'json']);
    const out = JSON.parse(run.stdout) as JsonOutput;
    assert.deepEqual(Object.keys(out).sort(), ['findings', 'summary']);
    for (const f of out.findings) {
      assert.deepEqual(Object.keys(f).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'related', 'severity']);
      assert.ok(f.line >= 1 && f.column >= 1 && f.endLine >= f.line, `positions are 1-based: ${JSON.stringify(f)}`);
      assert.ok((ALL_CODES as string[]).includes(f.code));
      for (const r of f.related) assert.deepEqual(Object.keys(r).sort(), ['file', 'line', 'message']);
    }
    assert.deepEqual(out.findings.map((f) => key(f.file, f.line, f.column, f.code)), expected.findings.map(findingKey));
    assert.deepEqual(Object.keys(out.summary).sort(), ['byCode', 'bySeverity', 'durationMs', 'files', 'findings']);
    assert.equal(out.summary.findings, out.findings.length);
    assert.equal(out.summary.files, expected.files);
    assert.equal(Object.values(out.summary.byCode).reduce((a, b) => a + b, 0), out.findings.length);
    assert.equal(Object.values(out.summary.bySeverity).reduce((a, b) => a + b, 0), out.findings.length);
    assert.equal(out.summary.byCode['requirement-duplicate'], expected.findings.filter((f) => f.code === 'requirement-duplicate').length);
  });

  it('writes SARIF 2.1.0 that code scanning accepts', async () => {
    const run = await runCli(['check', '--root', ORBIT, '--format', 'sarif']);
    const sarif: unknown = JSON.parse(run.stdout);
    assertValidSarif(sarif);
    const result = sarif.runs[0]?.results ?? [];
    assert.equal(result.length, expected.findings.length);
    assert.deepEqual(sarif.runs[0]?.tool.driver.rules.map((r) => r.id), ALL_CODES);
    const first = expected.findings[0];
    assert.ok(first);
    assert.equal(result[0]?.locations[0]?.physicalLocation.artifactLocation.uri, first.file);
  });

  it('exits 1 when there are errors, in every format', async () => {
    assert.ok(expected.findings.some((f) => f.severity === 'error'), 'the example has errors');
    for (const format of ['text', 'json', 'sarif']) assert.equal((await runCli(['check', '--root', ORBIT, '--format', format])).code, 1);
  });

  it('reports only the findings of the PATHs given, still analysing the whole initiative', async () => {
    const run = await runCli(['check', '--root', ORBIT, '--format', 'json', path.join(ORBIT, 'TODO001.md')]);
    const out = JSON.parse(run.stdout) as JsonOutput;
    const cross = expected.findings.filter((f) => f.file === 'TODO001.md');
    assert.ok(cross.some((f) => f.code === 'expected-output-missing'), 'the TODO has a finding that needs its siblings');
    assert.deepEqual(out.findings.map((f) => key(f.file, f.line, f.column, f.code)), cross.map(findingKey));
    assert.equal(out.summary.files, 1);
  });

  it('finds the root from the first PATH when --root is not given', async () => {
    const run = await runCli(['check', '--format', 'json', 'TODO001.md'], { cwd: ORBIT });
    const out = JSON.parse(run.stdout) as JsonOutput;
    // The example lies inside this repository, so the root is the repository and paths say so.
    assert.ok(out.findings.length > 0);
    assert.ok(out.findings.every((f) => f.file === 'examples/orbit/TODO001.md'), JSON.stringify(out.findings.map((f) => f.file)));
  });
});

describe('proofmark check exit codes and usage errors', { timeout: 180_000 }, () => {
  // The example with every code lowered to a warning: whether it passes is up to --max-warnings.
  let lenient: string;
  let warnings = 0;
  before(async () => {
    await buildCli();
    lenient = path.join(tempWorkspace({}), 'lenient.json');
    writeFileSync(lenient, JSON.stringify({ severity: Object.fromEntries(ALL_CODES.map((c) => [c, 'warning'])) }));
    const out = JSON.parse((await runCli(['check', '--root', ORBIT, '--config', lenient, '--format', 'json'])).stdout) as JsonOutput;
    warnings = out.summary.bySeverity.warning ?? 0;
  });

  it('exits 0 with warnings only and no limit, and honours --max-warnings', async () => {
    assert.ok(warnings > 1);
    assert.equal((await runCli(['check', '--root', ORBIT, '--config', lenient])).code, 0);
    assert.equal((await runCli(['check', '--root', ORBIT, '--config', lenient, '--max-warnings', String(warnings)])).code, 0);
    assert.equal((await runCli(['check', '--root', ORBIT, '--config', lenient, '--max-warnings', String(warnings - 1)])).code, 1);
  });

  for (const [name, args, reason] of [
    ['an unknown flag', ['check', '--frobnicate'], /unknown option --frobnicate/],
    ['an unknown format', ['check', '--format', 'xml'], /unknown format "xml"/],
    ['a bad --max-warnings', ['check', '--max-warnings', 'many'], /--max-warnings expects a whole number/],
    ['a missing root', ['check', '--root', path.join(REPO, 'no-such-folder')], /does not exist/],
    ['a missing PATH', ['check', '--root', ORBIT, path.join(ORBIT, 'NOPE.md')], /NOPE\.md does not exist/],
    ['a PATH outside the root', ['check', '--root', ORBIT, path.join(REPO, 'package.json')], /outside the root/],
    ['a missing --config file', ['check', '--root', ORBIT, '--config', path.join(ORBIT, 'none.json')], /cannot read config file .*ENOENT/],
    ['a --config that is a folder', ['check', '--root', ORBIT, '--config', ORBIT], /cannot read config file .*EISDIR/],
    ['an unknown command', ['lint'], /unknown command "lint"/],
    ['no command', [], /missing command/],
  ] as const) {
    it(`exits 2 with a one-line reason for ${name}`, async () => {
      const run = await runCli(args);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, reason);
      assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
    });
  }

  it('turns a --config that is not JSON into a config-invalid finding, not exit 2', async () => {
    const root = tempWorkspace({ 'notes.md': '# Notes\n' });
    mkdirSync(path.join(root, 'conf'));
    writeFileSync(path.join(root, 'conf/proofmark.json'), '{ "severity": ');
    const run = await runCli(['check', '--root', root, '--config', path.join(root, 'conf/proofmark.json'), '--format', 'json']);
    assert.equal(run.code, 1);
    const out = JSON.parse(run.stdout) as JsonOutput;
    assert.deepEqual(out.findings.map((f) => `${f.file} ${f.code}`), ['conf/proofmark.json config-invalid']);
    assert.match(out.findings[0]?.message ?? '', /not valid JSON/);
  });

  it('prints usage for --help and the version for --version', async () => {
    const help = await runCli(['check', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage:\n {2}proofmark check /);
    const version = await runCli(['--version']);
    assert.equal(version.stdout.trim(), (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version);
  });
});

describe('proofmark handoff arguments', { timeout: 180_000 }, () => {
  before(async () => {
    await buildCli();
  });

  it('passes a TODO inside the root on to the handoff command, and a dry run writes nothing', async () => {
    const listing = readdirSync(ORBIT).sort();
    const run = await runCli(['handoff', 'TODO001.md', '--phase', '3', '--dry-run', '--root', ORBIT], { cwd: ORBIT });
    assert.notEqual(run.code, 2, run.stderr);
    assert.match(run.stdout, /TODO001\.md/);
    assert.deepEqual(readdirSync(ORBIT).sort(), listing);
  });

  for (const [name, args, reason] of [
    ['a missing TODO', ['handoff', path.join(ORBIT, 'TODO404.md'), '--phase', '1', '--root', ORBIT], /TODO404\.md does not exist/],
    ['a TODO outside the root', ['handoff', path.join(REPO, 'package.json'), '--phase', '1', '--root', ORBIT], /not a file inside the root/],
    ['no --phase', ['handoff', path.join(ORBIT, 'TODO001.md')], /handoff needs --phase N/],
  ] as const) {
    it(`exits 2 with a one-line reason for ${name}`, async () => {
      const run = await runCli(args);
      assert.equal(run.code, 2);
      assert.match(run.stderr, reason);
      assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
    });
  }
});
