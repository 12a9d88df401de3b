import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import type { Panel } from '@dxmon/engine';
import { CliError } from '../src/cliError.js';
import { type DataInput, readDataCsv } from '../src/input/readDataCsv.js';
import { scanRows } from '../src/input/scanRows.js';
import type { HelperThread } from '../src/parallel/helperThread.js';

/** Writes `text` to data.csv in a fresh directory (removed after the test); returns its path. */
function dataFile(t: TestContext, text: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'dxmon-read-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'data.csv');
  writeFileSync(path, text);
  return path;
}

/** The value of one cell of the panel (NaN: missing; undefined: no such unit, series or period). */
function cell(panel: Panel, unit: string, series: string, period: string): number | undefined {
  const u = panel.units.indexOf(unit);
  const s = panel.series.indexOf(series);
  const p = panel.periods.indexOf(period);
  if (u < 0 || s < 0 || p < 0) return undefined;
  return panel.values[(p * panel.series.length + s) * panel.units.length + u];
}

async function read(t: TestContext, text: string, groupBy?: string): Promise<DataInput> {
  const path = dataFile(t, text);
  const input = await readDataCsv(path, groupBy === undefined ? {} : { groupBy });
  // Messages start with the path; strip it to compare them.
  input.problems = input.problems.map((p) => p.replace(path, 'data.csv'));
  return input;
}

async function refused(t: TestContext, text: string | Uint8Array, message: RegExp): Promise<void> {
  const path = dataFile(t, text);
  await assert.rejects(readDataCsv(path), (error: unknown) => {
    assert.ok(error instanceof CliError, `a CliError, not ${String(error)}`);
    assert.ok(error.message.startsWith(path), 'the message names the file');
    assert.match(error.message, message);
    return true;
  });
}

