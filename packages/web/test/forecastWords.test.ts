import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fanSeries } from '../src/forecast/fanSeries.js';
import { chanceKey, formatChance, reasonText } from '../src/forecast/forecastWords.js';

test('a chance in the locale: under 1% and over 99% said as such, never 0% or 100%', () => {
  assert.equal(formatChance(0.123, 'en-GB'), '12%');
  assert.equal(chanceKey(0.123), 'chance');
  assert.equal(formatChance(0.00003, 'en-GB'), '1%');
  assert.equal(chanceKey(0.00003), 'chanceBelow');
  assert.equal(formatChance(0.9996, 'en-GB'), '99%');
  assert.equal(chanceKey(0.9996), 'chanceAbove');
  assert.equal(chanceKey(0), 'chanceBelow');
  assert.equal(chanceKey(1), 'chanceAbove');
  assert.match(formatChance(0.5, 'vi-VN'), /^50\s?%$/u);
});

test("the engine's reasons in the reader's words", () => {
  const t = (key: string, o?: Record<string, unknown>) => `${key}${o ? JSON.stringify(o) : ''}`;
  assert.equal(
    reasonText('2 observations: a forecast with an interval needs at least 3', t),
    'forecast.reasonFew{"count":2,"needed":3}',
  );
  assert.equal(
    reasonText('1 observation: a forecast with an interval needs at least 3', t),
    'forecast.reasonFew{"count":1,"needed":3}',
  );
  assert.equal(reasonText('no observations', t), 'forecast.reasonNone');
  assert.equal(
    reasonText(
      'the target period 2025 is not after the latest observation (2025): the data decide',
      t,
    ),
    'forecast.reasonPast',
  );
  assert.equal(reasonText('two values for the same time (2024)', t), 'forecast.reasonOther');
});

test('a fan on a category axis: bands opening at the latest value, aligned value by value', () => {
  const periods = ['2022', '2023', '2024', '2025', '2026'];
  const interval = (level: number, lower: number, upper: number) => ({ level, lower, upper });
  const series = fanSeries(
    periods,
    { period: '2023', value: 10 },
    [
      { time: 2024, projection: 11, intervals: [interval(0.8, 10, 12), interval(0.95, 9, 13)] },
      { time: 2025, projection: 12, intervals: [interval(0.8, 10, 14), interval(0.95, 8, 16)] },
    ],
    { projection: 'F', band80: '80', band95: '95' },
    { band80: 'a', band95: 'b', line: 'c' },
  ) as { name: string; stack?: string; data: (number | string)[] }[];
  const named = (name: string) => series.find((s) => s.name === name)?.data;
  // 95% band: lower edge, then its width stacked on it; nought wide at the latest value.
  assert.deepEqual(named('95 (lower)'), ['-', 10, 9, 8, '-']);
  assert.deepEqual(named('95'), ['-', 0, 4, 8, '-']);
  assert.deepEqual(named('80 (lower)'), ['-', 10, 10, 10, '-']);
  assert.deepEqual(named('80'), ['-', 0, 2, 4, '-']);
  assert.deepEqual(named('F'), ['-', 10, 11, 12, '-']);
  // Each band's two series share a stack of their own.
  const stack = (name: string) => series.find((s) => s.name === name)?.stack;
  assert.equal(stack('95'), stack('95 (lower)'));
  assert.notEqual(stack('95'), stack('80'));
  assert.deepEqual(
    fanSeries(
      periods,
      null,
      [],
      { projection: 'F', band80: '8', band95: '9' },
      { band80: 'a', band95: 'b', line: 'c' },
    ),
    [],
  );
});
