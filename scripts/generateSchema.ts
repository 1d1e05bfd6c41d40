import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_ARCHIVES } from '../server/src/core/config/config';
import { FINDING_CODES } from '../server/src/core/findings/codes';
import { DEFAULT_CONVENTIONS } from '../server/src/core/config/conventions';
import { DIAGNOSTICS_SCOPES, type DiagnosticsScope } from '../server/src/protocol';
import { DEFAULT_SCOPE } from '../server/src/lsp/settings';
const severity = { type: 'string', enum: ['off', 'hint', 'info', 'warning', 'error'] };
const ARCHIVES_DESCRIPTION =
  'Globs of archive, backup, template and agent-prompt folders. Their documents are indexed (references to them resolve), but their own references and claims are not checked unless checkArchives is true. A document marked historical or superseded (or a folder whose README says so) is treated the same way.';
const conventions: Record<string, unknown> = {};
const SPEC_LAYOUT = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'folder', 'documents'],
  properties: {
    name: { type: 'string', minLength: 1, description: 'Shown in the tree and in messages (spec-kit, kiro, or your own).' },
    folder: { type: 'string', minLength: 1, description: 'Workspace-relative glob of the spec folders; each folder it matches is one spec.' },
    documents: { type: 'object', description: 'File names inside a spec folder and the part each plays.', additionalProperties: { type: 'string', enum: ['requirements', 'tasks', 'design', 'plan', 'constitution', 'status'] } },
  },
};
for (const [k, v] of Object.entries(DEFAULT_CONVENTIONS)) {
  if (k === 'specLayouts') {
    conventions[k] = { type: 'array', items: SPEC_LAYOUT, description: 'Spec folders (spec-kit, Kiro, a team layout) and the part each of their documents plays; replaces the built-in layouts.', default: v };
    continue;
  }
  conventions[k] = Array.isArray(v)
    ? { type: 'array', items: { type: 'string', pattern: '^[A-Za-z_]\\w*$', not: { enum: Object.getOwnPropertyNames(Object.prototype) } }, minItems: 1, default: v }
    : { type: 'string', format: 'regex', description: 'A JavaScript regular expression (source, without slashes). A pattern other than the default runs on a backtracking-free engine (RE2): lookahead, lookbehind and backreferences are refused.', default: v };
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
    ignore: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Globs (relative to the workspace root) never indexed, added to node_modules, .git, dist, out.' },
    evidenceWindow: {
      description: 'How many lines after a claim are searched for its evidence.',
      oneOf: [
        { type: 'integer', minimum: 0, maximum: 1000 },
        { type: 'object', additionalProperties: false, properties: { field: { type: 'integer', minimum: 0, maximum: 1000, default: 30 }, heading: { type: 'integer', minimum: 0, maximum: 1000, default: 40 } } },
      ],
    },
    maxFileSize: { type: 'integer', minimum: 1, maximum: 8388608, default: 2097152, description: 'Files larger than this many bytes (a whole number, at most 8 MB) are reported as file-skipped.' },
    templates: { type: 'string', minLength: 1, pattern: '^(?![/\\\\~]|[A-Za-z]:)', description: 'A folder inside the root (relative: not absolute, not starting with ~, no ..) with notes.md, decisions.md, handoff.md, testing_summary.md overriding the handoff templates.' },
    archives: { type: 'array', items: { type: 'string', minLength: 1 }, default: DEFAULT_ARCHIVES, description: ARCHIVES_DESCRIPTION },
    checkArchives: { type: 'boolean', default: false, description: 'Check the references and claims of documents in archive folders too.' },
    conventions: { type: 'object', additionalProperties: false, properties: conventions },
  },
};
writeFileSync('schemas/proofmark.schema.json', `${JSON.stringify(schema, null, 2)}\n`);

/*
 * The editor settings mirror the same configuration: proofmark.severity lists every finding code
 * with its default, proofmark.archives the default archive folders. Both are generated here.
 */
interface SettingsManifest {
  contributes: { configuration: { properties: Record<string, Record<string, unknown>> } };
}
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as SettingsManifest;
const properties = manifest.contributes.configuration.properties;
const severitySetting = properties['proofmark.severity'];
if (severitySetting) {
  severitySetting.properties = Object.fromEntries(
    Object.entries(FINDING_CODES).map(([code, d]) => [code, { ...severity, default: d.severity, description: `${d.title} (default: ${d.severity}).` }]),
  );
}
const conventionSetting = properties['proofmark.conventions'] as { properties?: Record<string, unknown> } | undefined;
if (conventionSetting?.properties) {
  for (const [key, value] of Object.entries(DEFAULT_CONVENTIONS)) {
    conventionSetting.properties[key] ??= Array.isArray(value)
      ? { type: 'array', items: { type: 'string', pattern: '^[A-Za-z_]\\w*$' }, minItems: 1, description: key }
      : { type: 'string', format: 'regex', description: `Regular expression for ${key.replace(/^status/, '').toLowerCase()} markers.` };
  }
}
properties['proofmark.archives'] = { type: 'array', scope: 'resource', items: { type: 'string', minLength: 1 }, default: DEFAULT_ARCHIVES, markdownDescription: ARCHIVES_DESCRIPTION };
properties['proofmark.checkArchives'] = { type: 'boolean', scope: 'resource', default: false, markdownDescription: 'Check the references and claims of documents in `proofmark.archives` folders too.' };
/*
 * Editor-only settings (not in .proofmark.json): what gets diagnostics. One window-wide value, since
 * the CLI and Check Workspace always check everything.
 */
const SCOPE_DESCRIPTIONS: Record<DiagnosticsScope, string> = {
  openInitiatives: 'The open documents and every document of the initiatives they belong to; a document outside every initiative, while it is open. Closing the last open document of an initiative clears its diagnostics.',
  workspace: 'Every document of the workspace, as `proofmark check` reports them.',
};
properties['proofmark.diagnostics.scope'] = {
  type: 'string',
  scope: 'window',
  enum: [...DIAGNOSTICS_SCOPES],
  enumDescriptions: DIAGNOSTICS_SCOPES.map((s) => SCOPE_DESCRIPTIONS[s]),
  default: DEFAULT_SCOPE,
  markdownDescription:
    'Which documents get diagnostics in the editor and the Problems panel. The side panel, the status bar, `proofmark check` and **Proofmark: Check Workspace** (which shows the whole workspace from then on, until the window reloads) always cover every document.',
};
writeFileSync('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
