import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../src/demo/loadDemo.js';
import { onEachDatabase } from './databases.js';
import { adminAuthorization, testApp } from './fixtures.js';

// The demo as a user meets it, through the API. The expectations are facts from outside the code:
// the 2025 reform (63 provinces became 34 on 2025-07-01, Hà Giang and Tuyên Quang became Tuyên
// Quang) and figures the provinces published (DESIGN.md): Tuyên Quang ranked 48th of 63 in 2022,
// up from 58th, 47th in digital government, 54th in digital economy, 19th in digital society;
// its digital economy was 6.19% of GRDP in 2023 with a target of 20% by 2025; 92 of Ninh Bình's
// communes met the commune DX model in 2023 (64.3%); Ninh Bình had 193 digital technology
// enterprises in 2023.

onEachDatabase('the demo', (database) => {
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

  test('63 provinces before the reform, 34 after, and Tuyên Quang made of two', async () => {
    const before = await get('/api/units?level=province&at=2024-12-31&limit=100');
    const after = await get('/api/units?level=province&at=2025-12-31&limit=100');
    assert.equal(before.total, 63);
    assert.equal(after.total, 34);
    const tuyenQuang = after.items.find(
      (u: { names: { vi: string } }) => u.names.vi === 'Tuyên Quang',
    );
    assert.ok(tuyenQuang, 'Tuyên Quang exists in 2025');
    const unit = await get(`/api/units/${tuyenQuang.code}`);
    const predecessors = unit.predecessors.map((p: { code: string }) => p.code).sort();
    assert.deepEqual(predecessors, ['VN-02', 'VN-08']);
  });

  test('province outlines for maps: 63 before the reform, 34 after, where the towns are', async () => {
    type Shapes = { features: { id: string; geometry: { coordinates: unknown } }[] };
    const before: Shapes = await get('/api/shapes?level=province&at=2024-12-31');
    const after: Shapes = await get('/api/shapes?level=province&at=2025-12-31');
    assert.equal(before.features.length, 63);
    assert.equal(after.features.length, 34);
    // The box around a unit's outline holds its towns (longitude, latitude from any atlas).
    type Box = { x: [number, number]; y: [number, number] };
    const box = (shapes: Shapes, code: string): Box => {
      const feature = shapes.features.find((f) => f.id === code);
      assert.ok(feature, `${code} has an outline`);
      const points = (feature.geometry.coordinates as unknown[]).flat(3) as number[];
      const xs = points.filter((_, i) => i % 2 === 0);
      const ys = points.filter((_, i) => i % 2 === 1);
      return { x: [Math.min(...xs), Math.max(...xs)], y: [Math.min(...ys), Math.max(...ys)] };
    };
    const holds = (b: Box, [x, y]: [number, number]) =>
      b.x[0] <= x && x <= b.x[1] && b.y[0] <= y && y <= b.y[1];
    const ninhBinh = box(before, 'VN-37');
    assert.ok(holds(ninhBinh, [105.97, 20.25]), 'Ninh Bình town');
    assert.ok(!holds(ninhBinh, [105.85, 21.03]), 'not Hà Nội');
    const haGiang = [104.98, 22.82] as [number, number];
    assert.ok(!holds(box(before, 'VN-08'), haGiang), 'Tuyên Quang before 2025 is not Hà Giang');
    const tuyenQuang2025 = box(after, 'VN25-08');
    assert.ok(holds(tuyenQuang2025, haGiang), 'Tuyên Quang from 2025 holds Hà Giang town');
    assert.ok(holds(tuyenQuang2025, [105.21, 21.82]), 'and Tuyên Quang town');
  });

  test("the published ranks of Tuyên Quang come out of the demo's index", async () => {
    const rank = async (period: string) => {
      const r = await get(`/api/results?framework=dti-province&period=${period}&level=province`);
      assert.equal(r.items.length, 63, `${period}: 63 provinces ranked`);
      const row = r.items.find((i: { unit: string }) => i.unit === 'VN-08');
      return row;
    };
    const y2022 = await rank('2022');
    const y2021 = await rank('2021');
    assert.equal(y2022.rank, 48);
    assert.equal(y2021.rank, 58);
    assert.equal(y2022.rank_change, 10, 'up 10 places');
    assert.equal(y2022.nodes.GOV.rank, 47);
    assert.equal(y2022.nodes.ECO.rank, 54);
    assert.equal(y2022.nodes.SOC.rank, 19);
  });

  test('reported figures are real data points, labelled with their source', async () => {
    const share = await get('/api/data?unit=VN-08&indicator=de_grdp_share&period=2023');
    assert.equal(share.items[0].value, 6.19);
    assert.match(share.items[0].source, /^reported/);
    const firms = await get('/api/data?unit=VN-37&indicator=dt_enterprises&period=2023');
    assert.equal(firms.items[0].value, 193);
    assert.match(firms.items[0].source, /^reported/);
    const synthetic = await get('/api/data?unit=VN-01&indicator=online_services_share&period=2022');
    assert.equal(synthetic.items[0].source, 'synthetic');
  });

  test("Tuyên Quang's 20% digital economy target for 2025 is off track", async () => {
    const t = await get('/api/targets?unit=VN-08');
    const target = t.items.find(
      (i: { indicator: string; target_period: string }) =>
        i.indicator === 'de_grdp_share' && i.target_period === '2025',
    );
    assert.ok(target, 'the 2025 digital economy target');
    assert.equal(target.target_value, 20);
    assert.match(target.status, /^off-track/);
  });

  test("92 of Ninh Bình's 143 communes meet the commune model in 2023", async () => {
    const r = await get('/api/criteria/commune-dx-model/results?period=2023&parent=VN-37');
    assert.equal(r.summary.units, 143);
    assert.equal(r.summary.met, 92);
    assert.equal(Math.round(r.summary.share * 10) / 10, 64.3);
  });

  test('a 2025 province has a profile with its history carried back through its predecessors', async () => {
    const p = await get(`/api/units/VN25-08/profile?framework=dti-province&period=2025`);
    assert.equal(p.units, 34);
    assert.ok(p.rank >= 1 && p.rank <= 34);
    const derived = p.history.filter((h: { derived: boolean }) => h.derived);
    assert.ok(derived.length >= 5, 'the 2020-2024 scores derive from Hà Giang and Tuyên Quang');
  });

  test("the planted outlier: Tuyên Quang's 44 days for 2026 is flagged in the run and the approver's queue", async () => {
    const headers = { authorization: await adminAuthorization(database()) };
    const rules = await get('/api/quality/rules?dataset=dti-province');
    assert.equal(rules.items.length, 3);
    const run = await app.inject({
      url: '/api/quality/run?dataset=dti-province&period=2026',
      headers,
    });
    assert.equal(run.statusCode, 200, run.body);
    const flagged = run
      .json()
      .items.filter(
        (i: { unit: string; element?: string }) =>
          i.unit === 'VN25-08' && i.element === 'settlement_days',
      )
      .map((i: { test: string; value: number }) => [i.test, i.value]);
    assert.deepEqual(flagged, [
      ['peers', 44],
      ['history', 44],
    ]);
    assert.equal(run.json().summary.blocking, 0);
    const queue = await app.inject({ url: '/api/workflow/queue?limit=100', headers });
    const waiting = queue
      .json()
      .items.find(
        (i: { unit: string; period: string }) => i.unit === 'VN25-08' && i.period === '2026',
      );
    assert.ok(waiting.quality.outliers >= 2, JSON.stringify(waiting.quality));
  });

  test('the demo loads only into an empty database', async () => {
    await assert.rejects(() => loadDemo(database()), /already has data/);
  });
});
