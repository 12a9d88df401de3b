// Bad input to `dxmon compute`, run as its own process: each case exits with code 1, prints
// messages naming the file, the line and column where there is one, and the offending value,
// and writes no output file (nor leaves a temporary *.partial one).
//
// The data of support.ts has, by line: 1 header; 2-6 unit A in 2024 (online, wait_days,
// ecom_firms, firms, broadband); 7-11 B in 2024; 12-16 C in 2024; 17-31 the same for 2023.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import {
  assertRejected,
  data,
  dxmon,
  framework,
  problemLines,
  type Run,
  workspace,
} from './support.js';

const compute = ['compute', '--framework', 'fw.yaml', '--data', 'data.csv', '--out', 'results.csv'];

/** Runs compute on `files` (defaults: the worked example) and checks that it was rejected. */
function rejected(
  t: TestContext,
  files: Record<string, string | Uint8Array>,
  ...flags: string[]
): Run {
  const dir = workspace(t, { 'fw.yaml': framework, 'data.csv': data, ...files });
  const run = dxmon(dir, ...compute, ...flags, '--record', 'run.json');
  assertRejected(run, dir, 'results.csv', 'run.json');
  return run;
}

/** The example data with some lines (by number; 1 = the header) replaced. */
function withLines(changes: Record<number, string>): string {
  return data
    .split('\n')
    .map((line, i) => changes[i + 1] ?? line)
    .join('\n');
}

test('non-numeric values: "12,5" (a decimal comma) and "abc", each with its line', (t) => {
  const text = withLines({
    8: 'B,wait_days,2024,"12,5",south',
    14: 'C,ecom_firms,2024,abc,north',
  });
  const run = rejected(t, { 'data.csv': text });
  assert.match(run.stderr, /^dxmon: the input has problems; nothing was written\n/);
  assert.deepEqual(problemLines(run.stderr), [
    'data.csv:8: column "value": "12,5" is not a number (use "." as the decimal mark, without thousands separators)',
    'data.csv:14: column "value": "abc" is not a number',
  ]);
});

test('bad periods: "23" and "2023-13"', (t) => {
  const text = withLines({ 23: 'B,wait_days,23,20,south', 27: 'C,online,2023-13,80,north' });
  const run = rejected(t, { 'data.csv': text });
  assert.deepEqual(problemLines(run.stderr), [
    'data.csv:23: column "period": "23" is not a period; write 2024, 2024Q3, 2024-07 or 2024-07-15',
    'data.csv:27: column "period": "2023-13" is not a period; write 2024, 2024Q3, 2024-07 or 2024-07-15',
  ]);
});

test('an empty unit code', (t) => {
  const run = rejected(t, { 'data.csv': withLines({ 12: ',online,2024,100,north' }) });
  assert.deepEqual(problemLines(run.stderr), [
    'data.csv:12: column "unit": the unit code is empty',
  ]);
});

test('a duplicate row: the message names both lines', (t) => {
  const run = rejected(t, { 'data.csv': `${data}A,online,2024,55,north\n` }); // line 32
  assert.deepEqual(problemLines(run.stderr), [
    'data.csv:32: duplicate row: unit "A", indicator "online", period "2024" already has a value at line 2',
  ]);
});

test('an indicator in the data that the framework does not use', (t) => {
  const run = rejected(t, { 'data.csv': `${data}A,e_id,2024,94.23,north\n` }); // line 32
  assert.deepEqual(problemLines(run.stderr), [
    'data.csv:32: column "indicator": "e_id" is not an indicator of fw.yaml, nor read by any indicator\'s formula (1 value)',
  ]);
});

test('a misspelled indicator gets a "did you mean" naming the framework\'s code', (t) => {
  // Line 7 holds B's value of "online": spelt "onlin", it is read by no indicator.
  const run = rejected(t, { 'data.csv': withLines({ 7: 'B,onlin,2024,80,south' }) });
  assert.deepEqual(problemLines(run.stderr), [
    'data.csv:7: column "indicator": "onlin" is not an indicator of fw.yaml, nor read by any indicator\'s formula (1 value); did you mean "online"?',
  ]);
});

