import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { forecastTarget, methodSpread, type Target } from '@dxmon/engine';
import { csvParse } from 'd3-dsv';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../src/demo/loadDemo.js';
import { onEachDatabase } from './databases.js';
import { testApp } from './fixtures.js';

interface Interval {
  level: number;
  lower: number;
  upper: number;
}
interface Forecast {
  time: number;
  model: string | null;
  weights: { model: string; weight: number }[];
  backtest: { model: string; mae: number; forecasts: number }[];
  projection: number | null;
  intervals: Interval[];
  probability: number | null;
  reason: string | null;
}
interface TargetAnswer {
  id: string;
  unit: string;
  indicator: string;
  status: string;
  forecast: Forecast;
  fan: { time: number; projection: number; intervals: Interval[] }[];
}

/** Every number in a JSON answer, with its path: none may be NaN (JSON would carry null). */
function numbers(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbers(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => numbers(v, `${path}.${k}`));
  return [];
}

// The demo's targets (data/demo/targets.csv) on its stored series: the forecast in the API answer
// is the engine's, on the approved values any reader gets from GET /api/data.
onEachDatabase('forecasts in the target and profile answers', (database) => {
  let app: FastifyInstance;
  let items: TargetAnswer[];
  before(async () => {
    await loadDemo(database());
    app = await testApp(database());
    const res = await app.inject('/api/targets?plan=48-NQ/TU');
    assert.equal(res.statusCode, 200, res.body);
    items = res.json().items;
  });
  after(() => app?.close());

  test("Tuyen Quang's 20% digital economy by 2025: a probability, nested intervals, the engine's forecast", async () => {
    const answer = items.find((t) => t.id === 'TQ-DE-2025') as TargetAnswer;
    assert.ok(answer, 'TQ-DE-2025 is answered');
    const f = answer.forecast;
    assert.equal(f.reason, null);
    assert.ok(f.probability !== null && f.probability >= 0 && f.probability <= 1);
    assert.equal(f.time, 2025);
    const [i80, i95] = f.intervals as [Interval, Interval];
    assert.deepEqual([i80.level, i95.level], [0.8, 0.95]);
    const p = f.projection as number;
    assert.ok(i95.lower <= i80.lower && i80.lower <= p && p <= i80.upper && i80.upper <= i95.upper);
    assert.ok(i95.lower >= 0 && i95.upper <= 100, 'a share stays within 0-100');
    assert.equal(f.backtest.length, 4, 'four models backtested on five years');
    // A 6.69% share in 2024 does not reach 20% in a year: the odds are low, the status off track.
    assert.ok(f.probability < 0.05, `probability ${f.probability}`);
    assert.equal(answer.status, 'off-track');
    assert.equal(answer.fan.at(-1)?.time, 2025);
    assert.equal(answer.fan.at(-1)?.projection, p);

    // The same observations read independently: the public data answer, and the target's file.
    const data = await app.inject('/api/data?unit=VN-08&indicator=de_grdp_share');
    const observed = (data.json().items as { period: string; value: number }[]).map((d) => ({
      period: d.period,
      value: d.value,
    }));
    assert.ok(observed.length >= 5);
    const row = readFileSync(new URL('../../../data/demo/targets.csv', import.meta.url), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('TQ-DE-2025,'))
      ?.split(',') as string[];
    const target: Target = {
      id: 'TQ-DE-2025',
      plan: row[1] as string,
      unit: row[2] as string,
      indicator: row[3] as string,
      target_period: row[4] as string,
      target_value: Number(row[5]),
      direction: 1,
      baseline_period: row[7] as string,
      unit_of_measure: '%',
    };
    const expected = forecastTarget(target, observed);
    assert.deepEqual(f, JSON.parse(JSON.stringify(expected.forecast)));
    assert.deepEqual(answer.fan, JSON.parse(JSON.stringify(expected.fan)));
  });

  test('the targets export carries each forecast beside the status, as the API answers it', async () => {
    const res = await app.inject('/api/exports/targets.csv?plan=48-NQ%2FTU');
    assert.equal(res.statusCode, 200, res.body);
    const rows = csvParse(res.body.replace(/^\uFEFF/, ''));
    for (const column of ['status', 'probability', 'p80_lower', 'p95_upper', 'forecast_reason'])
      assert.ok(rows.columns.includes(column), column);
    assert.equal(rows.length, items.length);
    for (const t of items) {
      const row = rows.find((r) => r.id === t.id);
      assert.ok(row, t.id);
      assert.equal(row.status, t.status);
      if (t.forecast.probability === null) assert.equal(row.probability, '');
      else assert.ok(Math.abs(Number(row.probability) - t.forecast.probability) < 1e-12, t.id);
      assert.equal(row.forecast_reason, t.forecast.reason ?? '');
    }
  });

  test('a target with too little data: a reason and null numbers, no fan', async () => {
    const res = await app.inject('/api/targets?unit=VN25-79');
    assert.equal(res.statusCode, 200, res.body);
    const short = (res.json().items as TargetAnswer[]).find((t) => t.id === 'HCM-DE');
    assert.ok(short, 'HCM-DE is answered');
    assert.match(short.forecast.reason ?? '', /2 observations/);
    assert.equal(short.forecast.probability, null);
    assert.equal(short.forecast.projection, null);
    assert.deepEqual(short.forecast.intervals, []);
    assert.deepEqual(short.fan, []);
    // Open SDG's status is still given beside it.
    assert.ok(short.status);
  });

  test('every target of the demo: finite numbers or null, probabilities in [0, 1]', async () => {
    const res = await app.inject('/api/targets');
    const all = res.json().items as TargetAnswer[];
    assert.ok(all.length >= 32);
    for (const [path, x] of numbers(all)) assert.ok(Number.isFinite(x), `${path} is ${x}`);
    for (const t of all) {
      const pr = t.forecast.probability;
      assert.ok(pr === null || (pr >= 0 && pr <= 1), `${t.id} ${pr}`);
      assert.ok((pr === null) === (t.forecast.reason !== null), t.id);
    }
  });

  test("the profile: next period's score with intervals and rank-change odds, its targets' forecasts", async () => {
    const res = await app.inject('/api/units/VN-08/profile?framework=dti-province&period=2024');
    assert.equal(res.statusCode, 200, res.body);
    const p = res.json();
    for (const [path, x] of numbers(p)) assert.ok(Number.isFinite(x), `${path} is ${x}`);
    const f = p.forecast;
    assert.equal(f.period, '2025');
    assert.equal(f.score.reason, null);
    const [i80, i95] = f.score.intervals as [Interval, Interval];
    const s = f.score.projection as number;
    assert.ok(0 <= i95.lower && i95.lower <= i80.lower && i80.lower <= s);
    assert.ok(s <= i80.upper && i80.upper <= i95.upper && i95.upper <= 100);
    assert.equal(f.rank, p.rank, "the rank now is the profile's");
    assert.ok(f.units >= 30);
    const total = Object.values(f.bands as Record<string, number>).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(total - 1) < 1e-9, `bands sum to ${total}`);
    assert.ok(f.rank_interval.p05 <= f.rank_interval.p95);
    assert.deepEqual([f.draws, f.seed], [1000, 1]);
    // The method's own uncertainty, from the uncertainty analysis's rank interval and the scores
    // around the unit, read here from the public answers.
    const ranks = (
      await app.inject('/api/results/uncertainty?framework=dti-province&period=2024&level=province')
    ).json() as { items: { unit: string; p05_rank: number | null; p95_rank: number | null }[] };
    const results = (
      await app.inject('/api/results?framework=dti-province&period=2024&level=province')
    ).json() as { items: { unit: string; score: number | null }[] };
    const byUnit = new Map(ranks.items.map((i) => [i.unit, i]));
    const spread = methodSpread(
      results.items.map((i) => i.score ?? Number.NaN),
      results.items.map((i) => byUnit.get(i.unit)?.p05_rank ?? null),
      results.items.map((i) => byUnit.get(i.unit)?.p95_rank ?? null),
    );
    const own = spread[results.items.findIndex((i) => i.unit === 'VN-08')] as number;
    assert.ok(Math.abs(f.method_sd - own) < 1e-9, `${f.method_sd} against ${own}`);
    assert.ok(f.method_sd > 0, 'Tuyen Quang moves in the uncertainty runs');
    const de = (p.targets as TargetAnswer[]).find((t) => t.id === 'TQ-DE-2025');
    assert.ok(de?.forecast.probability !== null && de?.forecast.probability !== undefined);
    // Asked again: the same answer (seeded draws, cached per revision).
    const again = await app.inject('/api/units/VN-08/profile?framework=dti-province&period=2024');
    assert.deepEqual(again.json().forecast, f);
  });
});
