import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CorpusFinding } from '../precision/findings';
import { indexFindings, matchLabels, type Label, type Verdict } from '../precision/labels';

const FILE = 'docs/PROMPT.md';

function finding(code: string, line: number): CorpusFinding {
  return { corpus: 'c', file: FILE, line, column: 4, code, severity: 'warning', message: '', related: [] };
}

function label(code: string, line: number, verdict: Verdict): Label {
  return { corpus: 'c', file: FILE, line, column: 4, code, verdict, reason: '', round: 'test' };
}

describe('precision labels across renamed codes', () => {
  it('carries a label of an older code to the finding now reported under its successor', () => {
    const { at, relatedAt } = indexFindings([finding('reference-misnamed', 30)]);
    const matched = matchLabels([label('expected-output-missing', 30, 'FALSE')], at, relatedAt);
    assert.deepEqual(
      matched.map((m) => [m.label.code, m.hit?.code]),
      [['expected-output-missing', 'reference-misnamed']],
    );
  });

  it('lets a label of the finding’s own code decide over one carried from an older code', () => {
    const { at, relatedAt } = indexFindings([finding('reference-misnamed', 30), finding('reference-misnamed', 31)]);
    const labels = [label('expected-output-missing', 30, 'FALSE'), label('reference-misnamed', 30, 'TRUE'), label('expected-output-missing', 31, 'FALSE')];
    const matched = matchLabels(labels, at, relatedAt);
    assert.deepEqual(
      matched.map((m) => [m.label.code, m.label.line, m.label.verdict]),
      [
        ['reference-misnamed', 30, 'TRUE'],
        ['expected-output-missing', 31, 'FALSE'],
      ],
    );
  });

  it('lets the label at a finding’s own place decide over labels of the places merged into it', () => {
    const merged: CorpusFinding = { ...finding('task-done-file-missing', 63), related: [`${FILE}:64`, `${FILE}:65`] };
    const { at, relatedAt } = indexFindings([merged]);
    const labels = [label('task-done-file-missing', 64, 'NOISE'), label('task-done-file-missing', 65, 'NOISE'), label('task-done-file-missing', 63, 'TRUE')];
    assert.deepEqual(matchLabels(labels, at, relatedAt).map((m) => [m.label.line, m.label.verdict]), [[63, 'TRUE']]);
    // Without a label at its own place, the first merged place's label decides, once: one finding, one verdict.
    assert.deepEqual(matchLabels([labels[1], labels[0]].filter((l) => l !== undefined), at, relatedAt).map((m) => [m.label.line, m.hit?.line]), [[64, 63]]);
  });

  it('keeps a label whose finding is no longer reported, for the recall of its code', () => {
    const { at, relatedAt } = indexFindings([]);
    const matched = matchLabels([label('broken-reference', 7, 'TRUE')], at, relatedAt);
    assert.equal(matched.length, 1);
    assert.equal(matched[0]?.hit, null);
  });
});
