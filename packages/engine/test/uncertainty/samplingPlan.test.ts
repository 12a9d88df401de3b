import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { UncertainInput } from '../../src/uncertainty/design.js';
import { planRuns, type SamplingPlan, sampleDraws } from '../../src/uncertainty/samplingPlan.js';

const inputs: UncertainInput[] = [
  { name: 'weights-level-1', kind: 'weights', level: 1, nodes: Int32Array.of(1, 2, 3), size: 3 },
  { name: 'aggregate', kind: 'aggregate', levels: 2, size: 1 },
];
const width = 4;

test('N (d + 2) runs for a Saltelli plan, N for Monte Carlo', () => {
  assert.equal(planRuns({ kind: 'saltelli', base: 1000, inputs: 2 }), 4000);
  assert.equal(planRuns({ kind: 'monte-carlo', runs: 1000 }), 1000);
});

test('the draws of runs [from, to) do not depend on how the runs are split', () => {
  const plans: SamplingPlan[] = [
    { kind: 'monte-carlo', runs: 37 },
    { kind: 'saltelli', base: 9, inputs: 2 },
  ];
  for (const plan of plans) {
    const runs = planRuns(plan);
    const all = sampleDraws(plan, inputs, 5, 0, runs);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: runs }), fc.integer({ min: 0, max: runs }), (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        assert.deepEqual(
          sampleDraws(plan, inputs, 5, from, to),
          all.slice(from * width, to * width),
        );
      }),
      { seed: 42, numRuns: 100 },
    );
  }
});

test('Saltelli rows: A, B, then A with one input block taken from B', () => {
  const plan: SamplingPlan = { kind: 'saltelli', base: 3, inputs: 2 };
  const draws = sampleDraws(plan, inputs, 9, 0, planRuns(plan));
  const run = (r: number) => Array.from(draws.subarray(r * width, (r + 1) * width));
  for (let j = 0; j < 3; j++) {
    const [a, b, ab1, ab2] = [0, 1, 2, 3].map((k) => run(j * 4 + k)) as number[][];
    assert.notDeepEqual(a, b);
    // AB^(1): the three weights from B, the aggregation from A.
    assert.deepEqual(ab1, [...(b as number[]).slice(0, 3), (a as number[])[3]]);
    // AB^(2): the weights from A, the aggregation from B.
    assert.deepEqual(ab2, [...(a as number[]).slice(0, 3), (b as number[])[3]]);
  }
  // Rows draw from different streams.
  assert.notDeepEqual(run(0), run(4));
});

test('another seed, other draws', () => {
  const plan: SamplingPlan = { kind: 'monte-carlo', runs: 5 };
  assert.notDeepEqual(sampleDraws(plan, inputs, 1, 0, 5), sampleDraws(plan, inputs, 2, 0, 5));
  assert.deepEqual(sampleDraws(plan, inputs, 1, 0, 5), sampleDraws(plan, inputs, 1, 0, 5));
});
