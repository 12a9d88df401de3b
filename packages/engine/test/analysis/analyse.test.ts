import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyse } from '../../src/analysis/analyse.js';
import { compute } from '../../src/compute/compute.js';
import { frameworkTree } from '../../src/framework/frameworkTree.js';
import type { FrameworkNode } from '../../src/framework/schema.js';
import { panelBuilder } from '../../src/panel/panelBuilder.js';

const node = (code: string, parent?: string): FrameworkNode => ({
  code,
  weight: 1,
  direction: 1,
  ...(parent === undefined ? {} : { parent }),
});

//   I
//   +-- A
//   |   +-- a1
//   |   +-- a2
//   +-- B
//       +-- b1
//
// Raw values over units U1, U2, U3 and their min-max scores:
//   a1: 0, 1, 2  ->   0,  50, 100
//   a2: 0, 2, 1  ->   0, 100,  50
//   b1: 2, 0, 1  -> 100,   0,  50
// Aggregates (arithmetic means):
//   A = (a1 + a2)/2 = 0, 75, 75
//   B = b1          = 100, 0, 50
//   I = (A + B)/2   = 50, 37.5, 62.5
function example() {
  const tree = frameworkTree({
    nodes: [
      node('I'),
      node('A', 'I'),
      node('a1', 'A'),
      node('a2', 'A'),
      node('B', 'I'),
      node('b1', 'B'),
    ],
  });
  const builder = panelBuilder();
  const raw: Record<string, number[]> = { a1: [0, 1, 2], a2: [0, 2, 1], b1: [2, 0, 1] };
  for (const [series, values] of Object.entries(raw))
    values.forEach((v, u) => {
      builder.add(`U${u + 1}`, series, '2024', v);
    });
  const result = compute({ tree, panel: builder.build().panel });
  return { tree, result };
}

const near = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `${what}: expected ${expected}, got ${actual}`);

test('the example scores are as worked out above', () => {
  const { result } = example();
  assert.deepEqual(Array.from(result.scores), [
    ...[50, 37.5, 62.5], // I
    ...[0, 75, 75], // A
    ...[0, 50, 100], // a1
    ...[0, 100, 50], // a2
    ...[100, 0, 50], // B
    ...[100, 0, 50], // b1
  ]);
});

