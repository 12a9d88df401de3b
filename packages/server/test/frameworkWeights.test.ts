import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../src/auth/actor.js';
import { loadDemo } from '../src/demo/loadDemo.js';
import { createApiToken } from '../src/services/apiTokens.js';
import { createUser } from '../src/services/users.js';
import { onEachDatabase } from './databases.js';
import { adminAuthorization, testApp } from './fixtures.js';

// Editing a framework's weights: a preview of the ranks computed by the engine, then a new
// version. The independent check: the index is the mean of foundations (FND) and activities
// (ACT), and ACT the weighted mean of GOV (weight 2), ECO and SOC; with GOV's weight at 1 the
// previewed index must be (FND + (GOV + ECO + SOC) / 3) / 2 of the pillar scores that
// /api/results publishes (pillars do not depend on the weights above them).

interface PreviewItem {
  unit: string;
  score: number | null;
  rank: number | null;
  preview_score: number | null;
  preview_rank: number | null;
}

const equalActivities = { GOV: 1 };
let previewed: PreviewItem[] = [];

onEachDatabase('framework weights', (database) => {
  let app: FastifyInstance;
  const as: Record<string, Record<string, string>> = {};
  before(async () => {
    await loadDemo(database());
    for (const [who, role] of [
      ['analyst', 'analyst'],
      ['viewer', 'viewer'],
    ] as const) {
      const user = await createUser(
        database(),
        { email: `${who}@weights.test`, name: who, role, unit: 'VN' },
        systemActor,
      );
      as[who] = {
        authorization: `Bearer ${(await createApiToken(database(), user.id, 't', systemActor)).token}`,
      };
    }
    as.admin = { authorization: await adminAuthorization(database()) };
    app = await testApp(database());
  });
  after(() => app?.close());

  const preview = (headers: Record<string, string>, weights: Record<string, number>) =>
    app.inject({
      method: 'POST',
      url: '/api/frameworks/dti-province/preview',
      headers,
      payload: { period: '2022', weights },
    });

  test('only admins and analysts preview; unknown nodes and negative weights are named', async () => {
    assert.equal((await preview({}, {})).statusCode, 401);
    assert.equal((await preview(as.viewer as Record<string, string>, {})).statusCode, 403);
    const bad = await preview(as.analyst as Record<string, string>, { NOPE: 1, GOV: 0 });
    assert.equal(bad.statusCode, 422);
    const fields = bad
      .json()
      .fields.map((f: { field: string }) => f.field)
      .sort();
    assert.deepEqual(fields, ['body.weights.GOV', 'body.weights.NOPE']);
  });

  test('the stored weights preview to the published ranks; equal activity weights move them', async () => {
    const same = await preview(as.analyst as Record<string, string>, {});
    assert.equal(same.statusCode, 200, same.body);
    const items: PreviewItem[] = same.json().items;
    assert.equal(items.length, 63);
    const results = (
      await app.inject('/api/results?framework=dti-province&period=2022&level=province')
    ).json();
    const published = new Map<string, { rank: number; nodes: Record<string, { rank: number }> }>(
      results.items.map((i: { unit: string }) => [i.unit, i]),
    );
    for (const i of items) {
      assert.equal(i.preview_rank, i.rank);
      assert.equal(i.rank, published.get(i.unit)?.rank, `${i.unit} as published`);
    }
    assert.equal(items.find((i) => i.unit === 'VN-08')?.rank, 48, 'Tuyên Quang 48th in 2022');

    const equal = await preview(as.analyst as Record<string, string>, equalActivities);
    assert.equal(equal.statusCode, 200, equal.body);
    previewed = equal.json().items;
    const expected = new Map<string, number>();
    for (const item of results.items as {
      unit: string;
      nodes: Record<string, { score: number }>;
    }[]) {
      const s = (code: string) => item.nodes[code]?.score as number;
      expected.set(item.unit, (s('FND') + (s('GOV') + s('ECO') + s('SOC')) / 3) / 2);
    }
    let moved = 0;
    for (const i of previewed) {
      const want = expected.get(i.unit) as number;
      assert.ok(
        Math.abs((i.preview_score as number) - want) < 1e-9,
        `${i.unit}: ${i.preview_score} vs ${want}`,
      );
      const higher = previewed.filter((j) => (expected.get(j.unit) as number) > want).length;
      assert.equal(i.preview_rank, higher + 1, `${i.unit} rank`);
      if (i.preview_rank !== i.rank) moved++;
    }
    assert.ok(moved > 0, 'some ranks move');
  });

  test('an admin saves the weights as version 2; results follow; a stale save is refused', async () => {
    const save = (headers: Record<string, string>, version: number) =>
      app.inject({
        method: 'POST',
        url: '/api/frameworks/dti-province/weights',
        headers,
        payload: { version, weights: equalActivities },
      });
    assert.equal((await save(as.analyst as Record<string, string>, 1)).statusCode, 403);
    const saved = await save(as.admin as Record<string, string>, 1);
    assert.equal(saved.statusCode, 201, saved.body);
    assert.equal(saved.json().version, 2);
    assert.equal(saved.json().nodes.find((n: { code: string }) => n.code === 'GOV').weight, 1);
    const stale = await save(as.admin as Record<string, string>, 1);
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().fields[0].field, 'body.version');

    const results = (
      await app.inject('/api/results?framework=dti-province&period=2022&level=province')
    ).json();
    assert.equal(results.framework.version, 2);
    const v2 = new Map(previewed.map((i) => [i.unit, i.preview_rank]));
    for (const i of results.items) assert.equal(i.rank, v2.get(i.unit), `${i.unit}`);
    const audit = (
      await app.inject({
        url: '/api/audit?entity=framework',
        headers: as.admin as Record<string, string>,
      })
    ).json();
    assert.ok(
      audit.items.some((a: { entity_key: string }) => a.entity_key === 'dti-province@2'),
      'the new version is audited',
    );
  });
});
