// `dxmon targets` run as its own process.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { csvParse } from 'd3-dsv';
import { assertRejected, dxmon, problemLines, workspace } from './support.js';

// Unit HP. Every expected figure is worked out by hand beside it.
const data = `unit,indicator,period,value
HP,de_share,2020,5
HP,de_share,2023,6.19
HP,days,2020,16
HP,days,2022,9
HP,eid,2023,92
HP,einv,2024,88
HP,overdue,2020,40
HP,overdue,2021,32
HP,overdue,2022,24
HP,web,2020,50
HP,web,2022,45
`;

const targets = `id,plan,unit,indicator,target_period,target_value,direction,baseline_period,baseline_value
DE,48-NQ/TU,HP,de_share,2025,20,1,,
DAYS,48-NQ/TU,HP,days,2024,4,-1,,
EID,48-NQ/TU,HP,eid,2025,90,1,,
EINV,48-NQ/TU,HP,einv,2025,100,1,,
OVERDUE,06/KH,HP,overdue,2025,0,-1,,
WEB,06/KH,HP,web,2025,80,1,,
`;

interface Assessed {
  id: string;
  plan: string;
  latest_period: string | null;
  latest_value: number | null;
  projected_value: number | null;
  required_growth: number | null;
  observed_growth: number | null;
  progress: number | null;
  status: string;
  grade: string | null;
  method: string;
}

const close = (a: number | null | undefined, b: number) =>
  assert.ok(a !== null && a !== undefined && Math.abs(a - b) < 1e-9, `${a} is ${b}`);

test('every status, both directions, and plan roll-ups, as JSON', (t) => {
  const dir = workspace(t, { 'data.csv': data, 'targets.csv': targets });
  const run = dxmon(
    dir,
    'targets',
    '--data',
    'data.csv',
    '--targets',
    'targets.csv',
    '--format',
    'json',
  );
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout) as { targets: Assessed[]; plans: Record<string, unknown>[] };
  const by = Object.fromEntries(out.targets.map((a) => [a.id, a]));
  // DE: required (20/5)^(1/5) - 1 = 0.3195079; observed (6.19/5)^(1/3) - 1 = 0.0737592;
  // progress 0.2308524 -> off-track, limited; projected 6.19 * 1.0737592^2 = 7.1368146
  assert.equal(by.DE?.status, 'off-track');
  assert.equal(by.DE?.grade, 'limited');
  close(by.DE?.progress, 0.23085237363368633);
  close(by.DE?.projected_value, 7.136814556141757);
  // DAYS (lower is better): required (4/16)^(1/4) - 1 = -0.2928932; observed 0.75 - 1 = -0.25
  // progress 0.25 / 0.2928932 = 0.8535534 -> off-track, acceleration needed
  assert.equal(by.DAYS?.status, 'off-track');
  assert.equal(by.DAYS?.grade, 'acceleration-needed');
  close(by.DAYS?.progress, 0.853553390593274);
  // EID: 92 >= 90 -> achieved. EINV: one observation -> insufficient data.
  assert.equal(by.EID?.status, 'achieved');
  assert.equal(by.EINV?.status, 'insufficient-data');
  assert.equal(by.EINV?.progress, null);
  // OVERDUE: target 0 -> linear; slope -8, required -40/5 = -8 -> progress 1, on track.
  assert.equal(by.OVERDUE?.method, 'linear');
  assert.equal(by.OVERDUE?.status, 'on-track');
  close(by.OVERDUE?.progress, 1);
  // WEB: 50 -> 45 while 80 is wanted -> regressing.
  assert.equal(by.WEB?.status, 'regressing');
  assert.deepEqual(out.plans, [
    {
      plan: '48-NQ/TU',
      total: 4,
      achieved: 1,
      on_track: 0,
      off_track: 2,
      regressing: 0,
      insufficient_data: 1,
      share_achieved: 25,
    },
    {
      plan: '06/KH',
      total: 2,
      achieved: 0,
      on_track: 1,
      off_track: 0,
      regressing: 1,
      insufficient_data: 0,
      share_achieved: 0,
    },
  ]);
  for (const a of out.targets) {
    for (const key of [
      'id',
      'plan',
      'unit',
      'indicator',
      'latest_period',
      'latest_value',
      'target_period',
      'target_value',
      'projected_value',
      'required_growth',
      'observed_growth',
      'progress',
      'status',
      'grade',
    ]) {
      assert.ok(key in a, `${key} in ${a.id}`);
    }
  }
});

