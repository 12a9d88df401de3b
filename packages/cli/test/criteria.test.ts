// `dxmon criteria` run as its own process.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { csvParse } from 'd3-dsv';
import { assertRejected, dxmon, problemLines, workspace } from './support.js';

// Three mandatory criteria, two optional of which one must hold.
const model = `id: commune-dx-model
version: "1.0"
name: Commune-level DX model
criteria:
  - {code: C1, indicator: portal, op: "==", value: true}
  - {code: C2, indicator: online, op: ">=", value: 50}
  - {code: C3, indicator: days, op: "<=", value: 5}
  - {code: C4, indicator: eid, op: ">=", value: 70, mandatory: false}
  - {code: C5, indicator: cashless, op: ">", value: 40, mandatory: false}
pass: {mandatory: all, optional_min: 1}
`;

// X1 meets everything; X2 misses C2's value; X3 fails C3 (days 6); X4 meets the mandatory ones
// but neither optional (eid 60, cashless missing); X5 meets with one optional. 2023 only counts.
const data = `unit,indicator,period,value
X1,portal,2023,1
X1,online,2023,80
X1,days,2023,3
X1,eid,2023,90
X1,cashless,2023,60
X2,portal,2023,1
X2,online,2023,
X2,days,2023,2
X2,eid,2023,95
X3,portal,2023,1
X3,online,2023,60
X3,days,2023,6
X3,eid,2023,80
X4,portal,2023,1
X4,online,2023,50
X4,days,2023,5
X4,eid,2023,60
X5,portal,2023,1
X5,online,2023,51
X5,days,2023,4.5
X5,cashless,2023,41
X5,portal,2022,0
`;

interface UnitResult {
  unit: string;
  met: boolean;
  failed: string[];
  missing: string[];
}

test('JSON: who meets the model, what failed and what is missing', (t) => {
  const dir = workspace(t, { 'model.yaml': model, 'data.csv': data });
  const run = dxmon(
    dir,
    'criteria',
    '--model',
    'model.yaml',
    '--data',
    'data.csv',
    '--period',
    '2023',
    '--format',
    'json',
  );
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout) as {
    units: UnitResult[];
    summary: { units: number; met: number; share: number };
  };
  const by = Object.fromEntries(out.units.map((u) => [u.unit, u]));
  assert.deepEqual(
    out.units.map((u) => [u.unit, u.met]),
    [
      ['X1', true],
      ['X2', false],
      ['X3', false],
      ['X4', false],
      ['X5', true],
    ],
  );
  assert.deepEqual([by.X2?.failed, by.X2?.missing], [[], ['C2', 'C5']]);
  assert.deepEqual([by.X3?.failed, by.X3?.missing], [['C3'], ['C5']]);
  assert.deepEqual([by.X4?.failed, by.X4?.missing], [['C4'], ['C5']]);
  assert.deepEqual([by.X5?.failed, by.X5?.missing], [[], ['C4']]);
  assert.deepEqual(out.summary, { units: 5, met: 2, share: 40 });
});

test('text by default on the terminal, ending with the headline', (t) => {
  const dir = workspace(t, { 'model.yaml': model, 'data.csv': data });
  const run = dxmon(
    dir,
    'criteria',
    '--model',
    'model.yaml',
    '--data',
    'data.csv',
    '--period',
    '2023',
  );
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines.at(-1), '2 of 5 units (40.0%) meet commune-dx-model 1.0');
  assert.ok(lines.includes('  X2: missing C2, C5'), run.stdout);
  assert.match(run.stdout, /C2 +mandatory +online >= 50: 4 met, 0 failed, 1 missing/);
});

test('another period gives another answer: X5 fails in 2022 with its portal off', (t) => {
  const dir = workspace(t, { 'model.yaml': model, 'data.csv': data });
  const run = dxmon(
    dir,
    'criteria',
    '--model',
    'model.yaml',
    '--data',
    'data.csv',
    '--period',
    '2022',
    '--format',
    'json',
  );
  assert.equal(run.status, 0, run.stderr);
  const x5 = (JSON.parse(run.stdout).units as UnitResult[]).find((u) => u.unit === 'X5');
  assert.deepEqual(x5?.failed, ['C1']);
  assert.equal(x5?.met, false);
});

