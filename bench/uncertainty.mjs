#!/usr/bin/env node
// Uncertainty and sensitivity benchmark: `dxmon uncertainty` as a whole process (start, read the
// CSV, every run on the default threads, summaries, output), on the two cases of the issue:
// (a) 1,000 Monte Carlo runs on 63 units x 100 indicators, uncertain weights at every level,
//     normalisation and aggregation; (b) a Saltelli analysis with N = 1,000 and 2 uncertain
//     inputs (weights of the pillars, aggregation): 4,000 runs and 1,000 bootstrap resamples,
//     on 51 units x 50 indicators. Each also with --threads 1, for the gain of a second thread.
// Prints JSON: medians (and all runs) in milliseconds, peak resident memory in MB; a verdict per
// goal on standard error. Usage: node bench/uncertainty.mjs [--runs 5]
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import { writeInputs } from './generate.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const root = new URL('..', import.meta.url).pathname;
const out = `${root}bench/out`;
const bin = `${root}packages/cli/bin/dxmon.js`;
const goalMs = 2000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x) => Math.round(x * 10) / 10;

function processCase(name, units, indicators, flags, threads) {
  const files = writeInputs(out, units, indicators, 1);
  const command = [
    'uncertainty',
    '--framework',
    files.framework,
    '--data',
    files.data,
    '--seed',
    '1',
    ...flags,
    ...(threads ? ['--threads', String(threads)] : []),
    '--out',
    `${out}/uncertainty.csv`,
  ];
  const times = [];
  const peaks = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    // GNU time reports the peak memory of the whole process (worker threads included).
    const res = spawnSync('/usr/bin/time', ['-f', '%M', bin, ...command], { encoding: 'utf8' });
    times.push(performance.now() - t0);
    if (res.status !== 0) throw new Error(`dxmon uncertainty failed: ${res.stderr}`);
    peaks.push(Number(res.stderr.trim().split('\n').at(-1)) / 1024);
  }
  const med = round(median(times));
  return {
    name,
    command: `dxmon uncertainty ${flags.join(' ')}${threads ? ` --threads ${threads}` : ''}`,
    units,
    indicators,
    threads: threads ?? availableParallelism(),
    median_ms: med,
    runs_ms: times.map(round),
    peak_rss_mb: round(Math.max(...peaks)),
    goal_ms: goalMs,
    goal_met: med < goalMs,
  };
}

const monteCarlo = [
  '--runs',
  '1000',
  '--weights',
  '0.25',
  '--normalise',
  'minmax:1:100,zscore:100:10',
  '--aggregate',
  'arithmetic,geometric',
];
const saltelli = [
  '--runs',
  '1000',
  '--weights',
  '0.25',
  '--weight-levels',
  '1',
  '--normalise',
  'minmax:1:100',
  '--aggregate',
  'arithmetic,geometric',
  '--sensitivity',
];
const cases = [
  processCase('(a) 1,000 uncertainty runs, 63 x 100', 63, 100, monteCarlo),
  processCase('(b) Saltelli N = 1,000, d = 2 (4,000 runs), 51 x 50', 51, 50, saltelli),
  processCase('(a) on one thread', 63, 100, monteCarlo, 1),
  processCase('(b) on one thread', 51, 50, saltelli, 1),
];
console.log(
  JSON.stringify(
    {
      machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
      runs,
      process: cases,
    },
    null,
    2,
  ),
);
for (const c of cases) {
  console.error(
    `${c.name} on ${c.threads} thread(s): ${c.median_ms} ms (median of ${runs}), peak RSS ${c.peak_rss_mb} MB; goal < ${c.goal_ms} ms: ${c.goal_met ? 'met' : 'NOT met'}`,
  );
}
