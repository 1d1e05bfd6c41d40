import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { E2eContext } from './context';
import type { TestCase } from './harness';
import { nextChange, waitFor } from './waits';

export function toggleTests(ctx: () => E2eContext): TestCase[] {
  return [
    {
      name: 'toggling an item through the tree changes exactly that line',
      async run() {
        const { api, todo } = ctx();
        const item = [...api.tree.view.nodes.values()].find((n) => n.kind === 'item' && n.contextValue === 'proofmark.item.open' && n.location?.uri === todo.toString());
        assert.ok(item?.location, 'an open checklist item of the TODO in the tree');
        const line = item.location.line;
        const doc = await vscode.workspace.openTextDocument(todo);
        const before = doc.getText().split('\n');
        assert.match(before[line] ?? '', /\[ \]/);

        const changed = nextChange(todo);
        await vscode.commands.executeCommand('proofmark.tree.toggleItem', item.id);
        const after = (await changed).split('\n');
        assert.equal(after.length, before.length);
        const differing = before.map((text, i) => (text === after[i] ? -1 : i)).filter((i) => i >= 0);
        assert.deepEqual(differing, [line]);
        assert.equal(after[line], (before[line] ?? '').replace('[ ]', '[x]'));

        await waitFor('the tree to show the item checked', () => api.tree.node(item.id)?.contextValue === 'proofmark.item.done', [api.tree.onDidRender]);

        const restored = nextChange(todo);
        await vscode.commands.executeCommand('proofmark.tree.toggleItem', item.id);
        assert.equal(await restored, before.join('\n'));
        await doc.save();
      },
    },
  ];
}
