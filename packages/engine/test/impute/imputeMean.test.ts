import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fill, imputeMean } from '../../src/impute/imputeMean.js';
import { assertAllClose, assertAllMissing, NA } from '../approx.js';

describe('imputeMean', () => {
  test('fills each missing value with the mean of the present values', () => {
    // present 1, 3, 8: mean 12 / 3 = 4
    assertAllClose(imputeMean([1, NA, 3, NA, 8]), [1, 4, 3, 4, 8]);
  });

  test('present values are kept exactly, first and last positions included', () => {
    // present 2, 6: mean 4
    assertAllClose(imputeMean([NA, 2, 6, NA]), [4, 2, 6, 4]);
  });

  test('nothing missing: an unchanged copy', () => {
    const x = Float64Array.of(5, -1, 2);
    const out = imputeMean(x);
    assert.deepEqual([...out], [5, -1, 2]);
    assert.notEqual(out, x);
  });

  test('a single present value fills every gap', () => {
    assertAllClose(imputeMean([NA, 7, NA]), [7, 7, 7]);
  });

  test('all missing stays missing; empty stays empty', () => {
    assertAllMissing(imputeMean([NA, NA, NA]), 3);
    assert.equal(imputeMean([]).length, 0);
  });

  test('does not modify its input', () => {
    const x = [1, NA, 3];
    imputeMean(x);
    assert.ok(Number.isNaN(x[1]));
  });
});

describe('fill', () => {
  test('replaces only missing values with the filler', () => {
    assertAllClose(fill([NA, 0, NA, -2], 9), [9, 0, 9, -2]);
  });
});
