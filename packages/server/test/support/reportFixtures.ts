// Reports as the builders fill them, for testing the renderers apart from the database: Tuyên
// Quang's 2022 unit report (rank 48 of 63), Ninh Bình's 2024 report with its 143 communes, the
// merged Tuyên Quang's 2025 report (2020-2024 derived from Hà Giang and the old Tuyên Quang), and
// Ninh Bình's plan NB-DX-2025. Names (en, vi, ar), values and targets come from the demo's files
// (data/demo), targets are assessed by the engine; scores, ranks and means are made up.
import { readFileSync } from 'node:fs';
import { forecastTarget, rollupPlans, type Target } from '@dxmon/engine';
import { csvParse } from 'd3-dsv';
import type {
  PlanReport,
  ReportPlan,
  ReportTarget,
  UnitReport,
} from '../../src/services/reports/model.js';
import type { Language } from '../../src/services/translations.js';

const demo = new URL('../../../../data/demo/', import.meta.url);
const read = (file: string) => csvParse(readFileSync(new URL(file, demo), 'utf8'));

const units = new Map(read('units.csv').map((u) => [u.code as string, u]));
const translations = new Map(read('translations.csv').map((t) => [`${t.kind}:${t.key}`, t]));
const elements = new Map(read('elements.csv').map((e) => [e.code as string, e]));
const data = read('data.csv');
const targets = read('targets.csv');
const plans = new Map(read('plans.csv').map((p) => [p.id as string, p]));

export const producedAt = '2026-05-04T08:30:00.000Z';
export const dataRevision = 1287;

export function unitName(code: string, lang: Language): string {
  const unit = units.get(code);
  if (!unit) throw new Error(`no unit ${code} in the demo`);
  return (unit[`name_${lang}`] || unit.name_en) as string;
}

function named(kind: string, key: string, lang: Language, short = false): string {
  const row = translations.get(`${kind}:${key}`);
  if (!row) throw new Error(`no ${kind} ${key} in the demo's translations`);
  const prefix = short ? 'short' : 'name';
  return (row[`${prefix}_${lang}`] || row[`name_${lang}`] || row[`${prefix}_en`]) as string;
}

function ref(code: string, lang: Language) {
  return { code, name: unitName(code, lang), level: units.get(code)?.level as string };
}

function series(unit: string, indicator: string, until: string) {
  return data
    .filter((d) => d.unit === unit && d.indicator === indicator && (d.period as string) <= until)
    .map((d) => ({ period: d.period as string, value: Number(d.value) }))
    .sort((a, b) => a.period.localeCompare(b.period));
}

const nan = (x: number) => (Number.isFinite(x) ? x : null);

function reportTarget(row: Record<string, string | undefined>, lang: Language, asOf: string) {
  const target: Target = {
    id: row.id as string,
    plan: row.plan as string,
    unit: row.unit as string,
    indicator: row.indicator as string,
    name: row.name,
    target_period: row.target_period as string,
    target_value: Number(row.target_value),
    direction: Number(row.direction) === -1 ? -1 : 1,
    baseline_period: row.baseline_period || undefined,
    baseline_value: row.baseline_value ? Number(row.baseline_value) : undefined,
    unit_of_measure: elements.get(row.indicator as string)?.unit_of_measure,
  };
  const observations = series(target.unit, target.indicator, asOf);
  const { assessment: a, forecast, fan } = forecastTarget(target, observations, { asOf });
  const result: ReportTarget = {
    id: target.id,
    name: named('target', target.id, lang),
    indicator: target.indicator,
    indicator_name: named('element', target.indicator, lang),
    unit_of_measure: target.unit_of_measure ?? null,
    direction: target.direction,
    baseline_period: a.baseline_period,
    baseline_value: nan(a.baseline_value),
    latest_period: a.latest_period,
    latest_value: nan(a.latest_value),
    target_period: a.target_period,
    target_value: a.target_value,
    projected_value: nan(a.projected_value),
    required_growth: nan(a.required_growth),
    observed_growth: nan(a.observed_growth),
    status: a.status,
    grade: a.grade,
    series: observations,
    probability: forecast.probability,
    forecast_reason: forecast.reason,
    fan: fan.map((f) => ({
      period: String(f.time),
      projection: f.projection,
      lower80: f.intervals[0]?.lower ?? f.projection,
      upper80: f.intervals[0]?.upper ?? f.projection,
      lower95: f.intervals[1]?.lower ?? f.projection,
      upper95: f.intervals[1]?.upper ?? f.projection,
    })),
  };
  return result;
}

