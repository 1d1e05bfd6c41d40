import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProofmarkApi } from '../../../client/src/services';

export const EXTENSION_ID = 'proofmark.proofmark';

/** What every editor test needs: the extension's API, its folder and the (temporary) workspace. */
export interface E2eContext {
  readonly api: ProofmarkApi;
  readonly extensionPath: string;
  readonly workspace: vscode.Uri;
  readonly todo: vscode.Uri;
  readonly metrics: Record<string, number | string>;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the editor tests need a workspace folder (a copy of examples/orbit)');
  return folder.uri;
}

export async function activateProofmark(): Promise<{ api: ProofmarkApi; extensionPath: string }> {
  const extension = vscode.extensions.getExtension<ProofmarkApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed in this editor`);
  const api = await extension.activate();
  return { api, extensionPath: extension.extensionPath };
}

export interface CliFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

/** Runs the bundled CLI on the workspace with the extension host's own Node (`check` exits 1 when it finds something). */
export function runCli(extensionPath: string, root: string): Promise<CliFinding[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(extensionPath, 'dist', 'cli.js'), 'check', '--root', root, '--format', 'json'],
      { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && error.code !== 1) return reject(new Error(`cli failed (${String(error.code)}): ${stderr}`));
        try {
          resolve((JSON.parse(stdout) as { findings: CliFinding[] }).findings);
        } catch (parseError) {
          reject(new Error(`cli printed no JSON: ${String(parseError)}\n${stdout.slice(0, 500)}`));
        }
      },
    );
  });
}
