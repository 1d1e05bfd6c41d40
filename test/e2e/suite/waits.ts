import * as vscode from 'vscode';

/**
 * Resolves with the first truthy value of `check`, evaluated now and after each of `events`; rejects
 * with `what` after `timeoutMs`. The suite waits on events like this and never sleeps.
 */
export function waitFor<T>(what: string, check: () => T | undefined | null | false, events: readonly vscode.Event<unknown>[], timeoutMs = 30_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (fn: () => void): void => {
      clearTimeout(timer);
      for (const d of subscriptions) d.dispose();
      fn();
    };
    const test = (): boolean => {
      try {
        const value = check();
        if (value) {
          finish(() => resolve(value));
          return true;
        }
      } catch (error) {
        finish(() => reject(error instanceof Error ? error : new Error(String(error))));
        return true;
      }
      return false;
    };
    if (test()) return;
    for (const event of events) subscriptions.push(event(() => void test()));
    timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
  });
}

/** The Proofmark diagnostics of one document. */
export function proofmarkDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'proofmark');
}

/** Waits until `uri`'s document changes and returns its new text. */
export function nextChange(uri: vscode.Uri, timeoutMs = 30_000): Promise<string> {
  let changed: string | null = null;
  const subscription = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document.uri.toString() === uri.toString() && e.contentChanges.length > 0) changed = e.document.getText();
  });
  return waitFor(`a change of ${uri.fsPath}`, () => changed, [vscode.workspace.onDidChangeTextDocument], timeoutMs).finally(() => subscription.dispose());
}
