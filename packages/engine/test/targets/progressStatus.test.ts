import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressStatus } from '../../src/targets/progressStatus.js';

test('thresholds: 0.95 on track, 0.60 acceleration needed, 0 limited, below 0 regressing', () => {
  const cases: [number, string, string | null][] = [
    [Infinity, 'on-track', null],
    [1.5, 'on-track', null],
    [0.95, 'on-track', null],
    [0.9499, 'off-track', 'acceleration-needed'],
    [0.6, 'off-track', 'acceleration-needed'],
    [0.5999, 'off-track', 'limited'],
    [0, 'off-track', 'limited'],
    [-0.0001, 'regressing', null],
    [-Infinity, 'regressing', null],
  ];
  for (const [progress, status, grade] of cases) {
    assert.deepEqual(progressStatus(progress), { status, grade }, String(progress));
  }
});

test('no progress figure means insufficient data', () => {
  assert.deepEqual(progressStatus(Number.NaN), { status: 'insufficient-data', grade: null });
});

test('thresholds can be set', () => {
  assert.equal(progressStatus(0.9, { onTrack: 0.9, acceleration: 0.5 }).status, 'on-track');
  assert.equal(
    progressStatus(0.55, { onTrack: 0.9, acceleration: 0.5 }).grade,
    'acceleration-needed',
  );
});
