import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { harmonicMean } from '../../src/aggregate/harmonicMean.js';
import { assertClose, NA } from '../approx.js';

describe('harmonicMean (weighted)', () => {
  test('equal weights', () => {
    // 3 / (1/1 + 1/4 + 1/4) = 3 / 1.5 = 2
    assertClose(harmonicMean([1, 4, 4], [1, 1, 1]), 2);
  });

  test('weighted: sum(w) / sum(w / x)', () => {
    // (2 + 1 + 1) / (2/1 + 1/4 + 1/4) = 4 / 2.5 = 1.6
    assertClose(harmonicMean([1, 4, 4], [2, 1, 1]), 1.6);
  });

  test('a missing child is left out and the remaining weights renormalised', () => {
    // 2 / (1/2 + 1/6) = 2 / (2/3) = 3
    assertClose(harmonicMean([2, NA, 6], [1, 1, 1]), 3);
  });

  test('a zero child gives 0 (the limit)', () => {
    assert.equal(harmonicMean([0, 50, 100], [1, 1, 1]), 0);
  });

  test('a negative child gives NaN', () => {
    assert.ok(Number.isNaN(harmonicMean([-2, 50], [1, 1])));
  });

  test('a constant set of children and a single child give the value', () => {
    assertClose(harmonicMean([5, 5, 5], [1, 2, 3]), 5);
    assertClose(harmonicMean([NA, 5], [1, 1]), 5);
  });

  test('no present child, no children, or zero total weight: NaN', () => {
    assert.ok(Number.isNaN(harmonicMean([NA], [1])));
    assert.ok(Number.isNaN(harmonicMean([], [])));
    assert.ok(Number.isNaN(harmonicMean([5], [0])));
  });
});
