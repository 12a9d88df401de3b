import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rankChange } from '../../src/rank/rankChange.js';
import { assertAllClose, NA } from '../approx.js';

describe('rankChange', () => {
  test('previous rank - current rank: from 58th to 48th is +10 (up 10 places)', () => {
    assertAllClose(rankChange([48], [58]), [10]);
  });

  test('a fall is negative, no move is 0', () => {
    // 3rd -> 7th: 3 - 7 = -4; 5th -> 5th: 0
    assertAllClose(rankChange([7, 5, 1], [3, 5, 2]), [-4, 0, 1]);
  });

  test('missing current or previous rank: NaN', () => {
    assertAllClose(rankChange([NA, 2, NA], [4, NA, NA]), [NA, NA, NA]);
  });

  test('typed arrays in, a Float64Array out; empty in, empty out', () => {
    const out = rankChange(Float64Array.of(1, 2), Float64Array.of(2, 1));
    assert.ok(out instanceof Float64Array);
    assertAllClose(out, [1, -1]);
    assert.equal(rankChange([], []).length, 0);
  });
});
