// `dxmon compute` run as its own process on the small worked example of support.ts, whose scores
// are computed by hand there; each test here says what its flags change, with the arithmetic.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import {
  assertRejected,
  assertScores,
  binPath,
  codes,
  data,
  dxmon,
  type Expected,
  expected2023,
  expected2024,
  framework,
  parseCsvResults,
  type ResultRow,
  withChanges,
  workspace,
} from './support.js';

const inputs = { 'fw.yaml': framework, 'data.csv': data };
const compute = ['compute', '--framework', 'fw.yaml', '--data', 'data.csv'];

test('CSV results: exact header, every node for every unit and period, hand-computed scores and ranks', (t) => {
  const dir = workspaceOf(t);
  const run = dxmon(dir, ...compute);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  const lines = run.stdout.split('\n');
  assert.equal(lines[0], 'unit,code,period,score,rank');
  assert.equal(lines.at(-1), '', 'the output ends with a line break');
  const rows = parseCsvResults(run.stdout);
  // 2 periods x 3 units x 7 nodes, each once.
  assert.equal(rows.length, 2 * 3 * 7);
  const keys = new Set(rows.map((r) => `${r.period}|${r.unit}|${r.code}`));
  assert.equal(keys.size, rows.length, 'no row repeats a (period, unit, node)');
  for (const period of ['2023', '2024'])
    for (const unit of ['A', 'B', 'C'])
      for (const code of codes) assert.ok(keys.has(`${period}|${unit}|${code}`));
  assertScores(rows, '2024', expected2024);
  assertScores(rows, '2023', expected2023);
  // C has no 2024 broadband value: an empty score and an empty rank, not 0 or NaN.
  assert.ok(lines.includes('C,broadband,2024,,'), 'missing score written as empty fields');
  assert.doesNotMatch(run.stdout, /NaN|undefined|null/);
  // Nothing but the inputs in the directory: the default output is standard output.
  assert.deepEqual(readdirSync(dir).sort(), ['data.csv', 'fw.yaml']);
});

test('JSON results: --out results.json implies --format json; records with unit, code, period, score, rank', (t) => {
  const dir = workspaceOf(t);
  const run = dxmon(dir, ...compute, '--out', 'results.json');
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '', 'the results go to the file only');
  const text = readFileSync(join(dir, 'results.json'), 'utf8');
  const records = JSON.parse(text) as Record<string, unknown>[];
  assert.ok(Array.isArray(records));
  assert.equal(records.length, 2 * 3 * 7);
  for (const r of records) {
    assert.deepEqual(Object.keys(r), ['unit', 'code', 'period', 'score', 'rank']);
    assert.equal(typeof r.period, 'string', 'periods stay text ("2024", not 2024)');
  }
  const missing = records.find(
    (r) => r.unit === 'C' && r.code === 'broadband' && r.period === '2024',
  );
  assert.deepEqual(missing, {
    unit: 'C',
    code: 'broadband',
    period: '2024',
    score: null,
    rank: null,
  });
  const rows = records as unknown as ResultRow[];
  assertScores(rows, '2024', expected2024);
  assertScores(rows, '2023', expected2023);
  assert.deepEqual(readdirSync(dir).sort(), ['data.csv', 'fw.yaml', 'results.json']);
});

test('--format csv wins over a .json output name', (t) => {
  const dir = workspaceOf(t);
  const run = dxmon(dir, ...compute, '--format', 'csv', '--out', 'results.json');
  assert.equal(run.status, 0, run.stderr);
  const rows = parseCsvResults(readFileSync(join(dir, 'results.json'), 'utf8'));
  assert.equal(rows.length, 42);
});

test('--period 2023 --out -: one period, on standard output, ties sharing the best rank', (t) => {
  const dir = workspaceOf(t);
  const run = dxmon(dir, ...compute, '--period', '2023', '--out', '-');
  assert.equal(run.status, 0, run.stderr);
  const rows = parseCsvResults(run.stdout);
  assert.deepEqual([...new Set(rows.map((r) => r.period))], ['2023']);
  assertScores(rows, '2023', expected2023);
  assert.equal(existsSync(join(dir, '-')), false, '"-" means standard output, not a file named -');
});

