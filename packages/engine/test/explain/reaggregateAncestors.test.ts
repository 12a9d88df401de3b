import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { compute } from '../../src/compute/compute.js';
import { defaultRunSettings, nodeSettings } from '../../src/compute/settings.js';
import { reaggregateAncestors } from '../../src/explain/reaggregateAncestors.js';
import { frameworkTree } from '../../src/framework/frameworkTree.js';
import { assertAllClose } from '../approx.js';
import { node } from '../frameworkNode.js';
import { runs } from '../properties/arbitraries.js';
import { oddEven, randomIndex, randomSettings } from './fixtures.js';

const arithmetic = { method: 'arithmetic', data_threshold: 0 } as const;

test('new scores of an indicator flow up its path only', () => {
  // I = (P + 3 c) / 4, P = (a + b) / 2; two units, node-major layout [I, P, a, b, c].
  const tree = frameworkTree({
    nodes: [
      node('I'),
      node('P', 'I'),
      node('a', 'P'),
      node('b', 'P'),
      node('c', 'I', { weight: 3 }),
    ],
  });
  const scores = Float64Array.of(0, 0, 0, 0, 10, 20, 30, 40, 50, 60);
  scores.set([100, 0], 2 * 2); // a := 100, 0
  const specs = tree.nodes.map(() => arithmetic);
  reaggregateAncestors(tree, scores, 2, 2, specs);
  // P = (100 + 30) / 2 = 65, (0 + 40) / 2 = 20; I = (65 + 150) / 4 = 53.75, (20 + 180) / 4 = 50.
  assertAllClose(scores, [53.75, 50, 65, 20, 100, 0, 30, 40, 50, 60]);
});

test('a missing score is left out and the weights renormalised, as compute does', () => {
  const tree = frameworkTree({ nodes: [node('I'), node('a', 'I'), node('b', 'I', { weight: 3 })] });
  const scores = Float64Array.of(0, Number.NaN, 40);
  reaggregateAncestors(tree, scores, 1, 1, [arithmetic, arithmetic, arithmetic]);
  assert.equal(scores[0], 40);
});

test('property: re-aggregating unchanged scores reproduces compute bit for bit', () => {
  fc.assert(
    fc.property(randomIndex, randomSettings(true), ({ tree, panel }, settings) => {
      const groups = oddEven(panel.units.length);
      const result = compute({ tree, panel, settings, groups, periods: ['2024'] });
      const specs = tree.nodes.map(
        (n) => nodeSettings(n, { ...defaultRunSettings, ...settings }).aggregate,
      );
      for (const i of tree.indicators) {
        const scores = result.scores.slice();
        // Spoil the ancestors first, so that only a recomputation can restore them.
        for (let a = tree.parent[i] as number; a >= 0; a = tree.parent[a] as number)
          scores.fill(-1, a * panel.units.length, (a + 1) * panel.units.length);
        reaggregateAncestors(tree, scores, panel.units.length, i, specs);
        for (let k = 0; k < scores.length; k++)
          assert.ok(Object.is(scores[k], result.scores[k]), `node ${tree.codes[i]}, cell ${k}`);
      }
    }),
    runs,
  );
});
