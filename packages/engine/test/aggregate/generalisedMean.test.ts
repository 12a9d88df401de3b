import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generalisedMean } from '../../src/aggregate/generalisedMean.js';
import { assertClose, NA } from '../approx.js';

describe('generalisedMean (weighted power mean)', () => {
  test('p = 2: the quadratic mean', () => {
    // sqrt((3^2 + 4^2) / 2) = sqrt(12.5)
    assertClose(generalisedMean([3, 4], [1, 1], 2), Math.sqrt(12.5));
    // weighted: sqrt((1*9 + 3*16) / 4) = sqrt(57 / 4)
    assertClose(generalisedMean([3, 4], [1, 3], 2), Math.sqrt(57 / 4));
  });

  test('p = 1 is the arithmetic mean', () => {
    // (1*10 + 1*20 + 2*60) / 4 = 37.5
    assertClose(generalisedMean([10, 20, 60], [1, 1, 2], 1), 37.5);
  });

  test('p = -1 is the harmonic mean', () => {
    // 3 / (1 + 1/4 + 1/4) = 2
    assertClose(generalisedMean([1, 4, 4], [1, 1, 1], -1), 2);
  });

  test('p = 0 is the geometric mean', () => {
    // (1 * 4 * 16)^(1/3) = 4
    assertClose(generalisedMean([1, 4, 16], [1, 1, 1], 0), 4);
  });

  test('p = 0.5', () => {
    // ((sqrt 1 + sqrt 9) / 2)^2 = (4 / 2)^2 = 4
    assertClose(generalisedMean([1, 9], [1, 1], 0.5), 4);
  });

  test('a missing child is left out and the remaining weights renormalised', () => {
    // sqrt((9 + 16) / 2)
    assertClose(generalisedMean([3, NA, 4], [1, 5, 1], 2), Math.sqrt(12.5));
  });

  test('a zero child: 0 when p < 0; counted as 0 when p > 0', () => {
    assert.equal(generalisedMean([0, 4], [1, 1], -2), 0);
    // sqrt((0 + 16) / 2) = sqrt(8)
    assertClose(generalisedMean([0, 4], [1, 1], 2), Math.sqrt(8));
  });

  test('a negative child gives NaN', () => {
    assert.ok(Number.isNaN(generalisedMean([-1, 4], [1, 1], 2)));
  });

  test('no present child, no children, zero total weight: NaN', () => {
    assert.ok(Number.isNaN(generalisedMean([NA, NA], [1, 1], 2)));
    assert.ok(Number.isNaN(generalisedMean([], [], 3)));
    assert.ok(Number.isNaN(generalisedMean([2], [0], 2)));
  });
});
