import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forecastSeries } from '../../src/forecast/forecastSeries.js';
import { predictiveQuantile, probabilityOfReaching } from '../../src/forecast/predictive.js';
import { trendModels } from '../../src/forecast/trendModels.js';

const series = (values: number[], from = 2016) =>
  values.map((value, i) => ({ t: from + i, value }));

/** No number of a forecast is NaN or infinite: each is finite or null. */
function assertNoNaN(value: unknown, path = 'forecast'): void {
  if (typeof value === 'number') assert.ok(Number.isFinite(value), `${path} is ${value}`);
  else if (Array.isArray(value))
    for (const [i, v] of value.entries()) assertNoNaN(v, `${path}[${i}]`);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) assertNoNaN(v, `${path}.${k}`);
}

test("a perfectly geometric series: the compound-growth projection (Open SDG's) with a near-zero interval", () => {
  // 10% a year from 20: 20, 22, 24.2, ...; 2025 is 20 * 1.1^9.
  const observed = series([0, 1, 2, 3, 4, 5].map((i) => 20 * 1.1 ** i));
  const f = forecastSeries(observed, 2025, { threshold: { value: 40, direction: 1 } });
  const expected = 20 * 1.1 ** 9;
  assert.equal(f.reason, null);
  assert.ok(Math.abs((f.projection as number) / expected - 1) < 1e-9, `${f.projection}`);
  for (const i of f.intervals)
    assert.ok((i.upper - i.lower) / expected < 1e-6, `${i.level}: ${i.lower} to ${i.upper}`);
  // The two exact models share the weight; the line and the damped trend missed the history.
  const exact = f.weights.filter((w) => w.model === 'compound' || w.model === 'log-linear');
  assert.ok(exact.reduce((s, w) => s + w.weight, 0) > 0.99, JSON.stringify(f.weights));
  assert.ok((f.probability as number) > 1 - 1e-9, `47.2 is certainly above 40: ${f.probability}`);
  assert.equal(f.weighted_by, 'backtest');
  assertNoNaN(f);
});

test('the intervals nest around the projection, and the backtest is shown for every model', () => {
  const f = forecastSeries(series([12.1, 13.0, 15.2, 15.9, 18.3, 18.8, 21.0]), 2027);
  const [i80, i95] = f.intervals;
  assert.ok(i80 && i95);
  assert.ok(i95.lower <= i80.lower && i80.lower <= (f.projection as number));
  assert.ok((f.projection as number) <= i80.upper && i80.upper <= i95.upper);
  assert.deepEqual(f.backtest.map((b) => b.model).sort(), Object.keys(trendModels).sort());
  // Origins 3 to 6, each forecasting every later point: 4 + 3 + 2 + 1.
  assert.ok(f.backtest.every((b) => b.forecasts === 10));
  assert.ok(Math.abs(f.weights.reduce((s, w) => s + w.weight, 0) - 1) < 1e-12);
  const best = f.backtest.reduce((a, b) => (b.mae < a.mae ? b : a));
  assert.equal(f.model, best.model, 'the named model is the backtest best');
  assertNoNaN(f);
});

test('too little data says so instead of guessing; no NaN anywhere', () => {
  for (const [values, reason] of [
    [[], /^no observations$/],
    [[5], /^1 observation: a forecast with an interval needs at least 3$/],
    [[5, 6], /^2 observations: a forecast with an interval needs at least 3$/],
  ] as const) {
    const f = forecastSeries(series([...values]), 2030, { threshold: { value: 9, direction: 1 } });
    assert.match(f.reason ?? '', reason);
    assert.equal(f.projection, null);
    assert.equal(f.probability, null);
    assert.deepEqual(f.intervals, []);
    assertNoNaN(f);
  }
});

test('three points: no backtest, equal weights', () => {
  const f = forecastSeries(series([10, 12, 13.5]), 2022);
  assert.equal(f.weighted_by, 'equal');
  assert.deepEqual(f.backtest, []);
  assert.ok(f.weights.every((w) => Math.abs(w.weight - 0.25) < 1e-12));
  assertNoNaN(f);
});

test('a time not after the data is refused with the reason', () => {
  const f = forecastSeries(series([10, 12, 13.5, 15]), 2018);
  assert.match(f.reason ?? '', /^2018 is not after the latest observation \(2019\)$/);
  assert.equal(f.projection, null);
});

test('values at or below zero: the log models are left out, saying why; the others forecast', () => {
  const f = forecastSeries(series([-3, -1, 0, 2, 3.5, 5]), 2024, {
    threshold: { value: 8, direction: 1 },
  });
  assert.equal(f.reason, null);
  assert.deepEqual(
    f.skipped.map((s) => s.model),
    ['compound', 'log-linear'],
  );
  assert.match(f.skipped[0]?.reason ?? '', /above zero/);
  assert.deepEqual(f.weights.map((w) => w.model).sort(), ['damped', 'linear']);
  assertNoNaN(f);
});

test('two values for one year are refused', () => {
  const f = forecastSeries(
    [
      { t: 2020, value: 1 },
      { t: 2020, value: 2 },
      { t: 2021, value: 3 },
    ],
    2025,
  );
  assert.match(f.reason ?? '', /two values for the same time \(2020\)/);
});

test("a share is held to 0-100: intervals and projection never leave the indicator's bounds", () => {
  const f = forecastSeries(series([70, 80, 88, 94, 97]), 2030, {
    bounds: { lower: 0, upper: 100 },
  });
  assert.ok((f.projection as number) <= 100);
  for (const i of f.intervals) assert.ok(i.upper <= 100 && i.lower >= 0, JSON.stringify(i));
});

test('a falling target: the probability of staying at or below it', () => {
  // Days to settle a file, falling about 10% a year from 10.
  const observed = series([10, 9.1, 8.0, 7.4, 6.5, 5.9]);
  const low = forecastSeries(observed, 2025, { threshold: { value: 5, direction: -1 } });
  const lower = forecastSeries(observed, 2025, { threshold: { value: 2, direction: -1 } });
  assert.ok((low.probability as number) > 0.5, `${low.probability}`);
  assert.ok((lower.probability as number) < (low.probability as number));
  const up = forecastSeries(observed, 2025, { threshold: { value: 5, direction: 1 } });
  assert.ok(Math.abs((up.probability as number) + (low.probability as number) - 1) < 1e-9);
});

test("the methodology's worked example: the straight line's prediction interval by hand", () => {
  // 10, 12, 13, 15 in 2020-2023: slope 8 / 5 = 1.6, mean 12.5 at 2021.5, SSE 0.2, s^2 = 0.1;
  // at 2025: 12.5 + 1.6 * 3.5 = 18.1, scale sqrt(0.1 * (1 + 1/4 + 3.5^2 / 5)) = 0.60828;
  // t(0.9, 2 df) = 1.88562: 80% from 16.953 to 19.247; P(Y >= 19) = 1 - T2(1.47957) = 0.13855.
  const p = trendModels.linear.fit([2020, 2021, 2022, 2023], [10, 12, 13, 15])(2025);
  assert.ok(Math.abs(p.location - 18.1) < 1e-12);
  assert.ok(Math.abs(p.scale - 0.608276) < 1e-6, `${p.scale}`);
  assert.equal(p.df, 2);
  assert.ok(Math.abs(predictiveQuantile(p, 0.9) - 19.247) < 1e-3);
  assert.ok(Math.abs(predictiveQuantile(p, 0.1) - 16.953) < 1e-3);
  assert.ok(Math.abs(probabilityOfReaching(p, 19, 1) - 0.13855) < 1e-4);
});
