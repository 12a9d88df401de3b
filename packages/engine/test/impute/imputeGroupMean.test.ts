import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { imputeGroupMean } from '../../src/impute/imputeGroupMean.js';
import { assertAllClose, assertAllMissing, NA } from '../approx.js';

describe('imputeGroupMean', () => {
  test('each gap gets the mean of its own group', () => {
    // group 0: present 1, 3 -> 2; group 1: present 10, 20 -> 15
    const values = [1, 10, NA, 3, NA, 20];
    const groups = [0, 1, 0, 0, 1, 1];
    assertAllClose(imputeGroupMean(values, groups), [1, 10, 2, 3, 15, 20]);
  });

  test('a group with no present value stays missing', () => {
    // group 0: 4 -> 4; group 2: nothing present
    assertAllClose(imputeGroupMean([4, NA, NA, NA], [0, 0, 2, 2]), [4, 4, NA, NA]);
  });

  test('a unit without a group (-1) stays missing and lends its value to no group', () => {
    // group 0's mean is (1 + 3) / 2 = 2; the ungrouped 100 is not counted
    assertAllClose(imputeGroupMean([100, 1, 3, NA, NA], [-1, 0, 0, 0, -1]), [100, 1, 3, 2, NA]);
  });

  test('group numbers need not be consecutive', () => {
    // group 7: 6, 8 -> 7; group 3: 1 -> 1
    assertAllClose(imputeGroupMean([6, NA, 8, NA, 1], [7, 7, 7, 3, 3]), [6, 7, 8, 1, 1]);
  });

  test('all missing stays missing; empty stays empty', () => {
    assertAllMissing(imputeGroupMean([NA, NA], [0, 0]), 2);
    assert.equal(imputeGroupMean([], []).length, 0);
  });

  test('does not modify its input', () => {
    const x = [1, NA];
    imputeGroupMean(x, [0, 0]);
    assert.ok(Number.isNaN(x[1]));
  });
});
