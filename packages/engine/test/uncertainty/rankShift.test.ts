import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rankShift } from '../../src/uncertainty/rankShift.js';

test('the mean absolute rank shift of each run on the index, by hand', () => {
  // Three units, two ranked nodes (index first, then a pillar the shift ignores), two runs.
  // nominal index ranks 1, 2, 3.
  // run 0: index 2, 1, 3 -> (1 + 1 + 0) / 3 = 2/3; run 1: index 3, 0 (no rank), 1 -> (2 + 2) / 2 = 2.
  const ranks = Uint32Array.of(2, 1, 3, 9, 9, 9, 3, 0, 1, 9, 9, 9);
  const shift = rankShift(ranks, Uint32Array.of(1, 2, 3, 5, 5, 5), 2, 3, 2);
  assert.deepEqual(Array.from(shift), [2 / 3, 2]);
  assert.ok(Number.isNaN(rankShift(Uint32Array.of(0, 0), Uint32Array.of(1, 2), 1, 2, 1)[0]));
});
