import assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { ALL_CODES } from '../../server/src/core/findings/codes';
import type { Finding } from '../../server/src/core/findings/finding';
import { checkWorkspace } from '../../server/src/core/engine';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';

const EXAMPLE = path.resolve(__dirname, '../../examples/orbit');
/** Codes the example does not need to show: configuration problems and the generator's hints. */
const NOT_IN_EXAMPLE = new Set(['config-invalid', 'evidence-to-fill']);

describe('the bundled example initiative', () => {
  let findings: readonly Finding[] = [];
  before(async () => {
    findings = (await checkWorkspace({ workspace: new NodeWorkspace(EXAMPLE) })).findings;
  });

  it('exercises every finding code', () => {
    const seen = new Set(findings.map((f) => f.code));
    const missing = ALL_CODES.filter((c) => !NOT_IN_EXAMPLE.has(c) && !seen.has(c));
    assert.deepEqual(missing, []);
  });

  it('has a clean Phase 1: nothing in its outputs, its section, its summary or completion entries', () => {
    assert.deepEqual(findings.filter((f) => /_phase1_/.test(f.file)).map((f) => `${f.file}:${f.range.start.line} ${f.code}`), []);
    const phase1Lines = (line: number) => line === 8 || (line >= 32 && line <= 103) || (line >= 334 && line <= 337);
    assert.deepEqual(findings.filter((f) => f.file === 'TODO001.md' && phase1Lines(f.range.start.line)).map((f) => f.message), []);
  });

  it('honours the inline suppression in the Phase 3 notes', () => {
    assert.equal(findings.some((f) => f.file === 'TODO001_phase3_notes.md' && f.range.start.line === 29), false);
  });

  it('reads the Windows export as Windows-1252 and skips the photo saved as .md, with a reason', () => {
    const skipped = findings.filter((f) => f.code === 'file-skipped');
    assert.deepEqual(skipped.map((f) => f.file), ['imports/site-photo.md']);
    assert.match(skipped[0]?.message ?? '', /binary/);
    assert.ok(!findings.some((f) => f.file === 'imports/field-notes-export.md' && f.code === 'file-skipped'));
  });
});