test('--period with a period the data lacks is an error listing the periods of the data', (t) => {
  const dir = workspaceOf(t);
  const run = dxmon(dir, ...compute, '--period', '2022', '--out', 'results.csv');
  assertRejected(run, dir, 'results.csv');
  assert.match(run.stderr, /--period "2022": no data for this period in data\.csv/);
  assert.match(run.stderr, /its periods are 2023, 2024/);
});

test('--normalise rank: each indicator scored by its rank among units, lowest value 1', (t) => {
  // online 50, 80, 100 -> 1, 2, 3; wait_days (lower is better) 10, 30, 20 -> 3, 1, 2;
  // ecom_share 25, 75, 62.5 -> 1, 3, 2; broadband 40, 60, missing -> 1, 2, missing.
  // GOV = (1+3)/2, (2+1)/2, (3+2)/2 = 2, 1.5, 2.5; ECO = (1+1)/2, (3+2)/2, 2/1 = 1, 2.5, 2;
  // INDEX = (2 GOV + ECO) / 3 = 5/3, 5.5/3, 7/3.
  const rows = computeCsv(workspaceOf(t), '--period', '2024', '--normalise', 'rank');
  assertScores(rows, '2024', {
    INDEX: [
      [5 / 3, 3],
      [5.5 / 3, 2],
      [7 / 3, 1],
    ],
    GOV: [
      [2, 2],
      [1.5, 3],
      [2.5, 1],
    ],
    online: [
      [1, 3],
      [2, 2],
      [3, 1],
    ],
    wait_days: [
      [3, 1],
      [1, 3],
      [2, 2],
    ],
    ECO: [
      [1, 3],
      [2.5, 1],
      [2, 2],
    ],
    ecom_share: [
      [1, 3],
      [3, 1],
      [2, 2],
    ],
    broadband: [
      [1, 2],
      [2, 1],
      [null, null],
    ],
  });
});

test('--normalise minmax:1:100: indicator scores in [1, 100]', (t) => {
  // Each default score s in [0, 100] becomes 1 + 99 s / 100, and the arithmetic means of
  // such scores are 1 + 0.99 times the default means; ranks do not change:
  // online 1, 60.4, 100; wait_days 100, 1, 50.5; ecom_share 1, 100, 75.25; broadband 1, 100, -;
  // GOV 50.5, 30.7, 75.25; ECO 1, 100, 75.25; INDEX (101+1)/3, (61.4+100)/3, (150.5+75.25)/3.
  const rows = computeCsv(workspaceOf(t), '--period', '2024', '--normalise', 'minmax:1:100');
  assertScores(rows, '2024', {
    INDEX: [
      [34, 3],
      [53.8, 2],
      [75.25, 1],
    ],
    GOV: [
      [50.5, 2],
      [30.7, 3],
      [75.25, 1],
    ],
    online: [
      [1, 3],
      [60.4, 2],
      [100, 1],
    ],
    wait_days: [
      [100, 1],
      [1, 3],
      [50.5, 2],
    ],
    ECO: [
      [1, 3],
      [100, 1],
      [75.25, 2],
    ],
    ecom_share: [
      [1, 3],
      [100, 1],
      [75.25, 2],
    ],
    broadband: [
      [1, 2],
      [100, 1],
      [null, null],
    ],
  });
});

