/** What a Proofmark webview may ask of the extension. Webview messages are untrusted input and are checked here. */
export type PanelMessage =
  | { readonly type: 'open'; readonly uri: string; readonly line: number }
  | { readonly type: 'create' }
  | { readonly type: 'refresh' }
  | { readonly type: 'pick' }
  | { readonly type: 'export'; readonly format: 'markdown' | 'csv' };

export function parsePanelMessage(value: unknown): PanelMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'open': {
      const line = Number(message.line);
      if (typeof message.uri !== 'string' || !Number.isInteger(line) || line < 0) return null;
      return { type: 'open', uri: message.uri, line };
    }
    case 'create':
      return { type: 'create' };
    case 'refresh':
      return { type: 'refresh' };
    case 'pick':
      return { type: 'pick' };
    case 'export':
      return message.format === 'markdown' || message.format === 'csv' ? { type: 'export', format: message.format } : null;
    default:
      return null;
  }
}
