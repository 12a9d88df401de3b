// Reference agreement with COINr, the JRC's composite-indicator package, on its ASEM example
// (data/examples/asem, converted from COINr's ASEM_iData and ASEM_iMeta by
// scripts/convert-asem.mjs). The expected numbers of the "COINr ..." tests are copied from
// output printed in COINr's published articles (github.com/bluefoxr/COINr, articles/*.md, named
// in each test), with a tolerance of half a unit in the last digit printed; the last tests check
// invariants and cells worked out by hand from the data.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { csvParse } from 'd3-dsv';
import { cronbachAlpha } from '../../src/analysis/cronbachAlpha.js';
import { pearson } from '../../src/analysis/pearson.js';
import { type ComputeResult, compute } from '../../src/compute/compute.js';
import { unitGroups } from '../../src/compute/groups.js';
import type { RunSettings } from '../../src/compute/settings.js';
import { frameworkTree } from '../../src/framework/frameworkTree.js';
import { parseFramework } from '../../src/framework/parseFramework.js';
import type { Framework, FrameworkNode } from '../../src/framework/schema.js';
import { validateFramework } from '../../src/framework/validateFramework.js';
import { winsorise } from '../../src/outliers/winsorise.js';
import { panelColumn } from '../../src/panel/panel.js';
import { panelBuilder } from '../../src/panel/panelBuilder.js';
import { mean } from '../../src/stats/mean.js';
import { median } from '../../src/stats/median.js';
import { sampleExcessKurtosis } from '../../src/stats/sampleExcessKurtosis.js';
import { sampleSkewness } from '../../src/stats/sampleSkewness.js';
import { sampleStandardDeviation } from '../../src/stats/sampleVariance.js';

