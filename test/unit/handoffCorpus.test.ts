import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runHandoffCommand } from '../../server/src/cli/handoff';
import { checkWorkspace } from '../../server/src/core/engine';
import type { Project } from '../../server/src/core/project/project';
import { requirementCoverage } from '../../server/src/core/rules/coverage';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';
import { INITIATIVE_003, SKIP_REASON, corpusAvailable, corpusSkeleton } from '../support/corpus';

const skip = corpusAvailable() ? false : SKIP_REASON;
const UPLOAD_REFACTOR = path.posix.dirname(INITIATIVE_003);
const TODO = `${INITIATIVE_003}/TODO003.md`;
const KINDS = ['notes', 'decisions', 'handoff', 'testing_summary'];
const PHASE8 = KINDS.map((k) => `TODO003_phase8_${k}.md`);
const CLAIM_CODES = new Set(['claim-without-evidence', 'claim-evidence-broken', 'status-conflict', 'done-with-partial-percentage', 'numbers-inconsistent', 'phase-done-checklist-open']);

/**
 * A private copy of the 003 and 002 documents (the skeleton is shared by the whole process).
 * Only their own folders: loading the whole corpus would cost seconds per run and the assertions
 * below do not depend on files elsewhere.
 */
const copies: string[] = [];

function copy003(): string {
  const src = corpusSkeleton();
  const root = mkdtempSync(path.join(tmpdir(), 'proofmark-handoff-003-'));
  copies.push(root);
  for (const id of ['002', '003']) {
    const from = path.join(src, UPLOAD_REFACTOR, id);
    const to = path.join(root, UPLOAD_REFACTOR, id);
    mkdirSync(to, { recursive: true });
    for (const e of readdirSync(from, { withFileTypes: true })) if (e.isFile()) cpSync(path.join(from, e.name), path.join(to, e.name));
  }
  return root;
}

function hash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