test('CSV by default, one row per target; numbers that cannot be computed are empty', (t) => {
  const dir = workspace(t, { 'data.csv': data, 'targets.csv': targets });
  const run = dxmon(dir, 'targets', '--data', 'data.csv', '--targets', 'targets.csv');
  assert.equal(run.status, 0, run.stderr);
  const rows = csvParse(run.stdout);
  assert.deepEqual(rows.columns.slice(0, 4), ['id', 'plan', 'unit', 'indicator']);
  assert.deepEqual(
    rows.map((r) => [r.id, r.status, r.grade]),
    [
      ['DE', 'off-track', 'limited'],
      ['DAYS', 'off-track', 'acceleration-needed'],
      ['EID', 'achieved', ''],
      ['EINV', 'insufficient-data', ''],
      ['OVERDUE', 'on-track', ''],
      ['WEB', 'regressing', ''],
    ],
  );
  assert.equal(rows[3]?.progress, '');
  assert.equal(rows[3]?.latest_value, '88');
});

test('the text form says how many targets each plan achieved', (t) => {
  const dir = workspace(t, { 'data.csv': data, 'targets.csv': targets });
  const run = dxmon(
    dir,
    'targets',
    '--data',
    'data.csv',
    '--targets',
    'targets.csv',
    '--format',
    'text',
  );
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(
    lines[0],
    '48-NQ/TU: 1 of 4 targets achieved (25.0%); 0 on track, 2 off track, 0 regressing, 1 with insufficient data',
  );
  assert.match(
    run.stdout,
    /\n {2}DE HP de_share: 20 by 2025 \(higher is better\); latest 6\.19 \(2023\), projected 7\.137; growth \+7\.4% a year, \+32\.0% needed: off-track \(limited\)\n/,
  );
  assert.match(run.stdout, /\n06\/KH: 0 of 2 targets achieved \(0\.0%\)/);
});

test('--method linear and --as-of change the assessment', (t) => {
  const dir = workspace(t, { 'data.csv': data, 'targets.csv': targets });
  const linear = dxmon(
    dir,
    'targets',
    '--data',
    'data.csv',
    '--targets',
    'targets.csv',
    '--method',
    'linear',
    '--format',
    'json',
  );
  assert.equal(linear.status, 0, linear.stderr);
  const days = (JSON.parse(linear.stdout) as { targets: Assessed[] }).targets.find(
    (a) => a.id === 'DAYS',
  );
  // slope (9 - 16) / 2 = -3.5; required (4 - 16) / 4 = -3 -> progress 3.5 / 3, on track
  close(days?.progress, 3.5 / 3);
  assert.equal(days?.status, 'on-track');
  const asOf = dxmon(
    dir,
    'targets',
    '--data',
    'data.csv',
    '--targets',
    'targets.csv',
    '--as-of',
    '2021',
    '--format',
    'json',
  );
  const early = Object.fromEntries(
    (JSON.parse(asOf.stdout) as { targets: Assessed[] }).targets.map((a) => [a.id, a]),
  );
  // As of 2021: DE has only its 2020 value; OVERDUE has 40, 32 (slope -8, on track).
  assert.equal(early.DE?.status, 'insufficient-data');
  assert.equal(early.DE?.latest_period, '2020');
  assert.equal(early.OVERDUE?.latest_period, '2021');
  assert.equal(early.EID?.latest_period, null);
});

test('targets from YAML, with a baseline of their own', (t) => {
  const dir = workspace(t, {
    'data.csv': data,
    'plan.yaml': `targets:
  - {id: WEB, plan: P, unit: HP, indicator: web, target_period: 2025, target_value: 80, baseline_period: 2019, baseline_value: 40}
`,
  });
  const run = dxmon(
    dir,
    'targets',
    '--data',
    'data.csv',
    '--targets',
    'plan.yaml',
    '--out',
    'out.json',
  );
  assert.equal(run.status, 0, run.stderr);
  const [web] = (JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as { targets: Assessed[] })
    .targets;
  // Baseline 40 (2019) -> 45 (2022) is growth toward 80: off-track rather than regressing.
  // observed (45/40)^(1/3) - 1 = 0.0400314; required 2^(1/6) - 1 = 0.1224620 -> progress 0.3268880
  close(web?.progress, ((45 / 40) ** (1 / 3) - 1) / (2 ** (1 / 6) - 1));
  assert.equal(web?.grade, 'limited');
});

