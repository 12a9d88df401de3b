// Shared inputs for the explain tests (not itself a test file): the worked example of
// docs/methodology.md, read from data/examples/worked, and random indices for properties.
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import fc from 'fast-check';
import { unitGroups } from '../../src/compute/groups.js';
import type { RunSettings } from '../../src/compute/settings.js';
import { type FrameworkTree, frameworkTree } from '../../src/framework/frameworkTree.js';
import { parseFramework } from '../../src/framework/parseFramework.js';
import type { FrameworkNode } from '../../src/framework/schema.js';
import type { Panel } from '../../src/panel/panel.js';
import { panelBuilder } from '../../src/panel/panelBuilder.js';

const worked = new URL('../../../../data/examples/worked/', import.meta.url);

/** The worked example's framework (optionally edited) and data, plus any extra CSV rows. */
export function workedExample(
  extraRows = '',
  editFramework: (yaml: string) => string = (y) => y,
): { tree: FrameworkTree; panel: Panel } {
  const yaml = editFramework(readFileSync(new URL('framework.yaml', worked), 'utf8'));
  const parsed = parseFramework(yaml);
  if (parsed.problems.some((p) => p.severity === 'error')) throw new Error('bad framework');
  const builder = panelBuilder();
  const text = readFileSync(new URL('data.csv', worked), 'utf8') + extraRows;
  for (const row of csvParse(text)) {
    builder.add(
      row.unit as string,
      row.indicator as string,
      row.period as string,
      row.value === '' ? Number.NaN : Number(row.value),
    );
  }
  return { tree: frameworkTree(parsed.framework), panel: builder.build().panel };
}

export interface RandomIndex {
  tree: FrameworkTree;
  panel: Panel;
  /** The indicators' codes; each reads the data series of its own code. */
  indicators: string[];
}

const weight = fc.integer({ min: 1, max: 5 });
/** Raw values with ties (small integers) and spread (doubles), one in six missing. */
const raw = fc.option(
  fc.oneof(
    fc.integer({ min: 0, max: 10 }),
    fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true }),
  ),
  { nil: Number.NaN, freq: 6 },
);

/**
 * A random index: a root, 1-3 pillars, each with 1-3 sub-pillars or indicators, 1-4 indicators
 * under each sub-pillar; random weights and directions; 2-8 units over two periods, 2023 and 2024.
 */
export const randomIndex: fc.Arbitrary<RandomIndex> = fc
  .record({
    pillars: fc.array(
      fc.record({
        weight,
        groups: fc.array(
          fc.record({
            weight,
            sub: fc.boolean(),
            indicators: fc.array(fc.record({ weight, direction: fc.constantFrom(1, -1) }), {
              minLength: 1,
              maxLength: 4,
            }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    units: fc.integer({ min: 2, max: 8 }),
  })
  .chain(({ pillars, units }) => {
    const nodes: FrameworkNode[] = [{ code: 'IDX', weight: 1, direction: 1 }];
    const indicators: string[] = [];
    pillars.forEach((pillar, p) => {
      nodes.push({ code: `P${p}`, parent: 'IDX', weight: pillar.weight, direction: 1 });
      pillar.groups.forEach((group, g) => {
        const parent = group.sub ? `P${p}S${g}` : `P${p}`;
        if (group.sub)
          nodes.push({ code: parent, parent: `P${p}`, weight: group.weight, direction: 1 });
        group.indicators.forEach((ind, i) => {
          const code = `i${p}_${g}_${i}`;
          indicators.push(code);
          nodes.push({ code, parent, weight: ind.weight, direction: ind.direction as 1 | -1 });
        });
      });
    });
    const cells = 2 * indicators.length * units;
    return fc.array(raw, { minLength: cells, maxLength: cells }).map((values) => {
      const builder = panelBuilder();
      let k = 0;
      for (const period of ['2023', '2024'])
        for (const code of indicators)
          for (let u = 0; u < units; u++) builder.add(`U${u}`, code, period, values[k++] as number);
      return { tree: frameworkTree({ nodes }), panel: builder.build().panel, indicators };
    });
  });

/**
 * Run settings the pipeline offers, drawn at random (aggregation arithmetic unless asked).
 * `group-mean` imputation needs groups: see `oddEven`.
 */
export const randomSettings = (aggregate = false): fc.Arbitrary<Partial<RunSettings>> =>
  fc.record({
    impute: fc.constantFrom('none', 'mean', 'median', 'group-mean', 'latest' as const),
    normalise: fc.constantFrom<RunSettings['normalise']>(
      { method: 'minmax', range: [0, 100] },
      { method: 'minmax', range: [1, 100] },
      { method: 'zscore', mean: 0, sd: 1 },
      { method: 'rank' },
      { method: 'goalposts', lower: -500, upper: 500, scale: 100 },
    ),
    outliers: fc.constantFrom<RunSettings['outliers']>(
      { method: 'none' },
      { method: 'winsorise', max_points: 5, skewness: 2, kurtosis: 3.5 },
    ),
    aggregate: aggregate
      ? fc.constantFrom<RunSettings['aggregate']>(
          { method: 'arithmetic', data_threshold: 0 },
          { method: 'geometric', data_threshold: 0 },
          { method: 'harmonic', data_threshold: 0 },
          { method: 'generalised', p: 2, data_threshold: 0 },
          { method: 'arithmetic', data_threshold: 0.6 },
        )
      : fc.constant<RunSettings['aggregate']>({ method: 'arithmetic', data_threshold: 0 }),
  });

/** A node's scores over units in one period of a run laid out as `compute` lays it out. */
export function column(
  scores: Float64Array,
  tree: FrameworkTree,
  units: number,
  code: string,
  period = 0,
): Float64Array {
  const n = tree.position.get(code);
  if (n === undefined) throw new Error(`no node ${code}`);
  const at = (period * tree.codes.length + n) * units;
  return scores.subarray(at, at + units);
}

/** Units in two groups, odd and even positions, for group-mean imputation. */
export const oddEven = (units: number) =>
  unitGroups(Array.from({ length: units }, (_, u) => (u % 2 === 0 ? 'even' : 'odd')));

// The worked example of docs/methodology.md (2024, data/examples/worked) with a 2023 added:
//
//   2023   online  days  ehr  eid      scores: online  days  ehr  eid    GOV   SOC   DTI   rank
//   A        40     10    80   96                  0     25   100  100   12.5  100  125/3    2
//   B        80      4    40   80                100    100     0    0   100     0  200/3    1
//   C        60     12    60   80                 50      0    50    0    25    25     25    3
//   D        60     12    40   88                 50      0     0   50    25    25     25    3
//
// (min-max over 40..80, days 4..12 reversed, ehr 40..80, eid 80..96; DTI = (2 GOV + SOC) / 3.)
// 2024, from the document: DTI A 125/3 (2nd), B 212.5/3 (1st), C 37.5 (3rd), D 50/3 (4th).
export const rows2023 = `A,online_services,2023,40
A,processing_days,2023,10
A,ehr_share,2023,80
A,eid_share,2023,96
B,online_services,2023,80
B,processing_days,2023,4
B,ehr_share,2023,40
B,eid_share,2023,80
C,online_services,2023,60
C,processing_days,2023,12
C,ehr_share,2023,60
C,eid_share,2023,80
D,online_services,2023,60
D,processing_days,2023,12
D,ehr_share,2023,40
D,eid_share,2023,88
`;
