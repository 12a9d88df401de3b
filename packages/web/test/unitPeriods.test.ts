import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayIn, defaultPeriod, periodBounds, periodsOfUnit } from '../src/entry/unitPeriods.js';

const years = ['2022', '2023', '2024', '2025', '2026'];
// Ninh Binh before the merger, and the Ninh Binh formed by it.
const vn37 = { valid_from: '2008-08-01', valid_to: '2025-06-30' };
const vn25 = { valid_from: '2025-07-01', valid_to: null };

test('periods have a first and a last day', () => {
  assert.deepEqual(periodBounds('2024'), { start: '2024-01-01', end: '2024-12-31' });
  assert.deepEqual(periodBounds('2024Q1'), { start: '2024-01-01', end: '2024-03-31' });
  assert.deepEqual(periodBounds('2024Q3'), { start: '2024-07-01', end: '2024-09-30' });
  assert.deepEqual(periodBounds('2024-02'), { start: '2024-02-01', end: '2024-02-29' });
  assert.deepEqual(periodBounds('2023-12'), { start: '2023-12-01', end: '2023-12-31' });
  assert.equal(periodBounds('2024Q5'), undefined);
  assert.equal(periodBounds('24'), undefined);
});

test('a unit is offered the periods it existed in, for a day or more', () => {
  assert.deepEqual(periodsOfUnit(years, vn37), ['2022', '2023', '2024', '2025']);
  assert.deepEqual(periodsOfUnit(years, vn25), ['2025', '2026']);
  assert.deepEqual(periodsOfUnit(['2025Q2', '2025Q3'], vn37), ['2025Q2']);
  assert.deepEqual(periodsOfUnit(years, undefined), years);
});

test('the page opens on the latest period with data the unit existed in', () => {
  // Periods with data up to 2026 (and 2027 being collected): VN-37 opens on 2025.
  assert.equal(defaultPeriod(periodsOfUnit([...years, '2027'], vn37), '2026'), '2025');
  assert.equal(defaultPeriod(periodsOfUnit([...years, '2027'], vn25), '2026'), '2026');
  // A unit formed after the last period with data opens on its first.
  assert.equal(defaultPeriod(['2027'], '2026'), '2027');
  assert.equal(defaultPeriod([], '2026'), '');
  assert.equal(defaultPeriod(years, undefined), '2026');
});

test('units below are read on the unit’s last day within the period', () => {
  assert.equal(dayIn('2025', vn37), '2025-06-30');
  assert.equal(dayIn('2024', vn37), '2024-12-31');
  assert.equal(dayIn('2025', vn25), '2025-12-31');
  assert.equal(dayIn('2025Q1', undefined), '2025-03-31');
});
