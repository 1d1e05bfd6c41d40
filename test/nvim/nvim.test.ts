import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../server/src/core/engine';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';
import { corpusAvailable, corpusSkeleton, INITIATIVE_003, SKIP_REASON } from '../support/corpus';
import { runNvim } from './headless';

const NVIM = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const nvimVersion = NVIM.status === 0 ? (NVIM.stdout.split('\n')[0] ?? '') : null;
const skip = nvimVersion === null ? 'nvim is not installed (apt-get install -y neovim); the Neovim client test is skipped' : !corpusAvailable() ? SKIP_REASON : false;

interface NvimDiagnostic {
  readonly lnum: number;
  readonly col: number;
  readonly severity: number;
  readonly code: string;
  readonly source: string;
  readonly message: string;
}

const key = (d: { line: number; col: number; severity: number; code: string; message: string }): string => `${d.line}:${d.col} ${d.severity} ${d.code} ${d.message}`;

describe('Neovim 0.7 as an independent client', { skip }, () => {
  it('shows for TODO003.md exactly the findings checkWorkspace reports for it', { timeout: 600_000 }, async () => {
    const root = corpusSkeleton();
    const file = path.join(root, INITIATIVE_003, 'TODO003.md');
    const lines = runNvim('probe.lua', root, { PROOFMARK_FILE: file }, 540_000);
    assert.ok(lines.some((l) => l.startsWith('NVIM 0.') && l.includes('ready=true')), lines.join('\n'));
    const received = lines.filter((l) => l.startsWith('DIAG ')).map((l) => JSON.parse(l.slice(5)) as NvimDiagnostic);
    assert.ok(received.every((d) => d.source === 'proofmark'));

    const engine = await checkWorkspace({ workspace: new NodeWorkspace(root) });
    const expected = engine.project.findingsFor(`${INITIATIVE_003}/TODO003.md`).map((f) => toDiagnostic(f, (p) => p));
    assert.ok(expected.length > 0);
    assert.deepEqual(
      received.map((d) => key({ line: d.lnum, col: d.col, severity: d.severity, code: d.code, message: d.message })).sort(),
      expected.map((d) => key({ line: d.range.start.line, col: d.range.start.character, severity: d.severity ?? 0, code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value })).sort(),
    );
  });
});
