import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sampleExcessKurtosis } from '../../src/stats/sampleExcessKurtosis.js';
import { assertClose, NA } from '../approx.js';

// G2 = ((n + 1)(r - 3) + 6)(n - 1) / ((n - 2)(n - 3)), r = n sum(d^4) / sum(d^2)^2.
describe('sampleExcessKurtosis (type 2: Excel KURT, e1071 type 2)', () => {
  test("Excel's documented example: KURT(3,4,5,2,3,4,5,6,4,7) = -0.151799637", () => {
    assertClose(sampleExcessKurtosis([3, 4, 5, 2, 3, 4, 5, 6, 4, 7]), -0.15179963720841405);
  });

  test('hand example 1, 2, 3, 4 gives -1.2', () => {
    // mean 2.5, d = +-1.5, +-0.5: sum d^2 = 5, sum d^4 = 10.25, r = 4 * 10.25 / 25 = 1.64
    // G2 = (5 * (1.64 - 3) + 6) * 3 / (2 * 1) = (-6.8 + 6) * 1.5 = -1.2
    assertClose(sampleExcessKurtosis([1, 2, 3, 4]), -1.2);
  });

  test('hand example 0, 0, 0, 4 gives 4', () => {
    // mean 1, d = -1, -1, -1, 3: sum d^2 = 12, sum d^4 = 84, r = 4 * 84 / 144 = 7/3
    // G2 = (5 * (7/3 - 3) + 6) * 3 / (2 * 1) = (8/3) * (3/2) = 4
    assertClose(sampleExcessKurtosis([0, 0, 0, 4]), 4);
  });

  test('reference: e1071::kurtosis(c(1:10, 30, 100), type = 2) = 9.74139083456914', () => {
    assertClose(sampleExcessKurtosis([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]), 9.741390834569144);
  });

  test('skips missing values', () => {
    assertClose(sampleExcessKurtosis([NA, 1, 2, NA, 3, 4]), -1.2);
  });

  test('fewer than 4 present values, a constant series, empty or all missing give NaN', () => {
    assert.ok(Number.isNaN(sampleExcessKurtosis([1, 2, 3])));
    assert.ok(Number.isNaN(sampleExcessKurtosis([1, 2, NA, 3])));
    assert.ok(Number.isNaN(sampleExcessKurtosis([6, 6, 6, 6, 6])));
    assert.ok(Number.isNaN(sampleExcessKurtosis([3.3, 3.3, 3.3, 3.3])));
    assert.ok(Number.isNaN(sampleExcessKurtosis([0.1, 0.1, 0.1, NA, 0.1])));
    assert.ok(Number.isNaN(sampleExcessKurtosis([])));
    assert.ok(Number.isNaN(sampleExcessKurtosis([NA, NA, NA, NA])));
  });
});
