import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO } from '../support/cliHarness';
import { tempDir } from '../support/tempDirs';

const RETRY = path.join(REPO, 'scripts/retry.sh');

function run(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('bash', [RETRY, ...args], { env: { ...process.env, PROOFMARK_RETRY_DELAYS: '0 0' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** A command that fails with a registry-like error until its `n`th run. */
function flaky(n: number): string[] {
  const counter = path.join(tempDir('proofmark-retry-'), 'count');
  return ['sh', '-c', `c=$(cat ${counter} 2>/dev/null || echo 0); c=$((c+1)); echo $c > ${counter}; echo "run $c"; [ $c -ge ${n} ] || { echo "npm error code E503 on run $c" >&2; exit 7; }`];
}

describe('network installs in CI (scripts/retry.sh)', () => {
  it('tries again after a transient failure and prints the output of the try that worked', async () => {
    const r = await run(['npm ci', ...flaky(3)]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, 'run 3\n');
    assert.match(r.stderr, /npm ci: try 1 of 3 failed \(exit code 7: npm error code E503 on run 1\)/);
    assert.match(r.stderr, /npm ci: try 2 of 3 failed/);
  });

  it('gives up after the last try with its exit code and its error output', async () => {
    const r = await run(['npm ci', ...flaky(9)]);
    assert.equal(r.code, 7);
    assert.match(r.stderr, /npm ci: failed 3 time\(s\), the last with exit code 7; its output:\nrun 3\nnpm error code E503 on run 3\n$/);
  });

  it('install.sh does not hand the outer npm\'s identity to its own installs', () => {
    // Under `npm run test:e2e` the environment carries npm_config_user_agent="npm/… node/v20…", which an
    // inner npm reads as its own configuration; code-server's postinstall reads the Node version from it
    // and refused to build under Node 24 (CI, 2026-12-02).
    const script = readFileSync(path.join(REPO, 'scripts/e2e/install.sh'), 'utf8');
    const unset = script.search(/^unset [^\n]*\bnpm_config_user_agent\b/m);
    const firstInstall = script.search(/^\s*retry "npm install/m);
    assert.ok(unset >= 0, 'install.sh unsets npm_config_user_agent');
    assert.ok(firstInstall > unset, 'before its first npm install');
  });

  it('is how install.sh and .ci/run install, none of them silenced', () => {
    for (const file of ['scripts/e2e/install.sh', '.ci/run']) {
      // Logical lines: a command continued with a backslash is one line.
      const lines = readFileSync(path.join(REPO, file), 'utf8').replace(/\\\n/g, ' ').split('\n');
      const installs = lines.filter((line) => /\b(?:npm (?:ci|install)|apt-get (?:update|install))\b/.test(line) && !/^\s*(?:#|step |t )/.test(line));
      assert.ok(installs.length >= 2, file);
      for (const line of installs) {
        assert.match(line, /\bretry "[^"]+" /, `${file} installs without retry: ${line.trim()}`);
        assert.doesNotMatch(line, /--silent|\s-s\b|--loglevel[= ]silent|>\s*\/dev\/null|2>&1/, `${file} silences an install: ${line.trim()}`);
      }
    }
  });
});
