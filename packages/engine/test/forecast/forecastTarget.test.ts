import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forecastTarget } from '../../src/forecast/forecastTarget.js';
import { assessTarget, type Observation } from '../../src/targets/assessTarget.js';
import type { Target } from '../../src/targets/schema.js';

const target = (extra: Partial<Target> = {}): Target => ({
  id: 'TQ-DE',
  plan: 'TQ-DX',
  unit: 'VN-08',
  indicator: 'de_grdp_share',
  target_period: '2025',
  target_value: 20,
  direction: 1,
  unit_of_measure: '%',
  ...extra,
});
const series = (values: Record<string, number>): Observation[] =>
  Object.entries(values).map(([period, value]) => ({ period, value }));

// A digital-economy share growing about 13% a year from 4.1% of GRDP in 2019.
const share = series({ 2019: 4.1, 2020: 4.7, 2021: 5.2, 2022: 5.9, 2023: 6.7, 2024: 7.5 });

test("a share far below its target: a small probability, Open SDG's status beside it, a fan to the target year", () => {
  const f = forecastTarget(target(), share);
  assert.deepEqual(f.assessment, assessTarget(target(), share));
  assert.equal(f.forecast.reason, null);
  assert.ok((f.forecast.probability as number) < 0.05, `${f.forecast.probability}`);
  assert.equal(f.assessment.status, 'off-track');
  // One year to go: the fan is the target year alone, equal to the forecast.
  assert.deepEqual(
    f.fan.map((p) => p.time),
    [2025],
  );
  assert.equal(f.fan[0]?.projection, f.forecast.projection);
  const far = forecastTarget(target({ target_period: '2030', target_value: 30 }), share);
  assert.deepEqual(
    far.fan.map((p) => p.time),
    [2025, 2026, 2027, 2028, 2029, 2030],
  );
  // The fan opens as it goes.
  const widths = far.fan.map((p) =>
    Math.log((p.intervals[1]?.upper as number) / (p.intervals[1]?.lower as number)),
  );
  for (let i = 1; i < widths.length; i++)
    assert.ok((widths[i] as number) >= (widths[i - 1] as number));
});

test('the probability rises as the target is nearer the trend, and the target value matters in its direction', () => {
  const p = (value: number, direction: 1 | -1 = 1) =>
    forecastTarget(target({ target_value: value, direction }), share).forecast
      .probability as number;
  assert.ok(p(7) > p(8.5) && p(8.5) > p(10), `${p(7)} ${p(8.5)} ${p(10)}`);
  assert.ok(p(8.5, -1) > p(7, -1));
});

test('a target period before the latest data: the data decide, and the forecast says why', () => {
  const f = forecastTarget(target({ target_period: '2022', target_value: 5 }), share);
  assert.equal(f.assessment.status, 'achieved');
  assert.match(
    f.forecast.reason ?? '',
    /^the target period 2022 is not after the latest observation \(2022\): the data decide$/,
  );
  assert.equal(f.forecast.probability, null);
  assert.deepEqual(f.fan, []);
});

test('a unit without history: no forecast, a reason, no NaN', () => {
  const f = forecastTarget(target(), []);
  assert.equal(f.forecast.reason, 'no observations');
  assert.equal(f.forecast.projection, null);
  assert.equal(f.assessment.status, 'insufficient-data');
  assert.ok(!JSON.stringify(f.forecast).includes('NaN'));
});

test('as of a period: later observations are not used', () => {
  const f = forecastTarget(target(), share, { asOf: '2022' });
  const g = forecastTarget(target(), share.slice(0, 4));
  assert.deepEqual(f.forecast, g.forecast);
});
