import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linearTrend } from '../../src/targets/linearTrend.js';
import { assertClose } from '../approx.js';

test('least squares through 2020: 40, 2021: 30, 2022: 24', () => {
  // mean t = 2021, mean y = 94/3; sum dt dy = (-1)(40 - 94/3) + (1)(24 - 94/3) = -16; sum dt^2 = 2.
  const { slope, intercept } = linearTrend([2020, 2021, 2022], [40, 30, 24]);
  assertClose(slope, -8);
  assertClose(intercept + slope * 2021, 94 / 3);
});

test('two points: the line through them', () => {
  const { slope, intercept } = linearTrend([2021, 2023], [0, 60]);
  assertClose(slope, 30);
  assertClose(intercept + slope * 2025, 120);
});

test("matches Excel's SLOPE and INTERCEPT on x = 1..5, y = 2, 4, 5, 4, 5", () => {
  // SLOPE = 0.6, INTERCEPT = 2.2 (the usual textbook example).
  const { slope, intercept } = linearTrend([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
  assertClose(slope, 0.6);
  assertClose(intercept, 2.2);
});

test('fewer than two distinct times give NaN', () => {
  assert.ok(Number.isNaN(linearTrend([2020], [5]).slope));
  assert.ok(Number.isNaN(linearTrend([2020, 2020], [5, 6]).slope));
  assert.ok(Number.isNaN(linearTrend([], []).intercept));
});
