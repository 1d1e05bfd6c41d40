import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { E2eContext } from './context';
import type { TestCase } from './harness';
import { proofmarkDiagnostics, waitFor } from './waits';

export function serverTests(ctx: () => E2eContext): TestCase[] {
  return [
    {
      name: 'the traceability report renders requirements × phases',
      async run() {
        const { api } = ctx();
        const rendered = waitFor('the traceability report', () => api.traceability.current, [api.traceability.onDidRender]);
        await vscode.commands.executeCommand('proofmark.showTraceability');
        const result = await rendered;
        const matrix = result.matrices[0];
        assert.ok(matrix && matrix.rows.length > 0, 'a matrix with requirement rows');
        assert.ok(matrix.rows.some((r) => r.requirement.id === 'FR1'));
      },
    },
    {
      name: 'editor settings reach the server, and only the engine settings',
      async run() {
        const { todo } = ctx();
        await vscode.window.showTextDocument(todo);
        const codeOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
        const code = proofmarkDiagnostics(todo).map(codeOf)[0];
        assert.ok(code, 'the TODO has a finding');
        const config = vscode.workspace.getConfiguration('proofmark');
        await config.update('severity', { [code]: 'off' }, vscode.ConfigurationTarget.Workspace);
        try {
          await waitFor(`${code} to be switched off`, () => !proofmarkDiagnostics(todo).some((d) => codeOf(d) === code), [vscode.languages.onDidChangeDiagnostics]);
        } finally {
          await config.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
        }
        await waitFor(`${code} to come back`, () => proofmarkDiagnostics(todo).some((d) => codeOf(d) === code), [vscode.languages.onDidChangeDiagnostics]);
        const configProblems = vscode.languages.getDiagnostics().flatMap(([, ds]) => ds).filter((d) => d.source === 'proofmark' && codeOf(d) === 'config-invalid');
        assert.deepEqual(configProblems.map((d) => d.message), [], 'the editor settings the client sends are valid');
      },
    },
    {
      name: 'Check Workspace runs and Restart Server brings diagnostics and the tree back',
      timeoutMs: 90_000,
      async run() {
        const { api, todo } = ctx();
        await vscode.commands.executeCommand('proofmark.checkWorkspace');
        const revisionsBefore = api.source.tree?.revision;
        assert.ok(revisionsBefore !== undefined);
        const ok = await vscode.commands.executeCommand<boolean>('proofmark.restartServer');
        assert.equal(ok, true);
        assert.ok(api.client.isRunning(), 'the client runs again');
        await waitFor('a tree from the restarted server', () => api.source.tree, [api.source.onDidChange]);
        await vscode.window.showTextDocument(todo);
        await waitFor('diagnostics from the restarted server', () => proofmarkDiagnostics(todo).length > 0, [vscode.languages.onDidChangeDiagnostics]);
      },
    },
  ];
}
