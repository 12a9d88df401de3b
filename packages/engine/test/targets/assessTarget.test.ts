import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessTarget, type Observation } from '../../src/targets/assessTarget.js';
import type { Target } from '../../src/targets/schema.js';
import { assertClose } from '../approx.js';

// Every expected number is worked out by hand in the comment beside it; the same examples are
// written out in docs/methodology.md ("Targets and progress").

const target = (extra: Partial<Target> = {}): Target => ({
  id: 'T',
  plan: 'P',
  unit: 'HP',
  indicator: 'x',
  target_period: '2025',
  target_value: 20,
  direction: 1,
  ...extra,
});

const series = (values: Record<string, number>): Observation[] =>
  Object.entries(values).map(([period, value]) => ({ period, value }));

test('higher is better, CAGR: the digital economy at 6.19% of GRDP against 20% by 2025', () => {
  // Baseline 5 (2020), latest 6.19 (2023), target 20 (2025).
  // required = (20 / 5)^(1/5) - 1 = 4^0.2 - 1 = 0.3195079...
  // observed = (6.19 / 5)^(1/3) - 1 = 1.238^(1/3) - 1 = 0.0737592...
  // progress = 0.0737592 / 0.3195079 = 0.2308524 -> off-track, limited (below 0.60)
  // projected = 6.19 * 1.0737592^2 = 7.1368146
  const a = assessTarget(target(), series({ 2020: 5, 2021: 5.4, 2022: 6.02, 2023: 6.19 }));
  assert.equal(a.status, 'off-track');
  assert.equal(a.grade, 'limited');
  assert.equal(a.method, 'cagr');
  assert.equal(a.baseline_period, '2020');
  assert.equal(a.latest_period, '2023');
  assert.equal(a.latest_value, 6.19);
  assertClose(a.required_growth, 0.3195079107728942);
  assertClose(a.observed_growth, 0.07375915959666268);
  assertClose(a.progress, 0.23085237363368633);
  assertClose(a.projected_value, 7.136814556141757);
});

test('on track: growth exactly as required gives progress 1 and a projection on the target', () => {
  // 100 (2020) -> 110 (2021) is 10% a year; 121 by 2022 needs 10% a year.
  const a = assessTarget(
    target({ target_period: '2022', target_value: 121 }),
    series({ 2020: 100, 2021: 110 }),
  );
  assert.equal(a.status, 'on-track');
  assert.equal(a.grade, null);
  assertClose(a.progress, 1);
  assertClose(a.projected_value, 121);
});

test('lower is better, CAGR: days to settle a file, 16 -> 9 against 4 by 2024', () => {
  // required = (4 / 16)^(1/4) - 1 = -0.2928932; observed = (9 / 16)^(1/2) - 1 = -0.25
  // progress = d * observed / |required| = (-1)(-0.25) / 0.2928932 = 0.8535534
  //   -> off-track, acceleration needed (0.60 to 0.95)
  // projected = 9 * 0.75^2 = 5.0625 (still above 4)
  const a = assessTarget(
    target({ direction: -1, target_period: '2024', target_value: 4 }),
    series({ 2020: 16, 2022: 9 }),
  );
  assert.equal(a.status, 'off-track');
  assert.equal(a.grade, 'acceleration-needed');
  assertClose(a.required_growth, -0.2928932188134524);
  assertClose(a.observed_growth, -0.25);
  assertClose(a.progress, 0.853553390593274);
  assertClose(a.projected_value, 5.0625);
});

test('lower is better, linear: the same series is on track by its annual change', () => {
  // slope = (9 - 16) / 2 = -3.5 a year; required = (4 - 16) / 4 = -3 a year
  // progress = (-1)(-3.5) / 3 = 1.1666667 -> on-track; projected = 9 - 3.5 * 2 = 2
  const a = assessTarget(
    target({ direction: -1, target_period: '2024', target_value: 4 }),
    series({ 2020: 16, 2022: 9 }),
    { method: 'linear' },
  );
  assert.equal(a.status, 'on-track');
  assert.equal(a.method, 'linear');
  assertClose(a.observed_growth, -3.5);
  assertClose(a.required_growth, -3);
  assertClose(a.progress, 3.5 / 3);
  assertClose(a.projected_value, 2);
});

