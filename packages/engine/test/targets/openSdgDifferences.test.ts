import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessTarget, type Observation } from '../../src/targets/assessTarget.js';
import { compoundGrowth } from '../../src/targets/compoundGrowth.js';
import { progressStatus } from '../../src/targets/progressStatus.js';
import type { Target } from '../../src/targets/schema.js';
import { assertClose } from '../approx.js';

// Where dxmon's target status differs from Open SDG's (sdg-build, ProgressMeasure.py), one test per
// row of the comparison table in docs/methodology.md ("dxmon and Open SDG"). Open SDG's figure is
// worked out by hand from its formulas beside dxmon's.

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

test('a target of 0: Open SDG computes growth toward 0.001; dxmon switches to the linear trend', () => {
  // Overdue files 40 (2020) -> 24 (2022), to 0 by 2025, lower is better.
  const a = assessTarget(
    target({ direction: -1, target_value: 0 }),
    series({ 2020: 40, 2022: 24 }),
  );
  // dxmon: slope -8 a year against -8 required: on track, projected to reach 0 in 2025.
  assert.deepEqual([a.method, a.status], ['linear', 'on-track']);
  // Open SDG: CAGR 0.6^(1/2) - 1 = -22.54% against (0.001 / 40)^(1/5) - 1 = -87.99% required:
  // R = 0.2254 / 0.8799 = 0.256, "limited progress", though the count falls exactly as planned.
  const openSdg = (-1 * compoundGrowth(40, 24, 2)) / Math.abs(compoundGrowth(40, 0.001, 5));
  assertClose(openSdg, 0.25619, 1e-4);
  assert.deepEqual(progressStatus(openSdg), { status: 'off-track', grade: 'limited' });
});

test('a single observation that meets the target: both say achieved', () => {
  // sdg-build checks "target achieved" before it needs two points.
  assert.equal(assessTarget(target(), series({ 2024: 21 })).status, 'achieved');
  assert.equal(assessTarget(target(), series({ 2024: 19 })).status, 'insufficient-data');
});

test('values of opposite signs: Open SDG gives no status; dxmon uses the linear trend', () => {
  // A net balance -4 (2021) -> 2 (2023), 10 by 2025: slope 3 a year against 3.5 required.
  const a = assessTarget(target({ target_value: 10 }), series({ 2021: -4, 2023: 2 }));
  assert.equal(a.method, 'linear');
  assertClose(a.progress, 3 / 3.5);
  assert.deepEqual([a.status, a.grade], ['off-track', 'acceleration-needed']);
});

test("the baseline: Open SDG takes 2015 (or the next year with data); dxmon the earliest observation or the target's own", () => {
  // 2012: 10, 2016: 12, 2020: 16; 20 by 2025.
  const observed = series({ 2012: 10, 2016: 12, 2020: 16 });
  assert.equal(assessTarget(target(), observed).baseline_period, '2012');
  const fromOpenSdgBase = assessTarget(target({ baseline_period: '2016' }), observed);
  assert.equal(fromOpenSdgBase.baseline_period, '2016');
  // From 2016: (16/12)^(1/4) - 1 = 7.457% against (20/12)^(1/9) - 1 = 5.840%: R = 1.2769, on track.
  assertClose(fromOpenSdgBase.progress, 1.27688, 1e-4);
  assert.equal(fromOpenSdgBase.status, 'on-track');
});

test("a projection past the indicator's natural bound: Open SDG has no projection; dxmon holds it at the bound", () => {
  const a = assessTarget(
    target({ target_value: 95, unit_of_measure: '%' }),
    series({ 2020: 60, 2022: 80, 2023: 90 }),
  );
  assert.equal(a.projected_value, 100);
  assert.equal(a.projection_bounded, 'upper');
});
