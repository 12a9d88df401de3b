import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { compute } from '../../src/compute/compute.js';
import { defaultRunSettings, nodeSettings, type RunSettings } from '../../src/compute/settings.js';
import { contributions } from '../../src/explain/contributions.js';
import type { FrameworkTree } from '../../src/framework/frameworkTree.js';
import { assertClose } from '../approx.js';
import { runs } from '../properties/arbitraries.js';
import { oddEven, randomIndex, randomSettings, workedExample } from './fixtures.js';

/** Each node's score for unit `u` in the first computed period, and each aggregate's method. */
function unitScores(tree: FrameworkTree, scores: Float64Array, units: number, u: number) {
  return Float64Array.from(tree.codes, (_, n) => scores[n * units + u] as number);
}
const methodsOf = (tree: FrameworkTree, settings: Partial<RunSettings> = {}) =>
  tree.nodes.map((n, i) =>
    (tree.children[i] as Int32Array).length > 0
      ? nodeSettings(n, { ...defaultRunSettings, ...settings }).aggregate.method
      : undefined,
  );

// The worked example (docs/methodology.md): GOV weighs 2/3 and SOC 1/3 of the index, each
// indicator 1/2 of its pillar, so GOV indicators carry 1/3 each and SOC indicators 1/6 each.
test('worked example, unit A: effective weights 1/3, 1/3, 1/6, 1/6; contributions sum to 125/3', () => {
  const { tree, panel } = workedExample();
  const result = compute({ tree, panel });
  const parts = contributions(tree, unitScores(tree, result.scores, 4, 0), methodsOf(tree));
  const by = (code: string) => parts[tree.position.get(code) as number];
  // A's scores: online 0, processing 25, ehr 100, eid 100 (step 1 of the worked example).
  assertClose(by('online_services')?.effective_weight as number, 1 / 3);
  assertClose(by('online_services')?.contribution as number, 0);
  assertClose(by('processing_days')?.contribution as number, 25 / 3);
  assertClose(by('ehr_share')?.effective_weight as number, 1 / 6);
  assertClose(by('ehr_share')?.contribution as number, 100 / 6);
  assertClose(by('eid_share')?.contribution as number, 100 / 6);
  assertClose(by('GOV')?.contribution as number, (2 / 3) * 12.5);
  assertClose(by('SOC')?.contribution as number, 100 / 3);
  assertClose(by('DTI')?.contribution as number, 125 / 3);
  // 0 + 25/3 + 100/6 + 100/6 = 25/3 + 100/3 = 125/3, A's index score.
});

test('worked example, unit C: its missing ehr_share leaves eid_share the whole of SOC (1/3)', () => {
  const { tree, panel } = workedExample();
  const result = compute({ tree, panel });
  const parts = contributions(tree, unitScores(tree, result.scores, 4, 2), methodsOf(tree));
  const by = (code: string) => parts[tree.position.get(code) as number];
  assert.equal(by('ehr_share')?.share, 0);
  assert.equal(by('ehr_share')?.effective_weight, 0);
  assert.ok(Number.isNaN(by('ehr_share')?.contribution));
  assert.equal(by('eid_share')?.share, 1);
  assertClose(by('eid_share')?.effective_weight as number, 1 / 3);
  // online 62.5/3 + processing 12.5/3 + eid 37.5/3 = 112.5/3 = 37.5, C's index score.
  assertClose(by('online_services')?.contribution as number, 62.5 / 3);
  assertClose(by('processing_days')?.contribution as number, 12.5 / 3);
  assertClose(by('eid_share')?.contribution as number, 37.5 / 3);
});

