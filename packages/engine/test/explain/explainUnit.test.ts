import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explainUnit } from '../../src/explain/explainUnit.js';
import { assertClose } from '../approx.js';
import { rows2023, workedExample } from './fixtures.js';

// The worked example (docs/methodology.md) with the 2023 of fixtures.ts, worked out there.

const { tree, panel } = workedExample(rows2023);
const c = explainUnit({ tree, panel, unit: 'C', period: '2024' });
const node = (code: string) => c.nodes.find((n) => n.code === code);

test('C in 2024: score 37.5, 3rd of 4, arithmetic contributions', () => {
  assert.equal(c.unit, 'C');
  assert.equal(c.period, '2024');
  assert.equal(c.units, 4);
  assert.equal(c.score, 37.5);
  assert.equal(c.rank, 3);
  assert.equal(c.method, 'arithmetic');
  assert.deepEqual(c.warnings, []);
  // GOV 2/3 x 37.5 = 25; online 62.5 / 3, days 12.5 / 3; SOC 1/3 x 37.5 = 12.5, all from eid.
  assertClose(node('GOV')?.contribution as number, 25);
  assertClose(node('online_services')?.contribution as number, 62.5 / 3);
  assertClose(node('processing_days')?.contribution as number, 12.5 / 3);
  assertClose(node('SOC')?.contribution as number, 12.5);
  assertClose(node('eid_share')?.contribution as number, 12.5);
  assert.ok(Number.isNaN(node('ehr_share')?.contribution));
  assert.deepEqual(
    c.nodes.map((n) => [n.code, n.kind, n.parent, n.depth]),
    [
      ['DTI', 'index', null, 0],
      ['GOV', 'aggregate', 'DTI', 1],
      ['online_services', 'indicator', 'GOV', 2],
      ['processing_days', 'indicator', 'GOV', 2],
      ['SOC', 'aggregate', 'DTI', 1],
      ['ehr_share', 'indicator', 'SOC', 2],
      ['eid_share', 'indicator', 'SOC', 2],
    ],
  );
  assert.equal(node('processing_days')?.value, 11, 'raw value, in days');
  assert.equal(node('processing_days')?.direction, -1);
  assert.equal(node('GOV')?.name, 'Digital government');
});

test('C in 2024: 4.17 behind A just above, 33.33 behind the leader B', () => {
  assert.equal(c.gaps.above?.unit, 'A');
  assertClose(c.gaps.above?.gap as number, 125 / 3 - 37.5);
  // A is behind C on GOV (12.5 against 37.5) and ahead on SOC (100 against 37.5).
  assert.deepEqual(
    c.gaps.above?.nodes.map((n) => [n.code, n.gap]),
    [
      ['GOV', -25],
      ['SOC', 62.5],
    ],
  );
  assert.equal(c.gaps.leader?.unit, 'B');
  assertClose(c.gaps.leader?.gap as number, 212.5 / 3 - 37.5);
});

test('C in 2024: the top what-if items (see whatIf.test.ts for the hand computation)', () => {
  assert.equal(c.what_if.share, 0.5);
  assert.equal(c.what_if.evaluated, 3);
  assert.deepEqual(c.what_if.skipped, ['ehr_share']);
  assert.deepEqual(
    c.what_if.items.map((i) => [i.indicator, i.new_rank]),
    [
      ['processing_days', 2],
      ['eid_share', 2],
      ['online_services', 2],
    ],
  );
  const top1 = explainUnit({ tree, panel, unit: 'C', period: '2024', top: 1, share: 1 });
  // share 1: processing_days 11 -> 4, the best: (12 - 4) / 8 = 100; GOV (62.5 + 100) / 2 = 81.25;
  // DTI (162.5 + 37.5) / 3 = 66.67, still behind B (70.83): 2nd.
  assert.equal(top1.what_if.items.length, 1);
  assert.equal(top1.what_if.items[0]?.target, 4);
  assertClose(top1.what_if.items[0]?.new_score as number, 200 / 3);
  assert.equal(top1.what_if.items[0]?.new_rank, 2);
});

test('C since 2023: +12.5 points, still 3rd; the changes by indicator sum to +12.5', () => {
  const change = c.change;
  assert.ok(change);
  assert.equal(change.previous, '2023');
  assert.equal(change.previous_score, 25);
  assert.equal(change.score_change, 12.5);
  assert.equal(change.previous_rank, 3);
  assert.equal(change.rank_change, 0);
  const by = (code: string) => change.nodes.find((n) => n.code === code);
  // 2023 contributions: online 50/3, days 0, ehr 50/6, eid 0 (sum 25).
  // 2024: online 62.5/3, days 12.5/3, ehr missing, eid 37.5/3 (its weight 1/3, ehr's included).
  assertClose(by('online_services')?.change as number, 12.5 / 3);
  assertClose(by('processing_days')?.change as number, 12.5 / 3);
  assertClose(by('ehr_share')?.change as number, -50 / 6);
  assertClose(by('eid_share')?.change as number, 12.5);
  assertClose(by('GOV')?.change as number, 25 / 3);
  assert.equal(by('eid_share')?.previous_value, 80);
  assert.equal(by('eid_share')?.value, 86);
});

test('D since 2023: down one place, all of it from the electronic ID share (88% -> 80%)', () => {
  const d = explainUnit({ tree, panel, unit: 'D', period: '2024' });
  assert.equal(d.change?.previous_rank, 3);
  assert.equal(d.change?.rank, 4);
  assert.equal(d.change?.rank_change, -1);
  assertClose(d.change?.score_change as number, 50 / 3 - 25);
  const eid = d.change?.nodes.find((n) => n.code === 'eid_share');
  // eid 50 x 1/6 = 8.33 in 2023, 0 in 2024; every other indicator contributes the same.
  assertClose(eid?.change as number, -50 / 6);
  for (const code of ['online_services', 'processing_days', 'ehr_share'])
    assertClose(d.change?.nodes.find((n) => n.code === code)?.change as number, 0);
});

test('the first period has no change; unknown unit or period and a bad share are refused', () => {
  assert.equal(explainUnit({ tree, panel, unit: 'C', period: '2023' }).change, null);
  assert.throws(() => explainUnit({ tree, panel, unit: 'Z', period: '2024' }), /unit "Z"/);
  assert.throws(() => explainUnit({ tree, panel, unit: 'C', period: '2022' }), /period "2022"/);
  assert.throws(() => explainUnit({ tree, panel, unit: 'C', period: '2024', share: 1.5 }), /share/);
  assert.throws(() => explainUnit({ tree, panel, unit: 'C', period: '2024', top: -1 }), /top/);
});

test('a geometric index says its contributions are proportional shares', () => {
  const geo = workedExample('', (y) =>
    y.replace(
      '{code: DTI, name: Digital transformation index}',
      '{code: DTI, aggregate: geometric}',
    ),
  );
  const a = explainUnit({ ...geo, unit: 'A', period: '2024' });
  assert.equal(a.method, 'proportional');
  // DTI 25 (docs: second check); GOV gets 5 and SOC 20 (see contributions.test.ts).
  assertClose(a.score, 25);
  assertClose(a.nodes.find((n) => n.code === 'SOC')?.contribution as number, 20);
});
