import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runCli, type CliFinding, type E2eContext } from './context';
import type { TestCase } from './harness';
import { proofmarkDiagnostics, waitFor } from './waits';

const SEVERITY: Record<vscode.DiagnosticSeverity, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** One comparable line per finding, 1-based like the CLI. */
function fromCli(f: CliFinding): string {
  return `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.code} ${f.message}`;
}

function fromEditor(d: vscode.Diagnostic): string {
  const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
  const r = d.range;
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${SEVERITY[d.severity]} ${code} ${d.message}`;
}

export function diagnosticsTests(ctx: () => E2eContext): TestCase[] {
  return [
    {
      name: 'diagnostics for the TODO arrive through the language client and match the CLI',
      async run() {
        const { api, extensionPath, workspace, todo, metrics } = ctx();
        const expected = (await runCli(extensionPath, workspace.fsPath)).filter((f) => f.file === 'TODO001.md').map(fromCli).sort();
        assert.ok(expected.length > 0, 'the CLI finds something in examples/orbit/TODO001.md');
        await vscode.window.showTextDocument(todo);
        let actual: string[] = [];
        try {
          await waitFor('the TODO diagnostics to match the CLI', () => {
            actual = proofmarkDiagnostics(todo).map(fromEditor).sort();
            return actual.length === expected.length && actual.every((line, i) => line === expected[i]);
          }, [vscode.languages.onDidChangeDiagnostics], 30_000);
        } catch (error) {
          assert.deepEqual(actual, expected, String(error));
        }
        const t = api.timings;
        if (t.firstDiagnosticsAt !== null) metrics.activationToFirstDiagnosticsMs = t.firstDiagnosticsAt - t.activatedAt;
        if (t.firstTreeAt !== null) metrics.activationToFirstTreeMs = t.firstTreeAt - t.activatedAt;
        if (t.serverReadyAt !== null) metrics.activationToServerReadyMs = t.serverReadyAt - t.activatedAt;
        metrics.todoFindings = expected.length;
      },
    },
  ];
}
