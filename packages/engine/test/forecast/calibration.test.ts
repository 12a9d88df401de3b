import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calibrate } from '../../src/forecast/calibration.js';
import { syntheticKinds, syntheticSeries } from '../../src/forecast/syntheticSeries.js';

// The intervals must hold the truth as often as they say, within 5 points, on a synthetic set of
// short series with known trends (four kinds, 4 to 10 years, 1 to 5 years ahead).
test('80% and 95% intervals are calibrated within 5 points on the synthetic set; probabilities beat 50-50', () => {
  const cases = syntheticSeries(2000, 7);
  assert.deepEqual(
    syntheticKinds.map((k) => cases.filter((c) => c.kind === k).length),
    [500, 500, 500, 500],
  );
  const c = calibrate(cases);
  assert.equal(c.cases, 2000);
  assert.ok(Math.abs(c.coverage80 - 0.8) <= 0.05, `80%: ${c.coverage80}`);
  assert.ok(Math.abs(c.coverage95 - 0.95) <= 0.05, `95%: ${c.coverage95}`);
  assert.ok(c.brier < 0.2, `Brier ${c.brier} against 0.25 for always 50%`);
});

test('the synthetic set is reproducible from its seed and differs between seeds', () => {
  assert.deepEqual(syntheticSeries(20, 3), syntheticSeries(20, 3));
  assert.notDeepEqual(syntheticSeries(20, 3), syntheticSeries(20, 4));
});
