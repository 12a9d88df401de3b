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
