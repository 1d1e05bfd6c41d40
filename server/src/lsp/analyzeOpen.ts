import { analyzeText, type AnalysisOutcome } from '../core/analyze/document';
import type { ProofmarkConfig } from '../core/config/config';
import { loneCrToLf } from '../core/parse/decode';
import type { ParseCache } from '../core/parse/parseCache';

/** How far into a file, in bytes, the core looks for NUL (core/parse/decode.ts). */
const PROBE = 8192;

/** Whether a NUL lies within the first PROBE bytes of the text's UTF-8, as the disk would hold it: the CLI's answer for the same file. */
function nulWithinProbe(text: string): boolean {
  const nul = text.indexOf('\u0000');
  return nul >= 0 && nul < PROBE && new TextEncoder().encode(text.slice(0, nul)).length < PROBE;
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
