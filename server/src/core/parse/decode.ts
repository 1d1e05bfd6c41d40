/** Turns a file's bytes into text, or says in one sentence why the file is not analysed. */
export type Decoded = { readonly text: string } | { readonly skipped: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
/**
 * Windows-1252's characters at 0x80–0x9F (Latin-1 has control characters there); undefined bytes
 * stay as Latin-1 reads them (Node's TextDecoder('windows-1252') reads every byte as Latin-1).
 */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Text that is not UTF-8 is most often a Windows editor's (`café` saved as `caf\xE9`): Windows-1252, of which Latin-1 is a part. */
function windows1252(bytes: Uint8Array): string {
  let latin1 = '';
  for (let i = 0; i < bytes.length; i += 8192) latin1 += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}
/** Control characters no text file holds (tab, line feed, form feed and carriage return aside): such bytes are not Windows text. */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

/** How many leading bytes are looked at for a NUL, the sign of a binary file. */
export const BINARY_PROBE_BYTES = 8192;

export function decodeDocument(bytes: Uint8Array, maxBytes: number): Decoded {
  if (bytes.length > maxBytes) {
    return { skipped: `File is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} limit (maxFileSize); not analysed.` };
  }
  const probe = Math.min(bytes.length, BINARY_PROBE_BYTES);
  for (let i = 0; i < probe; i++) {
    if (bytes[i] === 0) return { skipped: 'File looks binary (it contains NUL bytes); not analysed.' };
  }
  try {
    // TextDecoder drops a leading BOM by default, so offsets match what editors show.
    return { text: loneCrToLf(decoder.decode(bytes)) };
  } catch {
    // Read as an editor that guesses the encoding would, when the bytes read as Windows text.
    const text = windows1252(bytes);
    if (!CONTROL.test(text)) return { text: loneCrToLf(text) };
    const at = firstInvalidUtf8(bytes);
    return { skipped: `File is neither UTF-8 (first invalid byte at offset ${at}) nor Windows-1252 text; not analysed.` };
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
