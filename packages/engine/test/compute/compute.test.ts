import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ComputeInput, compute } from '../../src/compute/compute.js';
import { unitGroups } from '../../src/compute/groups.js';
import { defaultRunSettings } from '../../src/compute/settings.js';
import { frameworkTree } from '../../src/framework/frameworkTree.js';
import type { FrameworkNode } from '../../src/framework/schema.js';
import { panelBuilder } from '../../src/panel/panelBuilder.js';
import { node } from '../frameworkNode.js';

// Every expected number below is worked out by hand in the comment beside it.

type Row = [unit: string, series: string, period: string, value: number];

/** One series over units U1, U2, ... in one period. */
const column = (series: string, values: number[], period = '2024'): Row[] =>
  values.map((v, i) => [`U${i + 1}`, series, period, v]);

function run(
  nodes: FrameworkNode[],
  rows: Row[],
  options: Omit<ComputeInput, 'tree' | 'panel'> = {},
) {
  const tree = frameworkTree({ id: 'test', version: 3, nodes });
  const builder = panelBuilder();
  for (const [unit, series, period, value] of rows) builder.add(unit, series, period, value);
  const { panel } = builder.build();
  const result = compute({ tree, panel, ...options });
  const nu = result.units.length;
  const at = (code: string, period?: string): number => {
    const p = period === undefined ? 0 : result.periods.indexOf(period);
    const n = tree.position.get(code);
    assert.ok(p >= 0 && n !== undefined, `no ${code} in ${period}`);
    return (p * result.codes.length + n) * nu;
  };
  const scores = (code: string, period?: string) =>
    Array.from(result.scores.subarray(at(code, period), at(code, period) + nu));
  const ranks = (code: string, period?: string) =>
    Array.from(result.ranks.subarray(at(code, period), at(code, period) + nu));
  return { tree, panel, result, scores, ranks };
}

/** Element-wise closeness; NaN must match NaN. */
function close(actual: number[], expected: number[], tolerance = 1e-12): void {
  assert.equal(actual.length, expected.length, `${actual} vs ${expected}`);
  actual.forEach((a, i) => {
    const e = expected[i] as number;
    if (Number.isNaN(e)) assert.ok(Number.isNaN(a), `[${i}]: expected NaN, got ${a}`);
    else assert.ok(Math.abs(a - e) <= tolerance, `[${i}]: expected ${e}, got ${a}`);
  });
}

const NaN_ = Number.NaN;

test('defaults: min-max to [0, 100], weighted arithmetic mean, highest score ranks 1', () => {
  const { result, scores, ranks } = run(
    [node('I'), node('a', 'I'), node('b', 'I', { weight: 3 })],
    [...column('a', [10, 20, 40]), ...column('b', [5, 3, 1])],
  );
  assert.deepEqual(result.codes, ['I', 'a', 'b']);
  assert.deepEqual(result.units, ['U1', 'U2', 'U3']);
  assert.deepEqual(result.periods, ['2024']);
  // a: min 10, max 40, span 30: (10-10)/30*100 = 0, (20-10)/30*100 = 33.33..., (40-10)/30*100 = 100
  close(scores('a'), [0, 100 / 3, 100]);
  // b: min 1, max 5, span 4: (5-1)/4*100 = 100, (3-1)/4*100 = 50, (1-1)/4*100 = 0
  close(scores('b'), [100, 50, 0]);
  // I = (1*a + 3*b) / 4: U1 (0 + 300)/4 = 75; U2 (33.33... + 150)/4 = 45.833...; U3 (100 + 0)/4 = 25
  close(scores('I'), [75, (100 / 3 + 150) / 4, 25]);
  assert.deepEqual(ranks('I'), [1, 2, 3]);
  assert.deepEqual(ranks('a'), [3, 2, 1]);
  assert.deepEqual(ranks('b'), [1, 2, 3]);
  assert.deepEqual(result.warnings, []);
  assert.deepEqual(result.treatments, []);
});

test('direction -1: lower values score higher', () => {
  const { scores } = run(
    [node('I'), node('a', 'I'), node('b', 'I', { direction: -1 })],
    [...column('a', [10, 20, 40]), ...column('b', [5, 3, 1])],
  );
  // b reversed: (max - x)/(max - min)*100 = (5-5)/4*100 = 0, (5-3)/4*100 = 50, (5-1)/4*100 = 100
  close(scores('b'), [0, 50, 100]);
  // I = (a + b)/2: U1 (0 + 0)/2 = 0; U2 (33.33... + 50)/2 = 41.66...; U3 (100 + 100)/2 = 100
  close(scores('I'), [0, (100 / 3 + 50) / 2, 100]);
});

