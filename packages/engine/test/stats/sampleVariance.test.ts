import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sampleStandardDeviation, sampleVariance } from '../../src/stats/sampleVariance.js';
import { assertClose, NA } from '../approx.js';

describe('sampleVariance (n - 1)', () => {
  test('hand example', () => {
    // 2,4,4,4,5,5,7,9: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, 32 / 7
    assertClose(sampleVariance([2, 4, 4, 4, 5, 5, 7, 9]), 32 / 7);
  });

  test('two values', () => {
    // 1, 3: mean 2, (1 + 1) / 1 = 2
    assert.equal(sampleVariance([1, 3]), 2);
  });

  test('skips missing values (n counts present values only)', () => {
    // present 1, 2, 3: mean 2, (1 + 0 + 1) / 2 = 1
    assert.equal(sampleVariance([NA, 1, NA, 2, 3, NA]), 1);
  });

  test('a constant series has zero variance', () => {
    assert.equal(sampleVariance([7, 7, 7]), 0);
    // 3.3 * 3 / 3 rounds to 3.2999999999999994, yet equal values have no spread
    assert.equal(sampleVariance([3.3, 3.3, 3.3]), 0);
    assert.equal(sampleVariance([0.1, NA, 0.1, 0.1]), 0);
  });

  test('accurate for large values with a small spread (two passes)', () => {
    // 1e9 + {4, 7, 13, 16}: deviations -6, -3, 3, 6; (36 + 9 + 9 + 36) / 3 = 30
    assertClose(sampleVariance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]), 30);
  });

  test('fewer than two present values, empty or all missing give NaN', () => {
    assert.ok(Number.isNaN(sampleVariance([])));
    assert.ok(Number.isNaN(sampleVariance([5])));
    assert.ok(Number.isNaN(sampleVariance([NA, 5, NA])));
    assert.ok(Number.isNaN(sampleVariance([NA, NA])));
  });
});

describe('sampleStandardDeviation', () => {
  test('square root of the sample variance', () => {
    // 2,4,4,4,5,5,7,9: sqrt(32 / 7)
    assertClose(sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9]), Math.sqrt(32 / 7));
    // 1, 3: sqrt(2)
    assertClose(sampleStandardDeviation([1, NA, 3]), Math.SQRT2);
  });

  test('zero for a constant series, NaN below two values', () => {
    assert.equal(sampleStandardDeviation([8, 8]), 0);
    assert.ok(Number.isNaN(sampleStandardDeviation([8])));
    assert.ok(Number.isNaN(sampleStandardDeviation([])));
  });
});
