import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pairedMoments } from '../../src/stats/pairedMoments.js';

test('centred sums over complete pairs only', () => {
  // Pairs (1,2), (3,6) complete; (NaN,4) and (5,NaN) left out. Means 2 and 4:
  // sxy = (-1)(-2) + (1)(2) = 4; sxx = 1 + 1 = 2; syy = 4 + 4 = 8.
  assert.deepEqual(pairedMoments([1, Number.NaN, 3, 5], [2, 4, 6, Number.NaN]), {
    n: 2,
    sxy: 4,
    sxx: 2,
    syy: 8,
  });
});

test('no complete pair gives n = 0 and zero sums', () => {
  assert.deepEqual(pairedMoments([Number.NaN, 1], [2, Number.NaN]), {
    n: 0,
    sxy: 0,
    sxx: 0,
    syy: 0,
  });
});
