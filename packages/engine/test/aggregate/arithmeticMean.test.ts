import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { arithmeticMean } from '../../src/aggregate/arithmeticMean.js';
import { assertClose, NA } from '../approx.js';

describe('arithmeticMean (weighted)', () => {
  test('equal weights: the plain mean', () => {
    // (10 + 20 + 60) / 3 = 30
    assertClose(arithmeticMean([10, 20, 60], [1, 1, 1]), 30);
  });

  test('weights need not sum to 1', () => {
    // (1*10 + 1*20 + 2*60) / 4 = 150 / 4 = 37.5
    assertClose(arithmeticMean([10, 20, 60], [1, 1, 2]), 37.5);
    // the same weights scaled: (0.25*10 + 0.25*20 + 0.5*60) / 1 = 37.5
    assertClose(arithmeticMean([10, 20, 60], [0.25, 0.25, 0.5]), 37.5);
  });

  test('a missing child is left out and the remaining weights renormalised', () => {
    // (1*10 + 2*60) / (1 + 2) = 130 / 3
    assertClose(arithmeticMean([10, NA, 60], [1, 1, 2]), 130 / 3);
  });

  test('a single present child is the mean, whatever its weight', () => {
    assertClose(arithmeticMean([NA, 42, NA], [5, 0.1, 5]), 42);
  });

  test('zero and negative scores are averaged as they are', () => {
    // (0 + -10 + 40) / 3 = 10
    assertClose(arithmeticMean([0, -10, 40], [1, 1, 1]), 10);
  });

  test('a constant set of children gives the constant', () => {
    assertClose(arithmeticMean([7, 7, 7], [1, 2, 3]), 7);
  });

  test('no present child, no children, or zero total weight of the present ones: NaN', () => {
    assert.ok(Number.isNaN(arithmeticMean([NA, NA], [1, 1])));
    assert.ok(Number.isNaN(arithmeticMean([], [])));
    assert.ok(Number.isNaN(arithmeticMean([5, NA], [0, 1])));
  });
});