test('regressing: higher is better but the series falls', () => {
  // required = (80 / 50)^(1/5) - 1 > 0; observed = (45 / 50)^(1/2) - 1 < 0 -> progress < 0
  const a = assessTarget(target({ target_value: 80 }), series({ 2020: 50, 2022: 45 }));
  assert.equal(a.status, 'regressing');
  assert.equal(a.grade, null);
  assert.ok(a.progress < 0);
});

test('lower is better and regressing: the series rises', () => {
  const a = assessTarget(
    target({ direction: -1, target_value: 5 }),
    series({ 2020: 10, 2021: 11 }),
  );
  assert.equal(a.status, 'regressing');
});

test('achieved: the latest value meets the target (either direction), whatever the trend', () => {
  assert.equal(assessTarget(target(), series({ 2020: 25, 2023: 20 })).status, 'achieved');
  const lower = target({ direction: -1, target_value: 4 });
  assert.equal(assessTarget(lower, series({ 2020: 16, 2023: 4 })).status, 'achieved');
  // One observation is enough to know that a target is met.
  assert.equal(assessTarget(target(), series({ 2024: 21 })).status, 'achieved');
});

test('insufficient data: fewer than two observations, or none', () => {
  const one = assessTarget(target(), series({ 2023: 6.19 }));
  assert.equal(one.status, 'insufficient-data');
  assert.equal(one.latest_value, 6.19);
  assert.ok(Number.isNaN(one.progress));
  const none = assessTarget(target(), series({ 2023: Number.NaN }));
  assert.equal(none.status, 'insufficient-data');
  assert.equal(none.latest_period, null);
  assert.equal(none.baseline_period, null);
});

test('a series that touches zero: the target 0 falls back to the linear method', () => {
  // Overdue files 40 (2020), 32 (2021), 24 (2022); target 0 by 2025, lower is better.
  // (0 / 40) has no compound rate, so linear: slope -8; required (0 - 40) / 5 = -8
  // progress = (-1)(-8) / 8 = 1 -> on-track; projected = 24 - 8 * 3 = 0
  const a = assessTarget(
    target({ direction: -1, target_value: 0 }),
    series({ 2020: 40, 2021: 32, 2022: 24 }),
  );
  assert.equal(a.method, 'linear');
  assert.equal(a.status, 'on-track');
  assertClose(a.observed_growth, -8);
  assertClose(a.required_growth, -8);
  assertClose(a.progress, 1);
  assertClose(a.projected_value, 0);
});

test('a series that starts at zero: linear fallback', () => {
  // E-invoices 0% (2021) -> 60% (2023); 100% by 2025: slope 30, required 25 -> progress 1.2
  const a = assessTarget(target({ target_value: 100 }), series({ 2021: 0, 2023: 60 }));
  assert.equal(a.method, 'linear');
  assert.equal(a.status, 'on-track');
  assertClose(a.progress, 1.2);
  assertClose(a.projected_value, 120);
  // The trend's 120 is no share: with the unit "%" the projection is held at 100.
  const share = assessTarget(
    target({ target_value: 100, unit_of_measure: '%' }),
    series({ 2021: 0, 2023: 60 }),
  );
  assertClose(share.projected_value_unbounded, 120);
  assert.equal(share.projected_value, 100);
  assert.equal(share.projection_bounded, 'upper');
  assertClose(share.progress, 1.2);
});

test('a baseline given with its value replaces the earliest observation', () => {
  // Baseline 100 in 2019 (before the data); latest 121 (2021): observed 10%; 133.1 by 2022 needs 10%.
  const a = assessTarget(
    target({
      target_period: '2022',
      target_value: 133.1,
      baseline_period: '2019',
      baseline_value: 100,
    }),
    series({ 2020: 105, 2021: 121 }),
  );
  assert.equal(a.baseline_period, '2019');
  assert.equal(a.baseline_value, 100);
  assertClose(a.observed_growth, 0.1);
  assertClose(a.progress, 1);
});

test('a baseline period alone takes its value from the data; earlier values are not used', () => {
  // Baseline 2021: 100; latest 2022: 110 -> 10%; target 133.1 by 2024 needs 10% a year.
  const a = assessTarget(
    target({ target_period: '2024', target_value: 133.1, baseline_period: '2021' }),
    series({ 2019: 5, 2020: 500, 2021: 100, 2022: 110 }),
    { method: 'linear' },
  );
  assert.equal(a.baseline_value, 100);
  // Linear from the baseline on: slope (110 - 100) / 1 = 10, required (133.1 - 100) / 3.
  assertClose(a.observed_growth, 10);
  assertClose(a.required_growth, 33.1 / 3);
});

