import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalise } from '../../src/normalise/normalise.js';
import type { NormaliseSpec } from '../../src/normalise/spec.js';
import { assertAllClose, assertAllMissing, NA } from '../approx.js';

const minmax: NormaliseSpec = { method: 'minmax', range: [0, 100] };
const zscore: NormaliseSpec = { method: 'zscore', mean: 0, sd: 1 };
const rank: NormaliseSpec = { method: 'rank' };
const goalposts: NormaliseSpec = { method: 'goalposts', lower: 0, upper: 10, scale: 100 };

describe('normalise: direction 1 dispatches to each method', () => {
  test('minmax with its range', () => {
    // (5 - 1) / (9 - 1) * 100 = 50
    assertAllClose(normalise([1, 5, 9], minmax), [0, 50, 100]);
    assertAllClose(normalise([1, 5, 9], { method: 'minmax', range: [0, 1] }), [0, 0.5, 1]);
  });

  test('zscore with its mean and sd', () => {
    // 1, 2, 3: mean 2, sd 1 -> -1, 0, 1 -> * 10 + 50
    assertAllClose(normalise([1, 2, 3], zscore), [-1, 0, 1]);
    assertAllClose(normalise([1, 2, 3], { method: 'zscore', mean: 50, sd: 10 }), [40, 50, 60]);
  });

  test('goalposts', () => {
    assertAllClose(normalise([-5, 2.5, 15], goalposts), [0, 25, 100]);
  });

  test('rank', () => {
    assertAllClose(normalise([10, 30, 20, 20], rank), [1, 4, 2, 2]);
  });

  test('distance to target', () => {
    // min 2, target 10: 6 -> 50; 14 -> capped 100 (or 150 uncapped)
    const spec: NormaliseSpec = { method: 'distance-to-target', target: 10, cap: true, scale: 100 };
    assertAllClose(normalise([2, 6, 14], spec), [0, 50, 100]);
    assertAllClose(normalise([2, 6, 14], { ...spec, cap: false }), [0, 50, 150]);
  });

  test('threshold', () => {
    const spec: NormaliseSpec = { method: 'threshold', threshold: 1, scale: 100 };
    assertAllClose(normalise([0, 1, 2], spec), [0, 100, 100]);
  });

  test('direction 1 is the default', () => {
    assertAllClose(normalise([1, 5, 9], minmax, 1), normalise([1, 5, 9], minmax));
  });
});

describe('normalise: direction -1 (lower is better) multiplies by -1 first', () => {
  test('minmax: the lowest value scores 100', () => {
    // -x = -1, -5, -9: min -9, max -1: (-1 + 9) / 8 * 100 = 100, (-5 + 9) / 8 * 100 = 50, 0
    assertAllClose(normalise([1, 5, 9], minmax, -1), [100, 50, 0]);
  });

  test('zscore: signs flip', () => {
    assertAllClose(normalise([1, 2, 3], zscore, -1), [1, 0, -1]);
  });

  test('rank: the lowest value ranks highest', () => {
    // -x = -10, -30, -20, -20 -> ranks 4, 1, 2, 2
    assertAllClose(normalise([10, 30, 20, 20], rank, -1), [4, 1, 2, 2]);
  });

  test('goalposts [0, 10] score 0 at 10 and 100 at 0, clipped', () => {
    // bounds negated with the values: -x in [-10, 0]; 2.5 -> (-2.5 + 10) / 10 * 100 = 75
    assertAllClose(normalise([10, 0, 2.5, -5, 15], goalposts, -1), [0, 100, 75, 100, 0]);
  });

  test('distance to target: the target is negated with the values', () => {
    // lower is better, target 2: -x = -10, -6, -2, 0; min -10, target -2, span 8:
    // 10 -> 0, 6 -> 4/8 = 50, 2 -> 100, 0 -> 10/8 = 1.25 -> capped 100 (125 uncapped)
    const spec: NormaliseSpec = { method: 'distance-to-target', target: 2, cap: true, scale: 100 };
    assertAllClose(normalise([10, 6, 2, 0], spec, -1), [0, 50, 100, 100]);
    assertAllClose(normalise([10, 6, 2, 0], { ...spec, cap: false }, -1), [0, 50, 100, 125]);
  });

  test('threshold: at or below the threshold scores 100', () => {
    // -x >= -5 <=> x <= 5
    const spec: NormaliseSpec = { method: 'threshold', threshold: 5, scale: 100 };
    assertAllClose(normalise([3, 5, 7], spec, -1), [100, 100, 0]);
  });

  test('missing values stay missing in either direction', () => {
    assertAllClose(normalise([NA, 1, 9], minmax, -1), [NA, 100, 0]);
    assertAllClose(normalise([NA, 1, 9], minmax, 1), [NA, 0, 100]);
  });

  test('does not modify the input', () => {
    const x = [1, 5, 9];
    normalise(x, minmax, -1);
    assert.deepEqual(x, [1, 5, 9]);
  });
});

describe('normalise: edge cases', () => {
  test('empty, all-missing and constant input', () => {
    assert.equal(normalise([], minmax).length, 0);
    assertAllMissing(normalise([NA, NA], minmax, -1), 2);
    assertAllMissing(normalise([2, 2], zscore, -1), 2);
  });
});
