import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { averageRanks } from '../../src/analysis/averageRanks.js';
import { assertAllClose, assertAllMissing, NA } from '../approx.js';

// R's rank(x) (ties.method = "average"), ascending.
describe('averageRanks', () => {
  test('no ties: ascending ranks', () => {
    assertAllClose(averageRanks([30, 10, 20]), [3, 1, 2]);
  });

  test('ties get the mean of their ranks', () => {
    // R: rank(c(10, 20, 20, 30)) = 1.0 2.5 2.5 4.0
    assertAllClose(averageRanks([10, 20, 20, 30]), [1, 2.5, 2.5, 4]);
    // three tied for ranks 2..4: (2 + 3 + 4) / 3 = 3
    assertAllClose(averageRanks([7, 7, 1, 7]), [3, 3, 1, 3]);
  });

  test('sorts numerically, negatives included', () => {
    assertAllClose(averageRanks([-10, 2, -3, 100]), [1, 3, 2, 4]);
  });

  test('missing values stay missing and are not ranked', () => {
    assertAllClose(averageRanks([NA, 5, 1, NA]), [NA, 2, 1, NA]);
  });

  test('a constant series: all (1 + n) / 2; a single value: 1', () => {
    assertAllClose(averageRanks([5, 5, 5]), [2, 2, 2]);
    assertAllClose(averageRanks([9]), [1]);
  });

  test('empty and all-missing input', () => {
    assert.equal(averageRanks([]).length, 0);
    assertAllMissing(averageRanks([NA, NA]), 2);
  });
});