test('formula indicators: numerator / denominator * factor, and an expression', () => {
  const { scores } = run(
    [
      node('I'),
      node('ehr', 'I', { numerator: 'ehr_people', denominator: 'population', factor: 100 }),
      node('avg', 'I', { formula: '(p + q) / 2' }),
    ],
    [
      ...column('ehr_people', [50, 30, 75]),
      ...column('population', [200, 60, 100]),
      ...column('p', [2, 4, 10]),
      ...column('q', [4, 4, 6]),
    ],
  );
  // ehr = people/population*100: 50/200*100 = 25, 30/60*100 = 50, 75/100*100 = 75
  // min-max over [25, 75]: 0, (50-25)/50*100 = 50, 100
  close(scores('ehr'), [0, 50, 100]);
  // avg = (p + q)/2: (2+4)/2 = 3, (4+4)/2 = 4, (10+6)/2 = 8; min-max over [3, 8]: 0, 1/5*100 = 20, 100
  close(scores('avg'), [0, 20, 100]);
  // I = (ehr + avg)/2: 0, (50+20)/2 = 35, 100
  close(scores('I'), [0, 35, 100]);
});

test('a zero denominator or a missing operand gives a missing indicator value', () => {
  const { scores } = run(
    [node('I'), node('r', 'I', { numerator: 'n', denominator: 'd' }), node('z', 'I')],
    [
      ...column('n', [1, 2, 3, 4]),
      ...column('d', [1, 0, Number.NaN, 2]),
      ...column('z', [0, 10, 20, 30]),
    ],
  );
  // r = n/d: 1/1 = 1, 2/0 -> missing, 3/missing -> missing, 4/2 = 2; min-max over [1, 2]: 0, -, -, 100
  close(scores('r'), [0, NaN_, NaN_, 100]);
  // z: 0, 33.33..., 66.66..., 100; I renormalises over the present children:
  // U1 (0+0)/2 = 0; U2 z alone = 33.33...; U3 z alone = 66.66...; U4 (100+100)/2 = 100
  close(scores('I'), [0, 100 / 3, 200 / 3, 100]);
});

test('node settings win over run settings', () => {
  const { result, scores } = run(
    [
      node('I', undefined, { aggregate: { method: 'geometric', data_threshold: 0 } }),
      node('a', 'I', { normalise: { method: 'rank' } }),
      node('b', 'I'),
    ],
    [...column('a', [30, 10, 20]), ...column('b', [5, 3, 1])],
    { settings: { normalise: { method: 'minmax', range: [1, 10] } } },
  );
  // a keeps its own rank normalisation: 30 -> 3, 10 -> 1, 20 -> 2
  close(scores('a'), [3, 1, 2]);
  // b takes the run's min-max to [1, 10]: (x-1)/4*9 + 1: 5 -> 10, 3 -> 5.5, 1 -> 1
  close(scores('b'), [10, 5.5, 1]);
  // I takes its own geometric mean, not the run's arithmetic one:
  // U1 sqrt(3*10) = sqrt(30); U2 sqrt(1*5.5) = sqrt(5.5); U3 sqrt(2*1) = sqrt(2)
  close(scores('I'), [Math.sqrt(30), Math.sqrt(5.5), Math.sqrt(2)]);
  assert.deepEqual(result.record.settings.normalise, { method: 'minmax', range: [1, 10] });
  assert.deepEqual(result.record.nodeSettings, {
    I: { aggregate: { method: 'geometric', data_threshold: 0 } },
    a: { normalise: { method: 'rank' } },
  });
});

