import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { saveCriteriaModel } from '../src/services/criteria.js';
import { saveFramework } from '../src/services/frameworks.js';
import { onEachDatabase } from './databases.js';
import { adminAuthorization, miniData, miniFramework, seedProvinces, testApp } from './fixtures.js';

// The mini index of fixtures.ts. 2024 scores on every node: VN-01 100, VN-02 0, VN-08 50.
// 2023: VN-02 100 on every indicator, VN-08 0; VN-01 online 50, days 25, ehr 66.67
// (GOV 37.5, DTI 52.08). VN-02 and VN-08 (region North) merge into VN25-08 on 2025-07-01.
const close = (a: number | null | undefined, b: number, what = '') =>
  assert.ok(typeof a === 'number' && Math.abs(a - b) < 1e-9, `${what} ${a} is ${b}`);

interface ProfileNode {
  code: string;
  kind: string;
  score: number | null;
  rank: number | null;
  value: number | null;
  region_mean: number | null;
  national_mean: number | null;
}

onEachDatabase('profiles, series and criteria', (database) => {
  let app: FastifyInstance;
  before(async () => {
    await seedProvinces(database());
    await saveFramework(database().db, miniFramework);
    await saveCriteriaModel(
      database().db,
      `id: online-model
version: "1.0"
name: Online province
criteria:
  - {code: A, indicator: online_share, op: ">=", value: 50}
  - {code: B, indicator: days, op: "<=", value: 7, mandatory: false}
  - {code: C, indicator: ehr_people, op: ">", value: 600, mandatory: false}
pass: {mandatory: all, optional_min: 1}
`,
    );
    app = await testApp(database());
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { 'content-type': 'text/csv', authorization: await adminAuthorization(database()) },
      body: miniData,
    });
    assert.equal(res.statusCode, 200, res.body);
  });
  after(() => app?.close());

  test('a profile: score, rank, nodes against regional and national means, raw values, history', async () => {
    const res = await app.inject('/api/units/VN-08/profile?framework=mini&period=2024');
    assert.equal(res.statusCode, 200, res.body);
    const p = res.json();
    assert.equal(p.unit.code, 'VN-08');
    assert.equal(p.derived, false);
    assert.equal(p.score, 50);
    assert.equal(p.rank, 2);
    assert.equal(p.units, 3);
    assert.equal(p.rank_change, 1, 'third in 2023, second in 2024');
    assert.equal(p.region, 'North');
    const node = Object.fromEntries((p.nodes as ProfileNode[]).map((n) => [n.code, n]));
    assert.deepEqual(
      Object.values(node).map((n) => [n.code, n.kind]),
      [
        ['DTI', 'index'],
        ['GOV', 'pillar'],
        ['online_share', 'indicator'],
        ['days', 'indicator'],
        ['SOC', 'pillar'],
        ['ehr_share', 'indicator'],
      ],
    );
    // Region North is VN-02 (0) and VN-08 (50); the nation adds VN-01 (100).
    close(node.GOV?.region_mean, 25, 'GOV region');
    close(node.GOV?.national_mean, 50, 'GOV nation');
    assert.equal(node.GOV?.value, null, 'an aggregate has no raw value');
    assert.equal(node.online_share?.value, 60);
    assert.equal(node.days?.value, 7);
    close(node.ehr_share?.value, 35, 'ehr = 700 / 2000 x 100');
    assert.deepEqual(
      p.history.map((h: { period: string; rank: number; derived: boolean }) => [
        h.period,
        h.rank,
        h.derived,
      ]),
      [
        ['2023', 3, false],
        ['2024', 2, false],
      ],
    );
  });

  test('a merged province before it existed: scores derived from its predecessors', async () => {
    const res = await app.inject('/api/units/VN25-08/profile?framework=mini&period=2024');
    assert.equal(res.statusCode, 200, res.body);
    const p = res.json();
    assert.equal(p.derived, true);
    close(p.score, 25, 'mean of VN-02 (0) and VN-08 (50)');
    assert.equal(p.rank, 2, 'behind VN-01 among the provinces of 2025');
    assert.equal(p.units, 2);
    assert.deepEqual(
      p.unit.predecessors.map((l: { code: string }) => l.code),
      ['VN-02', 'VN-08'],
    );
    const h2023 = p.history.find((h: { period: string }) => h.period === '2023');
    close(h2023?.score, 50, '2023: mean of VN-02 (100) and VN-08 (0)');
    assert.equal(h2023?.rank, 2, 'VN-01 scores 52.08');
    assert.equal(h2023?.derived, true);
  });

  test('profile errors: unknown unit or framework 404, bad period 400, a unit not yet or no longer there 404', async () => {
    const unknown = await app.inject('/api/units/VN-99/profile?framework=mini&period=2024');
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.headers['content-type'] as string, /application\/problem\+json/);
    const fw = await app.inject('/api/units/VN-08/profile?framework=nope&period=2024');
    assert.equal(fw.statusCode, 404);
    const bad = await app.inject('/api/units/VN-08/profile?framework=mini&period=24');
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().fields.some((f: { field: string }) => /period/.test(f.field)));
    const gone = await app.inject('/api/units/VN-08/profile?framework=mini&period=2026');
    assert.equal(gone.statusCode, 404);
    assert.match(gone.json().detail, /did not exist/);
  });

  test('a data element of a merged province re-aggregates by its rule', async () => {
    const get = async (element: string) => {
      const res = await app.inject(`/api/units/VN25-08/series?element=${element}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    // Population sums: 1000 + 2000 in 2024, 1000 + 2000 in 2023.
    const population = await get('population');
    assert.equal(population.aggregation, 'sum');
    assert.deepEqual(population.items, [
      { period: '2023', value: 3000, derived: true, from: ['VN-02', 'VN-08'] },
      { period: '2024', value: 3000, derived: true, from: ['VN-02', 'VN-08'] },
    ]);
    // Online share weighs by population: (40 x 1000 + 60 x 2000) / 3000 in 2024.
    const online = await get('online_share');
    assert.equal(online.weight_element, 'population');
    close(online.items[1].value, 160 / 3, 'online 2024');
    close(online.items[0].value, (70 * 1000 + 30 * 2000) / 3000, 'online 2023');
    // Days: the plain mean of 10 and 7.
    close((await get('days')).items[1].value, 8.5, 'days 2024');
    // A unit's own values are not derived.
    const own = (await app.inject('/api/units/VN-01/series?element=days')).json();
    assert.deepEqual(
      own.items.map((i: { value: number; derived: boolean }) => [i.value, i.derived]),
      [
        [8, false],
        [4, false],
      ],
    );
    assert.equal((await app.inject('/api/units/VN25-08/series?element=nope')).statusCode, 404);
  });

  test('criteria results: who meets the model, per parent, with failed and missing criteria', async () => {
    const res = await app.inject('/api/criteria/online-model/results?period=2024');
    assert.equal(res.statusCode, 200, res.body);
    const r = res.json();
    // 2024: VN-01 online 80, days 4 -> met; VN-02 online 40 -> fails A;
    // VN-08 online 60, days 7, ehr 700 -> met.
    assert.equal(r.level, 'province');
    assert.deepEqual(
      r.items.map((i: { unit: string; met: boolean }) => [i.unit, i.met]),
      [
        ['VN-01', true],
        ['VN-02', false],
        ['VN-08', true],
      ],
    );
    const vn02 = r.items.find((i: { unit: string }) => i.unit === 'VN-02');
    assert.deepEqual(vn02.failed, ['A', 'B', 'C']);
    assert.deepEqual(r.summary, { units: 3, met: 2, share: 200 / 3 });
    assert.deepEqual(r.by_parent, [
      {
        parent: 'VN',
        name: 'Viet Nam',
        names: { en: 'Viet Nam', vi: null, ar: null },
        units: 3,
        met: 2,
        share: 200 / 3,
      },
    ]);
    const c = r.criteria.find((x: { code: string }) => x.code === 'C');
    assert.deepEqual(c, { code: 'C', mandatory: false, met: 1, failed: 2, missing: 0 });
    // In 2025 the units are VN-01 and VN25-08, without data: every criterion is missing.
    const later = (
      await app.inject('/api/criteria/online-model/results?period=2025&level=province')
    ).json();
    assert.deepEqual(
      later.items.map((i: { unit: string; missing: string[] }) => [i.unit, i.missing]),
      [
        ['VN-01', ['A', 'B', 'C']],
        ['VN25-08', ['A', 'B', 'C']],
      ],
    );
    assert.equal(later.summary.met, 0);
  });

  test('criteria: models listed, unknown model or parent 404, bad period 400, bad model 422', async () => {
    const list = (await app.inject('/api/criteria')).json();
    assert.deepEqual(
      list.items.map((m: { id: string; version: string }) => [m.id, m.version]),
      [['online-model', '1.0']],
    );
    assert.equal((await app.inject('/api/criteria/nope/results?period=2024')).statusCode, 404);
    const parent = await app.inject('/api/criteria/online-model/results?period=2024&parent=XX');
    assert.equal(parent.statusCode, 404);
    const underVn = (
      await app.inject('/api/criteria/online-model/results?period=2024&parent=VN')
    ).json();
    assert.equal(underVn.summary.units, 3);
    assert.equal(
      (await app.inject('/api/criteria/online-model/results?period=soon')).statusCode,
      400,
    );
    await assert.rejects(
      saveCriteriaModel(
        database().db,
        'id: x\nversion: 1\ncriteria:\n  - {code: A, indicator: i, op: "=>", value: 1}\n',
      ),
      (error: Error & { status?: number; fields?: { field: string }[] }) =>
        error.status === 422 && error.fields?.[0]?.field === 'criteria[0].op',
    );
  });
});
