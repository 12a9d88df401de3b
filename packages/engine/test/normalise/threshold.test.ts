import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { threshold } from '../../src/normalise/threshold.js';
import { assertAllClose, assertAllMissing, NA } from '../approx.js';

describe('threshold', () => {
  test('100 at or above the threshold, else 0', () => {
    // limit 1: 0 -> 0, 1 -> 100 (reaching it counts), 0.5 -> 0, 2 -> 100
    assertAllClose(threshold([0, 1, 0.5, 2], 1), [0, 100, 0, 100]);
  });

  test('boolean indicator 1/0 with a custom scale', () => {
    assertAllClose(threshold([1, 0, 1], 1, 1), [1, 0, 1]);
  });

  test('negative thresholds', () => {
    assertAllClose(threshold([-3, -2, -1], -2), [0, 100, 100]);
  });

  test('missing values stay missing', () => {
    assertAllClose(threshold([NA, 5, NA], 1), [NA, 100, NA]);
  });

  test('a constant series all on one side', () => {
    assertAllClose(threshold([4, 4], 5), [0, 0]);
    assertAllClose(threshold([5, 5], 5), [100, 100]);
  });

  test('empty and all-missing input', () => {
    assert.equal(threshold([], 1).length, 0);
    assertAllMissing(threshold([NA, NA], 1), 2);
  });
});
