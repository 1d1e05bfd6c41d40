import { writeFileSync } from 'node:fs';
import { FINDING_CODES } from '../server/src/core/findings/codes';
import { DEFAULT_CONVENTIONS } from '../server/src/core/config/conventions';
const severity = { type: 'string', enum: ['off', 'hint', 'info', 'warning', 'error'] };
const conventions: Record<string, unknown> = {};
for (const [k, v] of Object.entries(DEFAULT_CONVENTIONS)) {
  conventions[k] = Array.isArray(v)
    ? { type: 'array', items: { type: 'string', pattern: '^[A-Za-z_]\\w*$' }, minItems: 1, default: v }
    : { type: 'string', format: 'regex', description: 'A JavaScript regular expression (source, without slashes).', default: v };
}
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://proofmark.dev/schemas/proofmark.schema.json',
  title: 'Proofmark configuration (.proofmark.json)',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    severity: {
      type: 'object',
      description: 'Severity per finding code; "off" turns a code off.',
      additionalProperties: false,
      properties: Object.fromEntries(Object.entries(FINDING_CODES).map(([code, d]) => [code, { ...severity, default: d.severity, description: d.description }])),
    },
    ignore: { type: 'array', items: { type: 'string' }, description: 'Globs (relative to the workspace root) never indexed, added to node_modules, .git, dist, out.' },
    evidenceWindow: {
      description: 'How many lines after a claim are searched for its evidence.',
      oneOf: [
        { type: 'integer', minimum: 0, maximum: 1000 },
        { type: 'object', additionalProperties: false, properties: { field: { type: 'integer', minimum: 0, maximum: 1000, default: 30 }, heading: { type: 'integer', minimum: 0, maximum: 1000, default: 40 } } },
      ],
    },
    maxFileSize: { type: 'number', exclusiveMinimum: 0, maximum: 8388608, default: 2097152, description: 'Files larger than this many bytes are reported as file-skipped (at most 8 MB).' },
    templates: { type: 'string', description: 'A folder (relative to the root) with notes.md, decisions.md, handoff.md, testing_summary.md overriding the handoff templates.' },
    conventions: { type: 'object', additionalProperties: false, properties: conventions },
  },
};
writeFileSync('schemas/proofmark.schema.json', `${JSON.stringify(schema, null, 2)}\n`);