test('--aggregate geometric: weighted geometric means; a zero child score gives 0', (t) => {
  // Indicator scores as by default. GOV = sqrt(online * wait_days): A sqrt(0*100) = 0,
  // B sqrt(60*0) = 0, C sqrt(100*50) = sqrt(5000) = 70.7107; ECO: A 0, B sqrt(100*100) = 100,
  // C 75 (its only present child); INDEX = (GOV^2 * ECO)^(1/3): A 0, B 0,
  // C (5000 * 75)^(1/3) = 375000^(1/3) = 72.1125. A and B tie at 0 and share rank 2.
  const rows = computeCsv(workspaceOf(t), '--period', '2024', '--aggregate', 'geometric');
  assertScores(
    rows,
    '2024',
    withChanges(expected2024, {
      INDEX: [
        [0, 2],
        [0, 2],
        [72.11247851537043, 1],
      ],
      GOV: [
        [0, 2],
        [0, 2],
        [70.71067811865476, 1],
      ],
      ECO: [
        [0, 3],
        [100, 1],
        [75, 2],
      ],
    }),
  );
});

test('--impute mean with --record: the missing value filled, and the run recorded', (t) => {
  // C's broadband = mean(40, 60) = 50 -> (50-40)/20*100 = 50, rank 2;
  // ECO C = (75 + 50)/2 = 62.5; INDEX C = (2*75 + 62.5)/3 = 70.8333; other ranks unchanged.
  const dir = workspaceOf(t);
  const run = dxmon(
    dir,
    ...compute,
    '--period',
    '2024',
    '--impute',
    'mean',
    '--out',
    'results.csv',
    '--record',
    'run.json',
  );
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '');
  const rows = parseCsvResults(readFileSync(join(dir, 'results.csv'), 'utf8'));
  assertScores(
    rows,
    '2024',
    withChanges(expected2024, {
      INDEX: [
        [100 / 3, 3],
        [160 / 3, 2],
        [212.5 / 3, 1],
      ],
      ECO: [
        [0, 3],
        [100, 1],
        [62.5, 2],
      ],
      broadband: [
        [0, 3],
        [100, 1],
        [50, 2],
      ],
    }),
  );
  const record = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
  assert.deepEqual(record.settings, {
    impute: 'mean',
    outliers: { method: 'none' },
    normalise: { method: 'minmax', range: [0, 100] },
    aggregate: { method: 'arithmetic', data_threshold: 0 },
  });
  assert.deepEqual(record.treatments, [
    { step: 'impute', period: '2024', indicator: 'broadband', unit: 'C', method: 'mean', to: 50 },
  ]);
  assert.deepEqual(record.periods, ['2024']);
  assert.equal(record.units, 3);
  assert.equal(record.data, 'data.csv');
  assert.equal(record.groupBy, null);
  assert.deepEqual(record.framework, { id: 'tiny', nodes: 7, indicators: 4 });
  assert.deepEqual(record.nodeSettings, {});
  assert.deepEqual(record.warnings, []);
  assert.deepEqual(readdirSync(dir).sort(), ['data.csv', 'fw.yaml', 'results.csv', 'run.json']);
});

test('--impute group-mean --group-by region: filled from the units of the same region', (t) => {
  // C is in region north with A alone, so C's broadband = A's 40 -> (40-40)/20*100 = 0, sharing
  // rank 2 with A; ECO C = (75 + 0)/2 = 37.5; INDEX C = (150 + 37.5)/3 = 62.5, still first.
  const rows = computeCsv(
    workspaceOf(t),
    '--period',
    '2024',
    '--impute',
    'group-mean',
    '--group-by',
    'region',
  );
  assertScores(
    rows,
    '2024',
    withChanges(expected2024, {
      INDEX: [
        [100 / 3, 3],
        [160 / 3, 2],
        [62.5, 1],
      ],
      ECO: [
        [0, 3],
        [100, 1],
        [37.5, 2],
      ],
      broadband: [
        [0, 2],
        [100, 1],
        [0, 2],
      ],
    }),
  );
});

test('--impute group-mean without --group-by is a clear error, and nothing is written', (t) => {
  const dir = workspaceOf(t);
  const run = dxmon(dir, ...compute, '--impute', 'group-mean', '--out', 'results.csv');
  assertRejected(run, dir, 'results.csv');
  assert.match(run.stderr, /group-mean imputation needs groups: add --group-by COLUMN/);
});

