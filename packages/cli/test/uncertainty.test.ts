// `dxmon uncertainty` run as its own process: output shape, zero perturbation, reproducibility,
// thread-count independence, the sensitivity table and bad input.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { csvParseRows } from 'd3-dsv';
import {
  assertRejected,
  dxmon,
  data as tinyData,
  framework as tinyFramework,
  workspace,
} from './support.js';

// Twelve units, two pillars of three indicators; values from fixed formulas (no randomness), one
// lower-is-better indicator and one missing value, so rankings move when weights or methods do.
const framework = `id: twelve
nodes:
  - {code: INDEX}
  - {code: A, parent: INDEX, weight: 2}
  - {code: a1, parent: A}
  - {code: a2, parent: A, direction: -1}
  - {code: a3, parent: A}
  - {code: B, parent: INDEX}
  - {code: b1, parent: B}
  - {code: b2, parent: B}
  - {code: b3, parent: B, weight: 2}
`;
const codes = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3'];
const units = Array.from({ length: 12 }, (_, u) => `U${String(u + 1).padStart(2, '0')}`);
const data = [
  'unit,indicator,period,value',
  ...units.flatMap((unit, u) =>
    codes.map((code, i) => {
      const value =
        u === 4 && code === 'b2' ? '' : String(((u * 7 + i * 13) % 17) + 1 + i * u * 0.5);
      return `${unit},${code},2024,${value}`;
    }),
  ),
].join('\n');

const files = { 'fw.yaml': framework, 'data.csv': `${data}\n` };
const base = ['uncertainty', '--framework', 'fw.yaml', '--data', 'data.csv'];
const header = 'unit,code,nominal_rank,mean_rank,median_rank,p05_rank,p95_rank,within_k_share';
const sensitivityHeader =
  'input,first_order,total_order,first_order_low,first_order_high,total_order_low,total_order_high';

function run(t: TestContext, ...flags: string[]) {
  const dir = workspace(t, files);
  const r = dxmon(dir, ...base, ...flags);
  assert.equal(r.status, 0, r.stderr);
  return { ...r, dir };
}

function rowsOf(csv: string): Record<string, string>[] {
  const [head, ...rows] = csvParseRows(csv.split('\n\n')[0] as string);
  assert.equal(head?.join(','), header);
  return rows.map((row) => Object.fromEntries(row.map((v, i) => [head?.[i] as string, v])));
}

test('CSV: the exact header, one row per unit for the index, nominal ranks as dxmon compute ranks them', (t) => {
  const r = run(t, '--runs', '200', '--seed', '1', '--weights', '0.25', '--threads', '1');
  assert.ok(r.stdout.startsWith(`${header}\n`));
  const rows = rowsOf(r.stdout);
  assert.deepEqual(
    rows.map((row) => row.unit),
    units,
  );
  assert.ok(rows.every((row) => row.code === 'INDEX'));
  const computed = dxmon(r.dir, 'compute', '--framework', 'fw.yaml', '--data', 'data.csv');
  const indexRank = new Map(
    csvParseRows(computed.stdout)
      .filter((row) => row[1] === 'INDEX')
      .map((row) => [row[0], row[4]]),
  );
  for (const row of rows) {
    assert.equal(row.nominal_rank, indexRank.get(row.unit as string), `${row.unit}`);
    const [p05, median, p95] = [row.p05_rank, row.median_rank, row.p95_rank].map(
      Number,
    ) as number[];
    assert.ok((p05 as number) <= (median as number) && (median as number) <= (p95 as number));
    assert.ok((p05 as number) >= 1 && (p95 as number) <= 12);
    const share = Number(row.within_k_share);
    assert.ok(share >= 0 && share <= 1);
  }
  assert.ok(
    rows.some((row) => row.p05_rank !== row.p95_rank),
    'perturbed weights move some ranks',
  );
  assert.equal(r.stderr, '', 'no progress bar when standard error is not a terminal');
});

test('zero perturbation: every interval collapses exactly to the nominal rank, on every level', (t) => {
  const r = run(t, '--runs', '50', '--seed', '4', '--weights', '0', '--all-levels');
  const rows = rowsOf(r.stdout);
  assert.equal(rows.length, 12 * 3, 'index, A and B for every unit');
  for (const row of rows) {
    for (const key of ['mean_rank', 'median_rank', 'p05_rank', 'p95_rank']) {
      assert.equal(row[key], row.nominal_rank, `${row.unit} ${row.code} ${key}`);
    }
    assert.equal(row.within_k_share, '1');
  }
});