test('mean imputation fills the gap with the mean and records it', () => {
  const { result, scores } = run(
    [node('I'), node('a', 'I')],
    [...column('a', [10, Number.NaN, 40, 20])],
    { settings: { impute: 'mean' } },
  );
  // mean of the present values: (10 + 40 + 20)/3 = 70/3 = 23.33...
  assert.equal(result.treatments.length, 1);
  const [t] = result.treatments;
  assert.ok(t?.step === 'impute');
  assert.equal(t.unit, 'U2');
  assert.equal(t.indicator, 'a');
  assert.equal(t.period, '2024');
  assert.equal(t.method, 'mean');
  assert.ok(Math.abs(t.to - 70 / 3) < 1e-12);
  // min-max over [10, 40]: 0, (70/3 - 10)/30*100 = (40/3)/30*100 = 44.44..., 100, (20-10)/30*100 = 33.33...
  close(scores('a'), [0, 400 / 9, 100, 100 / 3]);
});

test('median imputation', () => {
  const { result, scores } = run(
    [node('I'), node('a', 'I')],
    [...column('a', [10, Number.NaN, 40, 20])],
    { settings: { impute: 'median' } },
  );
  // median of 10, 20, 40 is 20
  assert.deepEqual(
    result.treatments.map((t) => (t.step === 'impute' ? [t.unit, t.method, t.to] : [])),
    [['U2', 'median', 20]],
  );
  // (20-10)/30*100 = 33.33...
  close(scores('a'), [0, 100 / 3, 100, 100 / 3]);
});

test('group-mean imputation uses the mean of the unit’s own group', () => {
  // Units U1..U5 in this order: U1, U2 in the north; U3, U4, U5 in the south.
  const groups = unitGroups(['N', 'N', 'S', 'S', 'S']);
  const { result, scores } = run(
    [node('I'), node('a', 'I')],
    column('a', [10, Number.NaN, 40, Number.NaN, 20]),
    { settings: { impute: 'group-mean' }, groups },
  );
  // group N = {U1, U2}: U2 <- 10; group S = {U3, U4, U5}: U4 <- (40 + 20)/2 = 30
  assert.deepEqual(
    result.treatments.map((t) => (t.step === 'impute' ? [t.unit, t.method, t.to] : [])),
    [
      ['U2', 'group-mean', 10],
      ['U4', 'group-mean', 30],
    ],
  );
  // min-max over [10, 40]: 0, 0, 100, (30-10)/30*100 = 66.66..., (20-10)/30*100 = 33.33...
  close(scores('a'), [0, 0, 100, 200 / 3, 100 / 3]);
});

test('group-mean imputation without groups is an error', () => {
  assert.throws(
    () =>
      run([node('I'), node('a', 'I')], column('a', [1, Number.NaN]), {
        settings: { impute: 'group-mean' },
      }),
    /group/,
  );
});

test('latest imputation carries the most recent earlier value forward', () => {
  const { result, scores } = run(
    [node('I'), node('a', 'I')],
    [
      ...column('a', [1, 15, 7], '2022'),
      ...column('a', [2, Number.NaN, Number.NaN], '2023'),
      ...column('a', [10, Number.NaN, 40], '2024'),
    ],
    { settings: { impute: 'latest' } },
  );
  // 2023: U2 <- 15 (2022), U3 <- 7 (2022); 2024: U2 <- 15 (2022; 2023 is missing too)
  assert.deepEqual(
    result.treatments.map((t) => (t.step === 'impute' ? [t.period, t.unit, t.to] : [])),
    [
      ['2023', 'U2', 15],
      ['2023', 'U3', 7],
      ['2024', 'U2', 15],
    ],
  );
  // 2024 min-max over [10, 40]: 0, (15-10)/30*100 = 16.66..., 100
  close(scores('a', '2024'), [0, 50 / 3, 100]);
  // 2023 min-max over [2, 15]: 0, 100, (7-2)/13*100 = 38.46...
  close(scores('a', '2023'), [0, 100, 500 / 13]);
});

test('winsorisation is recorded with every point it moved', () => {
  // COINr's own example (vignette "treat"): 1..10, 30, 100 has skewness 3.063241 and
  // kurtosis 9.741391 (both above 2 and 3.5); pulling 100 in to 30 is enough.
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];
  const { result, scores } = run([node('I'), node('a', 'I')], column('a', values), {
    settings: { outliers: { method: 'winsorise', max_points: 5, skewness: 2, kurtosis: 3.5 } },
  });
  assert.equal(result.treatments.length, 1);
  const [t] = result.treatments;
  assert.ok(t?.step === 'outliers');
  assert.equal(t.indicator, 'a');
  assert.equal(t.period, '2024');
  assert.equal(t.outcome, 'winsorised');
  assert.equal(t.pass, true);
  assert.ok(Math.abs(t.skewness - 3.063241) < 5e-7);
  assert.ok(Math.abs(t.kurtosis - 9.741391) < 5e-7);
  assert.deepEqual(t.points, [{ unit: 'U12', from: 100, to: 30, how: 'winsorised-high' }]);
  // min-max over [1, 30]: U1 0, U10 (10-1)/29*100 = 31.03..., U11 and U12 100
  const s = scores('a');
  close([s[0], s[9], s[10], s[11]] as number[], [0, 900 / 29, 100, 100]);
});

