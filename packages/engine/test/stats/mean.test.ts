import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mean } from '../../src/stats/mean.js';

test('mean skips missing values', () => {
  assert.equal(mean([1, Number.NaN, 2, 6]), 3);
});

test('mean of no present value is NaN', () => {
  assert.ok(Number.isNaN(mean([])));
  assert.ok(Number.isNaN(mean([Number.NaN])));
});

test('mean of a single value is that value', () => {
  assert.equal(mean([7.5]), 7.5);
  assert.equal(mean([Number.NaN, 7.5, Number.NaN]), 7.5);
});

test('mean of a constant series is the constant', () => {
  assert.equal(mean([4, 4, 4, 4]), 4);
});

test('mean of negative and mixed values', () => {
  // (-3 + -1 + 10) / 3 = 2
  assert.equal(mean([-3, -1, 10]), 2);
  // (0.5 + 1.5 + 2.5 + 3.5) / 4 = 2
  assert.equal(mean(Float64Array.of(0.5, 1.5, 2.5, 3.5)), 2);
});

test('mean of a missing value at the start and end divides by the present count only', () => {
  // (2 + 4) / 2 = 3, not (2 + 4) / 4
  assert.equal(mean([Number.NaN, 2, 4, Number.NaN]), 3);
});
