import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { distanceToTarget } from '../../src/normalise/distanceToTarget.js';
import { assertAllClose, assertAllMissing, NA } from '../approx.js';

describe('distanceToTarget', () => {
  test('(x - min) / (target - min) * 100, capped at 100', () => {
    // min 2, target 10, span 8: 6 -> 4/8 = 50; 10 -> 100; 14 -> 12/8 = 1.5 -> capped 100
    assertAllClose(distanceToTarget([2, 6, 10, 14], 10), [0, 50, 100, 100]);
  });

  test('uncapped: exceeding the target scores above 100', () => {
    // 14 -> 1.5 * 100 = 150
    assertAllClose(distanceToTarget([2, 6, 10, 14], 10, false), [0, 50, 100, 150]);
  });

  test('custom scale', () => {
    // 6 -> 0.5 * 1
    assertAllClose(distanceToTarget([2, 6, 10], 10, true, 1), [0, 0.5, 1]);
  });

  test('a target of 20% when units are at 4.2..6.19% (the digital economy example)', () => {
    // min 4.2, span 20 - 4.2 = 15.8: 6.19 -> (6.19 - 4.2) / 15.8 * 100 = 199 / 15.8 = 12.59493670886
    assertAllClose(distanceToTarget([4.2, 6.19], 20), [0, 12.594936708860759]);
  });

  test('missing values stay missing and do not move the minimum', () => {
    // min 0, target 4: 2 -> 50
    assertAllClose(distanceToTarget([NA, 0, 2, NA], 4), [NA, 0, 50, NA]);
  });

  test('a target at or below the minimum gives missing scores', () => {
    assertAllMissing(distanceToTarget([5, 6, 7], 5), 3);
    assertAllMissing(distanceToTarget([5, 6, 7], 1), 3);
  });

  test('a constant series and a single value below the target: all 0', () => {
    // min 3: (3 - 3) / (10 - 3) = 0
    assertAllClose(distanceToTarget([3, 3], 10), [0, 0]);
    assertAllClose(distanceToTarget([3], 10), [0]);
  });

  test('empty and all-missing input', () => {
    assert.equal(distanceToTarget([], 10).length, 0);
    assertAllMissing(distanceToTarget([NA, NA], 10), 2);
  });
});
