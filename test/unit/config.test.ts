import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, parseConfig, parseConfigText } from '../../server/src/core/config/config';
import { check, only } from '../support/memory';

describe('configuration', () => {
  it('fills defaults and keeps valid settings', () => {
    const { config, problems } = parseConfig({ severity: { 'broken-reference': 'off', 'phase-order': 'error' }, evidenceWindow: 10, maxFileSize: 1000 });
    assert.deepEqual(problems, []);
    assert.equal(config.severity['broken-reference'], 'off');
    assert.equal(config.severity['phase-order'], 'error');
    assert.equal(config.severity['status-conflict'], DEFAULT_CONFIG.severity['status-conflict']);
    assert.deepEqual(config.evidenceWindow, { field: 10, heading: 10 });
    assert.equal(config.maxFileSize, 1000);
  });
  it('reports each wrong value and uses the default for it', () => {
    const { config, problems } = parseConfig({ severity: { nope: 'error', 'phase-order': 'loud' }, conventions: { statusDone: '([' }, ignore: 'x', extra: 1 });
    assert.deepEqual(problems.map((p) => p.path).sort(), ['conventions.statusDone', 'extra', 'ignore', 'severity.nope', 'severity.phase-order']);
    assert.equal(config.conventions.statusDone, DEFAULT_CONFIG.conventions.statusDone);
    assert.equal(config.severity['phase-order'], DEFAULT_CONFIG.severity['phase-order']);
  });
  it('turns text that is not JSON into one problem, never an exception', () => {
    const { config, problems } = parseConfigText('{ "severity": ');
    assert.equal(config, DEFAULT_CONFIG);
    assert.equal(problems.length, 1);
    assert.match(problems[0]?.message ?? '', /not valid JSON/);
  });
});

describe('configuration in a workspace', async () => {
  const todo = '# TODO001\n\n- Phase 1: ✅ COMPLETED - A\n\n## Phase 1: A\n- [ ] open\n';
  it('applies severities and ignore globs from .proofmark.json', async () => {
    const findings = await check({
      '.proofmark.json': JSON.stringify({ severity: { 'phase-done-checklist-open': 'info' }, ignore: ['archive/**'] }),
      'TODO001.md': todo,
      'archive/TODO001.md': todo,
    });
    const open = only(findings, 'phase-done-checklist-open');
    assert.deepEqual(open.map((f) => [f.file, f.severity]), [['TODO001.md', 'info']]);
  });
  it('reports a malformed config on the config file and uses the defaults', async () => {
    const findings = await check({ '.proofmark.json': '{ nope', 'TODO001.md': todo });
    assert.deepEqual(only(findings, 'config-invalid').map((f) => f.file), ['.proofmark.json']);
    assert.equal(only(findings, 'phase-done-checklist-open')[0]?.severity, 'error');
  });
  it('honours disable/enable ranges and disable-next-line', async () => {
    const text = [
      '# TODO001',
      '<!-- proofmark-disable phase-done-checklist-open -->',
      '- Phase 1: ✅ COMPLETED - A',
      '<!-- proofmark-enable phase-done-checklist-open -->',
      '- Phase 2: ✅ COMPLETED - B',
      '',
      '## Phase 1: A',
      '- [ ] open',
      '## Phase 2: B',
      '- [ ] open',
      '',
    ].join('\n');
    const findings = await check({ 'TODO001.md': text });
    assert.deepEqual(only(findings, 'phase-done-checklist-open').map((f) => f.range.start.line), [5]);
  });
});
