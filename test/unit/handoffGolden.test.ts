import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import type { HandoffResult } from '../../server/src/core/handoff/types';
import type { Project } from '../../server/src/core/project/project';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';
import { EXAMPLE, GOLDEN, NO_EXPECTED_OUTPUTS, NO_PRD, exampleProject, memoryProject, plan } from '../golden/handoff/fixtures';

/** UPDATE_GOLDEN=1 rewrites the expected files from the current output instead of comparing. */
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** What a case produces, as files: each generated file by base name, and a summary of the plan. */
function caseFiles(result: HandoffResult): Map<string, string> {
  const files = new Map<string, string>();
  if ('error' in result) {
    files.set('error.txt', `${result.error}\n`);
    return files;
  }
  const { plan: p } = result;
  const summary = [
    `phase ${p.phase}: ${p.title}`,
    ...p.files.map((f) => `${f.kind} ${f.path} ${f.exists ? 'exists' : 'new'}`),
    `open items: ${p.openItems.map((o) => `${o.phase}@${o.line}`).join(' ') || 'none'}`,
    `unevidenced: ${p.unevidenced.map((u) => u.requirement.id).join(' ') || 'none'}`,
  ];
  files.set('plan.txt', `${summary.join('\n')}\n`);
  for (const f of p.files) files.set(path.basename(f.path), f.content);
  return files;
}

function checkGolden(name: string, actual: Map<string, string>): void {
  const dir = path.join(GOLDEN, name);
  if (UPDATE) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const [file, text] of actual) writeFileSync(path.join(dir, file), text);
    return;
  }
  assert.ok(existsSync(dir), `no golden files for ${name}; run with UPDATE_GOLDEN=1 and review them`);
  assert.deepEqual([...actual.keys()].sort(), readdirSync(dir).sort(), `${name}: the set of generated files changed`);
  for (const [file, text] of actual) {
    assert.equal(text, readFileSync(path.join(dir, file), 'utf8'), `${name}/${file} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)`);
  }
}

describe('handoff golden files', () => {
  let example: Project;
  const exampleWorkspace = new NodeWorkspace(EXAMPLE);
  before(async () => {
    example = await exampleProject();
  });

  it('example Phase 4: no outputs yet, open items carried from Phases 2 and 3', async () => {
    checkGolden('orbit-phase4', caseFiles(await plan(example, exampleWorkspace, 'TODO001.md', '4')));
  });

  it('example Phase 3: every output exists, checklist groups match the tasks', async () => {
    checkGolden('orbit-phase3', caseFiles(await plan(example, exampleWorkspace, 'TODO001.md', '3')));
  });

  it('example Phase 2.5: a fractional phase inserted out of document order', async () => {
    checkGolden('orbit-phase2.5', caseFiles(await plan(example, exampleWorkspace, 'TODO001.md', '2.5')));
  });

  it('a phase number that does not exist names the phases that do', async () => {
    const result = await plan(example, exampleWorkspace, 'TODO001.md', '12');
    assert.deepEqual(result, { error: 'Phase 12 does not exist in TODO001.md; its phases are 1, 2, 2.5, 3, 4.' });
    checkGolden('orbit-phase12', caseFiles(result));
  });

  it('a phase with no Expected Outputs uses the naming convention next to the TODO', async () => {
    const { project, workspace } = await memoryProject(NO_EXPECTED_OUTPUTS);
    checkGolden('no-expected-outputs', caseFiles(await plan(project, workspace, 'plan/TODO002.md', '1')));
  });

  it('a TODO without a PRD', async () => {
    const { project, workspace } = await memoryProject(NO_PRD);
    checkGolden('no-prd', caseFiles(await plan(project, workspace, 'work/TODO005.md', '1')));
  });
});
