import * as vscode from 'vscode';
import { corpusTests } from './corpus.e2e';
import { runSuite } from './harness';

/**
 * The editor tests on a skeleton of the real corpus (insurance_navigator, laid out by
 * test/e2e/layOutCorpus.ts), run like index.ts inside VS Code's extension host, with TODO003.md
 * opened first. PROOFMARK_E2E_LOGS names the editor's logs folder, whose Proofmark.log is checked.
 */
export async function run(): Promise<void> {
  const log = (line: string): void => console.log(line);
  const metrics: Record<string, number | string | boolean> = { vscodeVersion: vscode.version };
  log(`Proofmark corpus editor tests in VS Code ${vscode.version}`);
  await runSuite(corpusTests(metrics, process.env.PROOFMARK_E2E_LOGS), metrics, log);
}
