import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clip } from '../../server/src/core/text/clip';

describe('clip: text quoted in a message', () => {
  it('keeps a text that fits, whole', () => {
    assert.equal(clip('User Story 2 (Priority: P2)', 27), 'User Story 2 (Priority: P2)');
  });

  it('cuts a longer text with an ellipsis, so a cut quotation never reads as whole', () => {
    // Cut at 60 characters with no mark, this title once read "… (Priority: P2" and closed the message's own parenthesis.
    const title = 'User Story 2 - Persistent Cross-Session Memory (Priority: P2)';
    const cut = clip(title, 40);
    assert.equal(cut, 'User Story 2 - Persistent Cross-Session…');
    assert.equal(cut.length, 40);
    assert.equal(clip('one two   three', 8), 'one two…', 'no space before the ellipsis');
  });
});
