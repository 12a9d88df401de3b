import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clampToBounds } from '../../src/targets/clampToBounds.js';
import { naturalBounds } from '../../src/targets/naturalBounds.js';

test('a share (%) is 0 to 100, yes/no 0 to 1, whatever the case and spaces', () => {
  for (const unit of ['%', ' % ', 'percent', 'Per cent']) {
    assert.deepEqual(naturalBounds(unit), { lower: 0, upper: 100 }, unit);
  }
  assert.deepEqual(naturalBounds('yes/no'), { lower: 0, upper: 1 });
});

test('counts and amounts are 0 or more', () => {
  for (const unit of ['persons', 'enterprises', 'days', 'billion VND', 'incidents']) {
    assert.deepEqual(naturalBounds(unit), { lower: 0, upper: Infinity }, unit);
  }
});

test('rates of change and indicators without a unit are unbounded', () => {
  for (const unit of ['% a year', '% change', 'change in points', '', '  ', null, undefined]) {
    assert.deepEqual(naturalBounds(unit), { lower: -Infinity, upper: Infinity }, String(unit));
  }
});

test('clamping says which bound applied; NaN and values within stay as they are', () => {
  const share = { lower: 0, upper: 100 };
  assert.deepEqual(clampToBounds(139.8, share), { value: 100, bounded: 'upper' });
  assert.deepEqual(clampToBounds(-1, share), { value: 0, bounded: 'lower' });
  assert.deepEqual(clampToBounds(100, share), { value: 100, bounded: null });
  assert.deepEqual(clampToBounds(42, share), { value: 42, bounded: null });
  const nan = clampToBounds(Number.NaN, share);
  assert.ok(Number.isNaN(nan.value));
  assert.equal(nan.bounded, null);
});
