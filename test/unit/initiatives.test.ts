import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initiativeKeyString } from '../../server/src/core/model/initiative';
import { buildInitiatives } from '../../server/src/core/project/initiatives';
import { model } from '../support/memory';

const docs = {
  'up/003/TODO003.md': '# TODO003: Worker refactor\n\n## Phase 1: A\n',
  'up/003/PRD003.md': '# PRD003\n',
  'up/003/TODO003_phase1_notes.md': '# notes\n',
  'up/003/prompts/PHASE1_PROMPT.md': '# prompt\n',
  'up/003/FINAL_REPORT.md': '# report\n',
  'up/003/TVDb001/TODOTVDb001.md': '# TODOTVDb001: Sub\n',
  'up/003/TVDb001/TVDb001_phase1_notes.md': '# notes\n',
  'up/003/deployment/001/TODO001.md': '# TODO001: Deploy\n',
  'up/003/deployment/001/phase1/TODO001_phase1_notes.md': '# notes\n',
  'nav/strategy/PRD001.md': '# PRD001\n',
  'nav/strategy/TODO001.md': '# TODO001: One\n',
  'nav/strategy/PRD002.md': '# PRD002\n',
  'nav/strategy/TODO002.md': '# TODO002: Two\n',
  'nav/strategy/TODO002_phase1_notes.md': '# notes\n',
  'plain/TODO.md': '# TODO: Plain\n',
  'elsewhere/README.md': '# readme\n',
};

describe('initiatives', () => {
  const map = buildInitiatives(Object.entries(docs).map(([path, text]) => model(path, text)));
  const keyOf = (path: string) => map.byDocument.get(path);
  it('keys initiatives by (folder, id), ids local to their folder', () => {
    assert.deepEqual(map.initiatives.map((i) => initiativeKeyString(i.key)), [
      'nav/strategy#001',
      'nav/strategy#002',
      'plain#',
      'up/003#003',
      'up/003/TVDb001#TVDb001',
      'up/003/deployment/001#001',
    ]);
  });
  it('puts each document in its initiative: prompts and reports in sub-folders, outputs by id, nested initiatives apart', () => {
    assert.equal(keyOf('up/003/prompts/PHASE1_PROMPT.md'), 'up/003#003');
    assert.equal(keyOf('up/003/FINAL_REPORT.md'), 'up/003#003');
    assert.equal(keyOf('up/003/TVDb001/TVDb001_phase1_notes.md'), 'up/003/TVDb001#TVDb001');
    assert.equal(keyOf('up/003/deployment/001/phase1/TODO001_phase1_notes.md'), 'up/003/deployment/001#001');
    assert.equal(keyOf('nav/strategy/TODO002_phase1_notes.md'), 'nav/strategy#002');
    assert.equal(keyOf('elsewhere/README.md'), undefined);
  });
  it('indexes outputs by phase and kind, names from the TODO title, and nested children', () => {
    const i003 = map.byKey.get('up/003#003');
    assert.equal(i003?.outputs.get('1')?.get('notes'), 'up/003/TODO003_phase1_notes.md');
    assert.equal(i003?.name, 'TODO003: Worker refactor');
    assert.deepEqual(i003?.children.map((k) => initiativeKeyString(k)).sort(), ['up/003/TVDb001#TVDb001', 'up/003/deployment/001#001']);
    assert.equal(map.byKey.get('plain#')?.todo, 'plain/TODO.md');
  });
});
