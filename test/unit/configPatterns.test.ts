import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { compileConventions, isPatternConvention, statusFieldSource } from '../../server/src/core/config/compiled';
import { parseConfig } from '../../server/src/core/config/config';
import { DEFAULT_CONVENTIONS } from '../../server/src/core/config/conventions';
import { compileLinear, LinearPattern, type Pattern } from '../../server/src/core/config/pattern';
import { REPO, runCli, tempWorkspace, TEXT_FINDING } from '../support/cliHarness';
import { CORPUS_REPO, corpusAvailable, INITIATIVE_003 } from '../support/corpus';

function linear(source: string): LinearPattern {
  const compiled = compileLinear(source);
  if (!compiled.ok) throw new Error(`${source} was refused: ${compiled.reason}`);
  return compiled.pattern;
}

function markdownLines(folder: string): string[] {
  const lines: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.md')) lines.push(...readFileSync(path.join(entry.parentPath, entry.name), 'utf8').split('\n'));
  }
  return lines;
}

/** Lines and file names of real documents, and texts where JavaScript's and RE2's syntax differ. */
function samples(): string[] {
  const texts = markdownLines(path.join(REPO, 'examples'));
  if (corpusAvailable()) {
    // Every eighth line keeps the test fast (~9,000 lines) and still covers every shape of status line.
    texts.push(...markdownLines(path.join(CORPUS_REPO, INITIATIVE_003)).filter((_, i) => i % 8 === 0));
    texts.push(...readFileSync(path.join(CORPUS_REPO, 'TREE.txt'), 'utf8').split('\n').map((l) => l.trim().split('/').pop() ?? ''));
  }
  texts.push('**Status**:\u00a0✅ DONE', '- **Phase 2 Status:**\u3000🔄 IN PROGRESS', 'Result:\u2028✅', 'Status: \r✅ COMPLETED', 'Outcome: ✔️ PASSED\u2029', '\ufeffVerdict: ❌ FAILED');
  return texts;
}

function sameMatch(native: RegExpExecArray | null, other: RegExpExecArray | null): boolean {
  if (native === null || other === null) return native === other;
  return native.index === other.index && native.length === other.length && native.every((g, i) => g === other[i]);
}

describe('the linear-time engine for configured patterns', () => {
  it('matches exactly as RegExp does on every built-in pattern, over real documents and file names', () => {
    const sources = [
      ...Object.entries(DEFAULT_CONVENTIONS).flatMap(([key, value]) => (isPatternConvention(key) && typeof value === 'string' ? [key === 'statusFieldLabel' ? statusFieldSource(value) : value] : [])),
      `(?:${DEFAULT_CONVENTIONS.statusDone})|(?:${DEFAULT_CONVENTIONS.statusInProgress})|(?:${DEFAULT_CONVENTIONS.statusFailed})`,
    ];
    const texts = samples();
    assert.ok(texts.length > 1000, `${texts.length} sample texts`);
    for (const source of sources) {
      const native = new RegExp(source, 'u');
      const safe = linear(source);
      let matched = 0;
      for (const text of texts) {
        const a = native.exec(text);
        assert.ok(sameMatch(a, safe.exec(text)), `${source} on ${JSON.stringify(text)}: ${JSON.stringify(a)} against ${JSON.stringify(safe.exec(text))}`);
        if (a) matched++;
      }
      assert.ok(matched > 0, `${source} matched some sample`);
      const global = new RegExp(source, 'gu');
      for (const text of texts.slice(0, 2000)) assert.equal(text.replace(safe, '_'), text.replace(global, '_'));
    }
  });

  it("reads \\s, \\S and . as JavaScript does, on every code point of the Basic Multilingual Plane and a few beyond", () => {
    const sources = ['\\s', '\\S', '[\\s]', '[^\\s]', '[\\S]', '[^\\S]', '[a\\s]', '.', '[^]', '[]', '\\u00a0', '\\u{1F600}', '\\uD83D\\uDE00', '[[]', '\\0', '[\\b]'];
    const points = [...Array(0x10000).keys(), 0x1f600, 0x10ffff].filter((cp) => cp < 0xd800 || cp > 0xdfff);
    for (const source of sources) {
      const native = new RegExp(`^${source}$`, 'u');
      const safe = linear(`^${source}$`);
      for (const cp of points) {
        const text = String.fromCodePoint(cp);
        if (native.test(text) !== safe.test(text)) assert.fail(`${source} on U+${cp.toString(16)}: RegExp ${native.test(text)}, linear ${safe.test(text)}`);
      }
    }
  });

  it('refuses lookaround and backreferences, naming the construct', () => {
    for (const [source, construct] of [
      ['(?<=Phase )DONE', 'lookbehind'],
      ['(?<!NOT )DONE', 'lookbehind'],
      ['DONE(?!\\?)', 'lookahead'],
      ['(?=D)DONE', 'lookahead'],
      ['(D)\\1', 'backreference'],
      ['(?<d>D)\\k<d>', 'named backreference'],
    ] as const) {
      const compiled = compileLinear(source);
      assert.ok(!compiled.ok && compiled.problem === 'unsupported' && compiled.reason.includes(construct), `${source}: ${JSON.stringify(compiled)}`);
    }
    const invalid = compileLinear('([');
    assert.ok(!invalid.ok && invalid.problem === 'invalid');
    // Named groups and non-capturing groups are no lookaround.
    assert.equal(linear('(?<kind>DONE)|(?:OK)').exec('x OK')?.index, 2);
  });

  it('runs a catastrophic pattern in linear time, with the right matches', () => {
    const safe = linear('(a+)+$');
    assert.equal(safe.exec(`${'a'.repeat(40)}!`), null);
    assert.equal(safe.exec(`${'a'.repeat(100_000)}!`), null);
    assert.equal(safe.exec(`x${'a'.repeat(40)}`)?.index, 1);
  });
});