test('each node’s Pearson and Spearman correlation with its parent and with the index', () => {
  const { tree, result } = example();
  const { period, correlations } = analyse(tree, result, '2024');
  assert.equal(period, '2024');
  assert.deepEqual(
    correlations.map((c) => [c.code, c.parent]),
    [
      ['A', 'I'],
      ['a1', 'A'],
      ['a2', 'A'],
      ['B', 'I'],
      ['b1', 'B'],
    ],
  );
  const byCode = new Map(correlations.map((c) => [c.code, c]));
  const half = Math.sqrt(3) / 2;

  // a1 = (0, 50, 100) and A = (0, 75, 75): means 50 and 50, deviations (-50, 0, 50) and
  // (-50, 25, 25); sum dx dy = 2500 + 0 + 1250 = 3750, sum dx^2 = 5000, sum dy^2 = 3750:
  // r = 3750 / sqrt(5000 * 3750) = sqrt(3750/5000) = sqrt(3)/2.
  // Ranks (1, 2, 3) and (1, 2.5, 2.5): deviations (-1, 0, 1) and (-1, .5, .5):
  // 1.5 / sqrt(2 * 1.5) = sqrt(3)/2.
  const a1 = byCode.get('a1');
  near(a1?.pearsonWithParent ?? Number.NaN, half, 'a1 pearson with A');
  near(a1?.spearmanWithParent ?? Number.NaN, half, 'a1 spearman with A');
  // a1 and I = (50, 37.5, 62.5): deviations of I (0, -12.5, 12.5):
  // sum dx dy = 0 + 0 + 625, sum dy^2 = 312.5: r = 625 / sqrt(5000 * 312.5) = 625/1250 = 0.5.
  // Ranks (1, 2, 3) and (2, 1, 3): 1 / sqrt(2 * 2) = 0.5.
  near(a1?.pearsonWithIndex ?? Number.NaN, 0.5, 'a1 pearson with I');
  near(a1?.spearmanWithIndex ?? Number.NaN, 0.5, 'a1 spearman with I');

  // a2 = (0, 100, 50): deviations (-50, 50, 0). With A: 2500 + 1250 + 0 = 3750 -> sqrt(3)/2.
  // With I: 0 - 625 + 0 = -625 -> -0.5. Ranks (1, 3, 2) against (2, 1, 3): -1/2 = -0.5.
  const a2 = byCode.get('a2');
  near(a2?.pearsonWithParent ?? Number.NaN, half, 'a2 pearson with A');
  near(a2?.pearsonWithIndex ?? Number.NaN, -0.5, 'a2 pearson with I');
  near(a2?.spearmanWithIndex ?? Number.NaN, -0.5, 'a2 spearman with I');

  // b1 is B's only child: identical, r = 1. With I: deviations (50, -50, 0) and (0, -12.5, 12.5):
  // 0 + 625 + 0 = 625 -> 625 / sqrt(5000 * 312.5) = 0.5.
  const b1 = byCode.get('b1');
  near(b1?.pearsonWithParent ?? Number.NaN, 1, 'b1 pearson with B');
  near(b1?.spearmanWithParent ?? Number.NaN, 1, 'b1 spearman with B');
  near(b1?.pearsonWithIndex ?? Number.NaN, 0.5, 'b1 pearson with I');

  // A = (0, 75, 75) and I: deviations (-50, 25, 25) and (0, -12.5, 12.5): 0 - 312.5 + 312.5 = 0.
  // A's parent is the index, so both correlations are the same.
  const A = byCode.get('A');
  near(A?.pearsonWithParent ?? Number.NaN, 0, 'A pearson with I');
  near(A?.pearsonWithIndex ?? Number.NaN, 0, 'A pearson with I (index)');
  near(A?.spearmanWithParent ?? Number.NaN, 0, 'A spearman with I');
  const B = byCode.get('B');
  near(B?.pearsonWithParent ?? Number.NaN, 0.5, 'B pearson with I');
  near(B?.pearsonWithIndex ?? Number.NaN, 0.5, 'B pearson with I (index)');
});

test('Cronbach’s alpha of each aggregate’s children, from the index down', () => {
  const { tree, result } = example();
  const { consistency } = analyse(tree, result, '2024');
  assert.deepEqual(
    consistency.map((c) => [c.code, c.children]),
    [
      ['I', 2],
      ['A', 2],
      ['B', 1],
    ],
  );
  const [I, A, B] = consistency;
  // A: var(a1) = (2500 + 0 + 2500)/2 = 2500, var(a2) = 2500; totals (0, 150, 150), mean 100,
  // var = (10000 + 2500 + 2500)/2 = 7500; alpha = 2/1 * (1 - 5000/7500) = 2/3.
  near(A?.cronbachAlpha ?? Number.NaN, 2 / 3, 'alpha of A');
  // I: var(A) = (2500 + 625 + 625)/2 = 1875, var(B) = (2500 + 2500 + 0)/2 = 2500;
  // totals (100, 75, 125), mean 100, var = (0 + 625 + 625)/2 = 625;
  // alpha = 2 * (1 - 4375/625) = 2 * (1 - 7) = -12 (the two sub-indices disagree).
  near(I?.cronbachAlpha ?? Number.NaN, -12, 'alpha of I');
  // One child: alpha is undefined.
  assert.ok(Number.isNaN(B?.cronbachAlpha));
});

test('analysing a period that was not computed is an error', () => {
  const { tree, result } = example();
  assert.throws(() => analyse(tree, result, '2023'), RangeError);
});
