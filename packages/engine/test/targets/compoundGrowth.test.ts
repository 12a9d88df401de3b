import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compoundGrowth } from '../../src/targets/compoundGrowth.js';
import { assertClose } from '../approx.js';

test('compound annual growth: 100 -> 121 over 2 years is 10% a year', () => {
  assertClose(compoundGrowth(100, 121, 2), 0.1);
});

test('a fall gives negative growth: 16 -> 9 over 2 years is -25% a year (sqrt(9/16) = 0.75)', () => {
  assertClose(compoundGrowth(16, 9, 2), -0.25);
});

test('fractional spans: 100 -> 110.25 over half a year is 21.550625% a year (1.1025^2)', () => {
  assertClose(compoundGrowth(100, 110.25, 0.5), 1.1025 ** 2 - 1);
});

test('no compound rate from or to zero or a negative value, or over no time', () => {
  assert.ok(Number.isNaN(compoundGrowth(0, 10, 2)));
  assert.ok(Number.isNaN(compoundGrowth(10, 0, 2)));
  assert.ok(Number.isNaN(compoundGrowth(-5, 10, 2)));
  assert.ok(Number.isNaN(compoundGrowth(5, 10, 0)));
  assert.ok(Number.isNaN(compoundGrowth(Number.NaN, 10, 1)));
});
