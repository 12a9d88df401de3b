import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { minmax } from '../../src/normalise/minmax.js';
import { assertAllClose, assertAllMissing, NA } from '../approx.js';

describe('minmax', () => {
  test('default range [0, 100]', () => {
    // min 1, max 9: (5 - 1) / (9 - 1) * 100 = 50; (3 - 1) / 8 * 100 = 25
    assertAllClose(minmax([1, 5, 9, 3]), [0, 50, 100, 25]);
  });

  test('custom range [l, u]', () => {
    // (x - 1) / 8 * (1 - (-1)) + (-1): 1 -> -1, 5 -> 0, 9 -> 1, 3 -> -0.5
    assertAllClose(minmax([1, 5, 9, 3], [-1, 1]), [-1, 0, 1, -0.5]);
    // [0, 1]: (5 - 1) / 8 = 0.5
    assertAllClose(minmax([1, 5, 9], [0, 1]), [0, 0.5, 1]);
  });

  test('negative values', () => {
    // min -10, max 10: (0 + 10) / 20 * 100 = 50; (-5 + 10) / 20 * 100 = 25
    assertAllClose(minmax([-10, 0, 10, -5]), [0, 50, 100, 25]);
  });

  test('missing values stay missing and do not move min or max', () => {
    // min 2, max 6: (4 - 2) / 4 * 100 = 50
    assertAllClose(minmax([NA, 2, 4, NA, 6]), [NA, 0, 50, NA, 100]);
  });

  test('ties share a score', () => {
    // min 2, max 6: 2 -> 0, 6 -> 100
    assertAllClose(minmax([2, 6, 2, 6]), [0, 100, 0, 100]);
  });

  test('no spread: a constant series or a single value scores missing', () => {
    assertAllMissing(minmax([3, 3, 3]), 3);
    assertAllMissing(minmax([NA, 3, NA]), 3);
    assertAllMissing(minmax([3.3, 3.3, 3.3]), 3);
  });

  test('empty and all-missing input', () => {
    assert.equal(minmax([]).length, 0);
    assertAllMissing(minmax([NA, NA]), 2);
  });

  test('returns a new Float64Array and leaves the input alone', () => {
    const x = [1, 3];
    const out = minmax(x);
    assert.ok(out instanceof Float64Array);
    assert.deepEqual(x, [1, 3]);
  });
});
