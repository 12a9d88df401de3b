import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { zscore } from '../../src/normalise/zscore.js';
import { assertAllClose, assertAllMissing, NA } from '../approx.js';

describe('zscore', () => {
  test('mean 0, sample sd 1 by default', () => {
    // 1, 2, 3: mean 2, sd sqrt((1 + 0 + 1) / 2) = 1 -> -1, 0, 1
    assertAllClose(zscore([1, 2, 3]), [-1, 0, 1]);
  });

  test('uses the sample sd (n - 1), not the population sd', () => {
    // 0, 10: mean 5, sd sqrt((25 + 25) / 1) = sqrt(50); (0 - 5) / sqrt(50) = -1/sqrt(2)
    // (the population sd 5 would give -1)
    assertAllClose(zscore([0, 10]), [-Math.SQRT1_2, Math.SQRT1_2]);
  });

  test('hand example with a target mean and sd', () => {
    // 2,4,4,4,5,5,7,9: mean 5, sd sqrt(32/7); 9 -> 4 / sqrt(32/7) * 10 + 100
    const sd = Math.sqrt(32 / 7);
    const out = zscore([2, 4, 4, 4, 5, 5, 7, 9], 100, 10);
    assertAllClose(
      out,
      [2, 4, 4, 4, 5, 5, 7, 9].map((x) => ((x - 5) / sd) * 10 + 100),
    );
    assertAllClose([out[4] as number], [100]);
  });

  test('target mean 50 and sd 10 on 1, 2, 3', () => {
    // -1, 0, 1 -> 40, 50, 60
    assertAllClose(zscore([1, 2, 3], 50, 10), [40, 50, 60]);
  });

  test('missing values stay missing and do not count', () => {
    // present 1, 2, 3 -> -1, 0, 1
    assertAllClose(zscore([1, NA, 2, 3, NA]), [-1, NA, 0, 1, NA]);
  });

  test('ties share a score', () => {
    // 1, 1, 4: mean 2, sd sqrt((1 + 1 + 4) / 2) = sqrt(3)
    const s = Math.sqrt(3);
    assertAllClose(zscore([1, 1, 4]), [-1 / s, -1 / s, 2 / s]);
  });

  test('no spread: constant series (exactly equal, even 3 x 3.3) and single values are missing', () => {
    assertAllMissing(zscore([4, 4, 4]), 3);
    assertAllMissing(zscore([3.3, 3.3, 3.3]), 3);
    assertAllMissing(zscore([0.1, NA, 0.1, 0.1]), 4);
    assertAllMissing(zscore([NA, 8]), 2);
  });

  test('empty and all-missing input', () => {
    assert.equal(zscore([]).length, 0);
    assertAllMissing(zscore([NA, NA, NA]), 3);
  });
});
