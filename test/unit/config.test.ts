import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, parseConfig, parseConfigText } from '../../server/src/core/config/config';
import { DEFAULT_CONVENTIONS } from '../../server/src/core/config/conventions';
import { memoryProject, NO_PRD, plan } from '../golden/handoff/fixtures';
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
  it('refuses glob lists with an empty or over-long glob, naming it, and keeps the defaults', () => {
    const { config, problems } = parseConfig({ archives: ['docs/old/**', ''], ignore: ['a'.repeat(70_000)] });
    assert.deepEqual(problems.map((p) => p.path).sort(), ['archives', 'ignore']);
    assert.match(problems.find((p) => p.path === 'archives')?.message ?? '', /"": an empty glob matches nothing\. The default archive folders are used\./);
    assert.match(problems.find((p) => p.path === 'ignore')?.message ?? '', /exceeds maximum allowed length/);
    assert.deepEqual(config.archives, DEFAULT_CONFIG.archives);
    assert.deepEqual(config.ignore, DEFAULT_CONFIG.ignore);
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
  it('checks the workspace with an empty archive glob configured, reporting the glob', async () => {
    const findings = await check({ '.proofmark.json': '{"archives": [""]}', 'TODO001.md': todo, 'notes.md': '[gone](missing.md)\n' });
    assert.match(only(findings, 'config-invalid')[0]?.message ?? '', /^archives: "": an empty glob/);
    assert.equal(only(findings, 'phase-done-checklist-open').length, 1);
    assert.equal(only(findings, 'broken-reference').length, 1);
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

describe('configuration values that used to break things silently', () => {
  it('refuses output and requirement kinds named like Object.prototype members', () => {
    const { config, problems } = parseConfig({ conventions: { outputKinds: ['notes', 'constructor', 'hasOwnProperty'], requirementKinds: ['FR', '__proto__'] } });
    assert.deepEqual(problems.map((p) => p.path), ['conventions.outputKinds', 'conventions.requirementKinds']);
    assert.match(problems[0]?.message ?? '', /"constructor", "hasOwnProperty" cannot be a kind.*The default is used/);
    assert.deepEqual(config.conventions.outputKinds, DEFAULT_CONFIG.conventions.outputKinds);
    assert.deepEqual(config.conventions.requirementKinds, DEFAULT_CONFIG.conventions.requirementKinds);
    assert.equal(Object.getPrototypeOf(config.conventions), Object.prototype);
  });

  it('refuses conventions that are only inherited names', () => {
    const { config, problems } = parseConfig({ conventions: JSON.parse('{"constructor": ["a"], "__proto__": ["b"], "toString": "x"}') as unknown });
    assert.deepEqual(problems.map((p) => p.path).sort(), ['conventions.__proto__', 'conventions.constructor', 'conventions.toString']);
    assert.equal(Object.getPrototypeOf(config.conventions), Object.prototype);
    assert.ok(!Object.hasOwn(config.conventions, 'constructor'));
  });

  it('refuses a maxFileSize that is not a whole number of bytes', () => {
    for (const value of [0.5, 1.5, 0, -1, Number.MAX_VALUE, '2048']) {
      const { config, problems } = parseConfig({ maxFileSize: value });
      assert.deepEqual(problems.map((p) => p.path), ['maxFileSize'], String(value));
      assert.match(problems[0]?.message ?? '', /whole number of bytes.*The default \(2097152\) is used/);
      assert.equal(config.maxFileSize, DEFAULT_CONFIG.maxFileSize);
    }
    assert.equal(parseConfig({ maxFileSize: 1 }).config.maxFileSize, 1);
  });

  it('refuses a templates folder that is absolute, starts with ~ or leaves the root', () => {
    for (const value of ['/etc', '\\\\server\\share', 'C:\\templates', 'c:/templates', '~', '~/templates', '..', '../x', 'docs/../../x', 'docs\\..\\..\\x', '.', './', '', '  ', 42]) {
      const { config, problems } = parseConfig({ templates: value });
      assert.deepEqual(problems.map((p) => p.path), ['templates'], JSON.stringify(value));
      assert.match(problems[0]?.message ?? '', /The built-in templates are used\.$/);
      assert.equal(config.templates, null);
    }
    assert.match(parseConfig({ templates: '/etc' }).problems[0]?.message ?? '', /"\/etc" is an absolute path/);
    for (const [value, folder] of [['docs/templates/', 'docs/templates'], ['./tpl', 'tpl'], ['docs\\tpl', 'docs/tpl'], ['a/./b', 'a/b']] as const) {
      assert.equal(parseConfig({ templates: value }).config.templates, folder);
    }
  });

  it('reports each in the workspace as config-invalid on .proofmark.json, and checks with the defaults', async () => {
    const findings = await check({
      '.proofmark.json': JSON.stringify({ maxFileSize: 0.5, templates: '/etc', conventions: { outputKinds: ['constructor'] } }),
      'TODO001.md': '# TODO001\n\n- Phase 1: ✅ COMPLETED - A\n\n## Phase 1: A\n- [ ] open\n',
    });
    assert.equal(only(findings, 'config-invalid').length, 3);
    assert.ok(only(findings, 'config-invalid').every((f) => f.file === '.proofmark.json'));
    assert.equal(only(findings, 'file-skipped').length, 0, 'no file is skipped for its size');
    assert.equal(only(findings, 'phase-done-checklist-open').length, 1);
  });

  it('the handoff generator looks templates up by own name only, whatever kinds reach it', async () => {
    const { project, workspace } = await memoryProject(NO_PRD);
    // Past parseConfig's check, as a caller that builds its configuration itself could.
    project.setConfig({ config: { ...DEFAULT_CONFIG, conventions: { ...DEFAULT_CONVENTIONS, outputKinds: ['notes', 'constructor', 'toString'] } }, problems: [] });
    const result = await plan(project, workspace, 'work/TODO005.md', '1', { templates: {} });
    assert.ok('plan' in result);
    assert.deepEqual(result.plan.files.map((f) => f.kind), ['notes', 'constructor', 'toString']);
    assert.match(result.plan.files[1]?.content ?? '', /^# TODO005 Phase 1 Constructor — Build/);
  });
});