export function reportPlan(id: string, lang: Language, asOf: string): ReportPlan {
  const plan = plans.get(id);
  if (!plan) throw new Error(`no plan ${id} in the demo`);
  const assessed = targets.filter((t) => t.plan === id).map((t) => reportTarget(t, lang, asOf));
  const [summary] = rollupPlans(assessed.map((t) => ({ plan: id, status: t.status })));
  return {
    id,
    name: named('plan', id, lang),
    unit: ref(plan.unit as string, lang),
    adopted_on: (plan.adopted_on as string) || null,
    summary: summary ?? {
      plan: id,
      total: 0,
      achieved: 0,
      on_track: 0,
      off_track: 0,
      regressing: 0,
      insufficient_data: 0,
      share_achieved: 0,
    },
    targets: assessed,
  };
}

const pillarCodes = ['AWR', 'INS', 'INF', 'HRS', 'SEC', 'GOV', 'ECO', 'SOC'] as const;

function pillars(lang: Language, scores: number[], region: number[], national: number[]) {
  return pillarCodes.map((code, i) => ({
    code,
    name: named('node', `dti-province/${code}`, lang),
    short_name: named('node', `dti-province/${code}`, lang, true),
    score: scores[i] ?? null,
    rank: 10 + ((i * 17) % 50),
    change: i % 3 === 0 ? -1.2 + i * 0.3 : 2.4 - i * 0.2,
    region_mean: region[i] ?? null,
    national_mean: national[i] ?? null,
  }));
}

function methodology(lang: Language, threshold: number | null): UnitReport['methodology'] {
  return {
    normalisation: { method: 'minmax', range: [0, 100] },
    aggregation: 'arithmetic',
    weights: pillarCodes.map((code) => ({
      code,
      name: named('node', `dti-province/${code}`, lang),
      weight: code === 'GOV' ? 2 : 1,
    })),
    data_threshold: threshold,
    uncertainty: {
      runs: 1000,
      seed: 42,
      weights_spread: 0.25,
      normalise: ['minmax', 'zscore', 'rank'],
      aggregate: ['arithmetic', 'geometric'],
    },
  };
}

function annex(unit: string, period: string, lang: Language, draft: boolean) {
  return data
    .filter((d) => d.unit === unit && d.period === period)
    .map((d, i) => ({
      element: d.indicator as string,
      name: named('element', d.indicator as string, lang),
      unit_of_measure: (elements.get(d.indicator as string)?.unit_of_measure as string) || null,
      value: Number(d.value),
      source:
        d.source === 'synthetic' ? 'Báo cáo chuyển đổi số năm của tỉnh' : (d.source as string),
      evidence:
        i % 4 === 0
          ? `https://stttt.tuyenquang.gov.vn/bao-cao/${period}/${encodeURIComponent(d.indicator as string)}.pdf`
          : null,
      state: draft && i % 9 === 3 ? 'submitted' : draft && i % 9 === 6 ? 'draft' : 'approved',
      updated_at: `${Number(period) + 1}-03-${String(10 + (i % 18)).padStart(2, '0')}T02:15:00.000Z`,
    }));
}

/** The Northern Midlands and Mountains' 14 provinces in 2022: code, score, national rank. */
const northernPeers: [string, number, number][] = [
  ['VN-19', 68.4, 9],
  ['VN-10', 63.1, 17],
  ['VN-25', 61.7, 21],
  ['VN-24', 60.2, 24],
  ['VN-15', 55.9, 33],
  ['VN-20', 53.4, 38],
  ['VN-17', 51.8, 42],
  ['VN-14', 50.6, 45],
  ['VN-08', 49.3, 48],
  ['VN-04', 47.2, 52],
  ['VN-02', 45.8, 55],
  ['VN-06', 44.1, 58],
  ['VN-11', 42.7, 60],
  ['VN-12', 40.3, 62],
];

/** Tuyên Quang's unit report for 2022: rank 48 of 63, no units below with data. */
export function tuyenQuangReport(lang: Language, draft = false): UnitReport {
  const name = unitName('VN-08', lang);
  const framework = named('framework', 'dti-province', lang);
  return {
    kind: 'unit',
    lang,
    draft,
    data_revision: dataRevision,
    produced_at: producedAt,
    title: `${name}: ${framework} 2022`,
    unit: {
      ...ref('VN-08', lang),
      valid_from: '2008-08-01',
      valid_to: '2025-06-30',
      predecessors: [],
    },
    framework: { id: 'dti-province', version: 1, name: framework },
    period: '2022',
    headline: {
      score: 49.3,
      rank: 48,
      units: 63,
      previous_period: '2021',
      score_change: 3.8,
      rank_change: 2,
      rank_interval: { p05: 44, p95: 52, median: 48, runs: 1000 },
      derived: false,
    },
    pillars: pillars(
      lang,
      [52.1, 47.5, 55.8, 41.2, 38.9, 58.3, 36.4, 50.7],
      [50.4, 49.2, 53.1, 44.8, 42.5, 55.0, 38.9, 48.2],
      [58.7, 55.6, 61.2, 52.3, 49.8, 62.4, 47.1, 56.9],
    ),
    history: [
      { period: '2020', score: 41.6, rank: 53, units: 63, derived: false },
      { period: '2021', score: 45.5, rank: 50, units: 63, derived: false },
      { period: '2022', score: 49.3, rank: 48, units: 63, derived: false },
      { period: '2023', score: 53.9, rank: 44, units: 63, derived: false },
      { period: '2024', score: 57.2, rank: 41, units: 63, derived: false },
    ],
    peers: {
      region: named('region', 'Northern Midlands and Mountains', lang),
      items: northernPeers.map(([code, score, rank]) => ({
        unit: code,
        name: unitName(code, lang),
        score,
        rank,
        self: code === 'VN-08',
      })),
    },
    what_lifts: [
      ['online_files_share', 31.2, 52.6, 1.9, 44],
      ['de_grdp_share', 6.1, 11.8, 1.6, 45],
      ['fibre_villages_share', 71.4, 86.2, 1.2, 46],
      ['officials_digital_skills_share', 34.5, 55.1, 1.1, 46],
      ['security_level_approved_share', 38.0, 61.5, 0.8, 47],
    ].map(([indicator, value, assumed, gain, rank]) => ({
      indicator: indicator as string,
      name: named('element', indicator as string, lang),
      value: value as number,
      assumed_value: assumed as number,
      score_gain: gain as number,
      rank_after: rank as number,
    })),
    plans: [reportPlan('48-NQ/TU', lang, '2022')],
    children: null,
    annex: annex('VN-08', '2022', lang, draft),
    methodology: methodology(lang, null),
  };
}

