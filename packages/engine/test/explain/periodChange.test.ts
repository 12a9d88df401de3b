import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { explainUnit } from '../../src/explain/explainUnit.js';
import { periodChange } from '../../src/explain/periodChange.js';
import { runs } from '../properties/arbitraries.js';
import { oddEven, randomIndex, randomSettings } from './fixtures.js';

const NA = Number.NaN;

test('changes are contribution differences; a missing contribution counts as 0', () => {
  // Index of two indicators: 10 + 20 = 30 before, 15 + (missing) = 15 now.
  const change = periodChange(
    ['I', 'a', 'b'],
    '2023',
    { score: 15, rank: 3, contributions: [15, 15, NA], values: [NA, 7, NA] },
    { score: 30, rank: 1, contributions: [30, 10, 20], values: [NA, 5, 9] },
  );
  assert.equal(change.previous, '2023');
  assert.equal(change.score_change, -15);
  assert.equal(change.rank_change, -2, 'from 1st to 3rd is down 2 places');
  assert.deepEqual(
    change.nodes.map((n) => [n.code, n.change, n.value, n.previous_value]),
    [
      ['I', -15, NA, NA],
      ['a', 5, 7, 5],
      ['b', -20, NA, 9],
    ],
  );
});

test('a rank change is previous rank minus rank: 58th to 48th is +10', () => {
  const one = { score: 1, rank: 48, contributions: [1], values: [NA] };
  const change = periodChange(['I'], '2021', one, { ...one, rank: 58 });
  assert.equal(change.rank_change, 10);
});

test('property: the indicators changes sum to the change in index score, under any mean', () => {
  fc.assert(
    fc.property(randomIndex, randomSettings(true), fc.nat(), ({ tree, panel }, settings, pick) => {
      const unit = panel.units[pick % panel.units.length] as string;
      const e = explainUnit({
        tree,
        panel,
        settings,
        groups: oddEven(panel.units.length),
        unit,
        period: '2024',
      });
      const change = e.change;
      assert.ok(change, 'a change against 2023');
      if (Number.isNaN(change.score_change)) return;
      let sum = 0;
      for (const i of tree.indicators) sum += change.nodes[i]?.change as number;
      const scale = Math.max(1, Math.abs(change.score), Math.abs(change.previous_score));
      assert.ok(
        Math.abs(sum - change.score_change) <= 1e-9 * scale,
        `${sum} vs ${change.score_change}`,
      );
    }),
    runs,
  );
});
