// `dxmon forecast` run as its own process.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvParse } from 'd3-dsv';
import { assertRejected, dxmon, workspace } from './support.js';

const framework = `id: mini
name: Mini index
nodes:
  - { code: INDEX, name: Index }
  - { code: A, name: Access, parent: INDEX, weight: 1 }
  - { code: B, name: Business, parent: INDEX, weight: 1 }
  - { code: a1, name: Online services, parent: A, direction: 1 }
  - { code: b1, name: E-invoices, parent: B, direction: 1 }
`;

// Five units over six years: U1 leads steadily, U2 climbs fast, U3 to U5 stay where they are.
const rows: string[] = [];
const paths: Record<string, number[]> = {
  U1: [80, 81, 82, 83, 84, 85],
  U2: [40, 50, 60, 70, 78, 84],
  U3: [50, 50, 51, 51, 52, 52],
  U4: [30, 31, 30, 31, 30, 31],
  U5: [20, 20, 21, 21, 22, 22],
};
for (const [unit, values] of Object.entries(paths))
  values.forEach((v, i) => {
    rows.push(`${unit},a1,${2019 + i},${v}`, `${unit},b1,${2019 + i},${v + 3}`);
  });
const data = `unit,indicator,period,value\n${rows.join('\n')}\n`;

test("next year's score with intervals and rank-change odds: the climber is likely to overtake", (t) => {
  const dir = workspace(t, { 'fw.yaml': framework, 'data.csv': data });
  const run = dxmon(
    dir,
    'forecast',
    '--framework',
    'fw.yaml',
    '--data',
    'data.csv',
    '--format',
    'csv',
  );
  assert.equal(run.status, 0, run.stderr);
  const out = csvParse(run.stdout);
  assert.equal(out.length, 5);
  const u2 = out.find((r) => r.unit === 'U2');
  assert.equal(u2?.rank, '2');
  assert.ok(Number(u2?.['p_up-1-2']) > 0.5, JSON.stringify(u2));
  assert.ok(
    Number(u2?.p80_lower) <= Number(u2?.projection) &&
      Number(u2?.projection) <= Number(u2?.p80_upper),
  );
  const u4 = out.find((r) => r.unit === 'U4');
  assert.ok(Number(u4?.p_same) > 0.9, JSON.stringify(u4));
  const sum = ['up-3+', 'up-1-2', 'same', 'down-1-2', 'down-3+'].reduce(
    (s, b) => s + Number(u4?.[`p_${b}`]),
    0,
  );
  assert.ok(Math.abs(sum - 1) < 1e-9);
  // The same seed gives the same answer.
  const again = dxmon(
    dir,
    'forecast',
    '--framework',
    'fw.yaml',
    '--data',
    'data.csv',
    '--format',
    'csv',
  );
  assert.equal(again.stdout, run.stdout);
});

test('one unit as text; bad input is refused with a message and exit 1', (t) => {
  const dir = workspace(t, { 'fw.yaml': framework, 'data.csv': data });
  const one = dxmon(
    dir,
    'forecast',
    '--framework',
    'fw.yaml',
    '--data',
    'data.csv',
    '--unit',
    'U2',
  );
  assert.equal(one.status, 0, one.stderr);
  assert.match(
    one.stdout,
    /^Index forecast for 2025 from the data up to 2024 \(2000 draws, seed 1\):\nU2: rank 2 of 5 now/,
  );
  assertRejected(
    dxmon(dir, 'forecast', '--framework', 'fw.yaml', '--data', 'data.csv', '--unit', 'U9'),
    dir,
  );
  const bad = dxmon(
    dir,
    'forecast',
    '--framework',
    'fw.yaml',
    '--data',
    'data.csv',
    '--unit',
    'U22',
  );
  assert.match(bad.stderr, /--unit "U22": no such unit in data\.csv; did you mean "U2"\?/);
  assertRejected(
    dxmon(dir, 'forecast', '--framework', 'fw.yaml', '--data', 'data.csv', '--period', '2023'),
    dir,
  );
  assertRejected(
    dxmon(dir, 'forecast', '--framework', 'fw.yaml', '--data', 'data.csv', '--draws', 'many'),
    dir,
  );
});
