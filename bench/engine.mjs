#!/usr/bin/env node
// Engine benchmark: the full pipeline (mean imputation, winsorisation, min-max, arithmetic
// aggregation over three levels, ranking) in-process, and `dxmon compute` as a whole process.
// Prints JSON: medians (and all runs) in milliseconds, peak resident memory in MB.
// Usage: node bench/engine.mjs [--runs 5] [--quick]
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { compute, frameworkTree, panelBuilder, parseFramework } from '@dxmon/engine';
import { csvParseRows } from 'd3-dsv';
import { writeInputs } from './generate.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const quick = args.includes('--quick');
const root = new URL('..', import.meta.url).pathname;
const out = `${root}bench/out`;
const settings = {
  impute: 'mean',
  outliers: { method: 'winsorise', max_points: 5, skewness: 2, kurtosis: 3.5 },
  normalise: { method: 'minmax', range: [0, 100] },
  aggregate: { method: 'arithmetic', data_threshold: 0 },
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x) => Math.round(x * 10) / 10;

function loadPanel(path) {
  const builder = panelBuilder();
  csvParseRows(readFileSync(path, 'utf8'), (row, i) => {
    if (i > 0) builder.add(row[0], row[1], row[2], row[3] === '' ? Number.NaN : Number(row[3]));
    return null;
  });
  return builder.build().panel;
}

function engineCase(name, units, indicators, periods) {
  const files = writeInputs(out, units, indicators, periods);
  const tree = frameworkTree(parseFramework(readFileSync(files.framework, 'utf8')).framework);
  const panel = loadPanel(files.data);
  compute({ tree, panel, settings }); // warm-up
  const times = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    compute({ tree, panel, settings });
    times.push(performance.now() - t0);
  }
  return {
    name,
    units,
    indicators,
    periods,
    values: units * indicators * periods,
    median_ms: round(median(times)),
    runs_ms: times.map(round),
  };
}

function processCase(name, units, indicators, periods, extra = []) {
  const files = writeInputs(out, units, indicators, periods);
  const bin = `${root}packages/cli/bin/dxmon.js`;
  const times = [];
  const peaks = [];
  for (let r = 0; r < runs; r++) {
    rmSync(`${out}/results.csv`, { force: true });
    const t0 = performance.now();
    // The command as a user runs it (its launcher sets Node's flags); GNU time reports peak memory.
    const res = spawnSync(
      '/usr/bin/time',
      [
        '-f',
        '%M',
        bin,
        'compute',
        '--framework',
        files.framework,
        '--data',
        files.data,
        '--out',
        `${out}/results.csv`,
        ...extra,
      ],
      { encoding: 'utf8' },
    );
    times.push(performance.now() - t0);
    if (res.status !== 0) throw new Error(`dxmon compute failed: ${res.stderr}`);
    peaks.push(Number(res.stderr.trim().split('\n').at(-1)) / 1024);
  }
  return {
    name,
    command: `dxmon compute ${extra.join(' ')}`.trim(),
    units,
    indicators,
    periods,
    rows: units * indicators * periods,
    median_ms: round(median(times)),
    runs_ms: times.map(round),
    peak_rss_mb: round(Math.max(...peaks)),
  };
}

const results = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  runs,
  engine: [engineCase('63 units x 100 indicators x 5 periods', 63, 100, 5)],
  process: [],
};
if (!quick) {
  results.engine.push(engineCase('10,600 units x 100 indicators', 10600, 100, 1));
  results.process.push(processCase('10,600 x 100 CSV, defaults', 10600, 100, 1));
  results.process.push(
    processCase('10,600 x 100 CSV, full pipeline', 10600, 100, 1, [
      '--impute',
      'mean',
      '--outliers',
      'winsorise',
    ]),
  );
}
console.log(JSON.stringify(results, null, 2));