test('indicators without data, also a data element that a formula reads', (t) => {
  const text = data
    .split('\n')
    .filter((line) => !/,(broadband|firms),/.test(line))
    .join('\n');
  const run = rejected(t, { 'data.csv': text });
  assert.deepEqual(problemLines(run.stderr), [
    'fw.yaml: indicator "ecom_share" reads "firms", which has no data: no row of the data has indicator "firms" (data.csv)',
    'fw.yaml: indicator "broadband" has no data: no row of the data has indicator "broadband" (data.csv)',
  ]);
});

test('an empty file, and a file with only a header (and blank lines)', (t) => {
  const empty = rejected(t, { 'data.csv': '' });
  assert.match(
    empty.stderr,
    /^dxmon: data\.csv: the file is empty; expected a header line "unit,indicator,period,value"/,
  );
  const headerOnly = rejected(t, { 'data.csv': 'unit,indicator,period,value\n\n\n' });
  assert.equal(headerOnly.stderr, 'dxmon: data.csv: the file has a header but no rows of data\n');
});

test('a header without a required column names what it found', (t) => {
  const run = rejected(t, {
    'data.csv': data.replace('unit,indicator,period,', 'unit,indicator,year,'),
  });
  assert.equal(
    run.stderr,
    'dxmon: data.csv:1: the header lacks column "period"; found "unit", "indicator", "year", "value", "region"; expected "unit,indicator,period,value"\n',
  );
});

// "Hà Nội" saved as Windows-1258/Latin-1 rather than UTF-8: 0xE0 and 0xF4 are not UTF-8 here.
const latin1 = Buffer.concat([
  Buffer.from('unit,indicator,period,value\nA,online,2024,1\n', 'utf8'),
  Buffer.from([0x48, 0xe0, 0x20, 0x4e, 0xf4, 0x69]), // line 3
  Buffer.from(',online,2024,2\n', 'utf8'),
]);

test('bytes that are not UTF-8: the line and column of the first bad byte', (t) => {
  const run = rejected(t, { 'data.csv': latin1 });
  assert.equal(run.stderr, 'dxmon: data.csv:3:2: not valid UTF-8 text; save the file as UTF-8\n');
});

test('a data or framework file that does not exist', (t) => {
  const dir = workspace(t, { 'fw.yaml': framework, 'data.csv': data });
  const noData = dxmon(
    dir,
    'compute',
    '--framework',
    'fw.yaml',
    '--data',
    'missing.csv',
    '--out',
    'r.csv',
  );
  assertRejected(noData, dir, 'r.csv');
  assert.equal(noData.stderr, 'dxmon: missing.csv: cannot read: no such file\n');
  const noFramework = dxmon(
    dir,
    'compute',
    '--framework',
    'fw.yml',
    '--data',
    'data.csv',
    '--out',
    'r.csv',
  );
  assertRejected(noFramework, dir, 'r.csv');
  assert.equal(noFramework.stderr, 'dxmon: fw.yml: cannot read: no such file\n');
});

test('framework errors: cycle, unknown parent, negative weight, several roots', async (t) => {
  const cases: [string, string, string][] = [
    [
      'cycle',
      `${framework}  - {code: P, parent: Q}\n  - {code: Q, parent: P}\n`,
      'fw.yaml: nodes form a cycle: "P" -> "Q" -> "P"',
    ],
    [
      'unknown parent',
      framework.replace('{code: broadband, parent: ECO}', '{code: broadband, parent: ECON}'),
      'fw.yaml: node "broadband" has parent "ECON", which is not a node of the framework',
    ],
    [
      'negative weight',
      framework.replace('parent: INDEX, weight: 1}', 'parent: INDEX, weight: -1}'),
      'fw.yaml: node "ECO" (nodes[4]) field "weight": weight must be a positive number, got -1',
    ],
    [
      'several roots',
      `${framework}  - {code: INDEX2, name: Another index}\n`,
      'fw.yaml: node "INDEX2" has no parent, but "INDEX" is already the root; a framework has one root (the index)',
    ],
  ];
  for (const [name, text, message] of cases) {
    await t.test(name, (tt) => {
      const run = rejected(tt, { 'fw.yaml': text });
      assert.match(run.stderr, /^dxmon: the input has problems; nothing was written\n/);
      assert.ok(problemLines(run.stderr).includes(message), `"${message}" in:\n${run.stderr}`);
    });
  }
});

