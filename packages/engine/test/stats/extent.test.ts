import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extent } from '../../src/stats/extent.js';
import { NA } from '../approx.js';

describe('extent', () => {
  test('min and max of unsorted values, negatives included', () => {
    assert.deepEqual(extent([3, -7, 12, 0, 5]), [-7, 12]);
  });

  test('skips missing values wherever they are, first and last included', () => {
    assert.deepEqual(extent([NA, 4, NA, -2, 9, NA]), [-2, 9]);
  });

  test('a single value is both min and max', () => {
    assert.deepEqual(extent([42]), [42, 42]);
    assert.deepEqual(extent([NA, 42, NA]), [42, 42]);
  });

  test('constant series: min = max', () => {
    assert.deepEqual(extent([5, 5, 5]), [5, 5]);
  });

  test('empty and all-missing give [NaN, NaN]', () => {
    assert.deepEqual(extent([]), [NA, NA]);
    assert.deepEqual(extent([NA, NA]), [NA, NA]);
  });

  test('works on typed arrays and with infinities', () => {
    assert.deepEqual(extent(Float64Array.of(1, Number.NEGATIVE_INFINITY, 2)), [
      Number.NEGATIVE_INFINITY,
      2,
    ]);
    assert.deepEqual(extent(Int32Array.of(10, -3, 7)), [-3, 10]);
  });
});
