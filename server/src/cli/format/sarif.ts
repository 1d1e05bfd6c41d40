import { pathToFileURL } from 'node:url';
import { ALL_CODES, FINDING_CODES } from '../../core/findings/codes';
import type { Severity } from '../../core/findings/finding';
import type { Range } from '../../core/text/position';
import type { Report } from './report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/proofmark/proofmark';

export type SarifLevel = 'error' | 'warning' | 'note';

/** SARIF has no level below note, so info and hint both become note. */
export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/**
 * A root-relative file as a URI reference resolved against %SRCROOT% (the checkout, for GitHub
 * code scanning). A file outside the root (a --config elsewhere) keeps an absolute file URI.
 */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (file.startsWith('/')) return { uri: pathToFileURL(file).href };
  return { uri: encodeURI(file).replace(/[?#]/g, encodeURIComponent), uriBaseId: '%SRCROOT%' };
}

/** SARIF regions must not end before they start; columns are UTF-16 code units as in the core. */
function region(range: Range): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  const startLine = Math.max(1, range.start.line);
  const startColumn = Math.max(1, range.start.column);
  const endsBefore = range.end.line < startLine || (range.end.line === startLine && range.end.column < startColumn);
  return endsBefore ? { startLine, startColumn, endLine: startLine, endColumn: startColumn } : { startLine, startColumn, endLine: range.end.line, endColumn: range.end.column };
}

function rules(): object[] {
  return ALL_CODES.map((code) => {
    const info = FINDING_CODES[code];
    return {
      id: code,
      name: code,
      shortDescription: { text: info.title },
      fullDescription: { text: info.description },
      defaultConfiguration: { level: sarifLevel(info.severity) },
    };
  });
}

/** SARIF 2.1.0 with one run, in the shape GitHub code scanning accepts. */
export function formatSarif(report: Report, version: string): string {
  const results = report.findings.map((f) => ({
    ruleId: f.code,
    ruleIndex: ALL_CODES.indexOf(f.code),
    level: sarifLevel(f.severity),
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.file), region: region(f.range) } }],
    relatedLocations: f.related.map((r, id) => ({
      id,
      physicalLocation: { artifactLocation: artifactLocation(r.file), region: region(r.range) },
      message: { text: r.message },
    })),
  }));
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Proofmark', informationUri: INFORMATION_URI, version, semanticVersion: version, rules: rules() } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
