import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assessTarget } from '@dxmon/engine';
import type { FastifyInstance } from 'fastify';
import { demoPassword, loadDemo } from '../src/demo/loadDemo.js';
import { contentRevision } from '../src/services/dataRevision.js';
import { onEachDatabase } from './databases.js';
import { demoSessions, type Headers, sendAs, testApp } from './fixtures.js';

// Writing plans and targets through the API, on the demo. The independent check of a new target's
// assessment: the engine's `assessTarget` run here on the series that GET /api/data publishes,
// and the demo's own target TQ-ONLINE, which the new one copies into another plan.

interface Problem {
  status: number;
  fields: { field: string; message: string; value?: unknown }[];
}

const plan = {
  id: 'TQ-TEST/2026',
  name: 'Tuyên Quang test plan',
  unit: 'VN-08',
  adopted_on: '2024-01-15',
};
// TQ-ONLINE of the demo (targets.csv), in the new plan.
const target = {
  id: 'TQ-TEST-ONLINE',
  plan: plan.id,
  unit: 'VN-08',
  indicator: 'online_services_share',
  name: 'Public services fully online: 80% by 2025',
  direction: 1,
  baseline_period: '2021',
  target_period: '2025',
  target_value: 80,
};
/** The fields of an assessment that depend on the data and the target, not on its id or plan. */
const assessed = [
  'unit',
  'indicator',
  'direction',
  'baseline_period',
  'baseline_value',
  'latest_period',
  'latest_value',
  'target_period',
  'target_value',
  'projected_value',
  'required_growth',
  'observed_growth',
  'progress',
  'status',
  'grade',
  'method',
] as const;