describe('compiled conventions', () => {
  it('keep native RegExps for the built-in defaults', () => {
    const c = compileConventions(DEFAULT_CONVENTIONS);
    const patterns: Pattern[] = [c.anchorFile, c.phaseOutputFile, c.phasePromptFile, c.phaseDocFile, c.statusDocFile, c.done, c.inProgress, c.failed, c.statusField];
    for (const p of patterns) assert.ok(p instanceof RegExp, p.source);
    assert.ok(c.statusMarkers instanceof RegExp && c.doneMarkers instanceof RegExp);
    assert.deepEqual(c.source, DEFAULT_CONVENTIONS);
  });

  it('run configured patterns on the linear-time engine, the others staying native', () => {
    const { config, problems } = parseConfig({ conventions: { statusDone: '(a+)+$', statusFieldLabel: 'State' } });
    assert.deepEqual(problems, []);
    const c = compileConventions(config.conventions);
    assert.ok(c.done instanceof LinearPattern && c.statusField instanceof LinearPattern && c.statusMarkers instanceof LinearPattern);
    assert.ok(c.failed instanceof RegExp && c.anchorFile instanceof RegExp);
    assert.equal(c.statusField.exec('**State**: aaa')?.[2], 'aaa');
    assert.equal(`Setup ❌ FAILED ${'a'.repeat(40)}`.replace(c.statusMarkers, ''), 'Setup   ');
    // Code that still builds a RegExp from the sources (stripStatus) gets one that matches nothing.
    assert.equal(new RegExp(c.source.statusDone, 'u').test(`${'a'.repeat(40)}!`), false);
    assert.equal(c.conventions.statusDone, '(a+)+$');
  });
});

describe('configured patterns in .proofmark.json', () => {
  it('reports a lookbehind as config-invalid and uses the default', () => {
    const { config, problems } = parseConfig({ conventions: { statusDone: '(?<=\\s)DONE', anchorFile: '^(PRD|TODO)(\\d{3})\\.md$' } });
    assert.deepEqual(problems.map((p) => p.path), ['conventions.statusDone']);
    assert.match(problems[0]?.message ?? '', /backtracking-free engine.*lookbehind.*the default is used/);
    assert.equal(config.conventions.statusDone, DEFAULT_CONVENTIONS.statusDone);
    assert.equal(config.conventions.anchorFile, '^(PRD|TODO)(\\d{3})\\.md$');
  });

  it('checks a workspace with a catastrophic statusDone quickly through the CLI, its matches correct', { timeout: 60_000 }, async () => {
    const a = 'a'.repeat(40);
    const root = tempWorkspace({
      '.proofmark.json': JSON.stringify({ conventions: { statusDone: '(a+)+$' } }),
      'TODO001.md': `# TODO001\n\n## Phase 1: Setup ${a}\n\n- [ ] thing\n\n## Phase 2: Build ${a}!\n\n- [ ] other\n\n${a}!\n`,
    });
    const run = await runCli(['check', '--root', root]);
    const findings = run.stdout.split('\n').flatMap((line) => {
      const m = TEXT_FINDING.exec(line);
      return m?.groups ? [`${m.groups.line} ${m.groups.code}`] : [];
    });
    // Phase 1's heading ends in a's: done by the pattern, with its box open. Phase 2's does not.
    assert.deepEqual(findings, ['3 phase-done-checklist-open'], run.stdout + run.stderr);
  });
});