test('reads long data into a panel: empty values are missing, periods in order', async (t) => {
  const { panel, problems } = await read(
    t,
    'unit,indicator,period,value\nA,x,2024,1.5\nB,x,2024,\nA,x,2023,-2\nB,y,2023,1e3\n',
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(panel.units, ['A', 'B']);
  assert.deepEqual(panel.series, ['x', 'y']);
  assert.deepEqual(panel.periods, ['2023', '2024']);
  assert.equal(cell(panel, 'A', 'x', '2024'), 1.5);
  assert.ok(Number.isNaN(cell(panel, 'B', 'x', '2024')), 'an empty value is missing');
  assert.equal(cell(panel, 'A', 'x', '2023'), -2);
  assert.equal(cell(panel, 'B', 'y', '2023'), 1000);
  assert.ok(Number.isNaN(cell(panel, 'A', 'y', '2023')), 'an absent row is missing');
});

test('line numbers stay right after a quoted field that spans two lines', async (t) => {
  const text = [
    'unit,indicator,period,value', // 1
    '"Hà Nội', // 2: the unit's name goes on
    '(thủ đô)",x,2024,1', // 3
    'B,x,2024,abc', // 4
    'C,"x', // 5
    'y",2024,2', // 6
    'C,x,2024,zz', // 7
    '"Hà Nội', // 8
    '(thủ đô)",x,2024,9', // 9: a duplicate of lines 2-3
    '',
  ].join('\n');
  const { panel, problems } = await read(t, text);
  assert.deepEqual(panel.units, ['Hà Nội\n(thủ đô)', 'C']);
  assert.deepEqual(panel.series, ['x', 'x\ny']);
  // A duplicate is reported at the line where its record starts; the first at line 2.
  assert.deepEqual(problems, [
    'data.csv:4: column "value": "abc" is not a number',
    'data.csv:7: column "value": "zz" is not a number',
    'data.csv:8: duplicate row: unit "Hà Nội\n(thủ đô)", indicator "x", period "2024" already has a value at line 2',
  ]);
});

test('line numbers stay right with CRLF line endings and a quoted CRLF inside a field', async (t) => {
  const text = 'unit,indicator,period,value\r\n"A\r\nB",x,2024,1\r\nC,x,2024,?\r\n';
  const { panel, problems } = await read(t, text);
  assert.deepEqual(panel.units, ['A\r\nB']);
  assert.deepEqual(problems, ['data.csv:4: column "value": "?" is not a number']);
});

test('blank lines are skipped, and counted in line numbers', async (t) => {
  const text = 'unit,indicator,period,value\n\nA,x,2024,1\n\n\nB,x,2024,bad\nC,x,2024,3\n\n\n';
  const { panel, problems } = await read(t, text);
  assert.deepEqual(panel.units, ['A', 'C']);
  assert.deepEqual(problems, ['data.csv:6: column "value": "bad" is not a number']);
});

test('extra columns are ignored, whatever they hold', async (t) => {
  const text = [
    'unit,indicator,period,value,source,note',
    'A,x,2024,1,Sở TT&TT,"checked, ok"',
    'B,x,2024,2,,not a number at all',
    '',
  ].join('\n');
  const { panel, problems } = await read(t, text);
  assert.deepEqual(problems, []);
  assert.deepEqual(panel.series, ['x']);
  assert.equal(cell(panel, 'A', 'x', '2024'), 1);
  assert.equal(cell(panel, 'B', 'x', '2024'), 2);
});

test('header names are case-insensitive and trimmed, in any order; a BOM is dropped', async (t) => {
  const text = '\uFEFF Value ,PERIOD,Indicator,  unit\n7,2024,x,A\n8,2024,x,B\n';
  const { panel, problems } = await read(t, text);
  assert.deepEqual(problems, []);
  assert.deepEqual(panel.units, ['A', 'B']);
  assert.equal(cell(panel, 'A', 'x', '2024'), 7);
  assert.equal(cell(panel, 'B', 'x', '2024'), 8);
});

test('fields are trimmed: codes, periods and values', async (t) => {
  const { panel, problems } = await read(t, 'unit,indicator,period,value\n A , x , 2024 , 12.5 \n');
  assert.deepEqual(problems, []);
  assert.equal(cell(panel, 'A', 'x', '2024'), 12.5);
});

test('periods: year, quarter, month and day; anything else is reported', async (t) => {
  const good = ['2024', '2024Q3', '2024-07', '2024-07-15'];
  const bad = ['24', '2024Q5', '2024-13', '2024-7', '2024-07-32', 'FY2024', '2024/07'];
  const rows = [...good, ...bad].map((period, i) => `U${i},x,${period},1`);
  const { panel, problems } = await read(t, `unit,indicator,period,value\n${rows.join('\n')}\n`);
  assert.deepEqual([...panel.periods].sort(), [...good].sort());
  assert.deepEqual(
    problems,
    bad.map(
      (period, i) =>
        `data.csv:${good.length + i + 2}: column "period": "${period}" is not a period; write 2024, 2024Q3, 2024-07 or 2024-07-15`,
    ),
  );
});

test('values: decimal numbers only; a decimal comma gets a hint', async (t) => {
  const good: [string, number][] = [
    ['0', 0],
    ['-3', -3],
    ['+3', 3],
    ['.5', 0.5],
    ['5.', 5],
    ['6.19', 6.19],
    ['2.5E-3', 0.0025],
  ];
  const bad = ['"12,5"', '"69,586"', 'abc', 'NaN', 'Infinity', '0x10', '1_000', '12%', '-'];
  const rows = [...good.map(([v]) => v), ...bad].map((value, i) => `U${i},x,2024,${value}`);
  const { panel, problems } = await read(t, `unit,indicator,period,value\n${rows.join('\n')}\n`);
  good.forEach(([, number], i) => {
    assert.equal(cell(panel, `U${i}`, 'x', '2024'), number);
  });
  const hint = ' (use "." as the decimal mark, without thousands separators)';
  assert.deepEqual(
    problems,
    bad.map((value, i) => {
      const text = value.replaceAll('"', '');
      const line = good.length + i + 2;
      return `data.csv:${line}: column "value": "${text}" is not a number${text.includes(',') ? hint : ''}`;
    }),
  );
});

test('empty unit and indicator codes are reported', async (t) => {
  const { problems } = await read(t, 'unit,indicator,period,value\n,x,2024,1\nA, ,2024,1\n');
  assert.deepEqual(problems, [
    'data.csv:2: column "unit": the unit code is empty',
    'data.csv:3: column "indicator": the indicator code is empty',
  ]);
});

test('--group-by: a case-insensitive column; each unit in one group', async (t) => {
  const text =
    'unit,indicator,period,value,Region\nA,x,2024,1,north\nB,x,2024,2,\nA,y,2024,3,north\n';
  const { groupLabels, problems } = await read(t, text, 'region');
  assert.deepEqual(problems, []);
  assert.deepEqual(groupLabels, ['north', undefined], 'an empty group label means no group');
  const mixed = await read(t, `${text}A,z,2024,4,south\n`, 'region');
  assert.deepEqual(mixed.problems, [
    'data.csv:5: column "region": unit "A" is in "south" here but in "north" at line 2',
  ]);
});

test('seriesLine gives the line of the first row of a series', async (t) => {
  const input = await read(
    t,
    'unit,indicator,period,value\n"A\nA",x,2024,1\nA,y,2024,2\nB,y,2024,3\n',
  );
  assert.equal(input.seriesLine('x'), 2);
  assert.equal(input.seriesLine('y'), 4);
});

test('an empty file, a header-only file and a header without a required column are refused', async (t) => {
  await refused(t, '', /: the file is empty; expected a header line "unit,indicator,period,value"/);
  await refused(t, ' \n\n', /: the file is empty/);
  await refused(t, 'unit,indicator,period,value\n', /: the file has a header but no rows of data$/);
  await refused(
    t,
    'unit,indicator,period,value\n\n\n',
    /: the file has a header but no rows of data$/,
  );
  await refused(
    t,
    'Unit,Indicator\nA,x\n',
    /:1: the header lacks columns "period", "value"; found "Unit", "Indicator"; expected "unit,indicator,period,value"$/,
  );
});

test('a file that is not UTF-8, or not there, is refused naming it', async (t) => {
  await refused(
    t,
    Buffer.from([0x75, 0x6e, 0x69, 0x74, 0x0a, 0xff, 0xfe]),
    /: not valid UTF-8 text/,
  );
  await assert.rejects(
    readDataCsv(join(tmpdir(), 'dxmon-no-such-dir', 'data.csv')),
    (e: unknown) => {
      assert.ok(e instanceof CliError);
      assert.match(e.message, /data\.csv: cannot read: no such file$/);
      return true;
    },
  );
});

test('a large file parsed in two halves keeps its line numbers', async (t) => {
  // Over 8 MB without quotes is split at a line break, the second half scanned by a helper
  // thread; here a stand-in helper scans it in this thread, starting at the record it is given.
  // Long rows (an extra "note" column) make 8 MB with fewer rows.
  const n = 100_000;
  const note = 'n'.repeat(70);
  const lines = ['unit,indicator,period,value,note']; // line 1
  for (let i = 0; i < n; i++) lines.push(`Unit${i},x,2024,${i % 1000},${note}`); // lines 2..n+1
  lines[3] = ''; // line 4: a blank line in the first half
  lines[10] = `Unit9,x,2024,abc,${note}`; // line 11: a bad value in the first half
  lines[n - 9] = `Unit0,x,2024,5,${note}`; // line n-8: a duplicate of line 2, in the second half
  lines[n] = `Unit8,x,20244,1,${note}`; // line n+1: a bad period, the last line
  const text = `${lines.join('\n')}\n`;
  assert.ok(text.length > 8 << 20, 'large enough to be split');
  const path = dataFile(t, text);
  const starts: number[] = [];
  const helper: HelperThread = {
    scan: async (body, layout, firstRecord) => {
      starts.push(firstRecord);
      return scanRows(body, layout, firstRecord);
    },
    rank: () => Promise.reject(new Error('not used')),
    format: () => Promise.reject(new Error('not used')),
    close: async () => {},
  };
  const { panel, problems } = await readDataCsv(path, { helper });
  assert.equal(starts.length, 1, 'the second half went to the helper');
  assert.ok((starts[0] as number) > n / 3, 'the second half starts in the middle');
  assert.deepEqual(
    problems.map((p) => p.replace(path, 'data.csv')),
    [
      'data.csv:11: column "value": "abc" is not a number',
      `data.csv:${n - 8}: duplicate row: unit "Unit0", indicator "x", period "2024" already has a value at line 2`,
      `data.csv:${n + 1}: column "period": "20244" is not a period; write 2024, 2024Q3, 2024-07 or 2024-07-15`,
    ],
  );
  // Every unit but those whose only row became the blank line (Unit2), a bad row (Unit9 and
  // Unit n-1) or the duplicate (Unit n-10).
  assert.equal(panel.units.length, n - 4);
});

test('a line ending in CR only (old Mac "CSV") is read as rows', async (t) => {
  const { panel } = await read(t, 'unit,indicator,period,value\rA,x,2024,1\rB,x,2024,2\r');
  assert.deepEqual(panel.units, ['A', 'B']);
});

test('a line of only spaces, or only separators (as spreadsheets export empty rows), is blank', async (t) => {
  const { panel, problems } = await read(
    t,
    'unit,indicator,period,value\nA,x,2024,1\n   \n,,,\nB,x,2024,2\n',
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(panel.units, ['A', 'B']);
});