const root = new URL('../../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

type Row = Record<'unit' | 'indicator' | 'period' | 'value' | 'group', string>;

/** The example files: framework via parseFramework, data via d3-dsv (as the CLI parses it). */
function loadAsem() {
  const parsed = parseFramework(read('data/examples/asem/framework.yaml'));
  const text = read('data/examples/asem/data.csv');
  const rows = csvParse(text) as unknown as Row[];
  const builder = panelBuilder();
  const groupOf = new Map<string, string>();
  for (const r of rows) {
    builder.add(r.unit, r.indicator, r.period, r.value === '' ? Number.NaN : Number(r.value));
    groupOf.set(r.unit, r.group);
  }
  const built = builder.build();
  const groups = unitGroups(built.panel.units.map((u) => groupOf.get(u)));
  return { ...parsed, ...built, rows, groups };
}

const asem = loadAsem();
const { panel } = asem;

/** The framework without denominators: COINr's "Raw" data set. */
const rawFramework: Framework = {
  ...asem.framework,
  nodes: asem.framework.nodes.map(({ numerator, denominator, ...rest }) => rest),
};

/** COINr's winsorisation defaults (Treat: winmax 5, skew_thresh 2, kurt_thresh 3.5). */
const winsorise5 = { method: 'winsorise', max_points: 5, skewness: 2, kurtosis: 3.5 } as const;

function run(framework: Framework, settings: Partial<RunSettings> = {}) {
  const tree = frameworkTree(framework);
  const result = compute({ tree, panel, settings, groups: asem.groups });
  const nu = result.units.length;
  const slot = (code: string) => {
    const n = tree.position.get(code);
    assert.ok(n !== undefined, `no node ${code}`);
    return n * nu;
  };
  const unit = (u: string) => {
    const i = result.units.indexOf(u);
    assert.ok(i >= 0, `no unit ${u}`);
    return i;
  };
  return {
    tree,
    result,
    score: (code: string, u: string) => result.scores[slot(code) + unit(u)] as number,
    rank: (code: string, u: string) => result.ranks[slot(code) + unit(u)] as number,
    column: (code: string) => result.scores.subarray(slot(code), slot(code) + nu),
  };
}

/**
 * COINr's build_example_coin(): Denominate (by iMeta's Denominator), Impute (i_mean_grp by
 * EurAsia_group), Screen (dat_thresh 0.9 after imputation: removes no one), Treat (winsorise, at
 * most 5 points, else log), Normalise (n_minmax 0-100), Aggregate (a_amean).
 */
const example = run(asem.framework, { impute: 'group-mean', outliers: winsorise5 });

/** `actual` agrees with `printed` to half a unit in its last printed decimal. */
function printed(actual: number, text: string, what: string): void {
  const decimals = text.split('.')[1]?.length ?? 0;
  const tolerance = 0.5 * 10 ** -decimals + 1e-12;
  assert.ok(
    Math.abs(actual - Number(text)) <= tolerance,
    `${what}: COINr printed ${text}, the engine gives ${actual}`,
  );
}

/** `actual` rounds to `text` at three significant figures (R's signif(x, 3)). */
function signif3(actual: number, text: string, what: string): void {
  assert.equal(
    Number(actual.toPrecision(3)),
    Number(text),
    `${what}: COINr printed ${text} (3 significant figures), the engine gives ${actual}`,
  );
}

const rawColumn = (code: string) => {
  const s = panel.series.indexOf(code);
  assert.ok(s >= 0, `no series ${code}`);
  return panelColumn(panel, 0, s);
};

// ---------------------------------------------------------------------------------- the files

test('the ASEM files: 60 nodes, 49 indicators, 51 units, one period, 64 missing values', () => {
  assert.deepEqual(asem.problems, []);
  assert.deepEqual(validateFramework(asem.framework, { dataCodes: new Set(panel.series) }), []);
  const tree = frameworkTree(asem.framework);
  assert.equal(tree.codes.length, 60);
  assert.equal(tree.indicators.length, 49);
  assert.equal(tree.aggregatesBottomUp.length, 11);
  assert.equal(tree.codes[0], 'Index');
  assert.deepEqual(asem.duplicates, []);
  assert.equal(panel.units.length, 51);
  assert.deepEqual(panel.periods, ['2018']);
  // 49 indicators and the 4 denominators
  assert.equal(panel.series.length, 53);
  for (const d of ['Area', 'Energy', 'GDP', 'Population']) assert.ok(panel.series.includes(d));
  // 63 missing indicator values (COINr's README) and LAO's Energy
  assert.equal(panel.values.filter(Number.isNaN).length, 64);
  assert.deepEqual(asem.groups.names, ['Europe', 'Asia']);
});

// ----------------------------------------------------- build_example_coin(): the full pipeline

// articles/results.md: get_results(coin, dset = "Aggregated", tab_type = "Aggs"), head()
const top6 = `
uCode Rank Index  Conn  Sust Physical ConEcFin Political Instit   P2P Environ Social SusEcFin
  CHE    1 68.38 62.79 73.98    63.41    32.87     74.78  85.94 56.93   77.21  87.85    56.88
  NLD    2 64.82 61.94 67.70    64.87    46.62     84.55  71.74 41.92   58.73  86.58    57.78
  DNK    3 64.80 57.10 72.51    50.52    30.43     78.13  75.35 51.04   69.83  86.40    61.29
  NOR    4 64.47 57.44 71.50    58.18    25.70     80.03  89.46 33.80   70.90  87.00    56.59
  BEL    5 63.54 63.99 63.09    71.97    48.22     80.84  75.60 43.32   53.01  86.17    50.09
  SWE    6 63.00 53.87 72.12    51.51    23.87     80.98  74.51 38.50   66.37  87.74    62.27`;

/** A printed R table: its header and rows of cells. */
function table(text: string): { header: string[]; rows: string[][] } {
  const [header, ...rows] = text
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  return { header: header ?? [], rows };
}

test('COINr results.md: the six top-ranked countries, every aggregate to 2 decimals', () => {
  const { header, rows } = table(top6);
  for (const [unit, rank, ...cells] of rows) {
    assert.equal(example.rank('Index', unit as string), Number(rank), `rank of ${unit}`);
    cells.forEach((text, i) => {
      const code = header[i + 2] as string;
      printed(example.score(code, unit as string), text, `${unit} ${code}`);
    });
  }
});

test('COINr results.md: get_unit_summary for India (IND), scores and ranks', () => {
  // get_unit_summary(coin, usel = "IND", Levels = c(4,3,2), dset = "Aggregated")
  const summary: [string, string, number][] = [
    ['Index', '39.79', 45],
    ['Conn', '28.60', 44],
    ['Sust', '50.99', 43],
    ['Physical', '18.78', 48],
    ['ConEcFin', '6.38', 49],
    ['Political', '51.90', 33],
    ['Instit', '59.84', 37],
    ['P2P', '6.07', 47],
    ['Environ', '75.34', 6],
    ['Social', '22.74', 51],
    ['SusEcFin', '54.88', 36],
  ];
  for (const [code, score, rank] of summary) {
    printed(example.score(code, 'IND'), score, `IND ${code}`);
    assert.equal(example.rank(code, 'IND'), rank, `IND ${code} rank`);
  }
});

test('COINr aggregate.md: aggregated scores of the first five units to 3 significant figures', () => {
  // get_dset(coin, dset = "Aggregated")[(nc - 10):nc] |> head(5) |> signif(3); rows in uCode order
  const { header, rows } = table(`
unit ConEcFin Environ Instit   P2P Physical Political Social SusEcFin Conn Sust Index
 AUS     12.6    31.9   52.4 39.50     34.8      52.5   71.9     55.7 38.4 53.2 45.8
 AUT     26.2    69.5   77.5 54.10     41.1      78.2   72.8     62.9 55.4 68.4 61.9
 BEL     48.2    53.0   75.6 43.30     72.0      80.8   86.2     50.1 64.0 63.1 63.5
 BGD     13.3    81.7   26.5  5.85     22.9      32.4   27.5     64.6 20.2 57.9 39.0
 BGR     24.6    55.7   75.9 27.10     28.4      67.5   53.3     61.7 44.7 56.9 50.8`);
  for (const [unit, ...cells] of rows) {
    cells.forEach((text, i) => {
      const code = header[i + 1] as string;
      signif3(example.score(code, unit as string), text, `${unit} ${code}`);
    });
  }
});

test('COINr analysis.md: correlations flagged within pillars of the normalised data', () => {
  // get_corr_flags(coin, dset = "Normalised", cor_thresh = 0.75 / -0.5, grouplev = 2)
  const flags: [string, string, string][] = [
    ['CPI', 'FreePress', '0.761'],
    ['CPI', 'NGOs', '0.768'],
    ['CostImpEx', 'TBTs', '-0.697'],
    ['RTAs', 'TBTs', '-0.752'],
    ['TBTs', 'TIRcon', '-0.623'],
  ];
  for (const [a, b, r] of flags)
    printed(pearson(example.column(a), example.column(b)), r, `r(${a}, ${b})`);
});

test('the full pipeline treats what COINr treats: group-mean imputation, then winsorisation', () => {
  const { result } = example;
  // Every missing indicator value (63) is imputed; Elec and Gas of LAO are missing too
  // (its Energy denominator is), so 65 cells in all.
  const imputed = result.treatments.filter((t) => t.step === 'impute');
  assert.equal(imputed.length, 65);
  const outliers = result.treatments.filter((t) => t.step === 'outliers');
  // All 15 treated indicators pass after winsorising: none needs the log transform.
  assert.equal(outliers.length, 15);
  assert.ok(outliers.every((t) => t.outcome === 'winsorised' && t.pass));
  assert.deepEqual(result.warnings, []);
});

// ------------------------------------------------ the "Raw" data set (new_coin, no denominators)

test('COINr normalise.md: min-max, z-score and Borda scores of the raw data', () => {
  // Normalise(coin, dset = "Raw", indiv_specs = list(LPI = list(f_n = "n_borda"),
  //   Flights = list(f_n = "n_zscore", f_n_para = list(m_sd = c(10, 2))))); Ship: n_minmax
  const fw: Framework = {
    ...rawFramework,
    nodes: rawFramework.nodes.map((n): FrameworkNode => {
      if (n.code === 'LPI') return { ...n, normalise: { method: 'rank' } };
      if (n.code === 'Flights') return { ...n, normalise: { method: 'zscore', mean: 10, sd: 2 } };
      return n;
    }),
  };
  const { score } = run(fw);
  const { header, rows } = table(`
uCode LPI   Flights      Ship
  AUS  36  9.889993  66.14497
  AUT  44  9.588735   0.00000
  BEL  45  9.711512  97.14314
  BGD   4  8.529810  45.80661
  BGR   7  8.741971  37.40495
  BRN   9  8.433044  35.38920
  CHE  42 10.563483   0.00000
  CHN  30 13.235114 100.00000
  CYP  14  8.721372  55.21211
  CZE  31  9.001961   0.00000`);
  assert.deepEqual(header, ['uCode', 'LPI', 'Flights', 'Ship']);
  for (const [unit, lpi, flights, ship] of rows) {
    const u = unit as string;
    // Borda score = rank - 1 (lowest value 0); the engine's rank normalisation starts at 1.
    assert.equal(score('LPI', u) - 1, Number(lpi), `${u} LPI`);
    printed(score('Flights', u), flights as string, `${u} Flights`);
    printed(score('Ship', u), ship as string, `${u} Ship`);
  }
});

// articles/treat.md: coin$Analysis$Treated$Dets_Table after Treat(coin, dset = "Raw")
const before: [string, string, string][] = [
  ['LPI', '-0.3042681', '-0.6567514'],
  ['Flights', '2.1032872', '4.5088794'],
  ['Ship', '-0.5756680', '-0.6814795'],
  ['Bord', '2.1482360', '5.7914905'],
  ['Elec', '2.2252736', '5.7910268'],
  ['Gas', '2.8294486', '10.3346494'],
  ['ConSpeed', '0.4622037', '0.1873214'],
  ['Cov4G', '-1.3725191', '0.5419314'],
  ['Goods', '2.6499733', '8.2666095'],
  ['Services', '1.7010849', '2.3756557'],
];

test('COINr treat.md: skewness and kurtosis of the raw indicators', () => {
  for (const [code, skew, kurt] of before) {
    printed(sampleSkewness(rawColumn(code)), skew, `${code} skewness`);
    printed(sampleExcessKurtosis(rawColumn(code)), kurt, `${code} kurtosis`);
  }
});

test('COINr treat.md: default treatment of the raw data, point by point', () => {
  const { result, column } = run(rawFramework, { outliers: winsorise5 });
  const treated = new Map(
    result.treatments.flatMap((t) => (t.step === 'outliers' ? [[t.indicator, t]] : [])),
  );
  // Dets_Table: winsorise.nwin, then check_SkewKurt1 (all pass after winsorising)
  const after: Record<string, [number, string, string]> = {
    Flights: [1, '1.900658', '3.336065'],
    Bord: [1, '1.899211', '4.346298'],
    Elec: [1, '1.717744', '2.586062'],
    Gas: [1, '1.602518', '1.525576'],
    Goods: [2, '1.140608', '0.1572047'],
  };
  for (const [code, skew, kurt] of before) {
    const t = treated.get(code);
    const expected = after[code];
    if (!expected) {
      assert.equal(t, undefined, `${code} passes untreated`);
      continue;
    }
    assert.ok(t, `${code} is treated`);
    assert.equal(t.outcome, 'winsorised');
    assert.equal(t.pass, true);
    printed(t.skewness, skew, `${code} skewness before`);
    printed(t.kurtosis, kurt, `${code} kurtosis before`);
    const [nwin, skewAfter, kurtAfter] = expected;
    assert.equal(t.points.length, nwin, `${code} points`);
    // Min-max scaling is affine, so the scores have the treated values' skewness and kurtosis.
    printed(sampleSkewness(column(code)), skewAfter, `${code} skewness after`);
    printed(sampleExcessKurtosis(column(code)), kurtAfter, `${code} kurtosis after`);
  }
  // Treated_Points: Flights row 30 (GBR), Goods rows 11 and 35 (DEU, CHN) of ASEM_iData
  assert.deepEqual(
    treated.get('Flights')?.points.map((p) => [p.unit, p.how]),
    [['GBR', 'winsorised-high']],
  );
  assert.deepEqual(
    treated
      .get('Goods')
      ?.points.map((p) => p.unit)
      .sort(),
    ['CHN', 'DEU'],
  );
});

test('COINr treat.md: at most one point winsorised, Goods falls back to the log transform', () => {
  // Treat(coin, dset = "Raw", global_specs = list(f1_para = list(winmax = 1)))
  // Goods: after one point 2.469910 / 7.087309 (fails); log_CT: 0.03104001 / -0.8888965
  const one = winsorise(rawColumn('Goods'), 1, 2, 3.5);
  assert.equal(one.pass, false);
  printed(sampleSkewness(one.values), '2.469910', 'Goods skewness after one point');
  printed(sampleExcessKurtosis(one.values), '7.087309', 'Goods kurtosis after one point');

  const { result, column } = run(rawFramework, { outliers: { ...winsorise5, max_points: 1 } });
  const goods = result.treatments.find((t) => t.step === 'outliers' && t.indicator === 'Goods');
  assert.ok(goods?.step === 'outliers');
  assert.equal(goods.outcome, 'log');
  assert.equal(goods.pass, true);
  printed(sampleSkewness(column('Goods')), '0.03104001', 'Goods skewness after log');
  printed(sampleExcessKurtosis(column('Goods')), '-0.8888965', 'Goods kurtosis after log');
});

test('COINr treat.md: a node setting of no winsorisation sends Flights to the log transform', () => {
  // indiv_specs = list(Flights = list(f1_para = list(winmax = 0)))
  const fw: Framework = {
    ...rawFramework,
    nodes: rawFramework.nodes.map((n) =>
      n.code === 'Flights' ? { ...n, outliers: { ...winsorise5, max_points: 0 } } : n,
    ),
  };
  const { result, column } = run(fw, { outliers: winsorise5 });
  const flights = result.treatments.find((t) => t.step === 'outliers' && t.indicator === 'Flights');
  assert.ok(flights?.step === 'outliers');
  assert.equal(flights.outcome, 'log');
  assert.equal(flights.pass, true);
  assert.equal(flights.points.length, 51);
  printed(sampleSkewness(column('Flights')), '-0.09502644', 'Flights skewness after log');
  printed(sampleExcessKurtosis(column('Flights')), '-0.8305217', 'Flights kurtosis after log');
});

test('COINr analysis.md: statistics and correlations of the raw indicators', () => {
  // get_stats(coin, dset = "Raw"): Min Max Mean Median Std, 3 significant figures
  const stats: [string, string, string, string, string, string][] = [
    ['LPI', '2.07', '4.23', '3.41', '3.42', '0.538'],
    ['Flights', '0.99', '211.00', '38.60', '25.60', '46.700'],
    ['Ship', '0.00', '21.20', '12.00', '12.70', '6.840'],
    ['Bord', '0.00', '122.00', '23.60', '18.00', '24.800'],
    ['Elec', '0.00', '110.00', '16.20', '6.91', '22.700'],
  ];
  for (const [code, min, max, avg, med, sd] of stats) {
    const x = rawColumn(code);
    signif3(Math.min(...x), min, `${code} min`);
    signif3(Math.max(...x), max, `${code} max`);
    signif3(mean(x), avg, `${code} mean`);
    signif3(median(x), med, `${code} median`);
    signif3(sampleStandardDeviation(x), sd, `${code} sd`);
  }
  // get_corr(coin, dset = "Raw", iCodes = list("Environ"), Levels = 1): pairwise-complete Pearson
  printed(pearson(rawColumn('MatCon'), rawColumn('CO2')), '0.7222051', 'r(MatCon, CO2)');
  printed(pearson(rawColumn('PrimEner'), rawColumn('CO2')), '0.3268484', 'r(PrimEner, CO2)');
  printed(pearson(rawColumn('Renew'), rawColumn('CO2')), '-0.5986338', 'r(Renew, CO2)');
});

test('COINr analysis.md: Cronbach’s alpha of the raw P2P indicators', () => {
  // get_cronbach(coin, dset = "Raw", iCodes = "P2P", Level = 1)
  const p2p = ['StMob', 'Research', 'Pat', 'CultServ', 'CultGood', 'Tourist', 'MigStock', 'Lang'];
  printed(cronbachAlpha(p2p.map(rawColumn)), '0.05126659', 'alpha(P2P)');
});

// ------------------------------------------------------------------------------- invariants

test('invariants of the full pipeline: every node scored, index in [0, 100], ranks 1..51', () => {
  const { result, tree } = example;
  assert.equal(result.scores.length, 60 * 51);
  assert.ok(
    result.scores.every((s) => !Number.isNaN(s)),
    'a score is missing',
  );
  for (let n = 0; n < tree.codes.length; n++) {
    const scores = result.scores.subarray(n * 51, (n + 1) * 51);
    assert.ok(
      scores.every((s) => s >= 0 && s <= 100),
      `${tree.codes[n]} leaves [0, 100]`,
    );
  }
  const indexRanks = Array.from(result.ranks.subarray(0, 51)).sort((a, b) => a - b);
  assert.deepEqual(
    indexRanks,
    Array.from({ length: 51 }, (_, i) => i + 1),
  );
  // Every indicator spans the whole scale.
  for (const n of tree.indicators) {
    const scores = result.scores.subarray(n * 51, (n + 1) * 51);
    assert.equal(Math.min(...scores), 0, `${tree.codes[n]} min`);
    assert.equal(Math.max(...scores), 100, `${tree.codes[n]} max`);
  }
});

test('the raw min-max pipeline agrees with cells worked out by hand from iData.csv', () => {
  const { score, result } = run(rawFramework);
  const close = (actual: number, expected: number, what: string) =>
    assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: expected ${expected}, got ${actual}`);
  // LPI (direction 1), AUT: min 2.067254 (LAO), max 4.225967 (DEU)
  // (4.097985 - 2.067254) / (4.225967 - 2.067254) * 100 = 2.030731 / 2.158713 * 100
  close(score('LPI', 'AUT'), 94.0713749349728, 'LPI AUT');
  // CO2 (direction -1), IND: min 0.29720088370577386 (LAO), max 22.12470124166877 (BRN)
  // (22.12470124166877 - 1.73000043156161) / (22.12470124166877 - 0.29720088370577386) * 100
  close(score('CO2', 'IND'), 93.4358056380325, 'CO2 IND');
  // Political, AUT = mean of its three indicators (all direction 1, weight 1):
  //   Embs   (88 - 28) / (100 - 28) * 100 = 83.3333...          (MLT 28, GBR 100)
  //   IGOs   (227 - 82) / (329 - 82) * 100 = 58.7044534412955... (LAO 82, FRA 329)
  //   UNVote (42.639198818286346 - 35.7557197463119) / (43.18604665760307 - 35.7557197463119) * 100
  //          = 92.6403259796587...                                 (MMR, PRT)
  //   (83.3333... + 58.7044... + 92.6403...) / 3 = 78.2260375847625
  close(score('Political', 'AUT'), 78.2260375847625, 'Political AUT');
  // Without imputation a missing value stays missing (ConSpeed lacks 8 units) and drops out of
  // its pillar, which every unit still has.
  const raw = rawColumn('ConSpeed');
  const lacking = result.units.filter((_, u) => Number.isNaN(raw[u]));
  assert.equal(lacking.length, 8);
  for (const u of lacking) {
    assert.ok(Number.isNaN(score('ConSpeed', u)), `ConSpeed ${u}`);
    assert.ok(!Number.isNaN(score('Physical', u)), `Physical ${u}`);
  }
  assert.ok(
    result.scores.subarray(0, 51).every((s) => !Number.isNaN(s)),
    'every unit has an index',
  );
});

test('the example is computed the same way twice, byte for byte', () => {
  const again = run(asem.framework, { impute: 'group-mean', outliers: winsorise5 });
  const bytes = (r: ComputeResult) => Buffer.from(r.scores.buffer);
  assert.ok(bytes(example.result).equals(bytes(again.result)));
});