test('the same seed gives byte-identical output; another seed, other output', (t) => {
  const flags = [
    '--runs',
    '300',
    '--weights',
    '0.3',
    '--aggregate',
    'arithmetic,geometric',
    '--normalise',
    'minmax:1:100',
  ];
  const a = run(t, ...flags, '--seed', '12');
  const b = run(t, ...flags, '--seed', '12');
  const c = run(t, ...flags, '--seed', '13');
  assert.equal(a.stdout, b.stdout);
  assert.notEqual(a.stdout, c.stdout);
});

test('without --seed the draws take seed 1, said on standard error: the output of --seed 1', (t) => {
  const flags = ['--runs', '200', '--weights', '0.3', '--aggregate', 'arithmetic,geometric'];
  const unseeded = run(t, ...flags, '--normalise', 'minmax:1:100');
  const seeded = run(t, ...flags, '--normalise', 'minmax:1:100', '--seed', '1');
  assert.match(unseeded.stderr, /^seed 1 \(give --seed to change it\)$/m);
  assert.doesNotMatch(seeded.stderr, /give --seed/);
  assert.equal(unseeded.stdout, seeded.stdout);
  const json = run(t, ...flags, '--normalise', 'minmax:1:100', '--format', 'json');
  assert.equal(JSON.parse(json.stdout).seed, 1);
});

test('results do not depend on the thread count (1, 2 or 3 threads), with sensitivity and every level', (t) => {
  const flags = [
    '--runs',
    '150',
    '--seed',
    '8',
    '--weights',
    '0.25',
    '--weight-levels',
    '1,2',
    '--aggregate',
    'arithmetic,geometric',
    '--normalise',
    'minmax:1:100,zscore:100:10',
    '--leave-one-out',
    '--sensitivity',
    '--all-levels',
    '--bootstrap',
    '200',
  ];
  const one = run(t, ...flags, '--threads', '1').stdout;
  assert.equal(run(t, ...flags, '--threads', '2').stdout, one);
  assert.equal(run(t, ...flags, '--threads', '3').stdout, one);
  assert.equal(
    run(t, ...flags, '--threads', '3', '--format', 'json').stdout,
    run(t, ...flags, '--format', 'json', '--threads', '1').stdout,
  );
});

test('--sensitivity: a blank line, then one row per uncertain input with indices and intervals', (t) => {
  const r = run(
    t,
    '--runs',
    '400',
    '--seed',
    '2',
    '--weights',
    '0.2',
    '--weight-levels',
    '1',
    '--aggregate',
    'arithmetic,geometric',
    '--normalise',
    'minmax:1:100',
    '--sensitivity',
  );
  const [, second] = r.stdout.split('\n\n');
  assert.ok(second, 'a second table after a blank line');
  const [head, ...rows] = csvParseRows(second);
  assert.equal(head?.join(','), sensitivityHeader);
  assert.deepEqual(
    rows.map((row) => row[0]),
    ['weights-level-1', 'aggregate'],
  );
  for (const row of rows) {
    const [s, st, sLow, sHigh, stLow, stHigh] = row.slice(1).map(Number) as number[];
    assert.ok((sLow as number) <= (s as number) && (s as number) <= (sHigh as number), `${row}`);
    assert.ok(
      (stLow as number) <= (st as number) && (st as number) <= (stHigh as number),
      `${row}`,
    );
    assert.ok((st as number) >= 0);
  }
  // The first table summarises all N (d + 2) = 1600 runs.
  assert.equal(rowsOf(r.stdout).length, 12);
});

test('JSON: --out ending in .json writes an object with results and sensitivity', (t) => {
  const r = run(
    t,
    '--runs',
    '100',
    '--seed',
    '3',
    '--weights',
    '0.25',
    '--aggregate',
    'arithmetic,geometric',
    '--normalise',
    'minmax:1:100',
    '--sensitivity',
    '--out',
    'ua.json',
  );
  assert.equal(r.stdout, '');
  const json = JSON.parse(readFileSync(join(r.dir, 'ua.json'), 'utf8'));
  assert.equal(json.runs, 100 * (3 + 2), 'weights at levels 1 and 2, and aggregation: d = 3');
  assert.deepEqual(json.inputs, ['weights-level-1', 'weights-level-2', 'aggregate']);
  assert.equal(json.seed, 3);
  assert.equal(json.results.length, 12);
  assert.deepEqual(Object.keys(json.results[0]).slice(0, 8), header.split(','));
  assert.deepEqual(
    json.sensitivity.map((s: { input: string }) => s.input),
    ['weights-level-1', 'weights-level-2', 'aggregate'],
  );
});

