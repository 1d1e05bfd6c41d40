import * as vscode from 'vscode';

/** Milestones after activation, logged once each, and read by the editor tests to measure start-up. */
export class Timings implements vscode.Disposable {
  readonly activatedAt = Date.now();
  serverReadyAt: number | null = null;
  firstTreeAt: number | null = null;
  firstDiagnosticsAt: number | null = null;
  private listener: vscode.Disposable | null;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.listener = vscode.languages.onDidChangeDiagnostics((event) => {
      const ours = event.uris.some((uri) => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'proofmark'));
      if (ours) this.mark('firstDiagnosticsAt', 'first diagnostics');
    });
  }

  mark(which: 'serverReadyAt' | 'firstTreeAt' | 'firstDiagnosticsAt', what: string): void {
    if (this[which] !== null) return;
    this[which] = Date.now();
    this.log.info(`${what} ${this[which] - this.activatedAt} ms after activation`);
    if (which === 'firstDiagnosticsAt') this.dispose();
  }

  dispose(): void {
    this.listener?.dispose();
    this.listener = null;
  }
}
