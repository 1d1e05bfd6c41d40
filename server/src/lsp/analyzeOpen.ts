import { analyzeText, type AnalysisOutcome } from '../core/analyze/document';
import type { ProofmarkConfig } from '../core/config/config';
import { BINARY_PROBE_BYTES, loneCrToLf } from '../core/parse/decode';
import type { ParseCache } from '../core/parse/parseCache';

/** Whether a NUL lies within the first bytes the core probes of the text's UTF-8, as the disk would hold it: the CLI's answer for the same file. */
function nulWithinProbe(text: string): boolean {
  // A character is at least one byte: only the first BINARY_PROBE_BYTES characters can hold such a NUL (no scan of the whole text on a keystroke).
  const nul = text.slice(0, BINARY_PROBE_BYTES).indexOf('\u0000');
  return nul >= 0 && Buffer.byteLength(text.slice(0, nul), 'utf8') < BINARY_PROBE_BYTES;
}

/**
 * Analyses the text of a document open in the editor. The editor has already decoded it, so the
 * byte checks of the core are repeated on the text: a binary file is reported, not parsed.
 * Lone CRs become LFs, as when decoding (same positions). With a parse cache, an edit re-parses
 * only the chunks of the document that changed.
 */
export function analyzeOpenText(path: string, text: string, config: ProofmarkConfig, cache?: ParseCache): AnalysisOutcome {
  if (text.length > config.maxFileSize) return analyzeText(path, text, config);
  if (nulWithinProbe(text)) return { path, skipped: 'File looks binary (it contains NUL characters); not analysed.' };
  return analyzeText(path, loneCrToLf(text), config, cache);
}