test('bad input: exit 1, a message naming the option and value, nothing written', (t) => {
  const cases: [string[], RegExp][] = [
    [['--runs', '0', '--seed', '1', '--weights', '0.2'], /--runs "0": give a whole number from 1/],
    [['--runs', 'many', '--seed', '1', '--weights', '0.2'], /--runs "many"/],
    [
      ['--runs', '10', '--seed', '-3', '--weights', '0.2'],
      /--seed "-3": give a whole number from 0 to 4294967295/,
    ],
    [
      ['--runs', '10', '--seed', '1', '--weights', '1.5'],
      /--weights "1.5": give the relative spread, at least 0 and below 1/,
    ],
    [['--runs', '10', '--seed', '1', '--weights', 'x'], /--weights "x": not a number/],
    [
      ['--runs', '10', '--seed', '1', '--weights', '0.2', '--weight-levels', '3'],
      /--weight-levels 3: the framework has levels 1 to 2/,
    ],
    [
      ['--runs', '10', '--seed', '1', '--weights', '0.2', '--weight-levels', '1,x'],
      /--weight-levels "1,x": "x" is not a level/,
    ],
    [
      ['--runs', '10', '--seed', '1', '--weight-levels', '1'],
      /--weight-levels "1": give --weights too/,
    ],
    [
      ['--runs', '10', '--seed', '1', '--normalise', 'minmax,fancy'],
      /--normalise "fancy": unknown method/,
    ],
    [
      ['--runs', '10', '--seed', '1', '--aggregate', 'arithmetic,,geometric'],
      /--aggregate "arithmetic,,geometric": an empty item/,
    ],
    [['--runs', '10', '--seed', '1', '--impute', 'none,guess'], /--impute "guess": unknown method/],
    [
      ['--runs', '10', '--seed', '1', '--impute', 'none,group-mean'],
      /group-mean imputation needs groups: add --group-by/,
    ],
    [['--runs', '10', '--seed', '1'], /nothing is uncertain: give --weights/],
    [['--runs', '10', '--seed', '1', '--normalise', 'minmax'], /nothing is uncertain/],
    [
      ['--runs', '10', '--seed', '1', '--weights', '0.2', '--threads', '0'],
      /--threads "0": give a whole number from 1/,
    ],
    [
      ['--runs', '10', '--seed', '1', '--weights', '0.2', '--format', 'xml'],
      /--format "xml": use csv or json/,
    ],
    [
      ['--runs', '10', '--seed', '1', '--weights', '0.2', '--period', '2019'],
      /--period "2019": no data for this period in data\.csv.*its periods are 2024/,
    ],
    [
      ['--runs', '1', '--seed', '1', '--weights', '0.2', '--sensitivity'],
      /--runs "1": give a whole number from 2/,
    ],
    [['--runs', '10', '--seed', '1', '--weights', '0.2', '--bootstrap', '0'], /--bootstrap "0"/],
  ];
  for (const [flags, message] of cases) {
    const dir = workspace(t, files);
    const r = dxmon(dir, ...base, ...flags, '--out', 'out.csv');
    assertRejected(r, dir, 'out.csv');
    assert.match(r.stderr, message, flags.join(' '));
  }
});

test('bad data is reported as by compute, and nothing is written', (t) => {
  const dir = workspace(t, {
    'fw.yaml': tinyFramework,
    'data.csv': tinyData.replace('A,online,2024,50', 'A,online,2024,abc'),
  });
  const r = dxmon(
    dir,
    ...base,
    '--runs',
    '10',
    '--seed',
    '1',
    '--weights',
    '0.2',
    '--out',
    'out.csv',
  );
  assertRejected(r, dir, 'out.csv');
  assert.match(r.stderr, /data\.csv:2: column "value": "abc" is not a number/);
  assert.equal(existsSync(join(dir, 'out.csv')), false);
});

test('--help explains the design and shows an example', (t) => {
  const dir = workspace(t, {});
  const r = dxmon(dir, 'uncertainty', '--help');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /\$ dxmon uncertainty --framework/);
  assert.match(r.stdout, /--sensitivity/);
  assert.match(r.stdout, /unit,code,nominal_rank,mean_rank,median_rank,p05_rank,p95_rank/);
  assert.match(r.stdout, /--seed <n>\s+seed of the random draws \(0 to 4294967295;\s+default\s+1,/);
  assert.match(r.stdout, /Without --seed the draws take seed 1, printed on standard error/);
});
