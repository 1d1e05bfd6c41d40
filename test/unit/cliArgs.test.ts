import assert from 'node:assert/strict';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseArgs } from '../../server/src/cli/args';
import { isSelected, resolveRoot, resolveSelection } from '../../server/src/cli/root';
import { tempWorkspace } from '../support/cliHarness';

function parsed(argv: string[]): unknown {
  const result = parseArgs(argv);
  assert.ok(result.ok, `expected ${argv.join(' ')} to parse: ${result.ok ? '' : result.error}`);
  return result.command;
}

function error(argv: string[]): string {
  const result = parseArgs(argv);
  assert.ok(!result.ok, `expected ${argv.join(' ')} to be refused`);
  return result.error;
}

describe('CLI arguments', () => {
  it('parses check with every option, in both --name value and --name=value forms', () => {
    assert.deepEqual(parsed(['check', '--root', 'r', '--format=sarif', '--config', 'c.json', '--max-warnings=3', 'a.md', 'docs']), {
      command: 'check', root: 'r', format: 'sarif', config: 'c.json', maxWarnings: 3, paths: ['a.md', 'docs'], stats: false,
    });
  });

  it('defaults to text, no root, no limit, the whole root', () => {
    assert.deepEqual(parsed(['check']), { command: 'check', root: null, format: 'text', config: null, maxWarnings: null, paths: [], stats: false });
  });

  it('takes what follows -- as PATHs, even when it looks like an option', () => {
    assert.deepEqual((parsed(['check', '--', '--weird.md']) as { paths: string[] }).paths, ['--weird.md']);
  });

  it('refuses unknown options, missing values, repeated options and bad values with a reason', () => {
    assert.equal(error(['check', '--fromat', 'json']), 'unknown option --fromat');
    assert.equal(error(['check', '-x']), 'unknown option -x');
    assert.equal(error(['check', '--root']), 'option --root needs a value');
    assert.equal(error(['check', '--root', 'a', '--root', 'b']), 'option --root given twice');
    assert.equal(error(['check', '--stats=1']), 'option --stats takes no value');
    assert.match(error(['check', '--max-warnings', '-1']), /whole number/);
    assert.match(error(['check', '--format', 'html']), /unknown format "html"/);
  });

  it('parses handoff and requires a TODO file and a phase number', () => {
    assert.deepEqual(parsed(['handoff', 'TODO001.md', '--phase', '2.5', '--dry-run']), {
      command: 'handoff', root: null, todoFile: 'TODO001.md', phase: '2.5', dryRun: true, skipExisting: false, stats: false,
    });
    assert.equal((parsed(['handoff', 'TODO001.md', '--phase', '1', '--stats']) as { stats?: boolean }).stats, true);
    assert.equal(error(['handoff', '--phase', '2']), 'handoff needs a TODO file');
    assert.equal(error(['handoff', 'TODO001.md']), 'handoff needs --phase N');
    assert.match(error(['handoff', 'TODO001.md', '--phase', 'two']), /phase number/);
    assert.match(error(['handoff', 'a.md', 'b.md', '--phase', '1']), /one TODO file/);
  });

  it('answers help and version, and refuses an unknown command', () => {
    assert.deepEqual(parsed(['--help']), { command: 'help' });
    assert.deepEqual(parsed(['check', '-h']), { command: 'help' });
    assert.deepEqual(parsed(['--version']), { command: 'version' });
    assert.match(error(['chek']), /unknown command "chek"/);
  });
});

describe('CLI root and PATH selection', () => {
  const root = realpathSync(tempWorkspace({ 'docs/a/TODO001.md': '# TODO\n', 'docs/b.md': '# B\n' }));

  it('finds the nearest marked ancestor of the first PATH, or of the current folder', () => {
    const nested = path.join(root, 'docs/a/deeper');
    mkdirSync(nested);
    writeFileSync(path.join(root, 'docs/a/.proofmark.json'), '{}');
    assert.deepEqual(resolveRoot(null, 'docs/b.md', root), { ok: true, value: root });
    assert.deepEqual(resolveRoot(null, undefined, nested), { ok: true, value: path.join(root, 'docs/a') });
    assert.deepEqual(resolveRoot('docs', 'docs/b.md', root), { ok: true, value: path.join(root, 'docs') });
  });

  it('refuses a root that is missing or a file', () => {
    assert.equal(resolveRoot('nowhere', undefined, root).ok, false);
    assert.equal(resolveRoot('docs/b.md', undefined, root).ok, false);
  });

  it('selects files and folders inside the root and refuses others', () => {
    assert.deepEqual(resolveSelection(root, ['docs/a', 'docs/b.md'], root), { ok: true, value: ['docs/a', 'docs/b.md'] });
    assert.deepEqual(resolveSelection(root, [], root), { ok: true, value: [''] });
    assert.match(JSON.stringify(resolveSelection(root, ['..'], root)), /outside the root/);
    assert.match(JSON.stringify(resolveSelection(root, ['docs/c.md'], root)), /does not exist/);
  });

  it('matches a selected folder by whole segments', () => {
    assert.equal(isSelected('docs/a/TODO001.md', ['docs/a']), true);
    assert.equal(isSelected('docs/ab/TODO001.md', ['docs/a']), false);
    assert.equal(isSelected('docs/b.md', ['docs/b.md']), true);
    assert.equal(isSelected('anything.md', ['']), true);
  });
});
