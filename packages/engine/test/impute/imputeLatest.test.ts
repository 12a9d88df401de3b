import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { imputeLatest } from '../../src/impute/imputeLatest.js';
import { assertAllClose, NA } from '../approx.js';

describe('imputeLatest (last observation carried forward)', () => {
  test('takes the most recent earlier value that is present', () => {
    const current = [NA, 5, NA, NA];
    const earlier = [
      [NA, 4, 3, NA], // previous period
      [1, 2, 2, NA], // the one before
    ];
    // unit 0: 1 (previous missing); unit 1: kept 5; unit 2: 3 (not the older 2); unit 3: none
    assertAllClose(imputeLatest(current, earlier), [1, 5, 3, NA]);
  });

  test('no earlier period: unchanged', () => {
    assertAllClose(imputeLatest([NA, 2], []), [NA, 2]);
  });

  test('a present value is never replaced by an earlier one', () => {
    assertAllClose(imputeLatest([0, -1], [[9, 9]]), [0, -1]);
  });

  test('all missing everywhere stays missing; empty stays empty', () => {
    assertAllClose(imputeLatest([NA, NA], [[NA, NA]]), [NA, NA]);
    assert.equal(imputeLatest([], [[]]).length, 0);
  });

  test('earlier periods may be typed arrays; inputs are not modified', () => {
    const current = [NA, 1];
    const previous = Float64Array.of(7, 8);
    assertAllClose(imputeLatest(current, [previous]), [7, 1]);
    assert.ok(Number.isNaN(current[0]));
    assert.deepEqual([...previous], [7, 8]);
  });
});
