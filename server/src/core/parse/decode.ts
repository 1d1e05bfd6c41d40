/** Turns a file's bytes into text, or says in one sentence why the file is not analysed. */
export type Decoded = { readonly text: string } | { readonly skipped: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeDocument(bytes: Uint8Array, maxBytes: number): Decoded {
  if (bytes.length > maxBytes) {
    return { skipped: `File is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} limit (maxFileSize); not analysed.` };
  }
  const probe = Math.min(bytes.length, 8192);
  for (let i = 0; i < probe; i++) {
    if (bytes[i] === 0) return { skipped: 'File looks binary (it contains NUL bytes); not analysed.' };
  }
  try {
    // TextDecoder drops a leading BOM by default, so offsets match what editors show.
    return { text: loneCrToLf(decoder.decode(bytes)) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { skipped: `File is not valid UTF-8 (first invalid byte at offset ${at}); not analysed.` };
  }
}

/**
 * The text with every lone CR (old Mac line endings) turned into LF. CommonMark and LSP both end a
 * line there, so lines, columns and offsets stay the same, and the analysis, much of which reads
 * the text line by line at LF, sees the lines the editor shows. CRLF is left as it is.
 */
export function loneCrToLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
