import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatInstant, formatScore, parseLocaleNumber } from '../src/format.js';

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

test('a moment in the reader’s words and time zone', () => {
  const at = '2026-03-01T02:30:00.000Z';
  assert.equal(formatInstant(at, 'en', 'UTC'), '1 Mar 2026, 02:30');
  // 09:30 in Ha Noi, the day and month in Vietnamese order.
  assert.match(
    formatInstant(at, 'vi', 'Asia/Ho_Chi_Minh'),
    /09:30.*1 thg 3, 2026|1 thg 3, 2026.*09:30/,
  );
  // Arabic with its own mark for the morning.
  assert.match(formatInstant(at, 'ar', 'UTC'), /2:30 ص/);
  assert.equal(formatInstant(null, 'en'), '');
  assert.equal(formatInstant('soon', 'en'), 'soon');
});
