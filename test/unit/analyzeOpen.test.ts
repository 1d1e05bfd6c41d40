import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeBytes, type AnalysisOutcome } from '../../server/src/core/analyze/document';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { analyzeOpenText } from '../../server/src/lsp/analyzeOpen';

const skipped = (outcome: AnalysisOutcome): boolean => 'skipped' in outcome;

describe('an open document that may be binary', () => {
  it('is skipped exactly when the same text on disk would be: a NUL within the first 8,192 bytes, not characters', () => {
    for (const lead of ['', 'a'.repeat(8191), '✅'.repeat(2730), '✅'.repeat(2731), '✅'.repeat(4950)]) {
      const text = `# Notes\n${lead}\u0000\n`;
      const open = analyzeOpenText('notes.md', text, DEFAULT_CONFIG);
      const disk = analyzeBytes('notes.md', new TextEncoder().encode(text), DEFAULT_CONFIG);
      assert.equal(skipped(open), skipped(disk), `NUL after ${lead.length} characters`);
    }
    assert.ok(skipped(analyzeOpenText('notes.md', 'x\u0000', DEFAULT_CONFIG)));
    assert.ok(!skipped(analyzeOpenText('notes.md', `${'✅'.repeat(4950)}\u0000`, DEFAULT_CONFIG)), 'the NUL lies past byte 8,192');
  });
});
