import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AggregateSpec } from '../../src/aggregate/spec.js';
import { compute } from '../../src/compute/compute.js';
import { frameworkTree } from '../../src/framework/frameworkTree.js';
import type { FrameworkNode } from '../../src/framework/schema.js';
import type { NormaliseSpec } from '../../src/normalise/spec.js';
import { panelBuilder } from '../../src/panel/panelBuilder.js';
import {
  analyseUncertainty,
  summariseUncertainty,
  uncertaintyPlan,
} from '../../src/uncertainty/analyseUncertainty.js';
import { prepareUncertainty } from '../../src/uncertainty/prepareUncertainty.js';
import { planRuns, sampleDraws } from '../../src/uncertainty/samplingPlan.js';
import { simulateRuns } from '../../src/uncertainty/simulateRuns.js';
import { node } from '../frameworkNode.js';

const arithmetic: AggregateSpec = { method: 'arithmetic', data_threshold: 0 };
const geometric: AggregateSpec = { method: 'geometric', data_threshold: 0 };
const minmax1: NormaliseSpec = { method: 'minmax', range: [1, 100] };

function panelOf(columns: Record<string, number[]>, period = '2024') {
  const builder = panelBuilder();
  for (const [series, values] of Object.entries(columns)) {
    values.forEach((v, u) => {
      builder.add(`U${u + 1}`, series, period, v);
    });
  }
  return builder.build().panel;
}

// Two indicators that disagree. Min-max to [1, 100]: a = 1, 100, 40.6 and b = 100, 1, 40.6.
// Arithmetic means 50.5, 50.5, 40.6 rank U1 and U2 first (tied) and U3 third; geometric means
// 10, 10, 40.6 rank U3 first and U1, U2 second.
const flip = {
  tree: frameworkTree({ nodes: [node('I'), node('a', 'I'), node('b', 'I')] }),
  panel: panelOf({ a: [0, 10, 4], b: [10, 0, 4] }),
  settings: { normalise: minmax1 },
};

test('arithmetic or geometric, each in about half the runs: U3 ranks 3 or 1', () => {
  const r = analyseUncertainty(
    { ...flip, design: { aggregate: [arithmetic, geometric] } },
    { runs: 400, seed: 1, k: 1 },
  );
  assert.deepEqual(r.inputs, ['aggregate']);
  const [u1, u2, u3] = r.intervals;
  assert.ok(u1 && u2 && u3);
  assert.equal(u3.nominal_rank, 3);
  assert.equal(u3.p05_rank, 1);
  assert.equal(u3.p95_rank, 3);
  assert.ok(Math.abs(u3.mean_rank - 2) < 0.15, `mean ${u3.mean_rank}`);
  // Ranks are 1 or 3, so mean = 3 s + 1 (1 - s) with s the share at 3 (the only rank within ±1).
  assert.ok(Math.abs(u3.within_k_share - (u3.mean_rank - 1) / 2) < 1e-12);
  // U1 ranks 1 (arithmetic, nominal) or 2: always within ±1.
  assert.equal(u1.nominal_rank, 1);
  assert.equal(u1.within_k_share, 1);
  assert.equal(u1.p05_rank, 1);
  assert.equal(u1.p95_rank, 2);
  assert.equal(u3.ranked_runs, 400);
});

test('leave one out: nothing, a or b dropped; the rest renormalised', () => {
  // Without a: scores = b: ranks 1, 3, 2. Without b: ranks 3, 1, 2. Nominal: 1, 1, 3.
  const r = analyseUncertainty({ ...flip, design: { leaveOneOut: true } }, { runs: 300, seed: 5 });
  const [u1, , u3] = r.intervals;
  assert.ok(u1 && u3);
  assert.equal(u3.nominal_rank, 3);
  assert.equal(u3.p05_rank, 2);
  assert.equal(u3.p95_rank, 3);
  assert.equal(u3.median_rank, 2, 'two of the three levels give 2');
  assert.equal(u1.p05_rank, 1);
  assert.equal(u1.p95_rank, 3);
});

// A three-level index over eight units, with missing values, unequal weights and a
// lower-is-better indicator.
const nodes: FrameworkNode[] = [
  node('I'),
  node('P1', 'I', { weight: 2 }),
  node('P2', 'I'),
  node('x1', 'P1'),
  node('x2', 'P1', { direction: -1 }),
  node('S', 'P2', { weight: 3 }),
  node('x3', 'S'),
  node('x4', 'S'),
  node('x5', 'P2'),
];
const wide = {
  tree: frameworkTree({ nodes }),
  panel: panelOf({
    x1: [3, 8, 1, 9, 4, 4, Number.NaN, 7],
    x2: [10, 30, 20, 5, 8, 12, 15, 25],
    x3: [0.5, 0.1, 0.9, 0.3, Number.NaN, 0.7, 0.2, 0.6],
    x4: [100, 250, 175, 90, 300, 120, 220, 160],
    x5: [7, 3, 5, 1, 9, 2, 8, 6],
  }),
};

test('zero perturbation: every interval collapses exactly to the nominal rank, which is compute’s', () => {
  const r = analyseUncertainty(
    { ...wide, design: { weights: { spread: 0 } }, allLevels: true },
    { runs: 50, seed: 3 },
  );
  const { ranks } = compute({ tree: wide.tree, panel: wide.panel });
  const nu = 8;
  assert.equal(r.intervals.length, 8 * 4, 'every unit on the index and three aggregates');
  for (const row of r.intervals) {
    const n = wide.tree.position.get(row.code) as number;
    const u = Number(row.unit.slice(1)) - 1;
    assert.equal(row.nominal_rank, ranks[n * nu + u], `${row.unit} ${row.code}`);
    for (const v of [row.mean_rank, row.median_rank, row.p05_rank, row.p95_rank]) {
      assert.equal(v, row.nominal_rank, `${row.unit} ${row.code}`);
    }
    assert.equal(row.within_k_share, 1);
  }
});

