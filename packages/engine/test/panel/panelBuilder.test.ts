import assert from 'node:assert/strict';
import { test } from 'node:test';
import { comparePeriods, panelColumn } from '../../src/panel/panel.js';
import { panelBuilder } from '../../src/panel/panelBuilder.js';

test('units and series keep the order of their first appearance', () => {
  const b = panelBuilder();
  b.add('HN', 'ehr', '2024', 1);
  b.add('HCM', 'ehr', '2024', 2);
  b.add('HN', 'eid', '2024', 3);
  b.add('DN', 'eid', '2024', 4);
  b.add('HCM', 'ehr', '2023', 5);
  const { panel, duplicates } = b.build();
  assert.deepEqual(panel.units, ['HN', 'HCM', 'DN']);
  assert.deepEqual(panel.series, ['ehr', 'eid']);
  assert.deepEqual(duplicates, []);
});

test('periods are chronological whatever the order of the records', () => {
  const b = panelBuilder();
  b.add('u', 's', '2024', 1);
  b.add('u', 's', '2023', 2);
  b.add('u', 's', '2022', 3);
  assert.deepEqual(b.build().panel.periods, ['2022', '2023', '2024']);

  const q = panelBuilder();
  for (const period of ['2024Q3', '2024Q1', '2024Q4', '2024Q2', '2023Q4'])
    q.add('u', 's', period, 1);
  assert.deepEqual(q.build().panel.periods, ['2023Q4', '2024Q1', '2024Q2', '2024Q3', '2024Q4']);

  const m = panelBuilder();
  for (const period of ['2024-11', '2024-02', '2023-12', '2024-10']) m.add('u', 's', period, 1);
  assert.deepEqual(m.build().panel.periods, ['2023-12', '2024-02', '2024-10', '2024-11']);
});

test('a year sorts before its own quarters', () => {
  assert.ok(comparePeriods('2024', '2024Q1') < 0);
  assert.ok(comparePeriods('2023Q4', '2024') < 0);
  assert.equal(comparePeriods('2024Q2', '2024Q2'), 0);
  assert.ok(comparePeriods('2024Q2', '2024Q1') > 0);
});

test('values land in their cell; cells without a record are NaN', () => {
  const b = panelBuilder();
  b.add('A', 'x', '2024', 10);
  b.add('B', 'y', '2023', 20);
  b.add('A', 'y', '2024', 30);
  b.add('B', 'x', '2024', Number.NaN); // an empty value in the file
  const { panel } = b.build();
  // units [A, B], series [x, y], periods [2023, 2024]
  assert.equal(panel.values.length, 2 * 2 * 2);
  const cell = (period: number, series: number) => [...panelColumn(panel, period, series)];
  assert.deepEqual(cell(0, 0), [Number.NaN, Number.NaN]); // 2023 x
  assert.deepEqual(cell(0, 1), [Number.NaN, 20]); // 2023 y
  assert.deepEqual(cell(1, 0), [10, Number.NaN]); // 2024 x
  assert.deepEqual(cell(1, 1), [30, Number.NaN]); // 2024 y
  // The documented layout: values[(period * series + s) * units + u]
  assert.equal(panel.values[(1 * 2 + 1) * 2 + 0], 30);
});

test('panelColumn is a view on the panel, not a copy', () => {
  const b = panelBuilder();
  b.add('A', 'x', '2024', 1);
  const { panel } = b.build();
  const column = panelColumn(panel, 0, 0);
  assert.equal(column.buffer, panel.values.buffer);
});

test('add returns record numbers from 0; a repeated cell is reported with both record numbers', () => {
  const b = panelBuilder();
  assert.equal(b.add('A', 'x', '2024', 1), 0);
  assert.equal(b.add('B', 'x', '2024', 2), 1);
  assert.equal(b.add('A', 'x', '2024', 99), 2);
  assert.equal(b.add('A', 'x', '2023', 3), 3);
  assert.equal(b.add('B', 'x', '2024', 98), 4);
  assert.equal(b.add('A', 'x', '2024', 97), 5);
  const { panel, duplicates } = b.build();
  assert.deepEqual(duplicates, [
    { record: 2, first: 0, unit: 'A', series: 'x', period: '2024' },
    { record: 4, first: 1, unit: 'B', series: 'x', period: '2024' },
    { record: 5, first: 0, unit: 'A', series: 'x', period: '2024' },
  ]);
  // The first value stays; repeats never overwrite it.
  assert.deepEqual([...panelColumn(panel, 1, 0)], [1, 2]);
  assert.deepEqual([...panelColumn(panel, 0, 0)], [3, Number.NaN]);
});

test('a missing value still fills its cell: a later record for it is a duplicate', () => {
  const b = panelBuilder();
  b.add('A', 'x', '2024', Number.NaN);
  b.add('A', 'x', '2024', 5);
  const { panel, duplicates } = b.build();
  assert.equal(duplicates.length, 1);
  assert.equal(duplicates[0]?.record, 1);
  assert.ok(Number.isNaN(panel.values[0]));
});

test('encoded records and single records number and combine alike', () => {
  const b = panelBuilder();
  assert.equal(b.add('A', 'x', '2024', 1), 0);
  const first = b.addEncoded({
    units: ['B', 'A'],
    series: ['x', 'y'],
    periods: ['2023', '2024'],
    count: 3,
    unit: Int32Array.from([0, 1, 1]),
    seriesOf: Int32Array.from([0, 1, 0]),
    period: Int32Array.from([1, 0, 1]),
    value: Float64Array.from([2, 3, 4]),
  });
  assert.equal(first, 1);
  assert.equal(b.add('B', 'y', '2023', 5), 4);
  const { panel, duplicates } = b.build();
  assert.deepEqual(panel.units, ['A', 'B']);
  assert.deepEqual(panel.series, ['x', 'y']);
  assert.deepEqual(panel.periods, ['2023', '2024']);
  // Record 3 (A, x, 2024) repeats record 0.
  assert.deepEqual(duplicates, [{ record: 3, first: 0, unit: 'A', series: 'x', period: '2024' }]);
  assert.deepEqual([...panelColumn(panel, 1, 0)], [1, 2]); // 2024 x
  assert.deepEqual([...panelColumn(panel, 0, 1)], [3, 5]); // 2023 y
});

test('grows past its initial capacity without losing records', () => {
  const b = panelBuilder();
  const n = 5000;
  for (let i = 0; i < n; i++) b.add(`u${i}`, 's', '2024', i);
  const { panel, duplicates } = b.build();
  assert.equal(panel.units.length, n);
  assert.deepEqual(duplicates, []);
  const column = panelColumn(panel, 0, 0);
  for (let i = 0; i < n; i++) assert.equal(column[i], i);
});

test('an empty builder gives an empty panel', () => {
  const { panel, duplicates } = panelBuilder().build();
  assert.deepEqual(panel.units, []);
  assert.deepEqual(panel.periods, []);
  assert.equal(panel.values.length, 0);
  assert.deepEqual(duplicates, []);
});
