import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding, Severity } from '../../server/src/core/findings/finding';
import { capFindings, omittedDiagnostic } from '../../server/src/lsp/diagnosticsCap';

function finding(line: number, severity: Severity): Finding {
  return { code: 'broken-reference', severity, file: 'a.md', range: { start: { line, column: 1 }, end: { line, column: 2 } }, message: `${severity} ${line}`, related: [] };
}

describe('the per-document diagnostics cap', () => {
  it('keeps every finding up to the cap, the same list', () => {
    const findings = [finding(1, 'hint'), finding(2, 'error')];
    const capped = capFindings(findings, 2);
    assert.equal(capped.shown, findings);
    assert.equal(omittedDiagnostic(capped.omitted, 2), null);
  });

  it('keeps the most severe findings, earlier first among equals, in their order, and counts the rest', () => {
    const severities: Severity[] = ['hint', 'warning', 'error', 'info', 'warning', 'error', 'hint', 'warning'];
    const capped = capFindings(severities.map((s, i) => finding(i + 1, s)), 4);
    assert.deepEqual(capped.shown.map((f) => f.message), ['warning 2', 'error 3', 'warning 5', 'error 6']);
    assert.deepEqual(capped.omitted, { error: 0, warning: 1, info: 1, hint: 2 });
    assert.equal(omittedDiagnostic(capped.omitted, 4)?.message, 'Proofmark shows 4 findings of this document, the most severe first; 4 more are not shown (1 warning, 1 info, 2 hints). `proofmark check` lists them all.');
  });
});
