import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { compute } from '../../src/compute/compute.js';
import { defaultRunSettings, type RunSettings } from '../../src/compute/settings.js';
import { whatIf } from '../../src/explain/whatIf.js';
import type { FrameworkTree } from '../../src/framework/frameworkTree.js';
import type { Panel } from '../../src/panel/panel.js';
import { assertClose } from '../approx.js';
import { runs } from '../properties/arbitraries.js';
import { oddEven, randomIndex, randomSettings, workedExample } from './fixtures.js';

function simulate(
  tree: FrameworkTree,
  panel: Panel,
  unit: string,
  share: number,
  settings: Partial<RunSettings> = {},
) {
  const groups = oddEven(panel.units.length);
  const run = { ...defaultRunSettings, ...settings };
  const base = compute({ tree, panel, settings: run, groups, periods: ['2024'] });
  return whatIf({
    tree,
    panel,
    settings: run,
    groups,
    period: '2024',
    unit: panel.units.indexOf(unit),
    scores: base.scores,
    share,
  });
}

// The worked example of docs/methodology.md, computed by hand. C is 3rd (37.5) behind A (125/3)
// and B (212.5/3). Closing half the gap to the best performer on each indicator:
//   processing_days 11 -> 11 + 0.5 (4 - 11) = 7.5 days; bounds stay 4 and 12:
//     (12 - 7.5) / 8 = 56.25; GOV (62.5 + 56.25) / 2 = 59.375; DTI (2 x 59.375 + 37.5) / 3 = 52.083
//   eid_share 86 -> 91; bounds 80, 96: 68.75 = SOC (ehr missing); DTI (75 + 68.75) / 3 = 47.917
//   online_services 65 -> 72.5; bounds 40, 80: 81.25; GOV 46.875; DTI (93.75 + 37.5) / 3 = 43.75
//   ehr_share: C has no value: skipped.
// Each passes A (41.667): 3rd -> 2nd, so they are ordered by score gained.
test('worked example, C: every indicator lifts it to 2nd; ordered by score gained', () => {
  const { tree, panel } = workedExample();
  const w = simulate(tree, panel, 'C', 0.5);
  assert.equal(w.share, 0.5);
  assert.deepEqual(w.skipped, ['ehr_share']);
  assert.deepEqual(
    w.items.map((i) => [i.indicator, i.value, i.best, i.best_unit, i.target, i.rank, i.new_rank]),
    [
      ['processing_days', 11, 4, 'B', 7.5, 3, 2],
      ['eid_share', 86, 96, 'A', 91, 3, 2],
      ['online_services', 65, 80, 'B', 72.5, 3, 2],
    ],
  );
  const [days, eid, online] = w.items;
  assertClose(days?.new_indicator_score as number, 56.25);
  assertClose(days?.new_score as number, 156.25 / 3);
  assertClose(days?.score_gain as number, 156.25 / 3 - 37.5);
  assert.equal(days?.rank_gain, 1);
  assertClose(eid?.new_score as number, 143.75 / 3);
  assertClose(online?.new_score as number, 43.75);
  assertClose(online?.indicator_score as number, 62.5);
});

// D is last on processing_days (12 days, the maximum). Closing half its gap to B (4 days): 8
// days. C (11 days) becomes the slowest, so the bound moves: -x spans -11..-4 (7 days):
//   D (11 - 8) / 7 x 100 = 42.857; A's own score falls from 25 to (11 - 10) / 7 x 100 = 14.286.
//   D: GOV (50 + 42.857) / 2 = 46.429; DTI (2 x 46.429 + 0) / 3 = 30.952, still 4th behind
//   C, whose DTI falls to (62.5 + 0 + 37.5) / 3 = 33.333.
test('worked example, D: the normalisation bound moves with the value', () => {
  const { tree, panel } = workedExample();
  const w = simulate(tree, panel, 'D', 0.5);
  const days = w.items.find((i) => i.indicator === 'processing_days');
  assert.equal(days?.target, 8);
  assertClose(days?.new_indicator_score as number, 300 / 7);
  assertClose(days?.new_score as number, (2 * (50 + 300 / 7)) / 2 / 3);
  assert.equal(days?.new_rank, 4);
  assert.equal(days?.rank_gain, 0);
  assert.equal(w.items[0]?.indicator, 'processing_days', 'the largest score gain comes first');
});

