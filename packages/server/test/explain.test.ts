import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../src/demo/loadDemo.js';
import { onEachDatabase } from './databases.js';
import { testApp } from './fixtures.js';

// `GET /api/units/:code/explain` on the demo, for Tuyên Quang (VN-08) in 2022. The facts from
// outside the code (DESIGN.md, the province's reports): 48th of 63 in 2022, up from 58th in 2021,
// 47th in digital government. The explanation must agree with the stored results of the same
// run, its contributions must add up to the score, and no what-if may lose places.

interface Node {
  code: string;
  parent: string | null;
  kind: string;
  depth: number;
  score: number | null;
  rank: number | null;
  contribution: number | null;
}
interface Item {
  indicator: string;
  name: string;
  score_gain: number;
  rank_gain: number;
  new_rank: number;
  value: number;
  best: number;
  target: number;
  direction: number;
  best_unit_names: { en: string };
}

const sum = (xs: (number | null)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);

onEachDatabase('unit explanation', (database) => {
  let app: FastifyInstance;
  before(async () => {
    await loadDemo(database());
    app = await testApp(database());
  });
  after(() => app?.close());

  const get = async (url: string) => {
    const res = await app.inject(url);
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json();
  };
  const explainUrl = '/api/units/VN-08/explain?framework=dti-province&period=2022';

  test('Tuyên Quang in 2022: 48th of 63, as the stored results say; contributions add up', async () => {
    const e = await get(explainUrl);
    assert.equal(e.unit.code, 'VN-08');
    assert.equal(e.unit.names.vi, 'Tuyên Quang');
    assert.equal(e.framework.id, 'dti-province');
    assert.equal(e.level, 'province');
    assert.equal(e.units, 63);
    assert.equal(e.rank, 48);
    assert.equal(e.method, 'arithmetic');
    const results = await get('/api/results?framework=dti-province&period=2022&level=province');
    const stored = results.items.find((i: { unit: string }) => i.unit === 'VN-08');
    assert.ok(Math.abs(e.score - stored.score) < 1e-9, `${e.score} vs stored ${stored.score}`);
    const nodes = e.nodes as Node[];
    assert.equal(nodes.find((n) => n.code === 'GOV')?.rank, 47);
    // Indicators, and the children of every aggregate, add up to the score / their parent.
    const indicators = nodes.filter((n) => n.kind === 'indicator');
    assert.equal(indicators.length, 40);
    assert.ok(Math.abs(sum(indicators.map((n) => n.contribution)) - e.score) < 1e-9);
    for (const parent of nodes.filter((n) => n.kind !== 'indicator')) {
      const kids = nodes.filter((n) => n.parent === parent.code);
      const total = sum(kids.map((n) => n.contribution));
      assert.ok(Math.abs(total - (parent.contribution as number)) < 1e-9, parent.code);
    }
  });

  test('gaps: the unit just above is 47th and ahead; the leader is 1st', async () => {
    const e = await get(explainUrl);
    const results = await get('/api/results?framework=dti-province&period=2022&level=province');
    const score = (unit: string) =>
      results.items.find((i: { unit: string }) => i.unit === unit).score as number;
    assert.equal(e.gaps.above.rank, 47);
    assert.ok(e.gaps.above.gap > 0);
    assert.ok(Math.abs(e.gaps.above.score - score(e.gaps.above.unit)) < 1e-9);
    assert.equal(e.gaps.leader.rank, 1);
    const top = Math.max(...results.items.map((i: { score: number }) => i.score));
    assert.ok(Math.abs(e.gaps.leader.score - top) < 1e-9);
    assert.ok(e.gaps.leader.names.en.length > 0);
    const gov = e.gaps.leader.nodes.find((n: { code: string }) => n.code === 'GOV');
    assert.equal(gov.name, 'Digital government');
  });

  test('what lifts it most: 5 indicators, none losing places, most places gained first', async () => {
    const e = await get(explainUrl);
    assert.equal(e.what_if.share, 0.5);
    const items = e.what_if.items as Item[];
    assert.equal(items.length, 5);
    for (const item of items) {
      assert.ok(item.rank_gain >= 0, `${item.indicator}: ${item.rank_gain}`);
      assert.ok(item.score_gain >= 0, `${item.indicator}: ${item.score_gain}`);
      assert.equal(item.new_rank, 48 - item.rank_gain);
      // Half-way to the best value, whichever way is better.
      assert.ok(Math.abs(item.target - (item.value + item.best) / 2) < 1e-9);
      assert.ok(item.direction * (item.best - item.value) >= 0);
      assert.ok(item.name.length > 0 && item.best_unit_names.en.length > 0);
    }
    for (let k = 1; k < items.length; k++) {
      const [a, b] = [items[k - 1] as Item, items[k] as Item];
      assert.ok(
        a.rank_gain > b.rank_gain || (a.rank_gain === b.rank_gain && a.score_gain >= b.score_gain),
      );
    }
    assert.ok((items[0] as Item).rank_gain >= 1, 'closing half a gap lifts a 48th place somewhere');
  });

  test('share 0 changes nothing; top chooses how many', async () => {
    const e = await get(`${explainUrl}&share=0&top=3`);
    assert.equal(e.what_if.items.length, 3);
    for (const item of e.what_if.items as Item[]) {
      assert.equal(item.rank_gain, 0);
      assert.equal(item.score_gain, 0);
    }
  });

  test('since 2021: up 10 places, the changes by indicator adding up to the change in score', async () => {
    const e = await get(explainUrl);
    assert.equal(e.change.previous, '2021');
    assert.equal(e.change.previous_rank, 58);
    assert.equal(e.change.rank_change, 10);
    assert.equal(e.change.derived, false, 'same units in both years: no lineage');
    const indicators = new Set(
      (e.nodes as Node[]).filter((n) => n.kind === 'indicator').map((n) => n.code),
    );
    const changes = e.change.nodes.filter((n: { code: string }) => indicators.has(n.code));
    const total = changes.reduce((s: number, n: { change: number }) => s + n.change, 0);
    assert.ok(
      Math.abs(total - e.change.score_change) < 1e-9,
      `${total} vs ${e.change.score_change}`,
    );
  });

  // Ho Chi Minh City of 2025 (VN25-79) was formed on 2025-07-01 from VN-74, VN-77 and VN-79: its
  // 2024 is its predecessors', as its history shows it (75.0, 4th of 34, against 86.4 in 2025).
  test('a merged province since 2024: against the history through lineage, not against nothing', async () => {
    const profile = await get('/api/units/VN25-79/profile?framework=dti-province&period=2025');
    const point = (period: string) =>
      profile.history.find((h: { period: string }) => h.period === period);
    const h2024 = point('2024');
    const h2025 = point('2025');
    assert.equal(h2024.derived, true);
    assert.ok(Math.abs(h2024.score - 75.0) < 0.05, `${h2024.score}`);
    assert.ok(Math.abs(h2025.score - 86.4) < 0.05, `${h2025.score}`);

    const e = await get('/api/units/VN25-79/explain?framework=dti-province&period=2025');
    const c = e.change;
    assert.equal(c.previous, '2024');
    assert.equal(c.derived, true);
    assert.deepEqual([...c.predecessors].sort(), ['VN-74', 'VN-77', 'VN-79']);
    const close = (a: number, b: number, what: string) =>
      assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} vs ${b}`);
    close(c.score, h2025.score, 'score');
    close(c.previous_score, h2024.score, 'previous score');
    close(c.score_change, h2025.score - h2024.score, 'change');
    assert.equal(c.previous_rank, h2024.rank);
    assert.equal(c.rank, h2025.rank);
    assert.equal(c.rank_change, h2024.rank - h2025.rank);

    // Every indicator has a 2024 contribution, and their changes add up to the change in score.
    const indicators = new Set(
      (e.nodes as Node[]).filter((n) => n.kind === 'indicator').map((n) => n.code),
    );
    type Change = {
      code: string;
      change: number;
      contribution: number | null;
      previous_contribution: number | null;
      value: number | null;
      previous_value: number | null;
    };
    const changes = (c.nodes as Change[]).filter((n) => indicators.has(n.code));
    assert.equal(changes.length, 40);
    for (const n of changes) assert.notEqual(n.previous_contribution, null, n.code);
    const total = changes.reduce((s, n) => s + n.change, 0);
    close(total, c.score_change, 'sum of the changes');
    // Not against an empty 2024: the changes are small beside the contributions themselves.
    for (const n of changes)
      assert.notEqual(n.change, n.contribution, `${n.code} is not measured against nothing`);

    // The 2024 values are the predecessors' data combined by the elements' rules, as the series.
    const series2024 = async (element: string) => {
      const s = await get(`/api/units/VN25-79/series?element=${element}`);
      const p = s.items.find((i: { period: string }) => i.period === '2024');
      assert.equal(p.derived, true, element);
      return p.value as number;
    };
    const by = (code: string) => changes.find((n) => n.code === code) as Change;
    // A mean (plan tasks), a population-weighted mean (online files), officials-weighted (leaders).
    for (const element of [
      'dx_plan_tasks_done_share',
      'online_files_share',
      'leaders_dx_trained_share',
    ]) {
      close(by(element).previous_value as number, await series2024(element), element);
    }
    // A ratio of two sums: news items per 100,000 residents of the merged city.
    close(
      by('dx_media_per_100k').previous_value as number,
      ((await series2024('dx_media_items')) / (await series2024('population'))) * 100000,
      'dx_media_per_100k',
    );
    for (const n of changes) assert.notEqual(n.previous_value, null, n.code);
  });

  test('a province that kept its code in 2025: against its own 2024 of 63 provinces', async () => {
    const profile = await get('/api/units/VN-01/profile?framework=dti-province&period=2025');
    const h2024 = profile.history.find((h: { period: string }) => h.period === '2024');
    assert.equal(h2024.derived, false);
    assert.equal(h2024.units, 63);
    const e = await get('/api/units/VN-01/explain?framework=dti-province&period=2025');
    assert.equal(e.change.previous, '2024');
    assert.equal(e.change.derived, false);
    assert.deepEqual(e.change.predecessors, []);
    assert.ok(Math.abs(e.change.previous_score - h2024.score) < 1e-9);
    assert.equal(e.change.previous_rank, h2024.rank);
  });

  test('unknown unit, a unit not of the period, a period without data: 404; bad query: 400', async () => {
    const status = async (url: string, code: number, detail?: RegExp) => {
      const res = await app.inject(url);
      assert.equal(res.statusCode, code, `${url}: ${res.body}`);
      if (detail) assert.match(res.json().detail, detail);
    };
    await status('/api/units/VN-99/explain?framework=dti-province&period=2022', 404, /"VN-99"/);
    // Tuyên Quang of 2025 did not exist in 2022.
    await status('/api/units/VN25-08/explain?framework=dti-province&period=2022', 404, /VN25-08/);
    await status('/api/units/VN-08/explain?framework=dti-province&period=1999', 404, /1999/);
    await status('/api/units/VN-08/explain?framework=no-such&period=2022', 404);
    await status('/api/units/VN-08/explain?framework=dti-province&period=22', 400);
    await status(`${explainUrl}&share=2`, 400);
    await status(`${explainUrl}&top=-1`, 400);
  });
});
