#!/usr/bin/env node
// Explanation benchmark: `explainUnit` in-process (contributions, gaps, the what-if over every
// indicator with its partial recomputation, the period change) on 63 units x 100 indicators x 2
// periods, beside one full `compute` of a period for scale, and `dxmon explain` as a whole process.
// Prints JSON: medians (and all runs) in milliseconds. Usage: node bench/explain.mjs [--runs 15]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { compute, explainUnit, frameworkTree, panelBuilder, parseFramework } from '@dxmon/engine';
import { csvParseRows } from 'd3-dsv';
import { writeInputs } from './generate.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 15;
const root = new URL('..', import.meta.url).pathname;
const [units, indicators, periods] = [63, 100, 2];
const files = writeInputs(`${root}bench/out`, units, indicators, periods);
const tree = frameworkTree(parseFramework(readFileSync(files.framework, 'utf8')).framework);
const builder = panelBuilder();
csvParseRows(readFileSync(files.data, 'utf8'), (row, i) => {
  if (i > 0) builder.add(row[0], row[1], row[2], row[3] === '' ? Number.NaN : Number(row[3]));
  return null;
});
const panel = builder.build().panel;
const period = panel.periods.at(-1);
const unit = panel.units[31];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x) => Math.round(x * 100) / 100;
function time(f) {
  for (let w = 0; w < 5; w++) f(); // warm-up: let the JIT compile the hot paths
  const times = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return { median_ms: round(median(times)), runs_ms: times.map(round) };
}

const settingsCases = {
  defaults: {},
  'mean imputation and winsorisation': {
    impute: 'mean',
    outliers: { method: 'winsorise', max_points: 5, skewness: 2, kurtosis: 3.5 },
  },
};
const cases = Object.entries(settingsCases).map(([name, settings]) => ({
  name,
  compute_one_period: time(() => compute({ tree, panel, settings, periods: [period] })),
  explain: time(() => explainUnit({ tree, panel, settings, unit, period })),
}));

const processTimes = [];
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      `${root}packages/cli/bin/dxmon.js`,
      'explain',
      '--framework',
      files.framework,
      '--data',
      files.data,
      '--unit',
      unit,
    ],
    { encoding: 'utf8' },
  );
  processTimes.push(performance.now() - t0);
  if (run.status !== 0) throw new Error(run.stderr);
}
const result = {
  units,
  indicators,
  periods,
  cases,
  process: { median_ms: round(median(processTimes)), runs_ms: processTimes.map(round) },
};
console.log(JSON.stringify(result, null, 2));
console.error(
  `explain ${units} units x ${indicators} indicators: ${cases[0].explain.median_ms} ms in-process (defaults), ${result.process.median_ms} ms as a process`,
);