test('CSV to a file: one row per unit, codes separated by ";"', (t) => {
  const dir = workspace(t, { 'model.yaml': model, 'data.csv': data });
  const run = dxmon(
    dir,
    'criteria',
    '--model',
    'model.yaml',
    '--data',
    'data.csv',
    '--period',
    '2023',
    '--out',
    'out.csv',
  );
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '');
  const rows = csvParse(readFileSync(join(dir, 'out.csv'), 'utf8'));
  assert.deepEqual(rows.columns, [
    'unit',
    'met',
    'mandatory_met',
    'optional_met',
    'failed',
    'missing',
  ]);
  assert.deepEqual(
    { ...rows[1] },
    {
      unit: 'X2',
      met: 'false',
      mandatory_met: '2',
      optional_met: '1',
      failed: '',
      missing: 'C2;C5',
    },
  );
});

test('a malformed model: every problem with file, line and field; exit 1, nothing written', (t) => {
  const bad = `id: m
version: "1"
criteria:
  - {code: C1, indicator: portal, op: "=>", value: 1}
  - {code: C2, indicator: online, op: ">=", value: fifty, mandatory: false}
pass: {mandatory: all, optional_min: 1}
`;
  const dir = workspace(t, { 'model.yaml': bad, 'data.csv': data });
  const run = dxmon(
    dir,
    'criteria',
    '--model',
    'model.yaml',
    '--data',
    'data.csv',
    '--period',
    '2023',
    '--out',
    'out.json',
  );
  assertRejected(run, dir, 'out.json');
  const lines = problemLines(run.stderr);
  assert.ok(
    lines.some((l) => l.startsWith('model.yaml:4: criteria[0].op: op must be one of')),
    lines.join('\n'),
  );
  assert.ok(
    lines.some((l) => l.startsWith('model.yaml:5: criteria[1].value: ') && l.includes('"fifty"')),
    lines.join('\n'),
  );
});

test('an indicator without data and a period without data are named', (t) => {
  const dir = workspace(t, {
    'model.yaml': model.replace('indicator: eid', 'indicator: e_id'),
    'data.csv': data,
  });
  const unknown = dxmon(
    dir,
    'criteria',
    '--model',
    'model.yaml',
    '--data',
    'data.csv',
    '--period',
    '2023',
  );
  assertRejected(unknown, dir);
  assert.deepEqual(problemLines(unknown.stderr), [
    'model.yaml:8: criteria[3].indicator: indicator "e_id" has no data in data.csv; did you mean "eid"?',
  ]);
  const period = dxmon(
    dir,
    'criteria',
    '--model',
    'model.yaml',
    '--data',
    'data.csv',
    '--period',
    '2030',
  );
  assertRejected(period, dir);
  assert.match(
    period.stderr,
    /--period "2030": data\.csv has no data for it \(periods: 2022, 2023\)/,
  );
});

test('bad data rows are reported with their line, and an empty model file is refused', (t) => {
  const dir = workspace(t, {
    'model.yaml': model,
    'data.csv': `${data}X6,portal,2023,yes\n`,
    'empty.yaml': '\n',
  });
  const run = dxmon(
    dir,
    'criteria',
    '--model',
    'model.yaml',
    '--data',
    'data.csv',
    '--period',
    '2023',
  );
  assertRejected(run, dir);
  assert.ok(
    problemLines(run.stderr).some((l) => l.startsWith('data.csv:24:')),
    run.stderr,
  );
  const empty = dxmon(
    dir,
    'criteria',
    '--model',
    'empty.yaml',
    '--data',
    'data.csv',
    '--period',
    '2023',
  );
  assertRejected(empty, dir);
  assert.match(empty.stderr, /empty\.yaml: the file is empty/);
});

test('the worked example of the methodology: 2 of 5 communes', () => {
  const root = new URL('../../../', import.meta.url).pathname;
  assert.ok(existsSync(join(root, 'data/examples/communes/model.yaml')));
  const run = dxmon(
    root,
    'criteria',
    '--model',
    'data/examples/communes/model.yaml',
    '--data',
    'data/examples/communes/data.csv',
    '--period',
    '2023',
    '--format',
    'json',
  );
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout) as { units: UnitResult[] };
  // Worked out by hand in docs/methodology.md, "Criteria models".
  assert.deepEqual(
    out.units.filter((u) => u.met).map((u) => u.unit),
    ['Gia Vien', 'Kim Son'],
  );
  const byUnit = Object.fromEntries(out.units.map((u) => [u.unit, u]));
  assert.deepEqual(byUnit['Yen Mo']?.missing, ['C3']);
  assert.deepEqual(byUnit['Hoa Lu']?.failed, ['C4', 'C5']);
});