/** Ninh Bình's unit report for 2024, with its 143 communes: 92 meet the commune model. */
export function ninhBinhReport(lang: Language): UnitReport {
  const base = tuyenQuangReport(lang);
  const name = unitName('VN-37', lang);
  const communes = [...units.values()].filter((u) => u.parent === 'VN-37');
  return {
    ...base,
    title: `${name}: ${base.framework.name} 2024`,
    unit: {
      ...ref('VN-37', lang),
      valid_from: '2008-08-01',
      valid_to: '2025-06-30',
      predecessors: [],
    },
    period: '2024',
    headline: { ...base.headline, score: 66.8, rank: 14, previous_period: '2023', rank_change: -1 },
    history: base.history.map((h, i) => ({ ...h, score: (h.score ?? 0) + 10, rank: 18 - i })),
    peers: {
      region: named('region', 'Red River Delta', lang),
      items: ['VN-01', 'VN-31', 'VN-22', 'VN-37', 'VN-26', 'VN-33'].map((code, i) => ({
        unit: code,
        name: unitName(code, lang),
        score: 82 - i * 3.4,
        rank: [1, 3, 5, 14, 19, 23][i] ?? null,
        self: code === 'VN-37',
      })),
    },
    plans: [reportPlan('NB-DX-2025', lang, '2024')],
    children: {
      level: 'commune',
      criteria: [
        {
          model: 'commune-dx-model',
          version: '1.0',
          name: named('model', 'commune-dx-model', lang),
          units: 143,
          met: 92,
          share: (100 * 92) / 143,
        },
      ],
      ranking: communes.map((c, i) => ({
        unit: c.code as string,
        name: unitName(c.code as string, lang),
        score: Math.round((88 - i * 0.41) * 10) / 10,
        rank: i + 1,
      })),
    },
    annex: annex('VN-37', '2024', lang, false),
    methodology: methodology(lang, 0.6),
  };
}

/** The merged Tuyên Quang's report for 2025: 2020-2024 are derived from its predecessors. */
export function mergedTuyenQuangReport(lang: Language): UnitReport {
  const base = tuyenQuangReport(lang);
  return {
    ...base,
    title: `${unitName('VN25-08', lang)}: ${base.framework.name} 2025`,
    unit: {
      ...ref('VN25-08', lang),
      valid_from: '2025-07-01',
      valid_to: null,
      predecessors: [ref('VN-02', lang), ref('VN-08', lang)],
    },
    period: '2025',
    headline: { ...base.headline, score: 58.9, rank: 20, units: 34, previous_period: '2024' },
    history: [
      { period: '2020', score: 40.1, rank: 28, units: 34, derived: true },
      { period: '2021', score: 43.7, rank: 27, units: 34, derived: true },
      { period: '2022', score: 47.6, rank: 25, units: 34, derived: true },
      { period: '2023', score: 51.2, rank: 23, units: 34, derived: true },
      { period: '2024', score: 55.0, rank: 22, units: 34, derived: true },
      { period: '2025', score: 58.9, rank: 20, units: 34, derived: false },
    ],
  };
}

/** Ninh Bình's plan NB-DX-2025 (17 targets) assessed with the data up to 2024. */
export function ninhBinhPlanReport(lang: Language, draft = false): PlanReport {
  const plan = reportPlan('NB-DX-2025', lang, '2024');
  return {
    kind: 'plan',
    lang,
    draft,
    data_revision: dataRevision,
    produced_at: producedAt,
    title: plan.name,
    plan,
    as_of: '2024',
  };
}
