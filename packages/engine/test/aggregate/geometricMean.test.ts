import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { geometricMean } from '../../src/aggregate/geometricMean.js';
import { assertClose, NA } from '../approx.js';

describe('geometricMean (weighted)', () => {
  test('equal weights: the n-th root of the product', () => {
    // (1 * 4 * 16)^(1/3) = 64^(1/3) = 4
    assertClose(geometricMean([1, 4, 16], [1, 1, 1]), 4);
  });

  test('weights are exponents, renormalised', () => {
    // exp((1 ln 1 + 1 ln 4 + 2 ln 16) / 4) = 2^((0 + 2 + 8) / 4) = 2^2.5
    assertClose(geometricMean([1, 4, 16], [1, 1, 2]), 2 ** 2.5);
  });

  test('a missing child is left out and the remaining weights renormalised', () => {
    // sqrt(4 * 16) = 8
    assertClose(geometricMean([4, NA, 16], [1, 1, 1]), 8);
  });

  test('a zero child gives 0 (the limit)', () => {
    assert.equal(geometricMean([0, 50, 100], [1, 1, 1]), 0);
  });

  test('a negative child has no geometric mean: NaN', () => {
    assert.ok(Number.isNaN(geometricMean([-1, 50, 100], [1, 1, 1])));
    assert.ok(Number.isNaN(geometricMean([0, -1], [1, 1])));
  });

  test('equal children give exactly their value', () => {
    assert.equal(geometricMean([0.1, 0.1, 0.1], [1, 2, 3]), 0.1);
    assert.equal(geometricMean([NA, 70, 70], [1, 1, 1]), 70);
  });

  test('a single present child is the mean', () => {
    assertClose(geometricMean([NA, 9], [1, 3]), 9);
  });

  test('no present child, no children, or zero total weight: NaN', () => {
    assert.ok(Number.isNaN(geometricMean([NA, NA], [1, 1])));
    assert.ok(Number.isNaN(geometricMean([], [])));
    assert.ok(Number.isNaN(geometricMean([5], [0])));
  });
});