test('--group-by naming no column of the data is an error listing the columns', (t) => {
  const dir = workspaceOf(t);
  const run = dxmon(
    dir,
    ...compute,
    '--impute',
    'group-mean',
    '--group-by',
    'zone',
    '--out',
    'r.csv',
  );
  assertRejected(run, dir, 'r.csv');
  assert.match(run.stderr, /data\.csv:1: --group-by "zone" names no column/);
  assert.match(run.stderr, /"region"/);
});

test('--outliers winsorise: an outlier pulled in before normalisation, and recorded', (t) => {
  // x = 1..7 and 100 for u1..u8: 100 makes the indicator fail the JRC test (skewness >= 2 and
  // kurtosis >= 3.5), so it is winsorised to the next value, 7. Then min-max over 1..7:
  // u_i -> (i-1)/6*100, and u8 -> (7-1)/6*100 = 100, sharing rank 1 with u7.
  // (Untreated, u7 would score only (7-1)/99*100 = 6.06.)
  const units = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8'];
  const values = [1, 2, 3, 4, 5, 6, 7, 100];
  const dir = workspaceOf(t, {
    'fw.yaml': 'nodes:\n  - {code: INDEX}\n  - {code: x, parent: INDEX}\n',
    'data.csv': `unit,indicator,period,value\n${units.map((u, i) => `${u},x,2024,${values[i]}\n`).join('')}`,
  });
  const run = dxmon(dir, ...compute, '--outliers', 'winsorise', '--record', 'run.json');
  assert.equal(run.status, 0, run.stderr);
  const scores: [number, number][] = [
    [0, 8],
    [100 / 6, 7],
    [200 / 6, 6],
    [50, 5],
    [400 / 6, 4],
    [500 / 6, 3],
    [100, 1],
    [100, 1],
  ];
  const expected: Expected = { INDEX: scores, x: scores };
  assertScores(parseCsvResults(run.stdout), '2024', expected, units);
  const record = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
  assert.deepEqual(record.settings.outliers, {
    method: 'winsorise',
    max_points: 5,
    skewness: 2,
    kurtosis: 3.5,
  });
  assert.equal(record.treatments.length, 1);
  const [treatment] = record.treatments;
  assert.equal(treatment.step, 'outliers');
  assert.equal(treatment.indicator, 'x');
  assert.equal(treatment.outcome, 'winsorised');
  assert.ok(treatment.skewness >= 2 && treatment.kurtosis >= 3.5, 'it failed the test before');
  assert.deepEqual(treatment.points, [{ unit: 'u8', from: 100, to: 7, how: 'winsorised-high' }]);
});

test("a node's own settings in the framework win over the flags", (t) => {
  // wait_days keeps its goalposts [0, 50] under --normalise rank. Lower is better, so 0 days
  // scores 100 and 50 days 0: (50 - x)/50*100 = A 80, B 40, C 60. online is rank-normalised:
  // 1, 2, 3. GOV = (1+80)/2, (2+40)/2, (3+60)/2 = 40.5, 21, 31.5.
  const dir = workspaceOf(t, {
    'fw.yaml': framework.replace(
      '{code: wait_days, parent: GOV, direction: -1}',
      '{code: wait_days, parent: GOV, direction: -1, normalise: {method: goalposts, lower: 0, upper: 50}}',
    ),
  });
  const run = dxmon(
    dir,
    ...compute,
    '--period',
    '2024',
    '--normalise',
    'rank',
    '--record',
    'run.json',
  );
  assert.equal(run.status, 0, run.stderr);
  const rows = parseCsvResults(run.stdout);
  const gov = rows.filter((r) => ['GOV', 'online', 'wait_days'].includes(r.code));
  assertScores(gov, '2024', {
    GOV: [
      [40.5, 1],
      [21, 3],
      [31.5, 2],
    ],
    online: [
      [1, 3],
      [2, 2],
      [3, 1],
    ],
    wait_days: [
      [80, 1],
      [40, 3],
      [60, 2],
    ],
  });
  const record = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
  assert.deepEqual(record.settings.normalise, { method: 'rank' });
  assert.deepEqual(record.nodeSettings, {
    wait_days: { normalise: { method: 'goalposts', lower: 0, upper: 50, scale: 100 } },
  });
});

