import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { toDiagnostic } from '../../../server/src/lsp/convert';
import { checkWorkspace } from '../../../server/src/core/engine';
import { NodeWorkspace } from '../../../server/src/node/nodeWorkspace';
import { tempDir as newTempDir } from '../../support/tempDirs';
import { uriOf, type DiagnosticLike } from './client';

export const ORBIT = path.resolve(__dirname, '../../../examples/orbit');

/** A private copy of the example initiative, for tests that edit files. */
export function orbitCopy(): string {
  const dir = tempDir('proofmark-orbit-');
  cpSync(ORBIT, dir, { recursive: true });
  return dir;
}

/** 0-based lines of the Expected Outputs in `orbitWithHiddenOutput`'s TODO001.md. */
export const HIDDEN_OUTPUT_LINES = { phase2Decisions: 138, phase4Notes: 307, phase4Decisions: 308, phase4Handoff: 309 };

/**
 * A copy of the example where the index misses an output that exists: Phase 2's decisions are
 * named `out/TODO001_phase2_decisions.md` (a folder ignored by default) and hold `text` already.
 * Phase 4 is marked started, so its missing outputs are findings with a "Create" fix.
 */
export function orbitWithHiddenOutput(text: string): string {
  const dir = orbitCopy();
  const todo = readFileSync(path.join(dir, 'TODO001.md'), 'utf8')
    .replace('in: `TODO001_phase2_decisions.md`', 'in: `out/TODO001_phase2_decisions.md`')
    .replace('## Phase 4: Field Pilot Rollout and Telemetry\n', '## Phase 4: Field Pilot Rollout and Telemetry 🔄 IN PROGRESS\n');
  writeFileSync(path.join(dir, 'TODO001.md'), todo);
  mkdirSync(path.join(dir, 'out'));
  writeFileSync(path.join(dir, 'out/TODO001_phase2_decisions.md'), text);
  return dir;
}

/** A new folder, removed when the test process exits. */
export function tempDir(prefix = 'proofmark-lsp-'): string {
  return newTempDir(prefix);
}

/** What a fresh `checkWorkspace` of a folder says, as LSP diagnostics per URI (the reference for protocol tests). */
export async function engineDiagnostics(root: string): Promise<Map<string, DiagnosticLike[]>> {
  const result = await checkWorkspace({ workspace: new NodeWorkspace(root) });
  const map = new Map<string, DiagnosticLike[]>();
  for (const f of result.findings) {
    const uri = uriOf(path.join(root, f.file));
    const list = map.get(uri) ?? [];
    const d = toDiagnostic(f, (p) => uriOf(path.join(root, p)));
    list.push({ ...d, message: typeof d.message === 'string' ? d.message : d.message.value });
    map.set(uri, list);
  }
  return map;
}

/** A stable text form of diagnostics, for deep comparison regardless of property order. */
export function normalise(list: readonly DiagnosticLike[]): string[] {
  return list.map((d) => JSON.stringify([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.code, d.severity, d.message, d.relatedInformation ?? []])).sort();
}
