import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatScore, parseLocaleNumber } from '../src/format.js';

test('numbers typed as the locale writes them are read back', () => {
  assert.equal(parseLocaleNumber('71,5', 'vi'), 71.5);
  assert.equal(parseLocaleNumber('1.234,5', 'vi'), 1234.5);
  assert.equal(parseLocaleNumber('71.5', 'vi'), 71.5, 'a dot alone is read as typed');
  assert.equal(parseLocaleNumber('71.5', 'en'), 71.5);
  assert.ok(Number.isNaN(parseLocaleNumber('71,5', 'en')), 'English has no decimal comma');
  assert.ok(Number.isNaN(parseLocaleNumber('many', 'vi')));
  assert.ok(Number.isNaN(parseLocaleNumber('  ', 'en')));
  // What the page shows in Vietnamese is accepted when typed back.
  assert.equal(parseLocaleNumber(formatScore(27.9, 'vi'), 'vi'), 27.9);
});

test('a calendar date is the same day in every time zone, in the reader’s words', () => {
  assert.equal(formatDate('2025-07-01', 'en'), '1 Jul 2025');
  assert.equal(formatDate(null, 'en'), '');
});
