import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatJson } from '../../server/src/cli/format/json';
import type { Report } from '../../server/src/cli/format/report';
import { summaryLine } from '../../server/src/cli/format/report';
import { formatSarif } from '../../server/src/cli/format/sarif';
import { formatText } from '../../server/src/cli/format/text';
import { ALL_CODES, FINDING_CODES } from '../../server/src/core/findings/codes';
import type { Finding } from '../../server/src/core/findings/finding';
import { assertValidSarif, TEXT_FINDING } from '../support/cliHarness';

const range = (line: number, column: number, endLine = line, endColumn = column + 5) => ({ start: { line, column }, end: { line: endLine, column: endColumn } });

const FINDINGS: Finding[] = [
  {
    code: 'status-conflict',
    severity: 'error',
    file: 'docs/001/TODO001.md',
    range: range(12, 3),
    message: 'Phase 2 is done here,\nbut in progress there.',
    related: [{ file: 'docs/001/TODO001_phase2_notes.md', range: range(3, 1), message: 'Phase 2: 🔄 IN PROGRESS' }],
  },
  { code: 'broken-reference', severity: 'warning', file: 'docs/my notes#1.md', range: range(4, 10), message: 'src/x.ts does not resolve.', related: [] },
  { code: 'file-skipped', severity: 'info', file: 'bin.md', range: range(1, 1, 1, 1), message: 'File looks binary.', related: [] },
  { code: 'evidence-to-fill', severity: 'hint', file: 'a.md', range: range(7, 9, 7, 2), message: 'Fill me.', related: [] },
  { code: 'config-invalid', severity: 'error', file: '/etc/proofmark/conf.json', range: range(1, 1), message: 'Not JSON.', related: [] },
];

const report = (findings: readonly Finding[], files = 3): Report => ({ findings, files, durationMs: 12.6 });

describe('text format', () => {
  it('writes each finding on one parseable line, related locations below, then the summary', () => {
    const lines = formatText(report(FINDINGS.slice(0, 2))).split('\n');
    assert.equal(lines[0], 'docs/001/TODO001.md:12:3 error status-conflict Phase 2 is done here, but in progress there.');
    assert.match(lines[0] ?? '', TEXT_FINDING);
    assert.equal(lines[1], '  docs/001/TODO001_phase2_notes.md:3: Phase 2: 🔄 IN PROGRESS');
    assert.equal(lines[2], 'docs/my notes#1.md:4:10 warning broken-reference src/x.ts does not resolve.');
    assert.deepEqual(lines.slice(3), ['2 findings (1 error, 1 warning) in 3 files', '']);
  });

  it('counts only the severities present, with singular and plural forms', () => {
    assert.equal(summaryLine(report([])), '0 findings in 3 files');
    assert.equal(summaryLine(report(FINDINGS.slice(2, 3), 1)), '1 finding (1 info) in 1 file');
    assert.equal(summaryLine(report(FINDINGS)), '5 findings (2 errors, 1 warning, 1 info, 1 hint) in 3 files');
  });
});

describe('JSON format', () => {
  it('flattens positions and counts by code and severity', () => {
    const out = JSON.parse(formatJson(report(FINDINGS.slice(0, 3)))) as { findings: unknown[]; summary: unknown };
    assert.deepEqual(out.findings[0], {
      file: 'docs/001/TODO001.md', line: 12, column: 3, endLine: 12, endColumn: 8, severity: 'error', code: 'status-conflict',
      message: 'Phase 2 is done here,\nbut in progress there.',
      related: [{ file: 'docs/001/TODO001_phase2_notes.md', line: 3, message: 'Phase 2: 🔄 IN PROGRESS' }],
    });
    assert.deepEqual(out.summary, {
      files: 3, findings: 3,
      byCode: { 'status-conflict': 1, 'broken-reference': 1, 'file-skipped': 1 },
      bySeverity: { error: 1, warning: 1, info: 1, hint: 0 },
      durationMs: 13,
    });
  });
});

describe('SARIF format', () => {
  const sarif: unknown = JSON.parse(formatSarif(report(FINDINGS), '9.9.9'));

  it('is valid SARIF 2.1.0 with one rule per finding code', () => {
    assertValidSarif(sarif);
    const driver = sarif.runs[0]?.tool.driver;
    assert.equal(driver?.name, 'Proofmark');
    assert.equal(driver?.version, '9.9.9');
    assert.deepEqual(driver?.rules.map((r) => r.id), ALL_CODES);
  });

  it('maps severities to SARIF levels, info and hint becoming note', () => {
    assertValidSarif(sarif);
    assert.deepEqual(sarif.runs[0]?.results.map((r) => r.level), ['error', 'warning', 'note', 'note', 'error']);
    const rules = sarif.runs[0]?.tool.driver.rules as unknown as { id: string; defaultConfiguration: { level: string } }[];
    for (const rule of rules) {
      const severity = FINDING_CODES[rule.id as keyof typeof FINDING_CODES].severity;
      assert.equal(rule.defaultConfiguration.level, severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note');
    }
  });

  it('writes relative URIs against %SRCROOT%, escaped, and an outside file as a file URI', () => {
    assertValidSarif(sarif);
    const uris = sarif.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation);
    assert.deepEqual(uris?.[1], { uri: 'docs/my%20notes%231.md', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(uris?.[4], { uri: 'file:///etc/proofmark/conf.json' });
  });

  it('never lets a region end before it starts, and numbers related locations', () => {
    assertValidSarif(sarif);
    const results = sarif.runs[0]?.results ?? [];
    assert.deepEqual(results[3]?.locations[0]?.physicalLocation.region, { startLine: 7, startColumn: 9, endLine: 7, endColumn: 9 });
    assert.deepEqual(results[0]?.relatedLocations.map((r) => [r.id, r.message?.text]), [[0, 'Phase 2: 🔄 IN PROGRESS']]);
  });
});
