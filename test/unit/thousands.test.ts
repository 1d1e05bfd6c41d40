import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { thousands } from '../../server/src/core/text/thousands';

describe('digits grouped by three', () => {
  it('writes integers as en-US does', () => {
    for (const n of [0, 7, 42, 999, 1000, 1584, 10_000, 99_999, 100_000, 1_234_567, -1, -1234, -999_000, Number.MAX_SAFE_INTEGER]) {
      assert.equal(thousands(n), n.toLocaleString('en-US'), String(n));
    }
  });

  it('leaves what is not a safe integer as JavaScript writes it', () => {
    assert.equal(thousands(1.5), '1.5');
    assert.equal(thousands(Number.NaN), 'NaN');
    assert.equal(thousands(Infinity), 'Infinity');
  });
});
