import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Observation } from '../../src/targets/assessTarget.js';
import { scalingFactor, trendProgress } from '../../src/targets/trendProgress.js';
import { assertClose } from '../approx.js';

// Open SDG's progress of an indicator without a target (sdg-build, ProgressMeasure.py,
// "methodology 1"); every expected number is worked out by hand beside it.

const series = (values: Record<string, number>): Observation[] =>
  Object.entries(values).map(([period, value]) => ({ period, value }));

test('the growth thresholds: 1.5% on track, 0.5% acceleration needed, 0 limited, below it regressing', () => {
  // 50 -> 53 over 3 years: 1.06^(1/3) - 1 = 1.9613%.
  const fast = trendProgress(series({ 2020: 50, 2023: 53 }), 1);
  assertClose(fast.progress as number, 0.019613, 1e-5);
  assert.equal(fast.status, 'on-track');
  // 50 -> 51: 1.02^(1/3) - 1 = 0.6623%.
  const some = trendProgress(series({ 2020: 50, 2023: 51 }), 1);
  assertClose(some.progress as number, 0.006623, 1e-5);
  assert.deepEqual([some.status, some.grade], ['off-track', 'acceleration-needed']);
  // 50 -> 50.5: 1.01^(1/3) - 1 = 0.3322%.
  const little = trendProgress(series({ 2020: 50, 2023: 50.5 }), 1);
  assert.deepEqual([little.status, little.grade], ['off-track', 'limited']);
  const worse = trendProgress(series({ 2020: 50, 2023: 49 }), 1);
  assert.equal(worse.status, 'regressing');
  // Lower is better: the same fall is progress, 1 - 0.98^(1/3) = 0.6711% a year.
  const fewer = trendProgress(series({ 2020: 50, 2023: 49 }), -1);
  assertClose(fewer.progress as number, 0.0067114, 1e-6);
  assert.equal(fewer.grade, 'acceleration-needed');
});

test("near a natural limit the positive thresholds shrink by Open SDG's scaling factor", () => {
  // A share at 98% of 100: C = 1 - 0.98^4.44 = 0.085795; on track from 0.015 * C = 0.1287% a year.
  // 98 -> 98.5 over 3 years: (98.5 / 98)^(1/3) - 1 = 0.1698%: on track near the limit, limited without it.
  const near = trendProgress(series({ 2020: 98, 2023: 98.5 }), 1, { limit: 100 });
  assertClose(near.coefficient, 0.085795, 1e-5);
  assertClose(near.thresholds.high, 0.0012869, 1e-6);
  assert.equal(near.thresholds.low, 0, 'the zero threshold is not scaled');
  assert.equal(near.status, 'on-track');
  const plain = trendProgress(series({ 2020: 98, 2023: 98.5 }), 1);
  assert.deepEqual([plain.status, plain.grade], ['off-track', 'limited']);
});

test('the scaling factor: 0 at the limit, 1 at zero and from twice the limit, symmetric in between', () => {
  assert.equal(scalingFactor(100, 100), 0);
  assert.equal(scalingFactor(0, 100), 1);
  assert.equal(scalingFactor(200, 100), 1);
  // 1 - 0.5^4.44 = 0.953932, at half the limit and at one and a half times it.
  assertClose(scalingFactor(50, 100), 0.953932, 1e-5);
  assertClose(scalingFactor(150, 100), 0.953932, 1e-5);
});

test('as Open SDG: a base of 0 counts as 0.001; negative values use their ratio and the sign', () => {
  // 0 -> 2 over 2 years: (2 / 0.001)^(1/2) - 1 = 43.72.
  const fromZero = trendProgress(series({ 2021: 0, 2023: 2 }), 1);
  assertClose(fromZero.progress as number, 43.72136, 1e-4);
  // A balance from -10 to -8 (higher is better): sign -1, CAGR (0.8)^(1/2) - 1 = -10.557%, progress +10.557%.
  const balance = trendProgress(series({ 2021: -10, 2023: -8 }), 1);
  assertClose(balance.progress as number, 0.105573, 1e-5);
  assert.equal(balance.status, 'on-track');
});

test('insufficient data: one year, opposite signs, nothing', () => {
  assert.equal(trendProgress(series({ 2023: 5 }), 1).status, 'insufficient-data');
  assert.equal(trendProgress(series({ 2021: -2, 2023: 3 }), 1).status, 'insufficient-data');
  const none = trendProgress([], 1);
  assert.deepEqual(
    [none.status, none.progress, none.base_period],
    ['insufficient-data', null, null],
  );
});

test('the base period: its value, else the first after it (as Open SDG with base year 2015)', () => {
  const p = trendProgress(series({ 2014: 10, 2016: 20, 2019: 23 }), 1, { basePeriod: '2015' });
  assert.equal(p.base_period, '2016');
  // 20 -> 23 over 3 years: 1.15^(1/3) - 1 = 4.769%.
  assertClose(p.progress as number, 0.04769, 1e-5);
});