test('geometric index (worked example, second check), unit A: proportional shares of 25', () => {
  const { tree, panel } = workedExample('', (y) =>
    y.replace(
      '{code: DTI, name: Digital transformation index}',
      '{code: DTI, aggregate: geometric}',
    ),
  );
  const result = compute({ tree, panel });
  const parts = contributions(tree, unitScores(tree, result.scores, 4, 0), methodsOf(tree));
  const by = (code: string) => parts[tree.position.get(code) as number];
  // DTI = 25 with GOV 12.5, SOC 100. Their weighted arithmetic mean is 2/3 12.5 + 1/3 100 =
  // 125/3, so r = 25 / (125/3) = 0.6: GOV gets 2/3 x 0.6 x 12.5 = 5, SOC 1/3 x 0.6 x 100 = 20.
  assertClose(by('GOV')?.effective_weight as number, 0.4);
  assertClose(by('GOV')?.contribution as number, 5);
  assertClose(by('SOC')?.contribution as number, 20);
  // Below the (arithmetic) pillars: GOV's 5 splits as online 0 and processing 0.4 x 1/2 x 25 = 5.
  assertClose(by('processing_days')?.contribution as number, 5);
  assertClose(by('ehr_share')?.contribution as number, 10);
});

test('a unit with no index score has no contributions and zero effective weights', () => {
  const { tree } = workedExample();
  const parts = contributions(tree, new Float64Array(tree.codes.length).fill(Number.NaN), []);
  for (const p of parts) {
    assert.equal(p.effective_weight, 0);
    assert.ok(Number.isNaN(p.contribution));
  }
});

/** Sums the indicators' contributions (a missing one counting 0). */
const indicatorSum = (tree: FrameworkTree, parts: ReturnType<typeof contributions>) =>
  Array.from(tree.indicators).reduce((s, i) => {
    const c = parts[i]?.contribution as number;
    return Number.isNaN(c) ? s : s + c;
  }, 0);

test('property: under arithmetic means the indicators contributions sum to the index score', () => {
  fc.assert(
    fc.property(randomIndex, randomSettings(false), ({ tree, panel }, settings) => {
      const groups = oddEven(panel.units.length);
      const result = compute({ tree, panel, settings, groups, periods: ['2024'] });
      const nu = panel.units.length;
      for (let u = 0; u < nu; u++) {
        const own = unitScores(tree, result.scores, nu, u);
        const parts = contributions(tree, own, methodsOf(tree, settings));
        const score = own[0] as number;
        if (Number.isNaN(score)) continue;
        // The separable form: each present indicator contributes (product of shares) x score.
        const tol =
          1e-9 * Math.max(1, ...Array.from(own, (s) => (Number.isNaN(s) ? 0 : Math.abs(s))));
        assert.ok(
          Math.abs(indicatorSum(tree, parts) - score) <= tol,
          `unit ${u}: ${indicatorSum(tree, parts)} vs ${score}`,
        );
      }
    }),
    runs,
  );
});

test('property: under any mean, the children of every aggregate share its contribution exactly', () => {
  fc.assert(
    fc.property(randomIndex, randomSettings(true), ({ tree, panel }, settings) => {
      const groups = oddEven(panel.units.length);
      const result = compute({ tree, panel, settings, groups, periods: ['2024'] });
      const nu = panel.units.length;
      for (let u = 0; u < nu; u++) {
        const own = unitScores(tree, result.scores, nu, u);
        if (Number.isNaN(own[0])) continue;
        const parts = contributions(tree, own, methodsOf(tree, settings));
        const scale = Math.max(1, ...Array.from(own, (s) => (Number.isNaN(s) ? 0 : Math.abs(s))));
        tree.children.forEach((kids, n) => {
          if (kids.length === 0 || Number.isNaN(own[n])) return;
          let sum = 0;
          for (const k of kids) {
            const c = parts[k]?.contribution as number;
            if (!Number.isNaN(c)) sum += c;
          }
          const expected = parts[n]?.contribution as number;
          assert.ok(Math.abs(sum - expected) <= 1e-9 * scale, `node ${tree.codes[n]}, unit ${u}`);
        });
        assert.ok(Math.abs(indicatorSum(tree, parts) - (own[0] as number)) <= 1e-9 * scale);
      }
    }),
    runs,
  );
});
