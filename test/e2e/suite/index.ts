import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateProofmark, workspaceRoot, type E2eContext } from './context';
import { diagnosticsTests } from './diagnostics.e2e';
import { handoffTests } from './handoff.e2e';
import { runSuite, type TestCase } from './harness';
import { serverTests } from './server.e2e';
import { toggleTests } from './toggle.e2e';
import { treeTests } from './tree.e2e';

/**
 * The editor tests, run inside VS Code's extension host (code-server here, @vscode/test-electron
 * elsewhere): `run()` resolves when every case passed. The workspace is a throw-away copy of
 * examples/orbit. PROOFMARK_E2E_RESULT names a JSON file for the counts and start-up timings.
 */
export async function run(): Promise<void> {
  const log = (line: string): void => console.log(line);
  let context: E2eContext | null = null;
  const ctx = (): E2eContext => {
    if (context === null) throw new Error('the extension did not activate');
    return context;
  };
  const metrics: Record<string, number | string> = { vscodeVersion: vscode.version, uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop' };
  const cases: TestCase[] = [
    {
      name: 'activates, starts the language server and loads the first tree',
      async run() {
        const { api, extensionPath } = await activateProofmark();
        assert.equal(await api.ready, true, 'the server started');
        assert.ok(api.client.isRunning());
        const workspace = workspaceRoot();
        context = { api, extensionPath, workspace, todo: vscode.Uri.joinPath(workspace, 'TODO001.md'), metrics };
      },
    },
    ...diagnosticsTests(ctx),
    ...treeTests(ctx),
    ...handoffTests(ctx),
    ...toggleTests(ctx),
    ...serverTests(ctx),
  ];
  log(`Proofmark editor tests in VS Code ${vscode.version} (${String(metrics.uiKind)})`);
  await runSuite(cases, metrics, log);
}
