import * as vscode from 'vscode';

/** Milestones after activation, logged once each, and read by the editor tests to measure start-up. */
export class Timings implements vscode.Disposable {
  readonly activatedAt = Date.now();
  serverReadyAt: number | null = null;
  firstTreeAt: number | null = null;
  firstDiagnosticsAt: number | null = null;
  /** When each document of the documents open at activation first had Proofmark diagnostics. */
  readonly firstDiagnosticsOfOpen = new Map<string, number>();
  private listener: vscode.Disposable | null;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const openAtStart = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const ours = (uri: vscode.Uri): boolean => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'proofmark');
    this.listener = vscode.languages.onDidChangeDiagnostics((event) => {
      const now = Date.now();
      let any = false;
      for (const uri of event.uris) {
        const key = uri.toString();
        const waited = openAtStart.has(key) && !this.firstDiagnosticsOfOpen.has(key);
        if ((this.firstDiagnosticsAt === null || waited) && ours(uri)) {
          any = true;
          if (waited) {
            this.firstDiagnosticsOfOpen.set(key, now);
            this.log.info(`first diagnostics of ${vscode.workspace.asRelativePath(uri)}, open at activation, ${now - this.activatedAt} ms after activation`);
          }
        }
      }
      if (any) this.mark('firstDiagnosticsAt', 'first diagnostics');
      if (this.firstDiagnosticsAt !== null && this.firstDiagnosticsOfOpen.size === openAtStart.size) this.dispose();
    });
  }

  mark(which: 'serverReadyAt' | 'firstTreeAt' | 'firstDiagnosticsAt', what: string): void {
    if (this[which] !== null) return;
    this[which] = Date.now();
    this.log.info(`${what} ${this[which] - this.activatedAt} ms after activation`);
  }

  dispose(): void {
    this.listener?.dispose();
    this.listener = null;
  }
}
