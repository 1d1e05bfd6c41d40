import { analyzeText } from '../../server/src/core/analyze/document';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { checkInBatches, checkSelection, checkWorkspace } from '../../server/src/core/engine';
import type { Finding } from '../../server/src/core/findings/finding';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import type { DocumentModel } from '../../server/src/core/model/document';

/** Runs the whole engine over in-memory files. */
export async function check(files: Record<string, string | Uint8Array>): Promise<readonly Finding[]> {
  return (await checkWorkspace({ workspace: new MemoryWorkspace(files) })).findings;
}

/** The model of one document, failing the test if it was skipped. */
export function model(path: string, text: string): DocumentModel {
  const out = analyzeText(path, text, DEFAULT_CONFIG);
  if (!('model' in out)) throw new Error(`${path} was skipped: ${out.skipped}`);
  return out.model;
}

export function codesAt(findings: readonly Finding[], file: string): string[] {
  return findings.filter((f) => f.file === file).map((f) => `${f.range.start.line}:${f.code}`);
}

export function only(findings: readonly Finding[], code: string): Finding[] {
  return findings.filter((f) => f.code === code);
}

/**
 * The findings of the whole workspace, of a check in batches of one file, and of one file's own
 * (a scoped check of that file alone, keeping its findings): what a rule reading beyond the file's
 * initiative must give alike.
 */
export async function checkedThreeWays(files: Record<string, string>, path: string): Promise<{ whole: readonly Finding[]; batches: readonly Finding[]; alone: readonly Finding[]; wholeOfPath: readonly Finding[] }> {
  const workspace = new MemoryWorkspace(files);
  const whole = (await checkWorkspace({ workspace })).findings;
  const batches = (await checkInBatches({ workspace, batchFiles: 1 })).findings;
  const alone = (await checkSelection({ workspace, selected: (p) => p === path })).findings.filter((f) => f.file === path);
  return { whole, batches, alone, wholeOfPath: whole.filter((f) => f.file === path) };
}
