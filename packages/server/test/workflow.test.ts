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

// Ha Noi (VN-01) enters its 2024 digital-government figures; the ministry (an approver of VN)
// reviews them. The mini index's data are loaded approved by an admin first.
onEachDatabase('submission, approval and the audit trail', (database) => {
  let app: FastifyInstance;
  const as: Record<string, Record<string, string>> = {};
  before(async () => {
    await seedProvinces(database());
    await saveFramework(database().db, miniFramework);
    for (const [who, role, unit] of [
      ['officer', 'officer', 'VN-01'],
      ['ministry', 'approver', 'VN'],
      ['hanoiApprover', 'approver', 'VN-01'],
    ] as const) {
      const user = await createUser(
        database(),
        { email: `${who}@workflow.test`, name: who, role, unit },
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

  const post = (who: string, url: string, payload: object) =>
    app.inject({ method: 'POST', url, headers: as[who], payload });
  const enter = (who: string, value: number, version?: number) =>
    post(who, '/api/data-values', {
      values: [
        {
          unit: 'VN-01',
          indicator: 'online_share',
          period: '2024',
          value,
          evidence: 'https://hanoi.gov.vn/report-2024.pdf',
          ...(version === undefined ? {} : { version }),
        },
      ],
    });
  const cell = async () => {
    const res = await app.inject({
      url: '/api/data?unit=VN-01&indicator=online_share&period=2024',
      headers: as.officer,
    });
    return res.json().items[0] as { value: number; status: string; version: number };
  };
  const vn01Score = async () => {
    const r = await app.inject('/api/results?framework=mini&period=2024');
    return r.json().items.find((i: { unit: string }) => i.unit === 'VN-01').nodes.online_share
      .score as number;
  };
  const key = { unit: 'VN-01', dataset: 'mini', period: '2024' };

  test('a draft does not change the published results until it is approved', async () => {
    assert.equal(await vn01Score(), 100); // 80 is the best online share of 2024
    const before = await cell();
    const res = await enter('officer', 30, before.version);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().items[0].status, 'draft');
    // Ha Noi's draft 30 is not public: the public still sees the approved 80 and the same results.
    const publicView = await app.inject('/api/data?unit=VN-01&indicator=online_share&period=2024');
    assert.equal(publicView.json().items[0].value, 80);
    assert.equal(publicView.json().items[0].status, 'approved');
    assert.equal(await vn01Score(), 100);
  });

  test('a stale version is refused with 409 and loses nothing', async () => {
    const now = await cell();
    const stale = await enter('officer', 31, now.version - 1);
    assert.equal(stale.statusCode, 409, stale.body);
    assert.match(stale.json().fields[0].field, /^body\.values\[0\]\.version$/);
    assert.deepEqual(await cell(), now);
  });

  test('submitted and approved data are locked; approval is by the level above, children first', async () => {
    // The officer may not approve, nor may Ha Noi's own approver approve Ha Noi.
    assert.equal((await post('officer', '/api/workflow/approve', key)).statusCode, 403);
    const submitted = await post('officer', '/api/workflow/submit', { ...key, version: 0 });
    assert.equal(submitted.statusCode, 200, submitted.body);
    assert.equal(submitted.json().state, 'submitted');
    assert.equal((await cell()).status, 'submitted');
    const locked = await enter('officer', 35);
    assert.equal(locked.statusCode, 409, locked.body);
    assert.match(locked.json().fields[0].message, /locked: mini for VN-01 2024 is submitted/);
    assert.equal((await post('hanoiApprover', '/api/workflow/approve', key)).statusCode, 403);

    // The country cannot be approved before its provinces are.
    const early = await post('ministry', '/api/workflow/approve', { ...key, unit: 'VN' });
    assert.equal(early.statusCode, 403, 'the ministry approves the units below VN, not VN');

    const approved = await post('ministry', '/api/workflow/approve', { ...key, version: 1 });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().state, 'approved');
    assert.equal((await cell()).status, 'approved');
    assert.equal(await vn01Score(), 0, 'the approved 30 is now the worst online share');

    // Locked: neither the form nor an import may change it.
    assert.equal((await enter('admin', 36)).statusCode, 409);
    const imported = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...as.admin, 'content-type': 'text/csv' },
      body: 'unit,indicator,period,value\nVN-02,days,2024,9\nVN-01,online_share,2024,37\n',
    });
    assert.equal(imported.statusCode, 422, imported.body);
    assert.deepEqual(
      imported.json().report.problems.map((p: { row: number; field: string }) => [p.row, p.field]),
      [[3, 'value']],
    );
    assert.equal((await cell()).value, 30);
  });

  test('a parent is approved only when its children are', async () => {
    const admin = await post('admin', '/api/workflow/submit', { ...key, unit: 'VN' });
    assert.equal(admin.statusCode, 200, admin.body);
    const refused = await post('admin', '/api/workflow/approve', { ...key, unit: 'VN' });
    assert.equal(refused.statusCode, 409, refused.body);
    const waiting = refused.json().fields.map((f: { value: string }) => f.value);
    // VN-02 and VN-08 existed in 2024, have 2024 values and are not approved; VN25-08 did not
    // exist yet.
    assert.deepEqual(waiting, ['VN-02', 'VN-08']);
    // A province with no 2024 values of the index (VN-99) does not hold the country back.
    await database().db.insert(units).values({
      code: 'VN-99',
      level: 'province',
      parent: 'VN',
      nameEn: 'Silent',
      validFrom: '2000-01-01',
    });
    for (const unit of ['VN-02', 'VN-08']) {
      assert.equal((await post('admin', '/api/workflow/submit', { ...key, unit })).statusCode, 200);
      assert.equal(
        (await post('admin', '/api/workflow/approve', { ...key, unit })).statusCode,
        200,
      );
    }
    const approved = await post('admin', '/api/workflow/approve', { ...key, unit: 'VN' });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().state, 'approved');
  });

  test('reopening needs a reason; then the correction flows through again', async () => {
    const noReason = await post('ministry', '/api/workflow/reopen', key);
    assert.equal(noReason.statusCode, 422, noReason.body);
    const reopened = await post('ministry', '/api/workflow/reopen', {
      ...key,
      reason: 'the online share excludes district services',
    });
    assert.equal(reopened.statusCode, 200, reopened.body);
    assert.equal(reopened.json().state, 'reopened');
    const corrected = await enter('officer', 42, (await cell()).version);
    assert.equal(corrected.statusCode, 200, corrected.body);
    assert.equal((await post('officer', '/api/workflow/submit', key)).statusCode, 200);
    assert.equal((await post('ministry', '/api/workflow/approve', key)).statusCode, 200);
    assert.equal((await cell()).value, 42);
  });

  test('the state of a data set that does not exist is a 404 naming it, not a draft', async () => {
    const known = await app.inject({
      url: '/api/workflow?unit=VN-01&dataset=mini&period=2024',
      headers: as.admin,
    });
    assert.equal(known.statusCode, 200, known.body);
    for (const dataset of ['nope', 'MINI', 'mini ']) {
      const res = await app.inject({
        url: `/api/workflow?${new URLSearchParams({ unit: 'VN-01', dataset, period: '2024' })}`,
        headers: as.admin,
      });
      assert.equal(res.statusCode, 404, res.body);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      assert.equal(res.json().status, 404);
      assert.equal(res.json().detail, `there is no framework or criteria model "${dataset}"`);
    }
  });

  test("the audit trail tells the value's story: entry, submission, approval, reopening, correction", async () => {
    const res = await app.inject({
      url: `/api/audit?unit=VN-01&limit=1000`,
      headers: as.admin,
    });
    assert.equal(res.statusCode, 200, res.body);
    const story = (
      res.json().items as {
        entity: string;
        entity_key: string;
        action: string;
        actor: string;
        via: string;
        before: { value?: number; state?: string } | null;
        after: { value?: number; state?: string } | null;
      }[]
    )
      .filter(
        (r) => r.entity_key === 'VN-01|online_share|2024' || r.entity_key === 'VN-01|mini|2024',
      )
      .map((r) => [
        r.entity,
        r.action,
        r.actor,
        r.before?.value ?? r.before?.state ?? null,
        r.after?.value ?? r.after?.state ?? null,
      ]);
    assert.deepEqual(story, [
      ['data_value', 'update', 'officer@workflow.test', 80, 30],
      ['workflow', 'submit', 'officer@workflow.test', 'draft', 'submitted'],
      ['workflow', 'approve', 'ministry@workflow.test', 'submitted', 'approved'],
      ['workflow', 'reopen', 'ministry@workflow.test', 'approved', 'reopened'],
      ['data_value', 'update', 'officer@workflow.test', 30, 42],
      ['workflow', 'submit', 'officer@workflow.test', 'reopened', 'submitted'],
      ['workflow', 'approve', 'ministry@workflow.test', 'submitted', 'approved'],
    ]);
    const first = res
      .json()
      .items.find((r: { entity_key: string }) => r.entity_key === 'VN-01|online_share|2024');
    assert.equal(first.via, 'token');
    assert.ok(first.address, 'the client address is recorded');
  });

  test('audit rows cannot be changed, even with SQL', async () => {
    await assert.rejects(
      () => database().query(`update audit_log set actor = 'someone else'`),
      /append-only/,
    );
    await assert.rejects(() => database().query('delete from audit_log'), /append-only/);
  });
});

