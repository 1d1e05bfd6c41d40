import { writeFileSync } from 'node:fs';
import { deadline } from './waits';

/**
 * A minimal test runner for the extension host: runs cases in order, each bounded by a timeout, and
 * reports `N passed, N failed`. It keeps the suite free of mocha, whose module format differs
 * between VS Code builds.
 */
export interface TestCase {
  readonly name: string;
  readonly timeoutMs?: number;
  run(): Promise<void>;
}

export interface TestResult {
  readonly name: string;
  readonly ok: boolean;
  readonly ms: number;
  readonly error?: string;
}

const DEFAULT_TIMEOUT_MS = 60_000;

function withTimeout(test: TestCase): Promise<void> {
  const limit = deadline(test.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'the test to finish');
  return Promise.race([test.run(), limit.expired]).finally(() => limit.dispose());
}

export async function runCases(cases: readonly TestCase[], log: (line: string) => void): Promise<TestResult[]> {
  const results: TestResult[] = [];
  for (const test of cases) {
    const start = Date.now();
    try {
      await withTimeout(test);
      results.push({ name: test.name, ok: true, ms: Date.now() - start });
      log(`  ✔ ${test.name} (${Date.now() - start} ms)`);
    } catch (error) {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      results.push({ name: test.name, ok: false, ms: Date.now() - start, error: text });
      log(`  ✘ ${test.name} (${Date.now() - start} ms)\n${text.replace(/^/gm, '      ')}`);
    }
  }
  return results;
}

/**
 * Runs a suite's cases, logs its metrics and `N passed, N failed`, writes them to
 * PROOFMARK_E2E_RESULT when set, and throws when a case failed (the runner's exit code).
 */
export async function runSuite(cases: readonly TestCase[], metrics: Record<string, unknown>, log: (line: string) => void): Promise<void> {
  const results = await runCases(cases, log);
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  log(`metrics ${JSON.stringify(metrics)}`);
  log(`${passed} passed, ${failed} failed`);
  const resultFile = process.env.PROOFMARK_E2E_RESULT;
  if (resultFile) writeFileSync(resultFile, JSON.stringify({ passed, failed, results, metrics }, null, 2));
  if (failed > 0) throw new Error(`${failed} of ${results.length} editor tests failed`);
}
