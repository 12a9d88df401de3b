// The worked example of docs/methodology.md ("Worked example"), run through the engine.
// Every expected number below is the one the document computes by hand, step by step; if this
// test fails, either the engine or the document is wrong, and both must agree again.
// The same framework and data are in data/examples/worked/ (the last test checks they match).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { csvParse } from 'd3-dsv';
import { compute } from '../../src/compute/compute.js';
import { defaultRunSettings } from '../../src/compute/settings.js';
import { frameworkTree } from '../../src/framework/frameworkTree.js';
import { parseFramework } from '../../src/framework/parseFramework.js';
import { normalise } from '../../src/normalise/normalise.js';
import type { Panel } from '../../src/panel/panel.js';
import { panelBuilder } from '../../src/panel/panelBuilder.js';

/** The framework exactly as docs/methodology.md shows it. */
const frameworkYaml = `id: worked-example
name: Digital transformation index (worked example)
version: 1
nodes:
  - {code: DTI, name: Digital transformation index}
  - {code: GOV, name: Digital government, parent: DTI, weight: 2}
  - {code: SOC, name: Digital society, parent: DTI, weight: 1}
  - {code: online_services, name: Public services provided fully online, parent: GOV, unit: '%'}
  - {code: processing_days, name: Average days to settle an administrative file, parent: GOV,
     direction: -1, unit: days}
  - {code: ehr_share, name: People with an electronic health record, parent: SOC, unit: '%'}
  - {code: eid_share, name: Residents with an activated electronic ID, parent: SOC, unit: '%'}
`;

/** The second check: the same framework with the geometric mean at the index level only. */
const geometricYaml = frameworkYaml.replace(
  '{code: DTI, name: Digital transformation index}',
  '{code: DTI, name: Digital transformation index, aggregate: geometric}',
);

const units = ['A', 'B', 'C', 'D'];
const NA = Number.NaN;

/** The raw table (period 2024): one value per unit A, B, C, D; C's ehr_share is missing. */
const raw: Record<string, number[]> = {
  online_services: [40, 80, 65, 60],
  processing_days: [10, 4, 11, 12],
  ehr_share: [80, 50, NA, 40],
  eid_share: [96, 80, 86, 80],
};

function examplePanel(): Panel {
  const builder = panelBuilder();
  for (const [indicator, values] of Object.entries(raw))
    for (const [u, value] of values.entries())
      builder.add(units[u] as string, indicator, '2024', value);
  const { panel, duplicates } = builder.build();
  assert.deepEqual(duplicates, []);
  return panel;
}

function run(yaml: string) {
  const parsed = parseFramework(yaml);
  assert.deepEqual(parsed.problems, []);
  const tree = frameworkTree(parsed.framework);
  const result = compute({ tree, panel: examplePanel() });
  assert.deepEqual(result.units, units);
  assert.deepEqual(result.periods, ['2024']);
  const slice = (values: Float64Array, code: string): number[] => {
    const n = tree.position.get(code);
    assert.ok(n !== undefined, `no node ${code}`);
    return Array.from(values.subarray(n * units.length, (n + 1) * units.length));
  };
  return {
    parsed,
    result,
    scores: (code: string) => slice(result.scores, code),
    ranks: (code: string) => slice(result.ranks, code),
  };
}

/** |actual - expected| <= 1e-9 for every unit; an expected NaN (missing) needs a NaN. */
function assertScores(actual: number[], expected: number[], what: string): void {
  assert.equal(actual.length, expected.length, what);
  expected.forEach((e, u) => {
    const a = actual[u] as number;
    const where = `${what}, unit ${units[u]}`;
    if (Number.isNaN(e)) assert.ok(Number.isNaN(a), `${where}: expected missing, got ${a}`);
    else assert.ok(Math.abs(a - e) <= 1e-9, `${where}: expected ${e}, got ${a}`);
  });
}

const arithmetic = run(frameworkYaml);
const geometric = run(geometricYaml);

test('worked example: the framework reads as the document describes it', () => {
  const nodes = arithmetic.parsed.framework.nodes;
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  assert.deepEqual(
    nodes.map((n) => [n.code, n.parent ?? null, n.weight, n.direction]),
    [
      ['DTI', null, 1, 1],
      ['GOV', 'DTI', 2, 1],
      ['SOC', 'DTI', 1, 1],
      ['online_services', 'GOV', 1, 1],
      ['processing_days', 'GOV', 1, -1],
      ['ehr_share', 'SOC', 1, 1],
      ['eid_share', 'SOC', 1, 1],
    ],
  );
  assert.deepEqual(byCode.get('DTI')?.aggregate, undefined);
  assert.deepEqual(geometric.parsed.framework.nodes.find((n) => n.code === 'DTI')?.aggregate, {
    method: 'geometric',
    data_threshold: 0,
  });
});

test('worked example: min-max scores of the indicators (step 1)', () => {
  const { scores } = arithmetic;
  // online_services: min 40, max 80, span 40; (x - 40) / 40 * 100.
  assertScores(scores('online_services'), [0, 100, 62.5, 50], 'online_services');
  // processing_days, direction -1: -x has min -12, max -4, span 8; (12 - x) / 8 * 100.
  assertScores(scores('processing_days'), [25, 100, 12.5, 0], 'processing_days');
  // ehr_share: C missing; min 40, max 80, span 40; (x - 40) / 40 * 100; C stays missing.
  assertScores(scores('ehr_share'), [100, 25, NA, 0], 'ehr_share');
  // eid_share: min 80, max 96, span 16; (x - 80) / 16 * 100.
  assertScores(scores('eid_share'), [100, 0, 37.5, 0], 'eid_share');
});

