import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { numberedDone } from '../../server/src/core/analyze/claims';
import { check, model, only } from '../support/memory';

/** A session handoff: what was done, what is next. */
const handoff = (done: string, extra = ''): string =>
  ['# Next Session', '', '**Date**: 2026-03-13', '', '## Last Session', '', '1. **Docs reorg**: moved the guides', done, ...(extra ? [extra] : []), '', '## What Is Next', '', '- Test the planner', ''].join('\n');

describe('numbered work said done in a list item', () => {
  it('reads the shapes a recap writes it in', () => {
    assert.equal(numberedDone('5. **Plan written** — 7 tasks, Tasks 1-2 + 7 complete, Tasks 3-4 need testing'), 'Tasks 1-2 + 7 complete');
    assert.equal(numberedDone('- Phase 3 is complete'), 'Phase 3 is complete');
    assert.equal(numberedDone('- T001–T010 done, T011 open'), 'T001–T010 done');
    assert.equal(numberedDone('* Steps 1 and 2 finished'), 'Steps 1 and 2 finished');
  });

  it('does not read a condition, a question, a negation, a checkbox or a paragraph as a claim', () => {
    for (const text of [
      '- Once Tasks 1-2 are complete, start Task 3',
      '- Start Task 3 when Task 2 is done',
      '- Is Phase 2 complete?',
      '- Tasks 3-4 not complete',
      '- Phase 2 incomplete',
      '- [x] Tasks 1-2 complete',
      'Tasks 1-2 complete.',
      '- Phase 4 will be complete by Friday',
    ]) {
      assert.equal(numberedDone(text), null, text);
    }
  });

  it('is a claim of a session handoff, whose evidence is its own item', () => {
    const claims = model('NEXT_SESSION.md', handoff('2. **Planner** — 7 tasks, Tasks 1-2 + 7 complete')).claims;
    assert.deepEqual(
      claims.map((c) => [c.form, c.line, c.window.start, c.window.end]),
      [['prose', 8, 8, 8]],
    );
  });

  it('reports the claim without evidence, and not one whose item cites what shows it', async () => {
    const bare = only(await check({ 'NEXT_SESSION.md': handoff('2. **Planner** — 7 tasks, Tasks 1-2 + 7 complete') }), 'claim-without-evidence');
    assert.deepEqual(bare.map((f) => f.range.start.line), [8]);
    assert.match(bare[0]?.message ?? '', /Tasks 1-2 \+ 7 complete.*claims success, and this report gives no evidence anywhere/);
    const cited = {
      'NEXT_SESSION.md': handoff('2. **Planner** — Tasks 1-2 complete', '   - tests in `tests/test_planner.py` pass'),
      'tests/test_planner.py': 'def test_plan(): pass\n',
    };
    assert.deepEqual(only(await check(cited), 'claim-without-evidence'), []);
  });

  it('does not read a precondition as a claim: `Phase 1 complete` under Prerequisites or Context', async () => {
    const prompt = ['# Phase 4 Performance Summary', '', '## Prerequisites', '', '- Phase 1 complete: unit tests at 85% coverage', '- Phase 2 complete', '', '## Context', '', '- Phases 1-3 complete', ''].join('\n');
    assert.deepEqual(model('docs/PHASE4_SUMMARY.md', prompt).claims, []);
  });
});
