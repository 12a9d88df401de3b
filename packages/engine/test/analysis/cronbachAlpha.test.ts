import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cronbachAlpha } from '../../src/analysis/cronbachAlpha.js';
import { assertClose, NA } from '../approx.js';

// alpha = k / (k - 1) * (1 - sum of variances / sum of all covariance-matrix entries)
describe('cronbachAlpha', () => {
  test('identical items: alpha 1', () => {
    // var 1 each, cov 1: trace 2, total 4: 2 * (1 - 2/4) = 1
    assertClose(
      cronbachAlpha([
        [1, 2, 3],
        [1, 2, 3],
      ]),
      1,
    );
  });

  test('hand example with two items', () => {
    // x 1,2,3,4; y 2,1,4,3: var 5/3 each; cov: dx -1.5,-0.5,0.5,1.5 dy -0.5,-1.5,1.5,0.5
    // sum dx dy = 0.75 * 4 = 3 -> cov 1. trace 10/3, total 10/3 + 2 = 16/3
    // alpha = 2 * (1 - 10/16) = 0.75
    assertClose(
      cronbachAlpha([
        [1, 2, 3, 4],
        [2, 1, 4, 3],
      ]),
      0.75,
    );
  });

  test('three items, one reversed: alpha can be negative', () => {
    // var 1 each; cov(1,2) = 1, cov(1,3) = cov(2,3) = -1: trace 3, total 3 + 2 (1 - 1 - 1) = 1
    // alpha = 3/2 * (1 - 3/1) = -3
    assertClose(
      cronbachAlpha([
        [1, 2, 3],
        [1, 2, 3],
        [3, 2, 1],
      ]),
      -3,
    );
  });

  test('pairwise-complete covariances: a unit missing one item still counts for the others', () => {
    // var(a over units 1-3) = 1; var(b = 1,2,3,10: mean 4, d -3,-2,-1,6) = 50/3;
    // cov over units 1-3 = 1. trace 53/3, total 53/3 + 2 = 59/3
    // alpha = 2 * (1 - 53/59) = 12/59
    assertClose(
      cronbachAlpha([
        [1, 2, 3, NA],
        [1, 2, 3, 10],
      ]),
      12 / 59,
    );
  });

  test('fewer than two items, or no variance: NaN', () => {
    assert.ok(Number.isNaN(cronbachAlpha([])));
    assert.ok(Number.isNaN(cronbachAlpha([[1, 2, 3]])));
    assert.ok(
      Number.isNaN(
        cronbachAlpha([
          [2, 2, 2],
          [5, 5, 5],
        ]),
      ),
    );
    assert.ok(
      Number.isNaN(
        cronbachAlpha([
          [NA, NA],
          [NA, NA],
        ]),
      ),
    );
  });
});