after(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

const quiet = { out: (): void => undefined, err: (): void => undefined };

describe('handoff on the real 003 initiative', { skip }, () => {
  it('generating over the existing Phase 8 outputs changes no byte of them', async () => {
    const root = copy003();
    const files = PHASE8.map((n) => path.join(root, INITIATIVE_003, n));
    const before = files.map(hash);
    let err = '';
    assert.equal(await runHandoffCommand({ root, todoFile: TODO, phase: '8', dryRun: false, skipExisting: false }, { out: () => undefined, err: (s) => (err += s) }), 1);
    for (const name of PHASE8) assert.match(err, new RegExp(`${name.replace('.', '\\.')} exists`));
    assert.equal(await runHandoffCommand({ root, todoFile: TODO, phase: '8', dryRun: false, skipExisting: true }, quiet), 0);
    assert.deepEqual(files.map(hash), before);
  });

  describe('Phase 8 generated into a copy without its outputs', () => {
    let root = '';
    let out = '';
    let project: Project;
    const text = (name: string): string => readFileSync(path.join(root, INITIATIVE_003, name), 'utf8');

    before(async () => {
      root = copy003();
      for (const name of PHASE8) rmSync(path.join(root, INITIATIVE_003, name));
      const code = await runHandoffCommand({ root, todoFile: TODO, phase: '8', dryRun: false, skipExisting: false }, { out: (s) => (out += s), err: (s) => (out += s) });
      assert.equal(code, 0, out);
      project = (await checkWorkspace({ workspace: new NodeWorkspace(root) })).project;
    });

    it('writes exactly the four files the Expected Outputs name', () => {
      assert.deepEqual(out.trim().split('\n'), PHASE8.map((n) => `wrote ${INITIATIVE_003}/${n}`));
      assert.deepEqual(readdirSync(path.join(root, INITIATIVE_003)).filter((n) => /_phase8_/.test(n)).sort(), [...PHASE8].sort());
    });

    it('the testing summary has a row for FR1–FR5, NFR1–NFR5, AC1–AC5 and each of the 11 KPIs', () => {
      const rows = text('TODO003_phase8_testing_summary.md')
        .split('\n')
        .filter((l) => /^\| (?:FR|NFR|AC|KPI)\d+ \|/.test(l))
        .map((l) => l.split(' | ').slice(0, 2).join(' ').replace(/^\| /, ''));
      const ids = rows.map((r) => r.split(' ')[0]);
      const expected = [...['FR', 'NFR', 'AC'].flatMap((k) => [1, 2, 3, 4, 5].map((n) => `${k}${n}`)), ...Array.from({ length: 11 }, (_, i) => `KPI${i + 1}`)];
      assert.deepEqual(ids, expected);
      const kpis = project.model(`${INITIATIVE_003}/PRD003.md`)?.prd?.kpis.map((k) => k.title) ?? [];
      assert.equal(kpis.length, 11);
      for (const [i, title] of kpis.entries()) assert.equal(rows[15 + i], `KPI${i + 1} ${title}`);
    });

    it('the handoff lists the 64 open Phase 8 items, each with its line in TODO003.md', () => {
      const handoff = text('TODO003_phase8_handoff.md');
      const section = handoff.slice(handoff.indexOf('### Phase 8:'), handoff.indexOf('### Earlier Phases Still Open'));
      const listed = [...section.matchAll(/^\s*- (.+) — TODO003\.md line (\d+)$/gm)].map((m) => ({ text: m[1] ?? '', line: Number(m[2]) }));
      assert.equal(listed.length, 64);
      const todo = project.model(TODO);
      const phase = todo?.todo?.phases.find((p) => p.number === '8');
      assert.ok(todo && phase);
      const open = phase.checkboxes.map((i) => todo.checkboxes[i]).filter((b) => b !== undefined && !b.checked);
      assert.deepEqual(listed.map((l) => l.line), open.map((b) => b?.line));
      const todoLines = text('TODO003.md').split('\n');
      for (const item of listed) {
        const line = todoLines[item.line - 1] ?? '';
        assert.match(line, /^\s*- \[ \] /, `TODO003.md line ${item.line} is not an open box`);
        assert.ok(line.replace(/`/g, '').includes(item.text), `TODO003.md line ${item.line} does not read "${item.text}"`);
      }
    });

    it('the handoff is about Phase 8: its items first, then one line per earlier phase with its count and a link to its section', () => {
      const handoff = text('TODO003_phase8_handoff.md');
      const lines = handoff.split('\n');
      // 609 lines when every earlier phase was listed item by item (535 items).
      assert.ok(lines.length < 200, `${lines.length} lines`);
      assert.ok(handoff.indexOf('### Phase 8:') < handoff.indexOf('### Earlier Phases Still Open'));
      const earlier = [...handoff.matchAll(/^- \[Phase (\d+): [^\]]+\]\(TODO003\.md#(phase-\d+-[a-z0-9-]+)\) — (\d+) open \(TODO003\.md line (\d+)\)$/gm)];
      const todo = project.model(TODO);
      assert.ok(todo?.todo);
      const expected = todo.todo.phases
        .filter((p) => Number(p.number) < 8)
        .map((p) => ({ phase: p.number, open: p.checkboxes.filter((i) => todo.checkboxes[i]?.checked === false).length, line: p.line }))
        .filter((p) => p.open > 0);
      assert.ok(expected.length >= 5);
      assert.deepEqual(earlier.map((m) => ({ phase: m[1], open: Number(m[3]), line: Number(m[4]) })), expected);
      for (const m of earlier) {
        const heading = todo.headings.find((h) => h.line === Number(m[4]));
        assert.ok(heading && m[2]?.startsWith(`phase-${m[1]}-`), `the link of Phase ${m[1]} names its heading: ${m[2]}`);
      }
    });

    it('writes % as % and evidence slots that show in the preview', () => {
      for (const name of PHASE8) {
        const content = text(name);
        assert.ok(!content.includes('&#37;') && !content.includes('&#47;'), `${name} holds an entity`);
        assert.ok(!content.includes('[](<!--'), `${name} holds an invisible slot`);
      }
      assert.match(text('TODO003_phase8_testing_summary.md'), /^\| KPI1 \| Local Pipeline Reliability \| >99% success rate[^|]*\|.*\| _\(evidence: path, log or test output\)_ \|$/m);
      const slots = project.findingsFor(`${INITIATIVE_003}/TODO003_phase8_testing_summary.md`).filter((f) => f.code === 'evidence-to-fill');
      assert.ok(slots.length >= 26, `${slots.length} slots to fill are hinted`);
    });

    it('the testing summary names the four primary root causes of POSTMORTEM002.md', () => {
      const summary = text('TODO003_phase8_testing_summary.md');
      const section = summary.slice(summary.indexOf('## Compared with the Previous Iteration'));
      for (const cause of ['Infrastructure Configuration Failure', 'Testing Environment Disconnect', 'Database Migration Issues', 'State Machine Implementation Gaps']) {
        assert.match(section, new RegExp(`^\\| ${cause} \\| Primary Root Causes \\| \\d+ \\| _\\(evidence: `, 'm'));
      }
    });

    it('the engine reads no claim in the generated files', () => {
      for (const name of PHASE8) {
        const file = `${INITIATIVE_003}/${name}`;
        const model = project.model(file);
        assert.equal(model?.role.kind, 'phase-output');
        assert.deepEqual(model?.claims, [], `${name} holds claims`);
        assert.deepEqual(project.findingsFor(file).filter((f) => CLAIM_CODES.has(f.code)).map((f) => `${f.code} ${f.message}`), [], name);
        assert.deepEqual(project.findingsFor(file).filter((f) => f.severity !== 'hint').map((f) => `${f.code} ${f.message}`), [], name);
      }
    });

    it('no requirement becomes evidenced because of the generated files', () => {
      const initiative = project.initiatives().byKey.get(`${INITIATIVE_003}#003`);
      assert.ok(initiative);
      const generated = new Set(PHASE8.map((n) => `${INITIATIVE_003}/${n}`));
      const withoutThem = { ...initiative, documents: initiative.documents.filter((d) => !generated.has(d)) };
      const was = new Map(requirementCoverage(project.ruleContext(), withoutThem).map((r) => [r.requirement.id, r.status]));
      const now = requirementCoverage(project.ruleContext(), initiative);
      assert.equal(now.length, 26);
      for (const r of now) if (r.status === 'evidenced') assert.equal(was.get(r.requirement.id), 'evidenced', `${r.requirement.id} became evidenced: ${JSON.stringify(r.citations.filter((c) => generated.has(c.file)))}`);
    });
  });
});
