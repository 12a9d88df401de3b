import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pearson } from '../../src/analysis/pearson.js';
import { assertClose, NA } from '../approx.js';

describe('pearson', () => {
  test('hand example', () => {
    // x 1..5 (mean 3), y 2,4,5,4,5 (mean 4): dx -2,-1,0,1,2; dy -2,0,1,0,1
    // sum dx dy = 4 + 0 + 0 + 0 + 2 = 6; sum dx^2 = 10; sum dy^2 = 6; r = 6 / sqrt(60)
    assertClose(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), 6 / Math.sqrt(60));
  });

  test('perfect positive and negative linear relations', () => {
    assertClose(pearson([1, 2, 3], [10, 20, 30]), 1);
    assertClose(pearson([1, 2, 3], [5, 3, 1]), -1);
  });

  test('uncorrelated', () => {
    // dx -1, 0, 1; dy 1, -2, 1: sum dx dy = -1 + 0 + 1 = 0
    assertClose(pearson([1, 2, 3], [2, 0, 2]), 0);
  });

  test('pairs with a missing value on either side are left out', () => {
    // kept pairs (1, 10), (2, 20), (3, 30): r = 1; the dropped pairs would break linearity
    assertClose(pearson([1, NA, 2, 3, 100], [10, 0, 20, 30, NA]), 1);
  });

  test('fewer than two pairs or no variance: NaN', () => {
    assert.ok(Number.isNaN(pearson([], [])));
    assert.ok(Number.isNaN(pearson([1], [2])));
    assert.ok(Number.isNaN(pearson([1, NA], [NA, 2])));
    assert.ok(Number.isNaN(pearson([4, 4, 4], [1, 2, 3])));
    assert.ok(Number.isNaN(pearson([1, 2, 3], [7, 7, 7])));
  });
});