// x = 1, 2, 3, 5 -> (x - 1)/4*100 = 0, 25, 50, 100; ranks 4, 3, 2, 1.
const awkwardUnits = {
  'fw.yaml': 'nodes:\n  - {code: INDEX}\n  - {code: x, parent: INDEX}\n',
  // A UTF-8 BOM, CRLF line endings, and header names in other cases with spaces around them.
  'data.csv': [
    '\uFEFFUnit , INDICATOR,Period,VALUE',
    '"Hà Nội, Thủ đô",x,2024,1',
    '"Say ""hi""",x,2024,2',
    'Tuyên Quang,x,2024,3',
    'Hà Giang,x,2024,5',
    '',
  ].join('\r\n'),
};

test('unit codes with commas, quotes and Vietnamese letters: CSV quoting, BOM and CRLF input', (t) => {
  const dir = workspaceOf(t, awkwardUnits);
  const run = dxmon(dir, ...compute, '--out', 'results.csv');
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  const expected = [
    'unit,code,period,score,rank',
    '"Hà Nội, Thủ đô",INDEX,2024,0,4',
    '"Hà Nội, Thủ đô",x,2024,0,4',
    '"Say ""hi""",INDEX,2024,25,3',
    '"Say ""hi""",x,2024,25,3',
    'Tuyên Quang,INDEX,2024,50,2',
    'Tuyên Quang,x,2024,50,2',
    'Hà Giang,INDEX,2024,100,1',
    'Hà Giang,x,2024,100,1',
    '',
  ].join('\n');
  // Compared as bytes: UTF-8 without a BOM, LF line endings.
  assert.deepEqual(readFileSync(join(dir, 'results.csv')), Buffer.from(expected, 'utf8'));
});

test('unit codes with commas, quotes and Vietnamese letters round-trip through JSON', (t) => {
  const dir = workspaceOf(t, awkwardUnits);
  const run = dxmon(dir, ...compute, '--format', 'json');
  assert.equal(run.status, 0, run.stderr);
  const records = JSON.parse(run.stdout) as ResultRow[];
  assert.deepEqual(
    records.filter((r) => r.code === 'x').map((r) => [r.unit, r.score, r.rank]),
    [
      ['Hà Nội, Thủ đô', 0, 4],
      ['Say "hi"', 25, 3],
      ['Tuyên Quang', 50, 2],
      ['Hà Giang', 100, 1],
    ],
  );
});

test('standard output closed early (dxmon ... | head -1) ends quietly, without a stack trace', (t) => {
  // 3000 units x 2 nodes is about 100 kB of output: more than a pipe holds, so writing goes on
  // after head has exited.
  const rows = Array.from({ length: 3000 }, (_, i) => `unit${i},x,2024,${i}`);
  const dir = workspaceOf(t, {
    'fw.yaml': 'nodes:\n  - {code: INDEX}\n  - {code: x, parent: INDEX}\n',
    'data.csv': `unit,indicator,period,value\n${rows.join('\n')}\n`,
  });
  const command = `"${process.execPath}" "${binPath}" compute --framework fw.yaml --data data.csv | head -n 1`;
  const run = spawnSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.stdout, 'unit,code,period,score,rank\n');
  assert.doesNotMatch(run.stderr, /EPIPE|\n\s+at /);
});

function workspaceOf(t: TestContext, files: Record<string, string> = {}): string {
  return workspace(t, { ...inputs, ...files });
}

/** Runs compute with extra flags, expecting success, and parses the CSV it prints. */
function computeCsv(dir: string, ...flags: string[]): ResultRow[] {
  const run = dxmon(dir, ...compute, ...flags);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  return parseCsvResults(run.stdout);
}
