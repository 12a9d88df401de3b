import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../src/demo/loadDemo.js';
import { onEachDatabase } from './databases.js';
import { testApp } from './fixtures.js';

// Rank intervals of the demo's 63 provinces through the API. What must hold whatever the draws:
// percentiles ordered and within 1..63, the nominal rank equal to the published rank (Tuyên
// Quang 48th in 2022, a figure from outside the code), shares in [0, 1], the same answer twice.

interface Item {
  unit: string;
  nominal_rank: number | null;
  mean_rank: number | null;
  median_rank: number | null;
  p05_rank: number | null;
  p95_rank: number | null;
  within_k_share: number | null;
}

onEachDatabase('rank uncertainty', (database) => {
  let app: FastifyInstance;
  before(async () => {
    await loadDemo(database());
    app = await testApp(database());
  });
  after(() => app?.close());

  const url = '/api/results/uncertainty?framework=dti-province&period=2022&level=province';

  test('every province: ordered percentiles within 1..63, nominal = the published rank', async () => {
    const res = await app.inject(url);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.items.length, 63);
    assert.equal(body.design.runs, 500);
    assert.equal(body.design.seed, 1);
    const published = (
      await app.inject('/api/results?framework=dti-province&period=2022&level=province')
    ).json();
    const rankOf = new Map<string, number>(
      published.items.map((i: { unit: string; rank: number }) => [i.unit, i.rank]),
    );
    for (const item of body.items as Item[]) {
      const { p05_rank: p05, median_rank: median, p95_rank: p95, mean_rank: mean } = item;
      assert.ok(p05 !== null && median !== null && p95 !== null && mean !== null, item.unit);
      assert.ok(1 <= p05 && p05 <= median && median <= p95 && p95 <= 63, JSON.stringify(item));
      assert.ok(1 <= mean && mean <= 63, JSON.stringify(item)); // not between the percentiles
      assert.equal(item.nominal_rank, rankOf.get(item.unit), item.unit);
      assert.ok(
        item.within_k_share !== null && item.within_k_share >= 0 && item.within_k_share <= 1,
      );
    }
    const tuyenQuang = (body.items as Item[]).find((i) => i.unit === 'VN-08');
    assert.equal(tuyenQuang?.nominal_rank, 48);
    assert.ok(
      (body.items as Item[]).some((i) => i.p05_rank !== i.p95_rank),
      'perturbed weights and methods move some ranks',
    );
  });

  test('the answer is stable across calls', async () => {
    const first = await app.inject(url);
    const second = await app.inject(`${url}&version=1`);
    assert.equal(second.statusCode, 200, second.body);
    assert.deepEqual(second.json().items, first.json().items);
  });

  test('a bad period is a 400, an unknown framework a 404', async () => {
    const bad = await app.inject('/api/results/uncertainty?framework=dti-province&period=22');
    assert.equal(bad.statusCode, 400);
    const missing = await app.inject('/api/results/uncertainty?framework=nope&period=2022');
    assert.equal(missing.statusCode, 404);
  });
});
