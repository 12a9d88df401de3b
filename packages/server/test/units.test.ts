import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { lineageEvents, units } from '../src/db/schema.js';
import { onEachDatabase } from './databases.js';
import { testApp } from './fixtures.js';

onEachDatabase('units', (database) => {
  let app: FastifyInstance;
  before(async () => {
    const db = database().db;
    await db.insert(units).values([
      { code: 'VN', level: 'country', nameEn: 'Viet Nam', validFrom: '1976-07-02' },
      {
        code: 'VN-02',
        level: 'province',
        parent: 'VN',
        nameEn: 'Ha Giang',
        nameVi: 'Hà Giang',
        validFrom: '1991-08-12',
        validTo: '2025-06-30',
        attributes: { region: 'Northern Midlands and Mountains' },
      },
      {
        code: 'VN-08',
        level: 'province',
        parent: 'VN',
        nameEn: 'Tuyen Quang',
        nameVi: 'Tuyên Quang',
        validFrom: '1991-08-12',
        validTo: '2025-06-30',
      },
      {
        code: 'VN-01',
        level: 'province',
        parent: 'VN',
        nameEn: 'Ha Noi',
        nameVi: 'Hà Nội',
        nameAr: 'هانوي',
        validFrom: '2008-08-01',
      },
      {
        code: 'VN25-08',
        level: 'province',
        parent: 'VN',
        nameEn: 'Tuyen Quang',
        nameVi: 'Tuyên Quang',
        validFrom: '2025-07-01',
      },
    ]);
    await db.insert(lineageEvents).values([
      { event: 'merge', date: '2025-07-01', predecessor: 'VN-02', successor: 'VN25-08' },
      { event: 'merge', date: '2025-07-01', predecessor: 'VN-08', successor: 'VN25-08' },
    ]);
    app = await testApp(database());
  });
  after(() => app?.close());

  test('units by date across the 2025 reform', async () => {
    const before2025 = await app.inject('/api/units?level=province&at=2024-12-31');
    assert.equal(before2025.statusCode, 200);
    assert.deepEqual(
      before2025.json().items.map((u: { code: string }) => u.code),
      ['VN-01', 'VN-02', 'VN-08'],
    );
    const after2025 = await app.inject('/api/units?level=province&at=2025-12-31');
    assert.deepEqual(
      after2025.json().items.map((u: { code: string }) => u.code),
      ['VN-01', 'VN25-08'],
    );
    // The last day of the old provinces and the first day of the new.
    const onDay = await app.inject('/api/units?level=province&at=2025-06-30');
    assert.equal(onDay.json().total, 3);
    const nextDay = await app.inject('/api/units?level=province&at=2025-07-01');
    assert.equal(nextDay.json().total, 2);
  });

  test('a unit with its names and lineage', async () => {
    const res = await app.inject('/api/units/VN25-08');
    assert.equal(res.statusCode, 200);
    const unit = res.json();
    assert.deepEqual(unit.names, { en: 'Tuyen Quang', vi: 'Tuyên Quang', ar: null });
    assert.deepEqual(unit.predecessors, [
      { code: 'VN-02', event: 'merge', date: '2025-07-01' },
      { code: 'VN-08', event: 'merge', date: '2025-07-01' },
    ]);
    const old = (await app.inject('/api/units/VN-02')).json();
    assert.deepEqual(old.successors, [{ code: 'VN25-08', event: 'merge', date: '2025-07-01' }]);
    assert.equal(old.attributes.region, 'Northern Midlands and Mountains');
  });

  test('paging, parent filter', async () => {
    const res = (await app.inject('/api/units?parent=VN&limit=2&offset=1')).json();
    assert.equal(res.total, 4);
    assert.deepEqual(
      res.items.map((u: { code: string }) => u.code),
      ['VN-02', 'VN-08'],
    );
    assert.equal(res.limit, 2);
  });

  test('an unknown unit is 404 and a bad date 400, both as problem documents', async () => {
    const missing = await app.inject('/api/units/XX');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(missing.json().detail, 'unit "XX" does not exist');
    const bad = await app.inject('/api/units?at=2024-13-45');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().fields[0].field, 'querystring.at');
    const limit = await app.inject('/api/units?limit=0');
    assert.equal(limit.statusCode, 400);
  });

  test('health names the database', async () => {
    const res = await app.inject('/api/health');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'ok');
  });
});