// Ninh Bình's officer (demo) belongs to VN-37, which ended on 2025-06-30: it cannot submit 2026,
// nor a data set in which nothing was entered; what it entered in a period of VN-37 it submits.
onEachDatabase('submission follows the unit and its values (demo)', (database) => {
  let app: FastifyInstance;
  let as: Record<string, Record<string, string>>;
  before(async () => {
    await loadDemo(database());
    app = await testApp(database());
    as = await demoSessions(app, [['officer', 'officer.ninhbinh@demo.dxmon.org']]);
  });
  after(() => app?.close());

  const submit = (payload: object) =>
    app.inject({ method: 'POST', url: '/api/workflow/submit', headers: as.officer, payload });
  /** The rows a submission writes: a refused one must leave each unchanged. */
  const written = async () =>
    (
      await database().query<{ states: string; audit: string; submitted: string }>(
        `select (select count(*) from workflow_states) as states,
                (select count(*) from audit_log) as audit,
                (select count(*) from data_values where status = 'submitted') as submitted`,
      )
    ).rows[0];

  test('a period after the unit ended: 422 naming the period and when the unit existed', async () => {
    const before = await written();
    const res = await submit({ unit: 'VN-37', dataset: 'dti-province', period: '2026' });
    assert.equal(res.statusCode, 422, res.body);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    assert.equal(
      res.json().detail,
      'VN-37 did not exist in 2026: it existed from 2008-08-01 to 2025-06-30',
    );
    assert.deepEqual(
      res.json().fields.map((f: { field: string; value: string }) => [f.field, f.value]),
      [['period', '2026']],
    );
    assert.match(res.json().fields[0].message, /2008-08-01 to 2025-06-30/);
    // Before a unit began, too: the 2025 Ninh Bình (VN25-37) did not exist in 2024.
    const admin = await demoSessions(app, [['admin', 'admin@demo.dxmon.org']]);
    const early = await app.inject({
      method: 'POST',
      url: '/api/workflow/submit',
      headers: admin.admin,
      payload: { unit: 'VN25-37', dataset: 'dti-province', period: '2024' },
    });
    assert.equal(early.statusCode, 422, early.body);
    assert.equal(early.json().detail, 'VN25-37 did not exist in 2024: it exists from 2025-07-01');
    assert.deepEqual(await written(), before, 'nothing written');
    const state = await app.inject({
      url: '/api/workflow?unit=VN-37&dataset=dti-province&period=2026',
      headers: as.officer,
    });
    assert.equal(state.json().state, 'draft');
    assert.equal(state.json().version, 0);
  });

  test('a data set with no values: 422 "no values entered for ..."; nothing written', async () => {
    const before = await written();
    // VN-37 existed in the first half of 2025, but nothing of the index was entered for it.
    const res = await submit({ unit: 'VN-37', dataset: 'dti-province', period: '2025' });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().detail, 'no values entered for dti-province VN-37 2025');
    assert.equal(res.json().fields[0].field, 'dataset');
    const commune = await submit({
      unit: 'VN-37-C001',
      dataset: 'commune-dx-model',
      period: '2025',
    });
    assert.equal(commune.statusCode, 422, commune.body);
    assert.equal(commune.json().detail, 'no values entered for commune-dx-model VN-37-C001 2025');
    assert.deepEqual(await written(), before, 'nothing written');
  });

  test('what was entered in a period of the unit is submitted', async () => {
    const entered = await app.inject({
      method: 'POST',
      url: '/api/data-values',
      headers: as.officer,
      payload: {
        values: [{ unit: 'VN-37-C001', indicator: 'c_portal', period: '2025', value: 1 }],
      },
    });
    assert.equal(entered.statusCode, 200, entered.body);
    const res = await submit({
      unit: 'VN-37-C001',
      dataset: 'commune-dx-model',
      period: '2025',
      version: 0,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().state, 'submitted');
    // A province whose communes entered values submits its own checklist (values below it).
    const province = await submit({ unit: 'VN-37', dataset: 'commune-dx-model', period: '2025' });
    assert.equal(province.statusCode, 200, province.body);
    // And the demo's approved 2024 index of VN-37.
    const index = await submit({ unit: 'VN-37', dataset: 'dti-province', period: '2024' });
    assert.equal(index.statusCode, 200, index.body);
    assert.equal(index.json().state, 'submitted');
  });
});
