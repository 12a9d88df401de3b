import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { dataElements, plans, targets } from '../src/db/schema.js';
import { onEachDatabase } from './databases.js';
import { adminAuthorization, seedProvinces, testApp } from './fixtures.js';

onEachDatabase('plans and targets', (database) => {
  let app: FastifyInstance;
  before(async () => {
    await seedProvinces(database());
    const db = database().db;
    await db
      .insert(dataElements)
      .values({ code: 'de_share', name: 'Digital economy share of GRDP', unitOfMeasure: '%' });
    await db.insert(plans).values({
      id: '48-NQ/TU',
      name: 'Resolution 48-NQ/TU',
      unit: 'VN-08',
      adoptedOn: '2021-11-15',
    });
    await db.insert(targets).values([
      {
        id: 'DE-2025',
        plan: '48-NQ/TU',
        unit: 'VN-08',
        indicator: 'de_share',
        targetPeriod: '2025',
        targetValue: 20,
      },
      {
        id: 'ONLINE',
        plan: '48-NQ/TU',
        unit: 'VN-08',
        indicator: 'online_share',
        targetPeriod: '2025',
        targetValue: 60,
      },
      {
        id: 'DAYS',
        plan: '48-NQ/TU',
        unit: 'VN-08',
        indicator: 'days',
        targetPeriod: '2024',
        targetValue: 4,
        direction: -1,
      },
    ]);
    app = await testApp(database());
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { 'content-type': 'text/csv', authorization: await adminAuthorization(database()) },
      body: 'unit,indicator,period,value\nVN-08,de_share,2020,5\nVN-08,de_share,2023,6.19\nVN-08,online_share,2023,65\nVN-08,days,2020,16\nVN-08,days,2022,9\n',
    });
    assert.equal(res.statusCode, 200, res.body);
  });
  after(() => app?.close());

  test('targets assessed by the engine on the stored series', async () => {
    const res = await app.inject('/api/targets?unit=VN-08');
    assert.equal(res.statusCode, 200, res.body);
    const by = Object.fromEntries(res.json().items.map((t: { id: string }) => [t.id, t]));
    // (6.19 / 5)^(1/3) - 1 over (20 / 5)^(1/5) - 1 = 0.2309 -> off-track, limited
    assert.equal(by['DE-2025'].status, 'off-track');
    assert.equal(by['DE-2025'].grade, 'limited');
    assert.ok(Math.abs(by['DE-2025'].progress - 0.23085237363368633) < 1e-9);
    assert.equal(by.ONLINE.status, 'achieved');
    // days 16 -> 9 against 4: (-1)(-0.25) / 0.2929 = 0.854 -> acceleration needed
    assert.equal(by.DAYS.grade, 'acceleration-needed');
  });

  test('as of an earlier period: fewer observations', async () => {
    const by = Object.fromEntries(
      (await app.inject('/api/targets?plan=48-NQ/TU&as_of=2021'))
        .json()
        .items.map((t: { id: string }) => [t.id, t]),
    );
    assert.equal(by['DE-2025'].status, 'insufficient-data');
    assert.equal(by['DE-2025'].progress, null);
    assert.equal(by.ONLINE.latest_period, null);
  });

  test('plans roll up their targets', async () => {
    const res = (await app.inject('/api/plans')).json();
    assert.deepEqual(res.items[0].summary, {
      plan: '48-NQ/TU',
      total: 3,
      achieved: 1,
      on_track: 0,
      off_track: 2,
      regressing: 0,
      insufficient_data: 0,
      share_achieved: 100 / 3,
    });
    assert.equal(res.items[0].adopted_on, '2021-11-15');
    assert.equal((await app.inject('/api/targets?as_of=20x')).statusCode, 400);
  });

  test("projections are held to the data element's natural bounds, and the answer says so", async () => {
    // online_share (%) 40 (2021) -> 89.9 (2024): linear slope 16.633 a year, 139.8 by 2027;
    // days 7 (2021) -> 4 (2024): -1 a year, -1 by 2029. A share stays within 0-100, days >= 0.
    await database()
      .db.insert(targets)
      .values([
        {
          id: 'HN-ONLINE',
          plan: '48-NQ/TU',
          unit: 'VN-01',
          indicator: 'online_share',
          targetPeriod: '2027',
          targetValue: 95,
        },
        {
          id: 'HN-DAYS',
          plan: '48-NQ/TU',
          unit: 'VN-01',
          indicator: 'days',
          targetPeriod: '2029',
          targetValue: 0.5,
          direction: -1,
        },
      ]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { 'content-type': 'text/csv', authorization: await adminAuthorization(database()) },
      body: 'unit,indicator,period,value\nVN-01,online_share,2021,40\nVN-01,online_share,2024,89.9\nVN-01,days,2021,7\nVN-01,days,2024,4\n',
    });
    assert.equal(res.statusCode, 200, res.body);
    const items = (await app.inject('/api/targets?unit=VN-01&method=linear')).json().items;
    const by = Object.fromEntries(items.map((t: { id: string }) => [t.id, t]));
    const online = by['HN-ONLINE'];
    assert.equal(online.unit_of_measure, '%');
    assert.equal(online.projected_value, 100);
    assert.equal(online.projection_bounded, 'upper');
    assert.ok(Math.abs(online.projected_value_unbounded - 139.8) < 1e-9);
    const days = by['HN-DAYS'];
    assert.equal(days.unit_of_measure, 'days');
    assert.equal(days.projected_value, 0);
    assert.equal(days.projection_bounded, 'lower');
    assert.ok(Math.abs(days.projected_value_unbounded - -1) < 1e-9);
    // Within the bounds nothing is held: the digital economy's 7.14% by 2025 (compound growth).
    const de = (await app.inject('/api/targets?unit=VN-08'))
      .json()
      .items.find((t: { id: string }) => t.id === 'DE-2025');
    assert.equal(de.projection_bounded, null);
    assert.equal(de.projected_value, de.projected_value_unbounded);
  });
});