test('an indicator within the skewness and kurtosis limits is not treated', () => {
  const { result } = run([node('I'), node('a', 'I')], column('a', [1, 2, 3, 4, 5, 6]), {
    settings: { outliers: { method: 'winsorise', max_points: 5, skewness: 2, kurtosis: 3.5 } },
  });
  assert.deepEqual(result.treatments, []);
});

test('data_threshold makes an aggregate missing when too few children have a score', () => {
  const { scores, ranks } = run(
    [
      node('I', undefined, { aggregate: { method: 'arithmetic', data_threshold: 0.6 } }),
      node('a', 'I'),
      node('b', 'I'),
      node('c', 'I'),
    ],
    [
      ...column('a', [0, 10, Number.NaN]),
      ...column('b', [0, Number.NaN, 10]),
      ...column('c', [10, Number.NaN, 0]),
    ],
  );
  // a: 0, 100, -; b: 0, -, 100; c: 100, -, 0
  // U1 3/3 present: (0+0+100)/3 = 33.33...; U2 1/3 = 0.33 < 0.6: missing; U3 2/3 >= 0.6: (100+0)/2 = 50
  close(scores('I'), [100 / 3, NaN_, 50]);
  // A missing score has no rank.
  close(ranks('I'), [2, NaN_, 1]);
});

test('a missing child is left out and the other weights renormalised', () => {
  const { scores } = run(
    [node('I'), node('a', 'I', { weight: 1 }), node('b', 'I', { weight: 3 })],
    [...column('a', [0, Number.NaN, 10]), ...column('b', [10, 0, 5])],
  );
  // a: 0, -, 100; b: 100, 0, 50
  // U1 (1*0 + 3*100)/4 = 75; U2 only b: 3*0/3 = 0; U3 (1*100 + 3*50)/4 = 62.5
  close(scores('I'), [75, 0, 62.5]);
});

test('ranks: ties share the best rank and the next rank skips', () => {
  const { ranks } = run([node('I'), node('a', 'I')], column('a', [0, 10, 10, 5, 10, 2]));
  // scores 0, 100, 100, 50, 100, 20: three tie for 1st, then 4th, 5th, 6th
  assert.deepEqual(ranks('I'), [6, 1, 1, 4, 1, 5]);
  assert.deepEqual(ranks('a'), [6, 1, 1, 4, 1, 5]);
});

test('every period is computed on its own values', () => {
  const rows = [...column('a', [0, 5, 10], '2023'), ...column('a', [10, 20, 110], '2024')];
  const { result, scores, ranks } = run([node('I'), node('a', 'I')], rows);
  assert.deepEqual(result.periods, ['2023', '2024']);
  assert.deepEqual(result.record.periods, ['2023', '2024']);
  // 2023 over [0, 10]: 0, 50, 100; 2024 over [10, 110]: 0, 10, 100
  close(scores('I', '2023'), [0, 50, 100]);
  close(scores('I', '2024'), [0, 10, 100]);
  assert.deepEqual(ranks('I', '2024'), [3, 2, 1]);

  // Asking for one period gives that period's scores alone, unchanged.
  const only = run([node('I'), node('a', 'I')], rows, { periods: ['2024'] });
  assert.deepEqual(only.result.periods, ['2024']);
  close(only.scores('I', '2024'), [0, 10, 100]);
  assert.equal(only.result.scores.length, 2 * 3);
});

test('asking for a period without data is an error', () => {
  assert.throws(
    () => run([node('I'), node('a', 'I')], column('a', [1, 2]), { periods: ['2030'] }),
    /2030/,
  );
});

