import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rankDescending } from '../../src/rank/rankDescending.js';
import { assertAllClose, assertAllMissing, NA } from '../approx.js';

// Competition ranks, highest first: R's rank(-x, ties.method = "min").
describe('rankDescending', () => {
  test('highest score ranks 1', () => {
    assertAllClose(rankDescending([20, 90, 50]), [3, 1, 2]);
  });

  test('ties share the best rank and the next rank skips: 1, 2, 2, 4', () => {
    assertAllClose(rankDescending([90, 80, 80, 70]), [1, 2, 2, 4]);
    assertAllClose(rankDescending([70, 80, 90, 80]), [4, 2, 1, 2]);
    // a tie at the top: 1, 1, 3
    assertAllClose(rankDescending([5, 5, 4]), [1, 1, 3]);
    // a tie at the bottom: 1, 2, 2
    assertAllClose(rankDescending([9, 1, 1]), [1, 2, 2]);
  });

  test('a missing score has no rank and is not counted', () => {
    assertAllClose(rankDescending([NA, 5, 9, NA, 7]), [NA, 3, 1, NA, 2]);
  });

  test('negative scores, fractions and infinities', () => {
    // order: Infinity > 0.5 > 0 > -0.25 > -3 > -Infinity
    assertAllClose(
      rankDescending([-3, 0.5, Number.NEGATIVE_INFINITY, 0, Number.POSITIVE_INFINITY, -0.25]),
      [5, 2, 6, 3, 1, 4],
    );
  });

  test('-0 and +0 are the same score', () => {
    assertAllClose(rankDescending([0, -0, 1]), [2, 2, 1]);
    assertAllClose(rankDescending([-0, 0, -1]), [1, 1, 3]);
  });

  test('close but unequal scores are not tied', () => {
    assertAllClose(rankDescending([0.1 + 0.2, 0.3]), [1, 2]);
  });

  test('a constant series all rank 1; a single score ranks 1', () => {
    assertAllClose(rankDescending([3, 3, 3]), [1, 1, 1]);
    assertAllClose(rankDescending([NA, 42]), [NA, 1]);
  });

  test('empty and all-missing input', () => {
    assert.equal(rankDescending([]).length, 0);
    assertAllMissing(rankDescending([NA, NA, NA]), 3);
  });

  test('a typed-array column of 63 provinces: ranks are a permutation of 1..63', () => {
    // scores 63 - i*0.5 for i = 0..62, shuffled by a fixed step: rank = position in descending order
    const n = 63;
    const scores = new Float64Array(n);
    for (let i = 0; i < n; i++) scores[(i * 17) % n] = 100 - i * 0.5;
    const ranks = rankDescending(scores);
    for (let i = 0; i < n; i++) assert.equal(ranks[(i * 17) % n], i + 1);
  });
});