test('as of a period: later observations are left out', () => {
  const s = series({ 2020: 100, 2021: 110, 2022: 50 });
  const t = target({ target_period: '2023', target_value: 133.1 });
  assert.equal(assessTarget(t, s, { asOf: '2021' }).status, 'on-track');
  assert.equal(assessTarget(t, s, { asOf: '2021' }).latest_period, '2021');
  assert.equal(assessTarget(t, s).status, 'regressing');
  assert.equal(assessTarget(t, s, { asOf: '2020' }).status, 'insufficient-data');
});

test('a target is judged on the data up to its deadline', () => {
  // 2025 target 20; 2026 already 22 but 2025 was 15: not achieved by the deadline.
  const a = assessTarget(target(), series({ 2020: 5, 2025: 15, 2026: 22 }));
  assert.equal(a.latest_period, '2025');
  assert.notEqual(a.status, 'achieved');
});

test('baseline already at the target, latest slipped: any fall is regressing', () => {
  // Required growth is 0 (baseline = target = 20); the series fell to 18.
  const a = assessTarget(target(), series({ 2020: 20, 2022: 18 }));
  assert.equal(a.status, 'regressing');
  assert.equal(a.progress, -Infinity);
});

test('quarterly data: time is counted in years', () => {
  // 2024Q1 = 2024.0, 2024Q3 = 2024.5: 100 -> 110 in half a year is 21% a year (1.1^2 - 1).
  const a = assessTarget(
    target({ target_period: '2025', target_value: 121 }),
    series({ '2024Q1': 100, '2024Q3': 110 }),
  );
  assertClose(a.observed_growth, 0.21);
  // required: (121 / 100)^(1/1) - 1 = 0.21 -> progress 1
  assertClose(a.progress, 1);
});

test('a share trending past 100% is projected at 100, and says so', () => {
  // Linear: 40 (2021) -> 89.9 (2024), slope 49.9 / 3 = 16.6333... a year; by 2027 the trend
  // reaches 89.9 + 3 * 16.6333... = 139.8, but a share (unit "%") stays within 0-100.
  const observed = series({ 2021: 40, 2024: 89.9 });
  const share = target({ target_period: '2027', target_value: 95, unit_of_measure: '%' });
  const a = assessTarget(share, observed, { method: 'linear' });
  assertClose(a.projected_value_unbounded, 139.8);
  assert.equal(a.projected_value, 100);
  assert.equal(a.projection_bounded, 'upper');
  // The bound holds the projection only: growth, progress and status are the trend's.
  assertClose(a.observed_growth, 49.9 / 3);
  assert.equal(a.status, 'on-track');
  // Without a unit of measure nothing bounds it.
  const free = assessTarget({ ...share, unit_of_measure: undefined }, observed, {
    method: 'linear',
  });
  assertClose(free.projected_value, 139.8);
  assert.equal(free.projection_bounded, null);
});

test('a count trending below zero is projected at 0, and says so', () => {
  // Incidents 5 (2021) -> 2 (2024): -1 a year, so -1 by 2027. The target 0 makes CAGR fall back
  // to the linear method; a count (unit "incidents") stays at 0 or more.
  const a = assessTarget(
    target({
      target_period: '2027',
      target_value: 0,
      direction: -1,
      unit_of_measure: 'incidents',
    }),
    series({ 2021: 5, 2024: 2 }),
  );
  assert.equal(a.method, 'linear');
  assertClose(a.projected_value_unbounded, -1);
  assert.equal(a.projected_value, 0);
  assert.equal(a.projection_bounded, 'lower');
});

test('a projection within the bounds is left as it is', () => {
  // The first example's 7.1368146 (CAGR) is a share well within 0-100.
  const a = assessTarget(
    target({ unit_of_measure: '%' }),
    series({ 2020: 5, 2021: 5.4, 2022: 6.02, 2023: 6.19 }),
  );
  assertClose(a.projected_value, 7.136814556141757);
  assert.equal(a.projected_value_unbounded, a.projected_value);
  assert.equal(a.projection_bounded, null);
});