test('deterministic: two runs give the same bytes', () => {
  const nodes = [
    node('I'),
    node('A', 'I'),
    node('a1', 'A'),
    node('a2', 'A', { direction: -1, weight: 2 }),
    node('b', 'I', { numerator: 'n', denominator: 'd' }),
  ];
  const rows: Row[] = [];
  for (const period of ['2023', '2024']) {
    rows.push(...column('a1', [0.1, 0.7, Number.NaN, 0.3, 0.9, 0.2, 50], period));
    rows.push(...column('a2', [3, 1, 4, 1, 5, 9, 2], period));
    rows.push(...column('n', [2, 7, 1, 8, 2, 8, 1], period));
    rows.push(...column('d', [3, 1, 4, 1, 5, 9, Number.NaN], period));
  }
  const options = {
    settings: {
      impute: 'mean' as const,
      outliers: { method: 'winsorise' as const, max_points: 5, skewness: 2, kurtosis: 3.5 },
    },
  };
  const first = run(nodes, rows, options).result;
  const second = run(nodes, rows, options).result;
  assert.ok(Buffer.from(first.scores.buffer).equals(Buffer.from(second.scores.buffer)));
  assert.ok(Buffer.from(first.ranks.buffer).equals(Buffer.from(second.ranks.buffer)));
  assert.deepEqual(first.treatments, second.treatments);
  assert.deepEqual(first.warnings, second.warnings);
  assert.deepEqual(first.record, second.record);
});

test('the run record lists the settings, the nodes’ own settings and the periods', () => {
  const { result } = run(
    [node('I'), node('a', 'I', { impute: 'median' }), node('b', 'I')],
    [...column('a', [1, 2, 3], '2023'), ...column('a', [1, 2, 3]), ...column('b', [3, 2, 1])],
    { settings: { aggregate: { method: 'harmonic', data_threshold: 0.5 } } },
  );
  assert.deepEqual(result.record, {
    framework: { id: 'test', version: 3, nodes: 3, indicators: 2 },
    settings: { ...defaultRunSettings, aggregate: { method: 'harmonic', data_threshold: 0.5 } },
    nodeSettings: { a: { impute: 'median' } },
    periods: ['2023', '2024'],
    units: 3,
  });
});

test('the defaults are those of COINr: no imputation or treatment, min-max 0-100, arithmetic', () => {
  assert.deepEqual(defaultRunSettings, {
    impute: 'none',
    outliers: { method: 'none' },
    normalise: { method: 'minmax', range: [0, 100] },
    aggregate: { method: 'arithmetic', data_threshold: 0 },
  });
});

test('a constant indicator is warned about, scores missing and drops out of its parent', () => {
  const { result, scores } = run(
    [node('I'), node('flat', 'I'), node('b', 'I')],
    [...column('flat', [5, 5, 5]), ...column('b', [1, 2, 3])],
  );
  assert.equal(result.warnings.length, 1);
  assert.match(result.warnings[0] ?? '', /"flat" has the same value \(5\) for every unit in 2024/);
  close(scores('flat'), [NaN_, NaN_, NaN_]);
  // I is b alone: 0, 50, 100
  close(scores('I'), [0, 50, 100]);
});

test('an indicator with no value in a period is warned about', () => {
  const { result, scores } = run(
    [node('I'), node('none', 'I'), node('b', 'I')],
    [...column('none', [Number.NaN, Number.NaN]), ...column('b', [1, 2])],
  );
  assert.equal(result.warnings.length, 1);
  assert.match(result.warnings[0] ?? '', /"none" has no value in 2024/);
  close(scores('I'), [0, 100]);
});

test('a geometric mean of negative scores is warned about and missing', () => {
  const { result, scores } = run(
    [
      node('I', undefined, { aggregate: { method: 'geometric', data_threshold: 0 } }),
      node('a', 'I'),
      node('b', 'I'),
    ],
    [...column('a', [1, 2, 3]), ...column('b', [1, 2, 3])],
    { settings: { normalise: { method: 'zscore', mean: 0, sd: 1 } } },
  );
  // z-scores: mean 2, sd 1: -1, 0, 1. U1 has a negative child: no geometric mean.
  // U2: a zero child gives 0; U3: sqrt(1*1) = 1.
  close(scores('I'), [NaN_, 0, 1]);
  assert.equal(result.warnings.length, 1);
  assert.match(result.warnings[0] ?? '', /"I".*geometric mean is undefined for 1 unit/);
});
