import { analyzeText } from '../../server/src/core/analyze/document';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { checkWorkspace } from '../../server/src/core/engine';
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
