import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lowerBound, rankScores, upperBound } from '../../src/normalise/rankScores.js';
import { assertAllClose, assertAllMissing, NA } from '../approx.js';

// R: rank(x, ties.method = "min"); the lowest value scores 1.
describe('rankScores', () => {
  test('lowest scores 1, highest n', () => {
    assertAllClose(rankScores([30, 10, 20]), [3, 1, 2]);
  });

  test('ties share the lowest of their ranks', () => {
    // R: rank(c(10, 30, 20, 20), ties.method = "min") = 1 4 2 2
    assertAllClose(rankScores([10, 30, 20, 20]), [1, 4, 2, 2]);
  });

  test('sorts numerically, negatives and fractions included', () => {
    // order -10 < -1 < 0.5 < 5 < 100
    assertAllClose(rankScores([5, -1, 100, -10, 0.5]), [4, 2, 5, 1, 3]);
  });

  test('missing values stay missing and are not counted', () => {
    assertAllClose(rankScores([NA, 7, 3, NA]), [NA, 2, 1, NA]);
  });

  test('a constant series all ranks 1; a single value ranks 1', () => {
    assertAllClose(rankScores([4, 4, 4]), [1, 1, 1]);
    assertAllClose(rankScores([NA, 9]), [NA, 1]);
  });

  test('empty and all-missing input', () => {
    assert.equal(rankScores([]).length, 0);
    assertAllMissing(rankScores([NA, NA]), 2);
  });
});

describe('lowerBound / upperBound', () => {
  const sorted = Float64Array.of(1, 2, 2, 2, 5);
  test('count strictly less / less or equal', () => {
    assert.equal(lowerBound(sorted, 2), 1);
    assert.equal(upperBound(sorted, 2), 4);
    assert.equal(lowerBound(sorted, 0), 0);
    assert.equal(upperBound(sorted, 9), 5);
    assert.equal(lowerBound(sorted, 3), 4);
    assert.equal(upperBound(sorted, 3), 4);
    assert.equal(lowerBound(new Float64Array(0), 3), 0);
  });
});
