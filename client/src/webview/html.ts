/** What a page needs from its webview: where its assets live and the nonce of its one script. */
export interface PageContext {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly nonce: string;
  /** `asWebviewUri` of media/panel.css and media/panel.js. */
  readonly styleUri: string;
  readonly scriptUri: string;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for element content and quoted attribute values alike. Every document-derived string goes through here. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (ch) => ESCAPES[ch] ?? ch);
}

/** A 32-character hex nonce from the given random bytes source (crypto in the extension, fixed in tests). */
export function makeNonce(randomBytes: (n: number) => Uint8Array): string {
  return Array.from(randomBytes(16), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function contentSecurityPolicy(ctx: PageContext): string {
  return [
    "default-src 'none'",
    `style-src ${ctx.cspSource}`,
    `img-src ${ctx.cspSource}`,
    `font-src ${ctx.cspSource}`,
    `script-src 'nonce-${ctx.nonce}'`,
  ].join('; ');
}

/** A link-styled button that asks the extension to open `uri` at the 0-based `line`. */
export function openLink(uri: string, line: number, text: string, title = ''): string {
  const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
  return `<button type="button" class="link" data-action="open" data-uri="${escapeHtml(uri)}" data-line="${line}"${titleAttr}>${escapeHtml(text)}</button>`;
}

/** The page shell: strict CSP with a nonce, theme colours come from the stylesheet's `--vscode-*` variables. */
export function page(ctx: PageContext, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(ctx))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(ctx.styleUri)}">
<title>${escapeHtml(title)}</title>
</head>
<body>
${body}
<script nonce="${escapeHtml(ctx.nonce)}" src="${escapeHtml(ctx.scriptUri)}"></script>
</body>
</html>
`;
}

export function fileName(uri: string): string {
  const clean = uri.replace(/[?#].*$/, '');
  const name = clean.slice(clean.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
