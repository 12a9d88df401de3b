import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../src/auth/actor.js';
import { units } from '../src/db/schema.js';
import { loadDemo } from '../src/demo/loadDemo.js';
import { createApiToken } from '../src/services/apiTokens.js';
import { saveFramework } from '../src/services/frameworks.js';
import { createUser } from '../src/services/users.js';
import { onEachDatabase } from './databases.js';
import {
  adminAuthorization,
  demoSessions,
  miniData,
  miniFramework,
  seedProvinces,
  testApp,
} from './fixtures.js';

// The approval queue (GET /api/workflow/queue): Ha Noi (VN-01) has two districts, one of which
// enters and submits its figures; Ha Noi and Tuyen Quang (VN-08) submit theirs. The ministry (an
// approver of VN) approves the provinces and everything below them, Ha Noi's approver only Ha
// Noi's districts, and a unit waits in nobody's queue until the units below it are approved.
onEachDatabase('the approval queue', (database) => {
  let app: FastifyInstance;
  const as: Record<string, Record<string, string>> = { anonymous: {} };
  before(async () => {
    await seedProvinces(database());
    await database()
      .db.insert(units)
      .values(
        ['VN-01-D1', 'VN-01-D2'].map((code, i) => ({
          code,
          level: 'district',
          parent: 'VN-01',
          nameEn: `Ha Noi district ${i + 1}`,
          nameVi: `Quận ${i + 1}`,
          validFrom: '2008-08-01',
        })),
      );
    await saveFramework(database().db, miniFramework);
    for (const [who, role, unit] of [
      ['hanoiOfficer', 'officer', 'VN-01'],
      ['tuyenQuangOfficer', 'officer', 'VN-08'],
      ['ministry', 'approver', 'VN'],
      ['hanoiApprover', 'approver', 'VN-01'],
      ['viewer', 'viewer', 'VN-01'],
      ['analyst', 'analyst', null],
    ] as const) {
      const user = await createUser(
        database(),
        { email: `${who.toLowerCase()}@queue.test`, name: who, role, unit },
        systemActor,
      );
      const { token } = await createApiToken(database(), user.id, 'test', systemActor);
      as[who] = { authorization: `Bearer ${token}` };
    }
    as.admin = { authorization: await adminAuthorization(database()) };
    app = await testApp(database());
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...as.admin, 'content-type': 'text/csv' },
      body: miniData,
    });
    assert.equal(res.statusCode, 200, res.body);
  });
  after(() => app?.close());

  type Item = {
    unit: string;
    unit_names: { en: string; vi: string | null; ar: string | null };
    dataset: string;
    dataset_kind: string;
    dataset_name: string;
    dataset_names: { en: string; vi: string | null; ar: string | null };
    period: string;
    submitted_at: string;
    submitted_by: { id: number; name: string; email: string } | null;
    version: number;
    values: number;
    quality: { blocking: number; warnings: number; outliers: number };
  };
  const queue = async (who: string, query = '') => {
    const res = await app.inject({ url: `/api/workflow/queue${query}`, headers: as[who] });
    assert.equal(res.statusCode, 200, `${who}: ${res.body}`);
    return res.json() as { items: Item[]; total: number; limit: number; offset: number };
  };
  const keys = async (who: string) => (await queue(who)).items.map((i) => `${i.unit} ${i.period}`);
  const act = async (
    who: string,
    action: 'submit' | 'approve' | 'reopen',
    unit: string,
    period: string,
    extra: object = {},
  ) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/workflow/${action}`,
      headers: as[who],
      payload: { unit, dataset: 'mini', period, ...extra },
    });
    assert.equal(res.statusCode, 200, `${who} ${action} ${unit} ${period}: ${res.body}`);
    return res.json() as { version: number; updated_at: string };
  };

  test('signed out: 401; nothing submitted: an empty queue', async () => {
    const res = await app.inject('/api/workflow/queue');
    assert.equal(res.statusCode, 401, res.body);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    assert.deepEqual(await queue('ministry'), { items: [], total: 0, limit: 1000, offset: 0 });
  });

  test('oldest submission first, each with its unit, data set, submitter and values', async () => {
    // Tuyen Quang submits first, then a district of Ha Noi (its two entered values), then Ha Noi
    // its 2024 and 2023 figures.
    await act('tuyenQuangOfficer', 'submit', 'VN-08', '2024');
    const entered = await app.inject({
      method: 'POST',
      url: '/api/data-values',
      headers: as.hanoiOfficer,
      payload: {
        values: [
          { unit: 'VN-01-D1', indicator: 'online_share', period: '2024', value: 75 },
          { unit: 'VN-01-D1', indicator: 'days', period: '2024', value: 5 },
        ],
      },
    });
    assert.equal(entered.statusCode, 200, entered.body);
    const district = await act('hanoiOfficer', 'submit', 'VN-01-D1', '2024');
    await act('hanoiOfficer', 'submit', 'VN-01', '2024');
    await act('hanoiOfficer', 'submit', 'VN-01', '2023');

    const ministry = await queue('ministry');
    // Ha Noi's 2024 waits for its district (children first); its 2023 has no district values.
    assert.deepEqual(
      ministry.items.map((i) => `${i.unit} ${i.period}`),
      ['VN-08 2024', 'VN-01-D1 2024', 'VN-01 2023'],
    );
    assert.equal(ministry.total, 3);
    const times = ministry.items.map((i) => i.submitted_at);
    assert.deepEqual([...times].sort(), times, 'oldest first');
    const d1 = ministry.items[1] as Item;
    assert.deepEqual(d1, {
      unit: 'VN-01-D1',
      unit_names: { en: 'Ha Noi district 1', vi: 'Quận 1', ar: null },
      dataset: 'mini',
      dataset_kind: 'framework',
      dataset_name: 'Mini DX index',
      dataset_names: { en: 'Mini DX index', vi: null, ar: null },
      period: '2024',
      submitted_at: district.updated_at,
      submitted_by: d1.submitted_by,
      version: district.version,
      values: 2,
      // No data-quality rules, and too few peers for outliers.
      quality: { blocking: 0, warnings: 0, outliers: 0 },
    });
    assert.equal(d1.submitted_by?.name, 'hanoiOfficer');
    assert.equal(d1.submitted_by?.email, 'hanoiofficer@queue.test');
    // Tuyen Quang's four elements of the mini index (online share, days, people with a record,
    // population) have values in 2024.
    assert.equal(ministry.items[0]?.values, 4);
    assert.equal(ministry.items[0]?.submitted_by?.name, 'tuyenQuangOfficer');

    // Paging keeps the order and the total.
    const second = await queue('ministry', '?limit=1&offset=1');
    assert.deepEqual(
      second.items.map((i) => i.unit),
      ['VN-01-D1'],
    );
    assert.equal(second.total, 3);
    assert.deepEqual((await queue('ministry', '?offset=10')).items, []);
    assert.equal((await queue('ministry', '?offset=10')).total, 3);
    assert.equal(
      (await app.inject({ url: '/api/workflow/queue?limit=0', headers: as.ministry })).statusCode,
      400,
    );
  });

  test("an approver of a province sees only its own units below it; admins see every unit's", async () => {
    assert.deepEqual(await keys('hanoiApprover'), ['VN-01-D1 2024']);
    assert.deepEqual(await keys('admin'), ['VN-08 2024', 'VN-01-D1 2024', 'VN-01 2023']);
    // Officers, viewers and analysts approve nothing: an empty queue, not a refusal.
    for (const who of ['hanoiOfficer', 'viewer', 'analyst'])
      assert.deepEqual(await queue(who), { items: [], total: 0, limit: 1000, offset: 0 }, who);
  });

  test('an approved submission leaves the queue; then its parent joins it', async () => {
    const [d1] = (await queue('hanoiApprover')).items;
    await act('hanoiApprover', 'approve', 'VN-01-D1', '2024', { version: d1?.version });
    assert.deepEqual(await keys('hanoiApprover'), []);
    // Ha Noi's 2024 is now approvable, in the order it was submitted (before its 2023).
    assert.deepEqual(await keys('ministry'), ['VN-08 2024', 'VN-01 2024', 'VN-01 2023']);

    const [tuyenQuang] = (await queue('ministry')).items;
    await act('ministry', 'approve', 'VN-08', '2024', { version: tuyenQuang?.version });
    const after = await queue('ministry');
    assert.deepEqual(
      after.items.map((i) => `${i.unit} ${i.period}`),
      ['VN-01 2024', 'VN-01 2023'],
    );
    assert.equal(after.total, 2);
  });

  test('a reopened submission leaves the queue and comes back last when submitted again', async () => {
    await act('ministry', 'reopen', 'VN-01', '2024', { reason: 'the days exclude district files' });
    assert.deepEqual(await keys('ministry'), ['VN-01 2023']);
    await act('hanoiOfficer', 'submit', 'VN-01', '2024');
    assert.deepEqual(await keys('ministry'), ['VN-01 2023', 'VN-01 2024']);
    // The country waits for its provinces: VN-02 has 2024 values and is still a draft.
    await act('admin', 'submit', 'VN', '2024');
    assert.deepEqual(await keys('admin'), ['VN-01 2023', 'VN-01 2024']);
    for (const [unit, period] of [
      ['VN-01', '2024'],
      ['VN-01', '2023'],
    ] as const)
      await act('ministry', 'approve', unit, period);
    await act('admin', 'submit', 'VN-02', '2024');
    assert.deepEqual(await keys('ministry'), ['VN-02 2024']);
    await act('ministry', 'approve', 'VN-02', '2024');
    // Every province of 2024 is approved: the country is in the admin's queue, nobody else's
    // (nobody approves their own unit, and the ministry's unit is VN).
    assert.deepEqual(await keys('admin'), ['VN 2024']);
    assert.deepEqual(await keys('ministry'), []);
  });
});

// The demo's officers have submitted a few data sets: the ministry finds them all in its queue,
// Ninh Binh's approver its communes' checklists, the officers nothing.
onEachDatabase('the approval queue of the demo', (database) => {
  let app: FastifyInstance;
  let as: Record<string, Record<string, string>>;
  before(async () => {
    await loadDemo(database());
    app = await testApp(database());
    as = await demoSessions(app, [
      ['ministry', 'approver@demo.dxmon.org'],
      ['ninhBinh', 'approver.ninhbinh@demo.dxmon.org'],
      ['officer', 'officer.ninhbinh@demo.dxmon.org'],
    ]);
  });
  after(() => app?.close());

  const queue = async (who: string) => {
    const res = await app.inject({ url: '/api/workflow/queue', headers: as[who] });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as {
      total: number;
      items: {
        unit: string;
        unit_names: { vi: string };
        dataset: string;
        dataset_kind: string;
        dataset_name: string;
        dataset_names: { en: string; vi: string | null; ar: string | null };
        period: string;
        submitted_by: { email: string };
        values: number;
      }[];
    };
  };

  test("the ministry's queue: Ninh Binh's 2023 index, Tuyen Quang's 2025 and 2026, two communes", async () => {
    const ministry = await queue('ministry');
    assert.deepEqual(
      ministry.items.map((i) => `${i.unit} ${i.dataset} ${i.period} ${i.submitted_by.email}`),
      [
        'VN-37 dti-province 2023 officer.ninhbinh@demo.dxmon.org',
        'VN25-08 dti-province 2025 officer.tuyenquang@demo.dxmon.org',
        'VN25-08 dti-province 2026 officer.tuyenquang@demo.dxmon.org',
        // An approver approves every unit below their own: the communes too.
        'VN-37-C001 commune-dx-model 2024 officer.ninhbinh@demo.dxmon.org',
        'VN-37-C002 commune-dx-model 2024 officer.ninhbinh@demo.dxmon.org',
      ],
    );
    assert.equal(ministry.total, 5);
    assert.equal(ministry.items[0]?.unit_names.vi, 'Ninh Bình');
    // The data set's name in each language, from the demo's translation table.
    assert.deepEqual(ministry.items[0]?.dataset_names, {
      en: 'Provincial digital transformation index (demo)',
      vi: 'Chỉ số chuyển đổi số cấp tỉnh (minh họa)',
      ar: 'مؤشر التحول الرقمي على مستوى المقاطعات (تجريبي)',
    });
    assert.ok(ministry.items.every((i) => i.values > 0));
  });

  test("Ninh Binh's approver: two communes' checklists; the officer: nothing", async () => {
    const ninhBinh = await queue('ninhBinh');
    assert.deepEqual(
      ninhBinh.items.map((i) => `${i.unit} ${i.dataset} ${i.period}`),
      ['VN-37-C001 commune-dx-model 2024', 'VN-37-C002 commune-dx-model 2024'],
    );
    assert.ok(
      ninhBinh.items.every((i) => i.values === 10),
      'ten criteria each',
    );
    assert.ok(ninhBinh.items.every((i) => i.dataset_kind === 'criteria'));
    assert.equal(ninhBinh.items[0]?.dataset_name, 'Commune-level digital transformation model');
    assert.equal(ninhBinh.items[0]?.dataset_names.vi, 'Mô hình chuyển đổi số cấp xã');
    assert.equal((await queue('officer')).total, 0);
  });
});