test('the nominal ranks are compute’s whatever the perturbation', () => {
  const r = analyseUncertainty(
    {
      ...wide,
      design: { weights: { spread: 0.5, levels: [1, 2] }, aggregate: [arithmetic, geometric] },
    },
    { runs: 200, seed: 9 },
  );
  const { ranks } = compute({ tree: wide.tree, panel: wide.panel });
  r.intervals.forEach((row, u) => {
    assert.equal(row.nominal_rank, ranks[u]);
  });
  for (const row of r.intervals) {
    assert.ok(row.p05_rank <= row.median_rank && row.median_rank <= row.p95_rank);
    assert.ok(row.p05_rank >= 1 && row.p95_rank <= 8);
  }
  // Something did move.
  assert.ok(r.intervals.some((row) => row.p05_rank !== row.p95_rank));
});

test('runs split in any way give the same ranks', () => {
  const model = prepareUncertainty({
    ...wide,
    design: { weights: { spread: 0.25 }, leaveOneOut: true },
  });
  const plan = { kind: 'saltelli', base: 7, inputs: model.inputs.length } as const;
  const runs = planRuns(plan);
  const whole = simulateRuns(model, sampleDraws(plan, model.inputs, 4, 0, runs), runs);
  const cut = 11;
  const first = simulateRuns(model, sampleDraws(plan, model.inputs, 4, 0, cut), cut);
  const second = simulateRuns(model, sampleDraws(plan, model.inputs, 4, cut, runs), runs - cut);
  assert.deepEqual(whole, Uint32Array.from([...first, ...second]));
});

test('sensitivity: an input without effect scores exactly 0, the only one that matters about 1', () => {
  // Level 1 holds one node (P), whose weight is renormalised away; the aggregation flips ranks.
  const tree = frameworkTree({
    nodes: [node('I'), node('P', 'I'), node('a', 'P'), node('b', 'P')],
  });
  const r = analyseUncertainty(
    {
      tree,
      panel: flip.panel,
      settings: flip.settings,
      design: { weights: { spread: 0.4, levels: [1] }, aggregate: [arithmetic, geometric] },
    },
    { runs: 300, seed: 2, sensitivity: true, resamples: 200 },
  );
  assert.equal(r.runs, 300 * 4);
  const [weights, aggregation] = r.sensitivity ?? [];
  assert.ok(weights && aggregation);
  assert.equal(weights.input, 'weights-level-1');
  assert.equal(weights.first_order, 0);
  assert.equal(weights.total_order, 0);
  assert.equal(aggregation.input, 'aggregate');
  assert.ok(Math.abs(aggregation.total_order - 1) < 0.15, `ST ${aggregation.total_order}`);
  assert.ok(Math.abs(aggregation.first_order - 1) < 0.2, `S ${aggregation.first_order}`);
  assert.ok(aggregation.first_order_low <= aggregation.first_order);
  assert.ok(aggregation.first_order <= aggregation.first_order_high);
  assert.ok(aggregation.total_order_low <= aggregation.total_order);
  assert.ok(aggregation.total_order <= aggregation.total_order_high);
});

test('the same seed gives the same result; the one-thread path equals the summarised parts', () => {
  const input = { ...wide, design: { weights: { spread: 0.3 }, leaveOneOut: true } };
  const options = { runs: 40, seed: 77, sensitivity: true, resamples: 50 };
  const a = analyseUncertainty(input, options);
  assert.deepEqual(analyseUncertainty(input, options), a);
  const model = prepareUncertainty(input);
  const plan = uncertaintyPlan(model, options);
  const runs = planRuns(plan);
  const ranks = simulateRuns(model, sampleDraws(plan, model.inputs, 77, 0, runs), runs);
  assert.deepEqual(summariseUncertainty(model, plan, ranks, options), a);
  assert.notDeepEqual(analyseUncertainty(input, { ...options, seed: 78 }).intervals, a.intervals);
});

test('bad designs and options are refused with a message naming what is wrong', () => {
  const bad =
    (design: object, options = { runs: 10, seed: 1 }) =>
    () =>
      analyseUncertainty({ ...wide, design }, options);
  assert.throws(
    bad({ weights: { spread: 1 } }),
    /weights: the spread must be at least 0 and below 1/,
  );
  assert.throws(bad({ weights: { spread: -0.1 } }), /spread/);
  assert.throws(
    bad({ weights: { spread: 0.2, levels: [4] } }),
    /weight level 4: the framework's levels are 1 to 3/,
  );
  assert.throws(
    bad({ weights: { spread: 0.2 } }, { runs: 0, seed: 1 }),
    /runs must be a whole number/,
  );
  assert.throws(
    () => analyseUncertainty({ ...wide, design: {} }, { runs: 10, seed: 1, sensitivity: true }),
    /needs at least one uncertain input/,
  );
  assert.throws(
    () => analyseUncertainty({ ...wide, period: '2020', design: {} }, { runs: 10, seed: 1 }),
    /period "2020" has no data/,
  );
  assert.throws(
    bad({ weights: { spread: 0.2 } }, { runs: 10, seed: -1 }),
    /seed must be an integer/,
  );
});
