/**
 * Runs the editor tests in a desktop VS Code downloaded by @vscode/test-electron, for machines that
 * can reach Microsoft's download servers (CI here cannot: it uses scripts/e2e/run.sh and code-server).
 * The same suite module serves both. Usage: node scripts/build.mjs && node --import tsx test/e2e/runElectron.ts
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = resolve(__dirname, '../..');
  const scratch = mkdtempSync(join(tmpdir(), 'proofmark-e2e-'));
  const workspace = join(scratch, 'ws');
  cpSync(join(root, 'examples/orbit'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, 'dist/test/index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { PROOFMARK_E2E_RESULT: join(scratch, 'suite.json') },
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