test('a unit already best on an indicator gains nothing there', () => {
  const { tree, panel } = workedExample();
  const w = simulate(tree, panel, 'B', 0.5);
  const online = w.items.find((i) => i.indicator === 'online_services');
  assert.equal(online?.value, 80);
  assert.equal(online?.target, 80);
  assert.equal(online?.score_gain, 0);
  assert.equal(online?.rank_gain, 0);
});

/** The full pipeline on the data with one raw value replaced: the reference for the what-if. */
function recomputed(
  tree: FrameworkTree,
  panel: Panel,
  settings: Partial<RunSettings>,
  series: string,
  u: number,
  value: number,
) {
  const values = panel.values.slice();
  const p = panel.periods.indexOf('2024');
  values[(p * panel.series.length + panel.series.indexOf(series)) * panel.units.length + u] = value;
  return compute({
    tree,
    panel: { ...panel, values },
    settings,
    groups: oddEven(panel.units.length),
    periods: ['2024'],
  });
}

const share = fc.double({ min: 0, max: 1, noNaN: true });

test('property: the partial recomputation equals a full compute of the changed data, bit for bit', () => {
  fc.assert(
    fc.property(
      randomIndex,
      randomSettings(true),
      share,
      fc.nat(),
      ({ tree, panel }, settings, s, pick) => {
        const u = pick % panel.units.length;
        const w = simulate(tree, panel, panel.units[u] as string, s, settings);
        for (const item of w.items) {
          const full = recomputed(tree, panel, settings, item.indicator, u, item.target);
          const nu = panel.units.length;
          assert.ok(Object.is(full.scores[u], item.new_score), `${item.indicator}: index score`);
          assert.ok(Object.is(full.ranks[u], item.new_rank), `${item.indicator}: rank`);
          const i = tree.position.get(item.indicator) as number;
          assert.ok(Object.is(full.scores[i * nu + u], item.new_indicator_score));
        }
      },
    ),
    { ...runs, numRuns: 100 },
  );
});

test('property: closing a share 0 of the gap changes nothing, under any settings', () => {
  fc.assert(
    fc.property(randomIndex, randomSettings(true), fc.nat(), ({ tree, panel }, settings, pick) => {
      const u = pick % panel.units.length;
      const w = simulate(tree, panel, panel.units[u] as string, 0, settings);
      for (const item of w.items) {
        assert.ok(item.target === item.value); // 0 and -0 alike
        assert.ok(Object.is(item.new_score, item.score), `${item.indicator}: score`);
        assert.ok(Object.is(item.new_indicator_score, item.indicator_score));
        if (!Number.isNaN(item.rank)) assert.equal(item.rank_gain, 0);
      }
    }),
    runs,
  );
});

test('property: under min-max and arithmetic means, improving an indicator never lowers the unit score', () => {
  fc.assert(
    fc.property(
      randomIndex,
      fc.double({ min: 0, max: 0.95, noNaN: true }),
      fc.nat(),
      ({ tree, panel }, s, pick) => {
        const u = pick % panel.units.length;
        const w = simulate(tree, panel, panel.units[u] as string, s);
        for (const item of w.items) {
          if (Number.isNaN(item.score)) continue;
          const tol = 1e-9 * Math.max(1, Math.abs(item.score));
          assert.ok(
            item.new_score >= item.score - tol,
            `${item.indicator}: ${item.score} -> ${item.new_score}`,
          );
          // A constant indicator has no score before or after (the unit is already its best).
          if (!Number.isNaN(item.indicator_score))
            assert.ok(item.new_indicator_score >= item.indicator_score - tol);
          // Moving toward the best value: between the unit's value and the best.
          const [lo, hi] =
            item.value <= item.best ? [item.value, item.best] : [item.best, item.value];
          assert.ok(item.target >= lo && item.target <= hi);
        }
      },
    ),
    runs,
  );
});

test('property: items come most places gained first, then most score gained', () => {
  fc.assert(
    fc.property(randomIndex, share, fc.nat(), ({ tree, panel }, s, pick) => {
      const w = simulate(tree, panel, panel.units[pick % panel.units.length] as string, s);
      for (let k = 1; k < w.items.length; k++) {
        const a = w.items[k - 1];
        const b = w.items[k];
        if (!a || !b || Number.isNaN(b.rank_gain)) continue;
        assert.ok(a.rank_gain >= b.rank_gain);
        if (a.rank_gain === b.rank_gain) assert.ok(a.score_gain >= b.score_gain);
      }
    }),
    runs,
  );
});
