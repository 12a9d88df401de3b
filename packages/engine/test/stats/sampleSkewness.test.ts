import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sampleSkewness } from '../../src/stats/sampleSkewness.js';
import { assertClose, NA } from '../approx.js';

describe('sampleSkewness (type 2: Excel SKEW, e1071 type 2)', () => {
  test("Excel's documented example: SKEW(3,4,5,2,3,4,5,6,4,7) = 0.359543071", () => {
    assertClose(sampleSkewness([3, 4, 5, 2, 3, 4, 5, 6, 4, 7]), 0.35954307140679753);
  });

  test('hand example 0, 0, 3 gives sqrt(3)', () => {
    // mean 1, d = -1, -1, 2: sum d^2 = 6, sum d^3 = 6
    // g1 = sqrt(3) * 6 / 6^1.5 = 1/sqrt(2); G1 = g1 * sqrt(3 * 2) / (3 - 2) = sqrt(3)
    assertClose(sampleSkewness([0, 0, 3]), Math.sqrt(3));
  });

  test('hand example 0, 0, 0, 4 gives 2', () => {
    // mean 1, d = -1, -1, -1, 3: sum d^2 = 12, sum d^3 = 24
    // g1 = 2 * 24 / 12^1.5 = 2/sqrt(3); G1 = g1 * sqrt(12) / 2 = 2
    assertClose(sampleSkewness([0, 0, 0, 4]), 2);
  });

  test('sign follows the long tail; a symmetric series has zero skew', () => {
    assertClose(sampleSkewness([0, 0, -3]), -Math.sqrt(3));
    assertClose(sampleSkewness([1, 2, 3, 4]), 0);
  });

  test('reference: e1071::skewness(c(1:10, 30, 100), type = 2) = 3.0632410342395', () => {
    assertClose(sampleSkewness([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]), 3.0632410342394993);
  });

  test('skips missing values', () => {
    assertClose(sampleSkewness([NA, 0, 0, NA, 3]), Math.sqrt(3));
  });

  test('shift and positive scale do not change it', () => {
    // 10 + 5 * (0, 0, 3) = 10, 10, 25
    assertClose(sampleSkewness([10, 10, 25]), Math.sqrt(3));
  });

  test('fewer than 3 present values, a constant series, empty or all missing give NaN', () => {
    assert.ok(Number.isNaN(sampleSkewness([1, 5])));
    assert.ok(Number.isNaN(sampleSkewness([1, NA, 5])));
    assert.ok(Number.isNaN(sampleSkewness([4, 4, 4, 4])));
    // 3.3 * 3 / 3 rounds to 3.2999999999999994: the spread must still count as zero
    assert.ok(Number.isNaN(sampleSkewness([3.3, 3.3, 3.3])));
    assert.ok(Number.isNaN(sampleSkewness([0.1, NA, 0.1, 0.1])));
    assert.ok(Number.isNaN(sampleSkewness([])));
    assert.ok(Number.isNaN(sampleSkewness([NA, NA, NA])));
  });
});
