import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeLens, CompletionItem, Hover, Location, MarkupContent, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { CompletionTree } from '../../server/src/protocol';
import { TestClient, uriOf } from './support/client';
import { orbitCopy } from './support/fixtures';
import { positionOf } from './support/positions';

const KIRO = '.kiro/specs/conflict-review';
const KIT = 'specs/002-field-export';

/** The bundled example's specs, with a research note that mentions a task, a story and a requirement (so references reach past tasks.md). */
function fixture(): string {
  const root = orbitCopy();
  writeFileSync(path.join(root, KIT, 'research.md'), '# Research\n\nT001 settles the CSV writer before [US1] starts; FR-001 fixes the row format.\n');
  return root;
}

describe('spec navigation over the protocol (examples/orbit specs)', () => {
  let client: TestClient;
  let root: string;
  const at = (file: string): string => path.join(root, file);
  const doc = (file: string) => ({ textDocument: { uri: uriOf(at(file)) } });
  const where = (locations: readonly Location[]): string[] => locations.map((l) => `${path.relative(root, new URL(l.uri).pathname)}:${l.range.start.line + 1}`);

  before(async () => {
    root = fixture();
    client = await TestClient.start({ roots: [root], pull: true });
    await client.ready([root]);
  });
  after(async () => {
    await client.stop();
  });

  const hover = async (file: string, needle: string, line: number): Promise<string> => {
    const h = await client.request<Hover | null>('textDocument/hover', { ...doc(file), position: positionOf(at(file), needle, line) });
    return h ? (h.contents as MarkupContent).value : '';
  };
  const definition = async (file: string, needle: string, line: number): Promise<string[]> =>
    where(await client.request<Location[]>('textDocument/definition', { ...doc(file), position: positionOf(at(file), needle, line) }));
  const references = async (file: string, needle: string, line: number, includeDeclaration = true): Promise<string[]> =>
    where(await client.request<Location[]>('textDocument/references', { ...doc(file), position: positionOf(at(file), needle, line), context: { includeDeclaration } }));

  it('hover on a Kiro trace shows the criterion text and its coverage', async () => {
    const text = await hover(`${KIRO}/tasks.md`, '2.1', 9);
    assert.match(text, /\*\*Criterion 2\.1\*\* of Requirement 2 \(Review conflicts\) — WHEN the user opens a conflicted note THEN the system SHALL show both versions side by side/);
    assert.match(text, /Traced by 2 tasks \(1 done\): 2\.1, 2\.3/);
  });

  it('hover on a task id and on an FR id of a spec-kit task list', async () => {
    assert.match(await hover(`${KIT}/tasks.md`, 'T005', 12), /\*\*T005\*\* — \[US1\] Progress indicator while exporting\n\nState: open\nPhase 2: User Story 1/);
    assert.match(await hover(`${KIT}/tasks.md`, 'FR-001', 5), /\*\*FR-001\*\* — The app MUST write one CSV row per note, with its timestamp and location\.\n\nTraced by 1 task \(1 done\): T001/);
  });

  it('definition for N.M, FR-001, US1 and T001', async () => {
    assert.deepEqual(await definition(`${KIRO}/tasks.md`, '1.2', 5), [`${KIRO}/requirements.md:16`]);
    assert.deepEqual(await definition(`${KIT}/tasks.md`, 'FR-001', 5), [`${KIT}/spec.md:24`]);
    assert.deepEqual(await definition(`${KIT}/tasks.md`, 'US1', 10), [`${KIT}/spec.md:8`]);
    assert.deepEqual(await definition(`${KIT}/research.md`, 'T001', 3), [`${KIT}/tasks.md:5`]);
  });

  it('references for N.M, FR-001, US1 and T001 across the spec folder', async () => {
    assert.deepEqual(await references(`${KIRO}/tasks.md`, '2.1', 9), [`${KIRO}/requirements.md:24`, `${KIRO}/tasks.md:9`, `${KIRO}/tasks.md:14`]);
    assert.deepEqual(await references(`${KIT}/spec.md`, 'FR-001', 24), [`${KIT}/spec.md:24`, `${KIT}/tasks.md:5`, `${KIT}/research.md:3`]);
    assert.deepEqual(await references(`${KIT}/tasks.md`, 'US1', 10, false) /* phase heading, three [US1] labels, the checkpoint's User Story 1, research */, [`${KIT}/tasks.md:8`, `${KIT}/tasks.md:10`, `${KIT}/tasks.md:11`, `${KIT}/tasks.md:12`, `${KIT}/tasks.md:14`, `${KIT}/research.md:3`]);
    assert.deepEqual(await references(`${KIT}/tasks.md`, 'T001', 5), [`${KIT}/tasks.md:5`, `${KIT}/research.md:3`]);
  });

  it('renames FR-001 across the spec as typed, zero padding kept', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...doc(`${KIT}/research.md`), position: positionOf(at(`${KIT}/research.md`), 'FR-001', 3), newName: 'FR-010' });
    const changes = edit.documentChanges ?? [];
    const written = changes.flatMap((c) => ('edits' in c ? c.edits.map((e) => `${path.relative(root, new URL(c.textDocument.uri).pathname)}:${e.range.start.line + 1}=${"newText" in e ? e.newText : "?"}`) : []));
    assert.deepEqual(written.sort(), [`${KIT}/research.md:3=FR-010`, `${KIT}/spec.md:24=FR-010`, `${KIT}/tasks.md:5=FR-010`]);
  });

  it('completes criteria inside a Kiro trace, with their text', async () => {
    const file = `${KIRO}/tasks.md`;
    const text = '# Implementation Plan\n\n- [ ] 9. New task\n  - _Requirements: \n';
    const uri = await client.open(at(file), text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { ...doc(file), position: { line: 3, character: 19 } });
    assert.deepEqual(items.map((i) => i.label).slice(0, 3), ['1', '1.1', '1.2']);
    assert.match(items.find((i) => i.label === '2.3')?.detail ?? '', /the user cancels/);
    await client.close(uri);
  });

  it('puts a coverage lens on each requirement and criterion', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', doc(`${KIRO}/requirements.md`));
    const byLine = new Map(lenses.map((l) => [l.range.start.line + 1, l.command?.title]));
    assert.equal(byLine.get(24), 'traced by 2 tasks (1 done)');
    assert.equal(byLine.get(26), 'traced by no task');
  });

  it('the tree request returns specs with their counts', async () => {
    const tree = await client.request<CompletionTree>('proofmark/completionTree', {});
    const kit = tree.initiatives.find((i) => i.name === '002-field-export · spec-kit');
    assert.ok(kit?.spec, tree.initiatives.map((i) => i.name).join(', '));
    assert.deepEqual(kit.spec.phases.map((p) => `${p.number}:${p.done}/${p.total}`), ['1:2/2', '2:2/3', '3:0/2']);
    assert.deepEqual([kit.done, kit.total], [4, 7]);
    assert.equal(kit.spec.items.find((i) => i.id === 'FR-1')?.tracedBy, 1);
    const kiro = tree.initiatives.find((i) => i.name === 'conflict-review · kiro');
    assert.ok(kiro?.spec);
    assert.deepEqual([kiro.spec.done, kiro.spec.total, kiro.spec.optionalDone, kiro.spec.optionalTotal], [3, 4, 0, 1]);
    assert.deepEqual(kiro.spec.looseTasks.map((t) => `${t.id}:${t.children.map((c) => c.id).join(',')}`), ['1:', '2:2.1,2.2,2.3']);
  });
});