test('worked example: pillar scores, arithmetic mean, missing child renormalised (step 2)', () => {
  const { scores } = arithmetic;
  // GOV = (online_services + processing_days) / 2.
  assertScores(scores('GOV'), [12.5, 100, 37.5, 25], 'GOV');
  // SOC = (ehr_share + eid_share) / 2; for C only eid_share is present: 37.5 / 1.
  assertScores(scores('SOC'), [100, 12.5, 37.5, 0], 'SOC');
});

test('worked example: index, weighted arithmetic mean (step 3)', () => {
  // DTI = (2 GOV + 1 SOC) / 3.
  assertScores(
    arithmetic.scores('DTI'),
    [
      125 / 3, // A: (2 x 12.5 + 100) / 3 = 41.666...
      212.5 / 3, // B: (2 x 100 + 12.5) / 3 = 70.8333...
      37.5, // C: (2 x 37.5 + 37.5) / 3
      50 / 3, // D: (2 x 25 + 0) / 3 = 16.666...
    ],
    'DTI',
  );
});

test('worked example: ranks of every node (step 4)', () => {
  const { ranks } = arithmetic;
  assert.deepEqual(ranks('DTI'), [2, 1, 3, 4]);
  assert.deepEqual(ranks('GOV'), [4, 1, 2, 3]);
  assert.deepEqual(ranks('SOC'), [1, 3, 2, 4]);
  assert.deepEqual(ranks('online_services'), [4, 1, 2, 3]);
  assert.deepEqual(ranks('processing_days'), [2, 1, 3, 4]);
  // C has no score, so no rank; the three others are ranked among themselves.
  assert.deepEqual(ranks('ehr_share'), [1, 2, NA, 3]);
  // B and D tie at 0 and share the best rank of the tie (3); there is no 4th.
  assert.deepEqual(ranks('eid_share'), [1, 3, 2, 3]);
});

test('worked example: the run is clean and records its settings', () => {
  const { result } = arithmetic;
  assert.deepEqual(result.warnings, []);
  assert.deepEqual(result.treatments, []);
  assert.deepEqual(result.record, {
    framework: { id: 'worked-example', version: 1, nodes: 7, indicators: 4 },
    settings: defaultRunSettings,
    nodeSettings: {},
    periods: ['2024'],
    units: 4,
  });
});

test('worked example, second check: geometric mean at the index level', () => {
  const { scores, ranks, result } = geometric;
  // Indicators and pillars are unchanged.
  for (const code of ['online_services', 'processing_days', 'ehr_share', 'eid_share', 'GOV', 'SOC'])
    assertScores(scores(code), arithmetic.scores(code), code);
  // DTI = (GOV^2 x SOC)^(1/3).
  assertScores(
    scores('DTI'),
    [
      25, // A: (12.5^2 x 100)^(1/3) = 15625^(1/3)
      50, // B: (100^2 x 12.5)^(1/3) = 125000^(1/3)
      37.5, // C: (37.5^2 x 37.5)^(1/3)
      0, // D: SOC is 0, so the mean is 0 (the limit; COINr's a_gmean stops with an error)
    ],
    'DTI (geometric)',
  );
  // A's unbalanced profile (12.5 and 100) now ranks it below C.
  assert.deepEqual(ranks('DTI'), [3, 1, 2, 4]);
  assert.deepEqual(result.warnings, []);
  assert.deepEqual(result.record.nodeSettings, {
    DTI: { aggregate: { method: 'geometric', data_threshold: 0 } },
  });
});

test('methodology examples: other normalisations of processing_days (direction -1)', () => {
  const days = raw.processing_days as number[]; // 10, 4, 11, 12
  const scores = (spec: Parameters<typeof normalise>[1]) => Array.from(normalise(days, spec, -1));
  // Goalposts [0, 20] days: (20 - x) / 20 * 100.
  assertScores(
    scores({ method: 'goalposts', lower: 0, upper: 20, scale: 100 }),
    [50, 80, 45, 40],
    'goalposts',
  );
  // Rank: the lowest raw value (best) scores highest.
  assert.deepEqual(scores({ method: 'rank' }), [3, 4, 2, 1]);
  // Target 5 days: (12 - x) / (12 - 5) * 100, capped at 100.
  assertScores(
    scores({ method: 'distance-to-target', target: 5, cap: true, scale: 100 }),
    [200 / 7, 100, 100 / 7, 0],
    'distance-to-target',
  );
  // Threshold 10 days: 100 at or below 10 days, else 0.
  assertScores(
    scores({ method: 'threshold', threshold: 10, scale: 100 }),
    [100, 100, 0, 0],
    'threshold',
  );
});

test('worked example: data/examples/worked holds this framework and data', () => {
  const root = new URL('../../../../data/examples/worked/', import.meta.url);
  const fromFile = parseFramework(readFileSync(new URL('framework.yaml', root), 'utf8'));
  assert.deepEqual(fromFile.problems, []);
  assert.deepEqual(fromFile.framework, arithmetic.parsed.framework);

  const text = readFileSync(new URL('data.csv', root), 'utf8');
  assert.ok(text.startsWith('unit,indicator,period,value\n'));
  const rows = csvParse(text);
  const builder = panelBuilder();
  for (const r of rows)
    builder.add(
      r.unit as string,
      r.indicator as string,
      r.period as string,
      r.value === '' ? Number.NaN : Number(r.value),
    );
  const { panel } = builder.build();
  const expected = examplePanel();
  assert.deepEqual(panel.units, expected.units);
  assert.deepEqual(panel.series, expected.series);
  assert.deepEqual(panel.periods, ['2024']);
  assert.deepEqual(Array.from(panel.values), Array.from(expected.values));
});
