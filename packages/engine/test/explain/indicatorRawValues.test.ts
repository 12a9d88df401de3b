import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indicatorRawValues } from '../../src/explain/indicatorRawValues.js';
import { frameworkTree } from '../../src/framework/frameworkTree.js';
import { panelBuilder } from '../../src/panel/panelBuilder.js';
import { node } from '../frameworkNode.js';

test("an indicator's formula over the data, period by period, before any treatment", () => {
  const tree = frameworkTree({
    nodes: [
      node('I'),
      node('share', 'I', { numerator: 'ehr', denominator: 'people', factor: 100 }),
      node('online', 'I'),
    ],
  });
  const b = panelBuilder();
  // Two units, two periods: 50/200*100 = 25 and 30/0 (no value); 60/200*100 = 30, 10/40*100 = 25.
  for (const [u, s, p, v] of [
    ['A', 'ehr', '2023', 50],
    ['A', 'people', '2023', 200],
    ['B', 'ehr', '2023', 30],
    ['B', 'people', '2023', 0],
    ['A', 'ehr', '2024', 60],
    ['A', 'people', '2024', 200],
    ['B', 'ehr', '2024', 10],
    ['B', 'people', '2024', 40],
    ['A', 'online', '2024', 7],
  ] as const)
    b.add(u, s, p, v);
  const { panel } = b.build();
  const share = indicatorRawValues(tree, panel, 1);
  assert.deepEqual(
    share.map((c) => Array.from(c)),
    [
      [25, Number.NaN],
      [30, 25],
    ],
  );
  assert.deepEqual(
    indicatorRawValues(tree, panel, 2).map((c) => Array.from(c)),
    [
      [Number.NaN, Number.NaN],
      [7, Number.NaN],
    ],
  );
  assert.throws(() => indicatorRawValues(tree, panel, 0), /not an indicator/);
});