onEachDatabase('plan and target administration', (database) => {
  let app: FastifyInstance;
  let as: Record<string, Headers> = {};
  before(async () => {
    await loadDemo(database());
    app = await testApp(database());
    as = await demoSessions(app, [
      ['admin', 'admin@demo.dxmon.org'],
      ['analyst', 'analyst@demo.dxmon.org'],
      ['approver', 'approver@demo.dxmon.org'],
      ['officer', 'officer.tuyenquang@demo.dxmon.org'],
      ['viewer', 'viewer@demo.dxmon.org'],
    ] as const);
  });
  after(() => app?.close());

  const send = (
    who: string,
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: Record<string, unknown>,
  ) => sendAs(app, as, who, method, url, payload);
  const targets = async (query: string) =>
    (await app.inject(`/api/targets?${query}`)).json().items as Record<string, unknown>[];
  const counts = async () => {
    const { rows } = await database().query<{ plans: number; targets: number; audit: number }>(
      `select (select count(*)::int from plans) as plans, (select count(*)::int from targets) as targets,
              (select count(*)::int from audit_log) as audit`,
    );
    return { ...rows[0], revision: await contentRevision(database()) };
  };
  const fieldsOf = (body: Problem) =>
    Object.fromEntries(body.fields.map((f) => [f.field, f.value]));

  test('only admins and analysts write: 401 anonymous, 403 the other roles, nothing written', async () => {
    const before = await counts();
    const writes: [string, 'POST' | 'PATCH' | 'DELETE', string, Record<string, unknown>?][] = [
      ['POST /api/plans', 'POST', '/api/plans', { ...plan, id: 'NOPE' }],
      ['PATCH /api/plans/:id', 'PATCH', '/api/plans/48-NQ%2FTU', { name: 'renamed' }],
      ['POST /api/targets', 'POST', '/api/targets', { ...target, plan: '48-NQ/TU', id: 'NOPE' }],
      ['PATCH /api/targets/:id', 'PATCH', '/api/targets/TQ-ONLINE', { target_value: 1 }],
      ['DELETE /api/targets/:id', 'DELETE', '/api/targets/TQ-ONLINE'],
    ];
    for (const [name, method, url, payload] of writes) {
      for (const who of ['anonymous', 'officer', 'approver', 'viewer']) {
        const res = await send(who, method, url, payload);
        assert.equal(res.statusCode, who === 'anonymous' ? 401 : 403, `${name} as ${who}`);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
        assert.equal(res.json().status, res.statusCode);
      }
    }
    // Refused before the body is looked at: a bad body from a viewer is still a 403.
    assert.equal((await send('viewer', 'POST', '/api/plans', { id: 1 })).statusCode, 403);
    assert.deepEqual(await counts(), before);
  });

  test('a write with the session cookie needs the CSRF header', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'analyst@demo.dxmon.org', password: demoPassword },
    });
    const cookie = { dxmon_session: login.json().token as string };
    const patch = (headers: Headers) =>
      app.inject({
        method: 'PATCH',
        url: '/api/plans/NB-DX-2025',
        cookies: cookie,
        headers,
        payload: { adopted_on: '2021-07-01' },
      });
    const refused = await patch({});
    assert.equal(refused.statusCode, 403);
    assert.match(refused.json().detail, /x-csrf-token/);
    const done = await patch({ 'x-csrf-token': login.json().csrf_token });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().adopted_on, '2021-07-01');
  });

  test('an admin creates a plan and a target; the target is assessed on the stored data', async () => {
    const created = await send('admin', 'POST', '/api/plans', plan);
    assert.equal(created.statusCode, 201, created.body);
    assert.deepEqual(created.json(), {
      ...plan,
      summary: {
        plan: plan.id,
        total: 0,
        achieved: 0,
        on_track: 0,
        off_track: 0,
        regressing: 0,
        insufficient_data: 0,
        share_achieved: 0,
      },
    });
    const made = await send('analyst', 'POST', '/api/targets', target);
    assert.equal(made.statusCode, 201, made.body);
    assert.equal(made.json().id, target.id);
    assert.equal(made.json().name, target.name);

    const [listed] = await targets(`plan=${encodeURIComponent(plan.id)}`);
    assert.deepEqual(listed, made.json(), 'the write answers what GET /api/targets lists');
    const [demo] = (await targets('plan=48-NQ/TU')).filter((t) => t.id === 'TQ-ONLINE');
    assert.ok(demo && listed);
    for (const key of assessed) assert.deepEqual(listed[key], demo[key], key);

    // The engine on the published series, independently of the targets service.
    const data = (
      await app.inject('/api/data?unit=VN-08&indicator=online_services_share&limit=10000')
    ).json().items as { period: string; value: number | null }[];
    const series = data.flatMap((d) => (d.value === null ? [] : [{ ...d, value: d.value }]));
    assert.ok(series.length >= 3, 'the demo has a series for VN-08');
    const expected = assessTarget(
      { ...target, direction: 1, name: target.name },
      series.map(({ period, value }) => ({ period, value })),
    );
    assert.equal(listed.status, expected.status);
    assert.equal(listed.latest_period, expected.latest_period);
    assert.ok(Math.abs((listed.progress as number) - expected.progress) < 1e-12);
    assert.ok(listed.status !== 'insufficient-data' && listed.latest_value !== null);

    const plans = (await app.inject('/api/plans?unit=VN-08')).json().items;
    const mine = plans.find((p: { id: string }) => p.id === plan.id);
    assert.equal(mine.summary.total, 1);
    assert.equal(mine.summary[String(listed.status).replace('-', '_')], 1);
  });

  test('a change shows at once in the cached public reads', async () => {
    const url = `/api/targets?plan=${encodeURIComponent(plan.id)}`;
    const first = await app.inject(url);
    const cached = await app.inject(url);
    assert.equal(cached.headers.etag, first.headers.etag);
    const latest = first.json().items[0].latest_value as number;
    assert.notEqual(first.json().items[0].status, 'achieved');

    const patched = await send('admin', 'PATCH', `/api/targets/${target.id}`, {
      target_value: latest - 10,
      name: null,
    });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(patched.json().status, 'achieved');
    assert.equal(patched.json().name, null);

    const fresh = await app.inject({
      url,
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    assert.equal(fresh.statusCode, 200, 'the old ETag no longer matches');
    assert.notEqual(fresh.headers.etag, first.headers.etag);
    assert.deepEqual(fresh.json().items[0], patched.json());

    const plansUrl = '/api/plans?unit=VN-08';
    const beforeRename = (await app.inject(plansUrl)).json();
    const renamed = await send('analyst', 'PATCH', `/api/plans/${encodeURIComponent(plan.id)}`, {
      name: 'Renamed test plan',
      adopted_on: null,
    });
    assert.equal(renamed.statusCode, 200, renamed.body);
    assert.equal(renamed.json().name, 'Renamed test plan');
    assert.equal(renamed.json().adopted_on, null);
    assert.equal(renamed.json().unit, 'VN-08');
    assert.equal(renamed.json().summary.achieved, 1);
    const afterRename = (await app.inject(plansUrl)).json();
    assert.notDeepEqual(afterRename, beforeRename);
    assert.deepEqual(
      afterRename.items.find((p: { id: string }) => p.id === plan.id),
      renamed.json(),
    );
  });

  test('bad fields are named with their values, and nothing is written', async () => {
    const before = await counts();
    const bad = async (
      method: 'POST' | 'PATCH',
      url: string,
      payload: Record<string, unknown>,
      status: number,
      fields: Record<string, unknown>,
    ) => {
      const res = await send('admin', method, url, payload);
      assert.equal(res.statusCode, status, `${JSON.stringify(payload)}: ${res.body}`);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      const body = res.json() as Problem;
      assert.deepEqual(fieldsOf(body), fields, JSON.stringify(body));
      for (const f of body.fields) assert.ok(f.message.length > 0);
    };
    const t = { ...target, id: 'TQ-TEST-BAD' };
    await bad('POST', '/api/targets', { ...t, target_value: 'lots' }, 400, {
      'body.target_value': 'lots',
    });
    await bad('POST', '/api/targets', { ...t, direction: 2 }, 400, { 'body.direction': 2 });
    await bad('POST', '/api/targets', { ...t, target_period: '2025Q5' }, 422, {
      'body.target_period': '2025Q5',
    });
    await bad('POST', '/api/targets', { ...t, baseline_period: '2026' }, 422, {
      'body.target_period': '2025',
    });
    await bad('POST', '/api/targets', { ...t, baseline_period: null, baseline_value: 35 }, 422, {
      'body.baseline_period': undefined,
    });
    await bad(
      'POST',
      '/api/targets',
      { ...t, plan: 'NO-PLAN', unit: 'VN-99', indicator: 'no_such_series' },
      422,
      { 'body.plan': 'NO-PLAN', 'body.unit': 'VN-99', 'body.indicator': 'no_such_series' },
    );
    // A framework indicator computed from other elements has no series of its own to follow.
    const computed = await send('admin', 'POST', '/api/targets', {
      ...t,
      indicator: 'dx_media_per_100k',
    });
    assert.equal(computed.statusCode, 422);
    assert.deepEqual(computed.json().fields, [
      {
        field: 'body.indicator',
        message:
          'an indicator of framework "dti-province" without a stored series: targets follow a data element',
        value: 'dx_media_per_100k',
      },
    ]);
    await bad('POST', '/api/targets', { ...t, id: target.id }, 409, { 'body.id': target.id });
    await bad('PATCH', `/api/targets/${target.id}`, { baseline_period: '2025' }, 422, {
      'body.target_period': '2025',
    });
    await bad('PATCH', `/api/targets/${target.id}`, { unit: 'VN-99' }, 422, {
      'body.unit': 'VN-99',
    });
    await bad('PATCH', `/api/targets/${target.id}`, {}, 400, { body: undefined });
    await bad('POST', '/api/plans', { ...plan, id: 'P2', unit: 'VN-99' }, 422, {
      'body.unit': 'VN-99',
    });
    await bad('POST', '/api/plans', { ...plan, id: 'P2', adopted_on: '2024-02-30' }, 400, {
      'body.adopted_on': '2024-02-30',
    });
    await bad('POST', '/api/plans', { ...plan, id: 'P2', name: '  ' }, 422, {
      'body.name': undefined,
    });
    await bad('POST', '/api/plans', plan, 409, { 'body.id': plan.id });
    await bad('PATCH', `/api/plans/${encodeURIComponent(plan.id)}`, { unit: 'VN-99' }, 422, {
      'body.unit': 'VN-99',
    });
    for (const [method, url] of [
      ['PATCH', '/api/targets/NO-SUCH'],
      ['DELETE', '/api/targets/NO-SUCH'],
      ['PATCH', '/api/plans/NO-SUCH'],
    ] as const) {
      const res = await send('admin', method, url, method === 'DELETE' ? undefined : { name: 'x' });
      assert.equal(res.statusCode, 404, `${method} ${url}`);
      assert.match(res.json().detail, /NO-SUCH/);
    }
    assert.deepEqual(await counts(), before, 'no row, audit entry or revision was written');
  });

  test('a deleted target is gone from the reads, and audited', async () => {
    const url = `/api/targets?plan=${encodeURIComponent(plan.id)}`;
    assert.equal((await app.inject(url)).json().items.length, 1);
    const deleted = await send('admin', 'DELETE', `/api/targets/${target.id}`);
    assert.equal(deleted.statusCode, 200, deleted.body);
    assert.equal(deleted.json().id, target.id);
    assert.equal(deleted.json().indicator, target.indicator);
    assert.deepEqual((await app.inject(url)).json().items, []);
    assert.equal(
      (await app.inject('/api/plans?unit=VN-08'))
        .json()
        .items.find((p: { id: string }) => p.id === plan.id).summary.total,
      0,
    );
    assert.equal((await send('admin', 'DELETE', `/api/targets/${target.id}`)).statusCode, 404);
  });

  test('every write is in the audit trail with the record before and after', async () => {
    const audit = async (query: string) =>
      (await app.inject({ url: `/api/audit?${query}`, headers: as.admin as Headers })).json()
        .items as {
        entity_key: string;
        actor: string;
        unit: string | null;
        action: string;
        before: Record<string, unknown> | null;
        after: Record<string, unknown> | null;
      }[];
    const rows = (await audit('entity=target')).filter((r) => r.entity_key === target.id);
    assert.deepEqual(
      rows.map((r) => [r.action, r.actor, r.unit]),
      [
        ['create', 'analyst@demo.dxmon.org', 'VN-08'],
        ['update', 'admin@demo.dxmon.org', 'VN-08'],
        ['delete', 'admin@demo.dxmon.org', 'VN-08'],
      ],
    );
    const [create, update, remove] = rows;
    assert.equal(create?.before, null);
    assert.equal(create?.after?.target_value, 80);
    assert.equal(update?.before?.target_value, 80);
    assert.equal(update?.before?.name, target.name);
    assert.equal(update?.after?.name, null);
    assert.notEqual(update?.after?.target_value, 80);
    assert.deepEqual(remove?.before, update?.after);
    assert.equal(remove?.after, null);

    const plans = await audit(`entity=plan&key=${encodeURIComponent(plan.id)}`);
    assert.deepEqual(
      plans.map((r) => r.action),
      ['create', 'update'],
    );
    assert.deepEqual(plans[0]?.after, plan);
    assert.equal(plans[1]?.before?.adopted_on, plan.adopted_on);
    assert.equal(plans[1]?.after?.adopted_on, null);
    assert.equal(plans[1]?.after?.name, 'Renamed test plan');
    // The cookie-authenticated change of the demo plan earlier, by the analyst's session.
    const nb = await audit('entity=plan&key=NB-DX-2025');
    assert.equal(nb.length, 1);
    assert.equal(nb[0]?.actor, 'analyst@demo.dxmon.org');
  });

  test('the write routes are in the OpenAPI document with summaries', async () => {
    const paths = (await app.inject('/api/docs/json')).json().paths as Record<
      string,
      Record<string, { summary?: string; tags?: string[] }>
    >;
    for (const [path, method] of [
      ['/api/plans', 'post'],
      ['/api/plans/{id}', 'patch'],
      ['/api/targets', 'post'],
      ['/api/targets/{id}', 'patch'],
      ['/api/targets/{id}', 'delete'],
    ] as const) {
      const op = paths[path]?.[method];
      assert.ok(op?.summary, `${method} ${path}`);
      assert.deepEqual(op.tags, ['targets']);
    }
  });
});
