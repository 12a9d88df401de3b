import assert from 'node:assert/strict';
import { test } from 'node:test';
import { periodYear } from '../../src/period/periodYear.js';

test('a year starts at itself', () => {
  assert.equal(periodYear('2024'), 2024);
});

test('quarters and months start at quarters and twelfths of the year', () => {
  assert.equal(periodYear('2024Q1'), 2024);
  assert.equal(periodYear('2024Q3'), 2024.5); // two quarters in
  assert.equal(periodYear('2024-07'), 2024.5); // six months in
  assert.equal(periodYear('2024-12'), 2024 + 11 / 12);
});

test('days are fractions of their year: 2024 is a leap year of 366 days', () => {
  // 1 Jan to 14 Jul 2024: 31+29+31+30+31+30 = 182 days to 1 Jul, + 13 = 195.
  assert.equal(periodYear('2024-07-14'), 2024 + 195 / 366);
  // 2025 has 365 days; 1 Jan to 1 Jul is 181 days.
  assert.equal(periodYear('2025-07-01'), 2025 + 181 / 365);
});

test('codes that are not periods, and dates that do not exist, give NaN', () => {
  for (const bad of ['', '24', '2024Q5', '2024-13', '2024-00', '2025-02-29', '2024/07', 'FY2024']) {
    assert.ok(Number.isNaN(periodYear(bad)), bad);
  }
  assert.equal(periodYear('2024-02-29'), 2024 + 59 / 366);
});
