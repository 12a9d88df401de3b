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
