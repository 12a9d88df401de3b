import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rankWithinGroups } from '../../src/rank/rankWithinGroups.js';
import { assertAllClose, assertAllMissing, NA } from '../approx.js';

describe('rankWithinGroups', () => {
  test('each unit is ranked among its own group', () => {
    // group 0: 50, 80, 60 -> 3, 1, 2; group 1: 70, 90 -> 2, 1
    const scores = [50, 80, 70, 90, 60];
    const groups = [0, 0, 1, 1, 0];
    assertAllClose(rankWithinGroups(scores, groups), [3, 1, 2, 1, 2]);
  });

  test('ties within a group share the best rank; a tie across groups is no tie', () => {
    // group 0: 80, 80, 70 -> 1, 1, 3; group 1: 80 -> 1
    assertAllClose(rankWithinGroups([80, 80, 70, 80], [0, 0, 0, 1]), [1, 1, 3, 1]);
  });

  test('a missing score or group -1 has no rank, and neither is counted', () => {
    // group 0: 10, NA, 30 -> 2, NaN, 1 (not 3); ungrouped 99 does not push anyone down
    assertAllClose(rankWithinGroups([10, NA, 30, 99], [0, 0, 0, -1]), [2, NA, 1, NA]);
  });

  test('group numbers need not be consecutive; a group of one ranks 1', () => {
    assertAllClose(rankWithinGroups([5, 6, 7], [12, 3, 12]), [2, 1, 1]);
  });

  test('empty, all-missing and all-ungrouped input', () => {
    assert.equal(rankWithinGroups([], []).length, 0);
    assertAllMissing(rankWithinGroups([NA, NA], [0, 0]), 2);
    assertAllMissing(rankWithinGroups([1, 2], [-1, -1]), 2);
  });
});
