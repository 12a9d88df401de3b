import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frameworkTree } from '../../src/framework/frameworkTree.js';
import type { UncertaintyModel } from '../../src/uncertainty/prepareUncertainty.js';
import { summariseRanks } from '../../src/uncertainty/summariseRanks.js';
import { node } from '../frameworkNode.js';

// A model reduced to what summariseRanks reads: two units, the index ranked.
const tree = frameworkTree({ nodes: [node('I'), node('a', 'I'), node('b', 'I')] });
const model = {
  tree,
  units: ['U1', 'U2'],
  ranked: Int32Array.of(0),
} as unknown as UncertaintyModel;

test('mean, median, 5th and 95th percentiles (type 7) and the ±k share, by hand', () => {
  // Five runs; ranks[run * 2 + unit]; 0 = no rank.
  // U1: 1, 2, 2, 4, 1 (nominal 1) -> sorted 1 1 2 2 4: mean 2, median 2;
  //     p05: h = 4 * 0.05 = 0.2 -> 1 + 0.2 (1 - 1) = 1; p95: h = 3.8 -> 2 + 0.8 (4 - 2) = 3.6;
  //     within ±1 of 1: 1, 2, 2, 1 -> 4 of 5 = 0.8.
  // U2: 2, 0, 1, 1, 2 (nominal 2) -> 4 ranked runs, sorted 1 1 2 2: mean 1.5, median 1.5;
  //     p05: h = 0.15 -> 1; p95: h = 2.85 -> 2; within ±1: all 4 -> 1.
  const ranks = Uint32Array.of(1, 2, 2, 0, 2, 1, 4, 1, 1, 2);
  const rows = summariseRanks(model, ranks, 5, Uint32Array.of(1, 2), 1);
  const p95 = rows[0]?.p95_rank as number;
  assert.ok(Math.abs(p95 - 3.6) < 1e-12, `p95 ${p95}`);
  assert.deepEqual(rows, [
    {
      unit: 'U1',
      code: 'I',
      nominal_rank: 1,
      mean_rank: 2,
      median_rank: 2,
      p05_rank: 1,
      p95_rank: p95, // 3.6, checked above to rounding
      within_k_share: 0.8,
      ranked_runs: 5,
    },
    {
      unit: 'U2',
      code: 'I',
      nominal_rank: 2,
      mean_rank: 1.5,
      median_rank: 1.5,
      p05_rank: 1,
      p95_rank: 2,
      within_k_share: 1,
      ranked_runs: 4,
    },
  ]);
  // k = 0: only runs at the nominal rank. U1: 1, 1 -> 2 of 5.
  assert.equal(summariseRanks(model, ranks, 5, Uint32Array.of(1, 2), 0)[0]?.within_k_share, 0.4);
});

test('a unit never ranked has undefined statistics', () => {
  const rows = summariseRanks(model, Uint32Array.of(1, 0, 1, 0), 2, Uint32Array.of(1, 0));
  const u2 = rows[1];
  assert.ok(u2);
  assert.equal(u2.ranked_runs, 0);
  for (const v of [
    u2.nominal_rank,
    u2.mean_rank,
    u2.median_rank,
    u2.p05_rank,
    u2.p95_rank,
    u2.within_k_share,
  ])
    assert.ok(Number.isNaN(v));
});
