import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { imputeMedian } from '../../src/impute/imputeMedian.js';
import { assertAllClose, assertAllMissing, NA } from '../approx.js';

describe('imputeMedian', () => {
  test('odd count of present values: the middle one', () => {
    // present 5, 1, 9 -> sorted 1, 5, 9 -> 5
    assertAllClose(imputeMedian([5, NA, 1, 9]), [5, 5, 1, 9]);
  });

  test('even count of present values: the mean of the middle two', () => {
    // present 1, 3, 10, 4 -> sorted 1, 3, 4, 10 -> 3.5
    assertAllClose(imputeMedian([1, NA, 3, 10, 4, NA]), [1, 3.5, 3, 10, 4, 3.5]);
  });

  test('robust to an outlier, unlike the mean', () => {
    // present 1, 2, 1000 -> median 2 (the mean would be 334.33)
    assertAllClose(imputeMedian([1, 2, 1000, NA]), [1, 2, 1000, 2]);
  });

  test('all missing stays missing; empty stays empty; nothing missing is unchanged', () => {
    assertAllMissing(imputeMedian([NA, NA]), 2);
    assert.equal(imputeMedian([]).length, 0);
    assertAllClose(imputeMedian([3, 1, 2]), [3, 1, 2]);
  });

  test('does not modify its input', () => {
    const x = Float64Array.of(NA, 3, 1);
    imputeMedian(x);
    assert.ok(Number.isNaN(x[0]));
    assert.equal(x[1], 3);
  });
});
