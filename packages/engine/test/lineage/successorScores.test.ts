import assert from 'node:assert/strict';
import { test } from 'node:test';
import { successorScores } from '../../src/lineage/successorScores.js';

test('a merged unit scores the mean of its predecessors; successors are ranked among themselves', () => {
  // Units 0, 1 merge into successor 0; unit 2 continues as successor 1; unit 3 has no successor.
  // successor 0: (40 + 60) / 2 = 50; successor 1: 70 -> ranks 2, 1.
  const { scores, ranks } = successorScores([40, 60, 70, 99], [0, 0, 1, -1], 2);
  assert.deepEqual([...scores], [50, 70]);
  assert.deepEqual([...ranks], [2, 1]);
});

test('missing predecessor scores are left out; a successor with none is missing and unranked', () => {
  // successor 0: only 30 is present -> 30; successor 1: nothing -> NaN; successor 2: 30 -> tie.
  const { scores, ranks } = successorScores([Number.NaN, 30, Number.NaN, 30], [0, 0, 1, 2], 3);
  assert.equal(scores[0], 30);
  assert.ok(Number.isNaN(scores[1] as number));
  assert.deepEqual([ranks[0], ranks[2]], [1, 1]);
  assert.ok(Number.isNaN(ranks[1] as number));
});
