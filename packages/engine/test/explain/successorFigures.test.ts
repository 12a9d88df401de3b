import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { compute } from '../../src/compute/compute.js';
import { explainUnit } from '../../src/explain/explainUnit.js';
import { successorFigures } from '../../src/explain/successorFigures.js';
import { frameworkTree } from '../../src/framework/frameworkTree.js';
import { successorScores } from '../../src/lineage/successorScores.js';
import { assertClose } from '../approx.js';
import { runs } from '../properties/arbitraries.js';
import { oddEven, randomIndex, randomSettings } from './fixtures.js';

const NA = Number.NaN;

// DTI = (2 GOV + 1 SOC) / 3, GOV = mean(a, b), SOC = c; scores in tree order DTI GOV a b SOC c.
const tree = frameworkTree({
  nodes: [
    { code: 'DTI', weight: 1, direction: 1 },
    { code: 'GOV', parent: 'DTI', weight: 2, direction: 1 },
    { code: 'a', parent: 'GOV', weight: 1, direction: 1 },
    { code: 'b', parent: 'GOV', weight: 1, direction: 1 },
    { code: 'SOC', parent: 'DTI', weight: 1, direction: 1 },
    { code: 'c', parent: 'SOC', weight: 1, direction: 1 },
  ],
});

test('two predecessors: the mean score, and contributions averaged so they still add up', () => {
  // P1: a 60, b missing, c 30 -> GOV 60, SOC 30, DTI 50; contributions a 40, c 10.
  // P2: a 20, b 40, c missing -> GOV 30, DTI 30 (SOC left out); contributions a 10, b 20.
  // P3 has no score: left out, as successorScores leaves it out.
  const f = successorFigures({
    tree,
    predecessors: [
      [50, 60, 60, NA, 30, 30],
      [30, 30, 20, 40, NA, NA],
      [NA, NA, NA, NA, NA, NA],
    ],
    rank: 4,
    values: [NA, 1, 2, 3, NA, 5],
  });
  assert.equal(f.score, 40);
  assert.equal(f.score, successorScores([50, 30, NA], [0, 0, 0], 1).scores[0]);
  assert.equal(f.rank, 4);
  assert.deepEqual(f.values, [NA, 1, 2, 3, NA, 5]);
  // DTI 40; GOV (40 + 30) / 2; a (40 + 10) / 2; b (0 + 20) / 2; SOC (10 + 0) / 2; c (10 + 0) / 2.
  const expected = [40, 35, 25, 10, 5, 5];
  f.contributions.forEach((c, n) => {
    assertClose(c, expected[n] as number);
  });
  assertClose(
    (f.contributions[2] as number) +
      (f.contributions[3] as number) +
      (f.contributions[5] as number),
    f.score,
  );
});

test('no predecessor with a score: everything missing', () => {
  const f = successorFigures({ tree, predecessors: [[NA, 1, 1, 1, NA, NA]], rank: NA, values: [] });
  assert.ok(Number.isNaN(f.score));
  assert.ok(f.contributions.every(Number.isNaN));
  assert.ok(f.values.every(Number.isNaN));
  assert.ok(Number.isNaN(successorFigures({ tree, predecessors: [], rank: NA, values: [] }).score));
});

test('explainUnit compares with the figures given, or with nothing for null', () => {
  const t = frameworkTree({
    nodes: [
      { code: 'I', weight: 1, direction: 1 },
      { code: 'x', parent: 'I', weight: 1, direction: 1 },
      { code: 'y', parent: 'I', weight: 1, direction: 1 },
    ],
  });
  const panel = {
    units: ['A', 'B'],
    series: ['x', 'y'],
    periods: ['2025'],
    values: Float64Array.of(0, 10, 0, 10),
  };
  // B: x 100, y 100 -> 100, 1st of 2; against 70 and 2nd, with x 40 and y 30 before.
  const before = successorFigures({
    tree: t,
    predecessors: [[70, 80, 60]],
    rank: 2,
    values: [NA, 8, 6],
  });
  const e = explainUnit({
    tree: t,
    panel,
    unit: 'B',
    period: '2025',
    previous: { period: '2024', figures: before },
  });
  assert.ok(e.change);
  assert.equal(e.change.previous, '2024');
  assert.equal(e.change.previous_score, 70);
  assert.equal(e.change.score_change, 30);
  assert.equal(e.change.rank_change, 1);
  assert.deepEqual(
    e.change.nodes.map((n) => [n.code, n.change, n.value, n.previous_value]),
    [
      ['I', 30, NA, NA],
      ['x', 10, 10, 8],
      ['y', 20, 10, 6],
    ],
  );
  assert.equal(
    explainUnit({ tree: t, panel, unit: 'B', period: '2025', previous: null }).change,
    null,
  );
});

test('property: one predecessor gives its own figures, as explainUnit computes them', () => {
  fc.assert(
    fc.property(randomIndex, randomSettings(true), fc.nat(), ({ tree, panel }, settings, pick) => {
      const groups = oddEven(panel.units.length);
      const u = pick % panel.units.length;
      const e = explainUnit({
        tree,
        panel,
        settings,
        groups,
        unit: panel.units[u] as string,
        period: '2024',
      });
      const run = compute({ tree, panel, settings, periods: ['2023'], groups });
      const nu = panel.units.length;
      const own = tree.codes.map((_, n) => run.scores[n * nu + u] as number);
      const change = e.change;
      assert.ok(change);
      const f = successorFigures({
        tree,
        settings,
        predecessors: [own],
        rank: change.previous_rank,
        values: change.nodes.map((n) => n.previous_value),
      });
      assertClose(f.score, change.previous_score);
      // Without a score a predecessor is left out (explainUnit gives its nodes 0 x score then).
      if (Number.isNaN(f.score)) return;
      f.contributions.forEach((c, n) => {
        assertClose(c, change.nodes[n]?.previous_contribution as number, 1e-9, tree.codes[n]);
      });
    }),
    runs,
  );
});

test('property: for any set of predecessors the contributions add up to the mean score', () => {
  fc.assert(
    fc.property(
      randomIndex,
      randomSettings(true),
      fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      ({ tree, panel }, settings, chosen) => {
        const groups = oddEven(panel.units.length);
        const run = compute({ tree, panel, settings, periods: ['2023'], groups });
        const nu = panel.units.length;
        const predecessors = panel.units
          .map((_, u) => tree.codes.map((_, n) => run.scores[n * nu + u] as number))
          .filter((_, u) => chosen[u]);
        const f = successorFigures({ tree, settings, predecessors, rank: 1, values: [] });
        const mean = successorScores(
          predecessors.map((s) => s[0] as number),
          predecessors.map(() => 0),
          1,
        ).scores[0] as number;
        if (Number.isNaN(mean)) {
          assert.ok(Number.isNaN(f.score));
          return;
        }
        assertClose(f.score, mean);
        let sum = 0;
        for (const i of tree.indicators) {
          const c = f.contributions[i] as number;
          if (!Number.isNaN(c)) sum += c;
        }
        assert.ok(
          Math.abs(sum - f.score) <= 1e-9 * Math.max(1, Math.abs(f.score)),
          `${sum} vs ${f.score}`,
        );
      },
    ),
    runs,
  );
});