test('bad targets: every problem with file, line, column and value; exit 1; nothing written', (t) => {
  const dir = workspace(t, {
    'data.csv': data,
    'targets.csv': `id,plan,unit,indicator,target_period,target_value,direction,baseline_period,baseline_value
A,P,HP,de_share,2025,20%,1,,
B,P,XX,de_share,2025,20,1,,
C,P,HP,nope,2025,20,1,,
D,P,HP,de_share,2020,20,1,2021,5
E,P,HP,de_share,2025,20,1,2019,
F,P,HP,de_share,2025,20,up,,
G,P,HP,de_shares,2025,20,1,,
`,
  });
  const run = dxmon(
    dir,
    'targets',
    '--data',
    'data.csv',
    '--targets',
    'targets.csv',
    '--out',
    'out.csv',
  );
  assertRejected(run, dir, 'out.csv');
  assert.deepEqual(problemLines(run.stderr), [
    'targets.csv:2: column "target_value": target_value must be a number (use "." as the decimal mark), got "20%"',
    'targets.csv:5: column "target_period": the target period 2020 must come after the baseline period 2021, got "2020"',
    'targets.csv:7: column "direction": direction must be 1 or -1, got "up"',
    'targets.csv:3: column "unit": unit "XX" has no data in data.csv',
    'targets.csv:4: column "indicator": indicator "nope" has no data in data.csv',
    'targets.csv:6: column "baseline_period": data.csv has no value of "de_share" for "HP" in 2019; give a baseline_value or another baseline_period',
    'targets.csv:8: column "indicator": indicator "de_shares" has no data in data.csv; did you mean "de_share"?',
  ]);
});

test('a targets file without the required columns, an empty file, a bad --as-of', (t) => {
  const dir = workspace(t, {
    'data.csv': data,
    'short.csv': 'id,plan,unit,indicator,target_value\nA,P,HP,de_share,20\n',
    'empty.csv': '',
  });
  const short = dxmon(dir, 'targets', '--data', 'data.csv', '--targets', 'short.csv');
  assertRejected(short, dir);
  assert.match(
    short.stderr,
    /^dxmon: short\.csv:1: the header lacks columns "target_period", "direction"/,
  );
  const empty = dxmon(dir, 'targets', '--data', 'data.csv', '--targets', 'empty.csv');
  assertRejected(empty, dir);
  assert.match(empty.stderr, /^dxmon: empty\.csv: the file is empty/);
  const asOf = dxmon(
    dir,
    'targets',
    '--data',
    'data.csv',
    '--targets',
    'short.csv',
    '--as-of',
    '2024-13',
  );
  assertRejected(asOf, dir);
  assert.match(asOf.stderr, /--as-of "2024-13" is not a period/);
  assert.equal(existsSync(join(dir, 'out.csv')), false);
});

test('a malformed YAML targets file names the entry and field', (t) => {
  const dir = workspace(t, {
    'data.csv': data,
    'plan.yaml': '- {id: A, plan: P, unit: HP, indicator: de_share, target_period: 2025}\n',
  });
  const run = dxmon(dir, 'targets', '--data', 'data.csv', '--targets', 'plan.yaml');
  assertRejected(run, dir);
  assert.deepEqual(problemLines(run.stderr), [
    'plan.yaml: targets[0] (id "A") field "target_value": target_value must be a number (use "." as the decimal mark)',
  ]);
});

