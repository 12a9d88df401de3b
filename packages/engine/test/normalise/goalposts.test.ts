import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { goalposts } from '../../src/normalise/goalposts.js';
import { assertAllClose, assertAllMissing, NA } from '../approx.js';

describe('goalposts', () => {
  test('(x - lower) / (upper - lower) * 100, clipped to [0, 100]', () => {
    // lower 0, upper 10: 2.5 -> 25, 7 -> 70; -5 -> 0 (clipped), 15 -> 100 (clipped)
    assertAllClose(goalposts([-5, 0, 2.5, 7, 10, 15], 0, 10), [0, 0, 25, 70, 100, 100]);
  });

  test('bounds that are not zero-based; a custom scale', () => {
    // lower 20, upper 60: (50 - 20) / 40 = 0.75 -> scale 1: 0.75
    assertAllClose(goalposts([50, 20, 60, 10], 20, 60, 1), [0.75, 0, 1, 0]);
  });

  test('scores do not depend on the other units (fixed bounds)', () => {
    // 5 scores 50 alone, among others, and in a constant series
    assertAllClose(goalposts([5], 0, 10), [50]);
    assertAllClose(goalposts([5, 5, 5], 0, 10), [50, 50, 50]);
    assertAllClose(goalposts([5, 1000, -1000], 0, 10), [50, 100, 0]);
  });

  test('missing values stay missing', () => {
    assertAllClose(goalposts([NA, 5, NA], 0, 10), [NA, 50, NA]);
  });

  test('upper not above lower gives missing scores', () => {
    assertAllMissing(goalposts([1, 5], 10, 10), 2);
    assertAllMissing(goalposts([1, 5], 10, 0), 2);
  });

  test('empty input', () => {
    assert.equal(goalposts([], 0, 1).length, 0);
  });
});
