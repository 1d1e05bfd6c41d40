import * as vscode from 'vscode';

/**
 * A promise that rejects when `ms` have passed: the upper bound of a wait on events, never a pause.
 * The abort signal's own event ends it; `dispose` releases it when the wait ended first.
 */
export function deadline(ms: number, what: string): { readonly expired: Promise<never>; dispose(): void } {
  const controller = new AbortController();
  const timeout = AbortSignal.timeout(ms);
  const expired = new Promise<never>((_, reject) => {
    const onAbort = (): void => reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    timeout.addEventListener('abort', onAbort, { once: true, signal: controller.signal });
  });
  expired.catch(() => undefined);
  return { expired, dispose: () => controller.abort() };
}

/**
 * Resolves with the first truthy value of `check`, evaluated now and after each of `events`; rejects
 * when the deadline passes. The suite waits on events like this and never sleeps.
 */
export function waitFor<T>(what: string, check: () => T | undefined | null | false, events: readonly vscode.Event<unknown>[], timeoutMs = 30_000): Promise<T> {
  const limit = deadline(timeoutMs, what);
  const subscriptions: vscode.Disposable[] = [];
  const settled = new Promise<T>((resolve, reject) => {
    const test = (): boolean => {
      try {
        const value = check();
        if (value) resolve(value);
        return Boolean(value);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return true;
      }
    };
    if (test()) return;
    for (const event of events) subscriptions.push(event(() => void test()));
  });
  return Promise.race([settled, limit.expired]).finally(() => {
    limit.dispose();
    for (const d of subscriptions) d.dispose();
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
