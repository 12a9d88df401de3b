import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { spearman } from '../../src/analysis/spearman.js';
import { assertClose, NA } from '../approx.js';

describe('spearman', () => {
  test('a monotone but non-linear relation has rho 1', () => {
    assertClose(spearman([1, 2, 3, 4], [1, 8, 27, 64]), 1);
    assertClose(spearman([1, 2, 3, 4], [100, 10, 1, 0.1]), -1);
  });

  test('hand example without ties', () => {
    // ranks x 1..5, y ranks of 3,1,4,2,5 = 3,1,4,2,5: d = -2,1,-1,2,0; sum d^2 = 10
    // rho = 1 - 6 * 10 / (5 * 24) = 0.5
    assertClose(spearman([10, 20, 30, 40, 50], [3, 1, 4, 2, 5]), 0.5);
  });

  test('ties get average ranks (R: cor(x, y, method = "spearman"))', () => {
    // y = 1,2,2,3,5 -> ranks 1, 2.5, 2.5, 4, 5 (mean 3): dy -2,-0.5,-0.5,1,2; dx -2,-1,0,1,2
    // sum dx dy = 4 + 0.5 + 0 + 1 + 4 = 9.5; sum dx^2 = 10; sum dy^2 = 9.5
    // rho = 9.5 / sqrt(10 * 9.5) = sqrt(0.95)
    assertClose(spearman([1, 2, 3, 4, 5], [1, 2, 2, 3, 5]), Math.sqrt(0.95));
  });

  test('pairs with a missing value are dropped before ranking', () => {
    // kept (1, 10), (2, 30), (3, 20): ranks x 1,2,3, y 1,3,2: sum dx dy = 1 + 0 + 0 = 1,
    // sum dx^2 = sum dy^2 = 2: rho = 0.5
    assertClose(spearman([1, 2, NA, 3], [10, 30, 5, 20]), 0.5);
  });

  test('fewer than two pairs or a constant side: NaN', () => {
    assert.ok(Number.isNaN(spearman([], [])));
    assert.ok(Number.isNaN(spearman([1, NA], [NA, 1])));
    assert.ok(Number.isNaN(spearman([1, 2, 3], [4, 4, 4])));
  });
});