test('bad flag values: --normalise foo, --aggregate generalised without p, --format xml', async (t) => {
  const cases: [string[], string][] = [
    [
      ['--normalise', 'foo'],
      'dxmon: --normalise "foo": unknown method; use minmax, zscore, goalposts or rank',
    ],
    [
      ['--aggregate', 'generalised'],
      'dxmon: --aggregate "generalised": write generalised:P with the order P (e.g. generalised:0.5)',
    ],
    [['--format', 'xml'], 'dxmon: --format "xml": use csv or json'],
  ];
  for (const [flags, message] of cases) {
    await t.test(flags.join(' '), (tt) => {
      const run = rejected(tt, {}, ...flags);
      assert.ok(run.stderr.startsWith(message), run.stderr);
    });
  }
});

test('several problems in one file are all reported in one run, in line order', (t) => {
  const text = `${withLines({
    3: 'A,wait_days,2024,"1,5",north',
    9: 'B,ecom_firms,20244,30,south',
    12: ',online,2024,abc,north',
  })}B,online,2024,81,south\nB,e_id,2024,1,south\n`; // lines 32 and 33
  const run = rejected(t, { 'data.csv': text });
  assert.deepEqual(problemLines(run.stderr), [
    'data.csv:3: column "value": "1,5" is not a number (use "." as the decimal mark, without thousands separators)',
    'data.csv:9: column "period": "20244" is not a period; write 2024, 2024Q3, 2024-07 or 2024-07-15',
    'data.csv:12: column "unit": the unit code is empty',
    'data.csv:12: column "value": "abc" is not a number',
    'data.csv:32: duplicate row: unit "B", indicator "online", period "2024" already has a value at line 7',
    'data.csv:33: column "indicator": "e_id" is not an indicator of fw.yaml, nor read by any indicator\'s formula (1 value)',
  ]);
});

test('--group-by: a unit given two groups is reported with both lines', (t) => {
  const run = rejected(
    t,
    { 'data.csv': withLines({ 9: 'B,ecom_firms,2024,30,north' }) },
    '--group-by',
    'region',
  );
  assert.deepEqual(problemLines(run.stderr), [
    'data.csv:9: column "region": unit "B" is in "north" here but in "south" at line 7',
  ]);
});

test('rows with more fields than the header (an unquoted decimal comma) or fewer', (t) => {
  const text = withLines({ 8: 'B,wait_days,2024,12,5,south', 12: 'C,online' });
  const run = rejected(t, { 'data.csv': text });
  assert.deepEqual(problemLines(run.stderr), [
    'data.csv:8: the row has 6 fields but the header has 5; is there an unquoted comma, such as a decimal comma ("12,5")?',
    'data.csv:12: the row has 2 fields but the header has 5',
  ]);
});

test('an indicator whose rows are all refused is reported by its rows, not also as absent', (t) => {
  // broadband is on lines 6, 11, 16, 21, 26 and 31.
  const text = data.replace(/^([ABC]),broadband,(\d{4}),\d*,/gm, '$1,broadband,$2,n/a,');
  const run = rejected(t, { 'data.csv': text });
  assert.deepEqual(
    problemLines(run.stderr),
    [6, 11, 16, 21, 26, 31].map(
      (line) => `data.csv:${line}: column "value": "n/a" is not a number`,
    ),
  );
});

test('an output or record file that cannot be written: nothing is left behind', async (t) => {
  for (const flags of [
    ['--out', 'no-such-dir/results.csv'],
    ['--out', 'results.csv', '--record', 'no-such-dir/run.json'],
  ]) {
    await t.test(flags.join(' '), (tt) => {
      const dir = workspace(tt, { 'fw.yaml': framework, 'data.csv': data });
      const run = dxmon(dir, 'compute', '--framework', 'fw.yaml', '--data', 'data.csv', ...flags);
      assertRejected(run, dir, 'results.csv');
      const target = flags.find((f) => f.startsWith('no-such-dir/')) as string;
      assert.ok(run.stderr.startsWith(`dxmon: ${target}: cannot write: `), run.stderr);
    });
  }
});

test('--out naming a directory: a message, and the run record is not written either', (t) => {
  const dir = workspace(t, { 'fw.yaml': framework, 'data.csv': data });
  mkdirSync(join(dir, 'results'));
  const run = dxmon(
    dir,
    'compute',
    '--framework',
    'fw.yaml',
    '--data',
    'data.csv',
    '--out',
    'results',
    '--record',
    'run.json',
  );
  assertRejected(run, dir, 'run.json');
  assert.match(run.stderr, /^dxmon: results: cannot write: /);
});
