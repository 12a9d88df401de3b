import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { quantile, quantileSorted } from '../../src/stats/quantile.js';
import { assertClose, NA } from '../approx.js';

// R type 7: h = (n - 1) p, Q = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
describe('quantile (R type 7)', () => {
  const oneToTen = [7, 3, 10, 1, 5, 9, 2, 8, 4, 6];

  test('R reference: quantile(1:10, c(0.1, 0.25, 0.5, 0.75, 0.9))', () => {
    // R: 1.90 3.25 5.50 7.75 9.10
    // p = 0.25: h = 9 * 0.25 = 2.25 -> 3 + 0.25 * (4 - 3) = 3.25
    assertClose(quantile(oneToTen, 0.1), 1.9);
    assertClose(quantile(oneToTen, 0.25), 3.25);
    assertClose(quantile(oneToTen, 0.5), 5.5);
    assertClose(quantile(oneToTen, 0.75), 7.75);
    assertClose(quantile(oneToTen, 0.9), 9.1);
  });

  test('p = 0 is the minimum and p = 1 the maximum', () => {
    assert.equal(quantile(oneToTen, 0), 1);
    assert.equal(quantile(oneToTen, 1), 10);
  });

  test('interpolates between unequal gaps', () => {
    // sorted 0, 10, 40; p = 0.75: h = 2 * 0.75 = 1.5 -> 10 + 0.5 * (40 - 10) = 25
    assert.equal(quantile([40, 0, 10], 0.75), 25);
  });

  test('sorts numerically, negatives included', () => {
    // sorted -20, -1, 3, 100; p = 1/3: h = 3 * 1/3 = 1 -> -1
    assertClose(quantile([3, -1, 100, -20], 1 / 3), -1);
  });

  test('skips missing values', () => {
    // present 2, 4, 6, 8; p = 0.5: h = 1.5 -> 4 + 0.5 * 2 = 5
    assert.equal(quantile([NA, 8, 2, NA, 6, 4], 0.5), 5);
  });

  test('ties: a flat stretch gives the tied value', () => {
    // sorted 1, 5, 5, 5, 9; p = 0.4: h = 1.6 -> 5 + 0.6 * 0 = 5
    assert.equal(quantile([5, 9, 5, 1, 5], 0.4), 5);
  });

  test('a single value is every quantile; a constant series too', () => {
    assert.equal(quantile([NA, 7], 0), 7);
    assert.equal(quantile([7], 0.37), 7);
    assert.equal(quantile([2, 2, 2], 0.8), 2);
  });

  test('empty and all-missing give NaN', () => {
    assert.ok(Number.isNaN(quantile([], 0.5)));
    assert.ok(Number.isNaN(quantile([NA, NA], 0.5)));
  });

  test('p outside [0, 1] or NaN gives NaN', () => {
    assert.ok(Number.isNaN(quantile([1, 2, 3], -0.1)));
    assert.ok(Number.isNaN(quantile([1, 2, 3], 1.1)));
    assert.ok(Number.isNaN(quantile([1, 2, 3], NA)));
  });
});

describe('quantileSorted', () => {
  test('reads already-sorted values without sorting them', () => {
    // h = 3 * 0.5 = 1.5 -> 20 + 0.5 * (30 - 20) = 25
    assert.equal(quantileSorted([10, 20, 30, 40], 0.5), 25);
    assert.equal(quantileSorted(Float64Array.of(10, 20, 30, 40), 1), 40);
  });

  test('empty input gives NaN', () => {
    assert.ok(Number.isNaN(quantileSorted([], 0.5)));
  });
});
