import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { DEFAULT_CONVENTIONS } from '../../server/src/core/config/conventions';
import { FINDING_CODES } from '../../server/src/core/findings/codes';

interface Schema {
  properties: { severity: { properties: Record<string, { default: string }> }; conventions: { properties: Record<string, unknown> } };
}

it('the published .proofmark.json schema matches the engine (regenerate with npm run schema)', () => {
  const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../../schemas/proofmark.schema.json'), 'utf8')) as Schema;
  const severities = schema.properties.severity.properties;
  assert.deepEqual(Object.keys(severities).sort(), Object.keys(FINDING_CODES).sort());
  for (const [code, d] of Object.entries(FINDING_CODES)) assert.equal(severities[code]?.default, d.severity, code);
  assert.deepEqual(Object.keys(schema.properties.conventions.properties).sort(), Object.keys(DEFAULT_CONVENTIONS).sort());
});
