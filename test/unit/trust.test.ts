import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RESTRICTED_NOTE, restrictedContent, statusContent } from '../../client/src/status/statusText';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { folderConfig, readInitializationOptions, RESTRICTED, withTrust } from '../../server/src/lsp/settings';
import { initiative } from './clientFixture';

const ROOT = new URL('../../', import.meta.url).pathname;

interface Manifest {
  capabilities?: { untrustedWorkspaces?: { supported?: unknown; description?: unknown; restrictedConfigurations?: unknown } };
  contributes: { configuration: { properties: Record<string, unknown> } };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;

const REPOSITORY = JSON.stringify({
  conventions: { statusDone: 'SHIPPED', outputKinds: ['notes'], statusFailed: '(?<=x)y' },
  templates: 'docs/templates',
  severity: { 'phase-order': 'off' },
});

describe('Workspace Trust', () => {
  it('is declared as limited support, naming the settings that are ignored', () => {
    const trust = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(trust?.supported, 'limited');
    const restricted = trust?.restrictedConfigurations;
    assert.deepEqual(restricted, RESTRICTED.map((key) => `proofmark.${key}`));
    for (const setting of RESTRICTED) {
      assert.ok(`proofmark.${setting}` in manifest.contributes.configuration.properties, setting);
      assert.match(String(trust?.description), new RegExp(`\\b${setting}\\b`));
    }
  });

  it('untrusted, a folder keeps the built-in conventions and templates, and the rest of its .proofmark.json', () => {
    const trusted = readInitializationOptions({ settings: { conventions: { statusInProgress: 'WIP' } } });
    assert.equal(trusted.trusted, true, 'a client that says nothing about trust (Neovim) is trusted');
    const own = folderConfig(trusted, REPOSITORY);
    assert.equal(own.config.conventions.statusDone, 'SHIPPED');
    assert.equal(own.config.conventions.statusInProgress, 'WIP');
    assert.equal(own.config.templates, 'docs/templates');
    assert.deepEqual(own.problems.map((p) => p.path), ['conventions.statusFailed']);

    const untrusted = withTrust(trusted, false);
    const restricted = folderConfig(untrusted, REPOSITORY);
    assert.equal(restricted.config.conventions, DEFAULT_CONFIG.conventions);
    assert.equal(restricted.config.templates, null);
    assert.equal(restricted.config.severity['phase-order'], 'off');
    assert.deepEqual(restricted.problems, [], 'problems of settings that are not used are not reported');
    assert.equal(folderConfig(untrusted, null).config.conventions, DEFAULT_CONFIG.conventions, 'the editor settings too');
    assert.equal(readInitializationOptions({ trusted: false }).trusted, false);
  });

  it('the status bar shows a shield and says what is ignored', () => {
    const trusted = statusContent(initiative());
    const untrusted = statusContent(initiative(), false);
    assert.equal(untrusted.text, `$(shield) ${trusted.text}`);
    assert.ok(!trusted.tooltip.includes(RESTRICTED_NOTE));
    assert.ok(untrusted.tooltip.startsWith(trusted.tooltip) && untrusted.tooltip.endsWith(RESTRICTED_NOTE));
    assert.match(RESTRICTED_NOTE, /Restricted Mode: the conventions \(patterns\) and templates of this repository's \.proofmark\.json and of the settings are ignored/);
    assert.match(untrusted.accessibilityLabel, /Restricted Mode/);
    assert.deepEqual(restrictedContent(), { text: '$(shield) Proofmark', tooltip: RESTRICTED_NOTE, accessibilityLabel: "Proofmark: Restricted Mode, the repository's conventions and templates are ignored" });
  });
});
