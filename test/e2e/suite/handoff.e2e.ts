import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { HandoffPlanResult } from '../../../server/src/protocol';
import type { E2eContext } from './context';
import type { TestCase } from './harness';
import { waitFor } from './waits';

async function openPanel(ctx: E2eContext, phase: string): Promise<HandoffPlanResult> {
  const { api } = ctx;
  const initiative = api.source.tree?.initiatives.find((i) => i.spec === undefined)?.initiative;
  assert.ok(initiative, 'an initiative in the tree');
  const rendered = waitFor(`the Phase ${phase} handoff panel`, () => (api.handoff.current?.phase === phase ? api.handoff.current : null), [api.handoff.onDidRender]);
  await vscode.commands.executeCommand('proofmark.generateHandoffPicker', { initiative, phase });
  return rendered;
}

export function handoffTests(ctx: () => E2eContext): TestCase[] {
  return [
    {
      name: 'the handoff command creates the four files of a phase that has none',
      async run() {
        const plan = await openPanel(ctx(), '4');
        assert.equal(plan.files.length, 4);
        assert.deepEqual(plan.files.map((f) => f.exists), [false, false, false, false]);
        const created = await ctx().api.handoff.createMissing();
        assert.equal(created.length, 4);
        for (const file of plan.files) {
          const path = vscode.Uri.parse(file.uri).fsPath;
          assert.ok(existsSync(path), `${path} exists`);
          assert.ok(readFileSync(path, 'utf8').trim().length > 0, `${path} has content on disk`);
        }
        assert.ok(ctx().api.handoff.current?.files.every((f) => f.exists), 'the panel now shows every file as existing');
      },
    },
    {
      name: 'the handoff command leaves existing files byte-identical',
      async run() {
        const plan = await openPanel(ctx(), '2');
        const existing = plan.files.filter((f) => f.exists);
        const missing = plan.files.filter((f) => !f.exists);
        assert.ok(existing.length > 0 && missing.length > 0, 'phase 2 of the example has some outputs and lacks others');
        const before = new Map(existing.map((f) => [f.uri, readFileSync(vscode.Uri.parse(f.uri).fsPath)]));
        const created = await ctx().api.handoff.createMissing();
        assert.deepEqual(created.map((u) => u.toString()).sort(), missing.map((f) => vscode.Uri.parse(f.uri).toString()).sort());
        for (const [uri, bytes] of before) {
          assert.ok(readFileSync(vscode.Uri.parse(uri).fsPath).equals(bytes), `${uri} unchanged`);
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === vscode.Uri.parse(uri).toString());
          assert.ok(!open?.isDirty, `${uri} has no unsaved edit`);
        }
      },
    },
  ];
}
