import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, checkedThreeWays, only } from '../support/memory';

const REQUIREMENTS = '# Requirements\n\n### Requirement 1\n\n#### Acceptance Criteria\n\n1. WHEN a card is archived THEN the system SHALL hide it\n';

function tasks(mark: 'x' | ' '): string {
  return ['# Implementation Plan', '', `- [${mark}] 1. Add the archive flag`, '  - _Requirements: 1.1_', `- [${mark}] 2. Hide archived cards`, '  - _Requirements: 1.1_', `- [${mark}] 3. Add the undo toast`, '  - _Requirements: 1.1_', ''].join('\n');
}

/** A lifecycle record as a Kiro tool writes it, with a nested status that is not the spec's. */
function record(status: string): string {
  return JSON.stringify({ name: 'card-archive', steps: [{ name: 'requirements', status: 'completed' }], status, progress: { completed: 1, total: 3 } }, null, 2);
}

function spec(mark: 'x' | ' ', json: string, name = 'spec.json'): Record<string, string> {
  return { '.kiro/specs/card-archive/requirements.md': REQUIREMENTS, '.kiro/specs/card-archive/tasks.md': tasks(mark), [`.kiro/specs/card-archive/${name}`]: json };
}

describe("a spec's JSON lifecycle record against its task list", () => {
  it('reports a record still "in-progress" while every task is checked, at its top-level status', async () => {
    const files = spec('x', record('in-progress'));
    const findings = only(await check(files), 'status-conflict');
    assert.deepEqual(
      findings.map((f) => `${f.file}:${f.range.start.line} ${f.message}`),
      ['.kiro/specs/card-archive/spec.json:9 spec.json records the status "in-progress", but all 3 tasks of tasks.md are checked.'],
    );
    assert.deepEqual(findings[0]?.related.map((r) => `${r.file}:${r.range.start.line}`), ['.kiro/specs/card-archive/tasks.md:3']);
    const ways = await checkedThreeWays(files, '.kiro/specs/card-archive/spec.json');
    assert.equal(only(ways.batches, 'status-conflict').length, 1);
    assert.equal(only(ways.alone, 'status-conflict').length, 1);
  });

  it('reports a record that says completed while no task is checked, in a spec-kit folder too', async () => {
    const files = {
      'specs/041-card-archive/spec.md': '# Feature Specification: Card Archive\n\n### User Story 1 - Archive a card (Priority: P1)\n',
      'specs/041-card-archive/tasks.md': ['# Tasks', '', '- [ ] T001 Add the flag', '- [ ] T002 Hide cards', '- [ ] T003 Add the toast', ''].join('\n'),
      'specs/041-card-archive/.spec-context.json': '{\n  "status": "completed",\n  "currentStep": "implement"\n}\n',
    };
    const findings = only(await check(files), 'status-conflict');
    assert.deepEqual(findings.map((f) => `${f.file}:${f.range.start.line}`), ['specs/041-card-archive/.spec-context.json:2']);
    assert.match(findings[0]?.message ?? '', /records the status "completed", but none of the 3 tasks of tasks\.md is checked/);
  });

  it('says nothing when the record agrees, names no status it knows, or is not JSON', async () => {
    assert.deepEqual(only(await check(spec('x', record('completed'))), 'status-conflict'), []);
    assert.deepEqual(only(await check(spec(' ', record('in-progress'))), 'status-conflict'), []);
    assert.deepEqual(only(await check(spec('x', record('blue'))), 'status-conflict'), []);
    const broken = await check(spec('x', '{ "status": "in-progress", '));
    assert.deepEqual(only(broken, 'status-conflict'), []);
    assert.deepEqual(broken.filter((f) => f.file.endsWith('.json')), [], 'a record that does not parse is not a document with problems of its own');
  });

  it('reads no JSON file outside a spec folder', async () => {
    const findings = await check({ 'tools/spec.json': '{ "status": "in-progress" }', 'docs/README.md': '# Docs\n' });
    assert.deepEqual(findings.filter((f) => f.file.endsWith('.json')), []);
  });
});