test("a unit of measure holds the projection to the indicator's natural bounds, and the output says so", (t) => {
  // A share: 40 (2021) -> 89.9 (2024), linear slope 16.633 a year: the trend reaches 139.8 by
  // 2027, a share stops at 100. Incidents: 5 (2021) -> 2 (2024), -1 a year: -1 by 2027, held at 0.
  const dir = workspace(t, {
    'data.csv': `unit,indicator,period,value
HP,eid,2021,40
HP,eid,2024,89.9
HP,incidents,2021,5
HP,incidents,2024,2
`,
    'targets.csv': `id,plan,unit,indicator,target_period,target_value,direction,unit_of_measure
EID,P,HP,eid,2027,95,1,%
INC,P,HP,incidents,2027,0,-1,incidents
FREE,P,HP,eid,2027,95,1,
`,
  });
  const flags = ['targets', '--data', 'data.csv', '--targets', 'targets.csv', '--method', 'linear'];
  const csv = dxmon(dir, ...flags);
  assert.equal(csv.status, 0, csv.stderr);
  const rows = csvParse(csv.stdout);
  assert.deepEqual(rows.columns.slice(-2), ['projection_bounded', 'projected_value_unbounded']);
  const [eid, inc, free] = rows;
  assert.deepEqual([eid?.projected_value, eid?.projection_bounded], ['100', 'upper']);
  close(Number(eid?.projected_value_unbounded), 139.8);
  assert.deepEqual([inc?.projected_value, inc?.projection_bounded], ['0', 'lower']);
  close(Number(inc?.projected_value_unbounded), -1);
  assert.equal(free?.projection_bounded, '');
  close(Number(free?.projected_value), 139.8);
  const text = dxmon(dir, ...flags, '--format', 'text');
  assert.match(
    text.stdout,
    /EID HP eid: 95 by 2027 \(higher is better\); latest 89\.9 \(2024\), projected 100 \(held at its upper bound; the trend reaches 139\.8\)/,
  );
  assert.match(text.stdout, /projected 0 \(held at its lower bound; the trend reaches -1\)/);
});

test('--forecast: the probability of meeting each target beside its status; too little data says why', (t) => {
  // Days to settle a file falling about 10% a year (2019 to 2024), 5 by 2026: a fair chance.
  const series = [10, 9.1, 8.0, 7.4, 6.5, 5.9].map((v, i) => `HP,days,${2019 + i},${v}`).join('\n');
  const dir = workspace(t, {
    'data.csv': `unit,indicator,period,value\n${series}\nHP,eid,2023,40\nHP,eid,2024,50\n`,
    'targets.csv':
      'id,plan,unit,indicator,target_period,target_value,direction\nDAYS,P,HP,days,2026,5,-1\nHARD,P,HP,days,2026,2,-1\nEID,P,HP,eid,2025,90,1\n',
  });
  const run = dxmon(
    dir,
    'targets',
    '--data',
    'data.csv',
    '--targets',
    'targets.csv',
    '--forecast',
    '--format',
    'json',
  );
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout) as {
    forecast: boolean;
    targets: (Assessed & {
      forecast: {
        probability: number | null;
        intervals: unknown[];
        reason: string | null;
        backtest: unknown[];
      };
    })[];
  };
  assert.equal(out.forecast, true);
  const by = Object.fromEntries(out.targets.map((a) => [a.id, a]));
  const days = by.DAYS?.forecast;
  assert.ok(days && days.probability !== null && days.probability > 0.5, JSON.stringify(days));
  assert.ok((by.HARD?.forecast.probability as number) < (days.probability as number));
  assert.equal(days.intervals.length, 2);
  assert.equal(days.backtest.length, 4, 'the four models scored');
  assert.equal(by.DAYS?.status, 'on-track', "Open SDG's status stays beside it");
  assert.equal(by.EID?.forecast.probability, null);
  assert.match(by.EID?.forecast.reason ?? '', /2 observations/);
  assert.doesNotMatch(run.stdout, /NaN/);

  const csv = dxmon(dir, 'targets', '--data', 'data.csv', '--targets', 'targets.csv', '--forecast');
  assert.equal(csv.status, 0, csv.stderr);
  const rows = csvParse(csv.stdout);
  assert.ok(rows.columns.includes('probability') && rows.columns.includes('p95_upper'));
  assert.equal(Number(rows.find((r) => r.id === 'DAYS')?.probability), days.probability);
  const text = dxmon(
    dir,
    'targets',
    '--data',
    'data.csv',
    '--targets',
    'targets.csv',
    '--forecast',
    '--format',
    'text',
  );
  assert.match(
    text.stdout,
    /DAYS HP days: .*on-track; forecast: \d+% chance, [\d.]+ \(80%: [\d.]+-[\d.]+\)/,
  );
  assert.match(text.stdout, /EID HP eid: .*; no forecast: 2 observations/);
});
