#!/usr/bin/env node
// Forecast benchmark and calibration, in-process on the built engine:
// - the demo's 32 targets forecast with their backtests (goal <= 100 ms);
// - 3,321 communes x 10 indicators (synthetic series of 4-10 years; goal <= 5 s): the probability
//   and projection, then with the two intervals as well;
// - calibration: coverage of the 80% and 95% intervals and the Brier score of the probabilities,
//   on the synthetic set with known trends (seeds 1-3) and on the demo's own series, each
//   forecast from its earlier years to its last one (1 to 3 years ahead).
// Prints JSON; medians over --runs (default 7). Usage: node bench/forecast.mjs [--runs 7]
import { readFileSync } from 'node:fs';
import {
  calibrate,
  combineModels,
  forecastSeries,
  forecastTarget,
  periodYear,
  predictiveQuantile,
  syntheticSeries,
  targetsFromRecords,
} from '@dxmon/engine';
import { csvParse } from 'd3-dsv';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 7;
const root = new URL('..', import.meta.url).pathname;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
function time(f, warm = 2) {
  for (let w = 0; w < warm; w++) f();
  const times = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return { median_ms: round(median(times)), runs_ms: times.map((t) => round(t)) };
}

// The demo's data as series by unit and indicator.
const rows = csvParse(readFileSync(`${root}data/demo/data.csv`, 'utf8'));
const series = new Map();
for (const r of rows) {
  if (r.value === '') continue;
  const key = `${r.unit}|${r.indicator}`;
  if (!series.has(key)) series.set(key, []);
  series.get(key).push({ period: r.period, value: Number(r.value) });
}
const parsed = targetsFromRecords(csvParse(readFileSync(`${root}data/demo/targets.csv`, 'utf8')));
if (parsed.problems.length > 0) throw new Error(parsed.problems.join('\n'));
const targets = parsed.targets;
const demoTargets = time(() => {
  for (const t of targets) forecastTarget(t, series.get(`${t.unit}|${t.indicator}`) ?? []);
});

// 3,321 communes x 10 indicators: 33,210 series, with the probability of reaching a threshold and
// the projection (what a national overview shows), and with the 80% and 95% intervals as well.
const communeSeries = syntheticSeries(3321 * 10, 11);
const forecastAll = (levels) => () => {
  for (const c of communeSeries)
    forecastSeries(c.observed, c.time, {
      threshold: { value: c.threshold, direction: 1 },
      ...(levels ? { levels } : {}),
    });
};
const communes = time(forecastAll([]), 1);
const communesWithIntervals = time(forecastAll(undefined), 1);

// Calibration on the synthetic set.
const synthetic = [1, 2, 3].map((seed) => ({ seed, ...calibrate(syntheticSeries(2000, seed)) }));

// For comparison: the single model with the lowest backtest error instead of the combination.
const bestOnly = (() => {
  let n = 0;
  let in80 = 0;
  let in95 = 0;
  for (const c of syntheticSeries(2000, 1)) {
    const combined = combineModels(c.observed, c.time);
    if (!combined.ok) continue;
    const best = combined.mixture.reduce((a, b) => (b.weight > a.weight ? b : a)).predictive;
    const inside = (level) =>
      c.truth >= predictiveQuantile(best, (1 - level) / 2) &&
      c.truth <= predictiveQuantile(best, (1 + level) / 2);
    n++;
    if (inside(0.8)) in80++;
    if (inside(0.95)) in95++;
  }
  return { seed: 1, cases: n, coverage80: in80 / n, coverage95: in95 / n };
})();

// Calibration on the demo: each series of at least 5 years forecast at its last year from the
// years up to 1, 2 or 3 before it; the threshold is the value at the forecast's origin (will it
// be higher then?).
const demoCases = [];
for (const points of series.values()) {
  const sorted = points
    .map((p) => ({ t: periodYear(p.period), value: p.value }))
    .sort((a, b) => a.t - b.t);
  if (sorted.length < 5) continue;
  const last = sorted.at(-1);
  for (const h of [1, 2, 3]) {
    const observed = sorted.filter((p) => p.t <= last.t - h);
    if (observed.length < 3) continue;
    demoCases.push({
      kind: `${h} year${h > 1 ? 's' : ''} ahead`,
      observed,
      time: last.t,
      truth: last.value,
      threshold: observed.at(-1).value,
    });
  }
}
const demo = calibrate(demoCases);

console.log(
  JSON.stringify(
    {
      demo_targets: { targets: targets.length, ...demoTargets, goal_ms: 100 },
      communes: { series: communeSeries.length, ...communes, goal_ms: 5000 },
      communes_with_intervals: { series: communeSeries.length, ...communesWithIntervals },
      calibration: {
        synthetic,
        synthetic_best_model_only: bestOnly,
        demo: { forecasts: demoCases.length, ...demo },
      },
    },
    null,
    2,
  ),
);
