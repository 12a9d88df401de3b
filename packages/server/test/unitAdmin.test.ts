import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { demoPassword, loadDemo } from '../src/demo/loadDemo.js';
import { contentRevision, dataRevision } from '../src/services/dataRevision.js';
import { onEachDatabase } from './databases.js';
import { demoSessions, type Headers, sendAs, testApp } from './fixtures.js';

// Writing units and lineage through the API, on the demo. The independent checks: what the public
// reads (GET /api/units, /api/results, profiles) show right after each write, the counts of the
// data values that a refused closing names against GET /api/data, and the audit trail.

interface Problem {
  status: number;
  detail: string;
  fields: { field: string; message: string; value?: unknown }[];
}

// A commune of the 2025 province of Ninh Binh (VN25-37, from 2025-07-01).
const commune = {
  code: 'VN25-37-T001',
  level: 'commune',
  parent: 'VN25-37',
  names: { en: 'Test Commune', vi: 'Xã Thử', ar: 'بلدية تجريبية' },
  valid_from: '2025-07-01',
  attributes: { region: 'Red River Delta' },
};
const testUnit = (code: string, validFrom = '2025-07-01') => ({
  code,
  level: 'commune',
  parent: 'VN25-37',
  names: { en: `Commune ${code}` },
  valid_from: validFrom,
});

onEachDatabase('unit and lineage administration', (database) => {
  let app: FastifyInstance;
  let as: Record<string, Headers> = {};
  before(async () => {
    await loadDemo(database());
    app = await testApp(database());
    as = await demoSessions(app, [
      ['admin', 'admin@demo.dxmon.org'],
      ['analyst', 'analyst@demo.dxmon.org'],
      ['officer', 'officer.ninhbinh@demo.dxmon.org'],
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
  const created = async (payload: Record<string, unknown>) => {
    const res = await send('admin', 'POST', '/api/units', payload);
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };
  const counts = async () => {
    const { rows } = await database().query<{ units: number; lineage: number; audit: number }>(
      `select (select count(*)::int from units) as units,
              (select count(*)::int from lineage_events) as lineage,
              (select count(*)::int from audit_log) as audit`,
    );
    return {
      ...rows[0],
      content: await contentRevision(database()),
      data: await dataRevision(database()),
    };
  };
  const fieldsOf = (body: Problem) =>
    Object.fromEntries(body.fields.map((f) => [f.field, f.value]));
  const unit = async (code: string) => (await app.inject(`/api/units/${code}`)).json();

  test('only admins write units and lineage: 401 anonymous, 403 the other roles, nothing written', async () => {
    const before = await counts();
    const writes: [string, 'POST' | 'PATCH' | 'DELETE', string, Record<string, unknown>?][] = [
      ['POST /api/units', 'POST', '/api/units', { ...commune, code: 'NOPE' }],
      ['PATCH /api/units/:code', 'PATCH', '/api/units/VN-01', { names: { en: 'renamed' } }],
      [
        'POST /api/lineage',
        'POST',
        '/api/lineage',
        { event: 'rename', date: '2025-07-01', predecessors: ['VN-01'], successors: ['VN25-08'] },
      ],
      ['DELETE /api/lineage/:id', 'DELETE', '/api/lineage/1'],
    ];
    for (const [name, method, url, payload] of writes) {
      for (const who of ['anonymous', 'analyst', 'officer', 'viewer']) {
        const res = await send(who, method, url, payload);
        assert.equal(res.statusCode, who === 'anonymous' ? 401 : 403, `${name} as ${who}`);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
        assert.equal(res.json().status, res.statusCode);
        if (who === 'analyst') assert.match(res.json().detail, /needs the role admin/);
      }
    }
    // Refused before the body is looked at: a bad body from an analyst is still a 403.
    assert.equal((await send('analyst', 'POST', '/api/units', { code: 1 })).statusCode, 403);
    assert.deepEqual(await counts(), before);
  });

  test('a write with the session cookie needs the CSRF header', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@demo.dxmon.org', password: demoPassword },
    });
    const cookie = { dxmon_session: login.json().token as string };
    const patch = (headers: Headers) =>
      app.inject({
        method: 'PATCH',
        url: '/api/units/VN-04',
        cookies: cookie,
        headers,
        payload: { attributes: { region: 'Northern Midlands and Mountains', note: 'checked' } },
      });
    const refused = await patch({});
    assert.equal(refused.statusCode, 403);
    assert.match(refused.json().detail, /x-csrf-token/);
    const done = await patch({ 'x-csrf-token': login.json().csrf_token });
    assert.equal(done.statusCode, 200, done.body);
    assert.deepEqual(done.json().attributes, {
      region: 'Northern Midlands and Mountains',
      note: 'checked',
    });
  });

  test('an admin creates a commune under a province; GET /api/units?parent= lists it at once', async () => {
    const url = '/api/units?parent=VN25-37';
    const first = await app.inject(url);
    assert.equal(first.statusCode, 200);
    assert.equal(first.json().total, 0, 'the demo has no communes of the 2025 province');
    assert.equal((await app.inject(url)).headers.etag, first.headers.etag, 'cached');

    const body = await created(commune);
    const expected = {
      ...commune,
      valid_to: null,
      predecessors: [],
      successors: [],
    };
    assert.deepEqual(body, expected);
    assert.deepEqual(await unit(commune.code), expected, 'the answer is what GET gives');

    const fresh = await app.inject({
      url,
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    assert.equal(fresh.statusCode, 200, 'the old ETag no longer matches');
    const { predecessors: _, successors: __, ...listed } = expected;
    assert.deepEqual(fresh.json().items, [listed]);
    // Between the dates it existed only.
    assert.equal((await app.inject(`${url}&at=2025-12-31`)).json().total, 1);
    assert.equal((await app.inject(`${url}&at=2025-06-30`)).json().total, 0);

    // Optional fields left out: no parent, no other names, no attributes.
    const bare = await created({
      code: 'XX',
      level: 'country',
      names: { en: 'Test country' },
      valid_from: '2000-01-01',
      valid_to: '2000-12-31',
    });
    assert.deepEqual(bare.names, { en: 'Test country', vi: null, ar: null });
    assert.equal(bare.parent, null);
    assert.deepEqual(bare.attributes, {});
    assert.equal(bare.valid_to, '2000-12-31');
  });

  test('a change of names shows at once in the cached reads, results and profiles included', async () => {
    const url = `/api/units/${commune.code}`;
    const first = await app.inject(url);
    const patched = await send('admin', 'PATCH', url, { names: { vi: 'Xã Thử Nghiệm', ar: null } });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.deepEqual(patched.json().names, { en: 'Test Commune', vi: 'Xã Thử Nghiệm', ar: null });
    const fresh = await app.inject(url);
    assert.notEqual(fresh.headers.etag, first.headers.etag);
    assert.deepEqual(fresh.json(), patched.json());
    const listed = (await app.inject('/api/units?parent=VN25-37')).json().items;
    assert.deepEqual(listed[0].names, patched.json().names);

    // Results and profiles are computed and kept in memory per data revision: a unit's new name
    // shows there at once too.
    const resultsUrl = '/api/results?framework=dti-province&period=2025&level=province';
    const profileUrl = '/api/units/VN25-08/profile?framework=dti-province&period=2025';
    const nameIn = async () => {
      const results = (await app.inject(resultsUrl)).json();
      const profile = (await app.inject(profileUrl)).json();
      return [
        results.items.find((i: { unit: string }) => i.unit === 'VN25-08').names.en,
        profile.unit.names.en,
      ];
    };
    assert.deepEqual(await nameIn(), ['Tuyen Quang', 'Tuyen Quang']);
    const renamed = await send('admin', 'PATCH', '/api/units/VN25-08', {
      names: { en: 'Tuyen Quang (renamed)' },
    });
    assert.equal(renamed.statusCode, 200, renamed.body);
    assert.equal(renamed.json().names.vi, 'Tuyên Quang', 'names not given are kept');
    assert.deepEqual(
      renamed.json().predecessors.map((p: { code: string }) => p.code),
      ['VN-02', 'VN-08'],
    );
    assert.deepEqual(await nameIn(), ['Tuyen Quang (renamed)', 'Tuyen Quang (renamed)']);
    const back = await send('admin', 'PATCH', '/api/units/VN25-08', {
      names: { en: 'Tuyen Quang' },
    });
    assert.equal(back.statusCode, 200, back.body);
    assert.deepEqual(await nameIn(), ['Tuyen Quang', 'Tuyen Quang']);
  });

  test('closing a unit with data values after the day is refused, naming the periods', async () => {
    const before = await counts();
    const total = async (period: string) =>
      (await app.inject(`/api/data?unit=VN-01&period=${period}&limit=1`)).json().total as number;
    const [n2025, n2026] = [await total('2025'), await total('2026')];
    assert.ok(n2025 > 0 && n2026 > 0, 'the demo has values of Ha Noi in 2025 and 2026');

    const refused = await send('admin', 'PATCH', '/api/units/VN-01', { valid_to: '2024-12-31' });
    assert.equal(refused.statusCode, 422, refused.body);
    const body = refused.json() as Problem;
    assert.deepEqual(fieldsOf(body), { 'body.valid_to': '2024-12-31' });
    assert.equal(
      body.fields[0]?.message,
      `${n2025 + n2026} data values of VN-01 are for periods after 2024-12-31, which would be left without their unit: 2025 (${n2025}), 2026 (${n2026})`,
    );
    assert.match(body.detail, /nothing was written/);

    // A period that began by the last day keeps its unit: 2026 values stay with a unit ending mid-2026.
    const before2020 = await send('admin', 'PATCH', '/api/units/VN-01', { valid_to: '2000-01-01' });
    assert.equal(before2020.statusCode, 422);
    assert.deepEqual(fieldsOf(before2020.json()), { 'body.valid_to': '2000-01-01' });
    assert.match(before2020.json().fields[0].message, /before the first \(valid_from 2008-08-01\)/);
    assert.deepEqual(await counts(), before, 'nothing written');

    const closed = await send('admin', 'PATCH', '/api/units/VN-01', { valid_to: '2026-06-30' });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json().valid_to, '2026-06-30');
    assert.equal((await app.inject('/api/units?level=province&at=2026-07-01')).json().total, 33);
    const reopened = await send('admin', 'PATCH', '/api/units/VN-01', { valid_to: null });
    assert.equal(reopened.statusCode, 200, reopened.body);
    assert.equal(reopened.json().valid_to, null);
    assert.equal((await app.inject('/api/units?level=province&at=2026-07-01')).json().total, 34);
  });

  test('a merge of two units into a new one shows as predecessors and successors', async () => {
    await created(testUnit('VN25-37-T002'));
    await created(testUnit('VN25-37-T003'));
    await created(testUnit('VN25-37-T023', '2026-01-01'));
    // A province is not closed before units below it begin (nor before its data's periods).
    const parent = await send('admin', 'PATCH', '/api/units/VN25-37', { valid_to: '2025-12-31' });
    assert.equal(parent.statusCode, 422);
    assert.deepEqual(
      parent.json().fields.map((f: { field: string }) => f.field),
      ['body.valid_to', 'body.valid_to'],
    );
    assert.match(
      parent.json().fields[0].message,
      /data values of VN25-37 are for periods after 2025-12-31, which would be left without their unit: 2026 \(\d+\)$/,
    );
    assert.equal(
      parent.json().fields[1].message,
      '1 unit below VN25-37 begin after 2025-12-31: VN25-37-T023 (from 2026-01-01)',
    );
    const url = '/api/units/VN25-37-T023';
    const first = await app.inject(url);
    const merge = {
      event: 'merge',
      date: '2026-01-01',
      predecessors: ['VN25-37-T002', 'VN25-37-T003'],
      successors: ['VN25-37-T023'],
      note: 'test merge',
    };
    const recorded = await send('admin', 'POST', '/api/lineage', merge);
    assert.equal(recorded.statusCode, 201, recorded.body);
    const { items, closed } = recorded.json();
    assert.deepEqual(closed, ['VN25-37-T002', 'VN25-37-T003'], 'open predecessors are closed');
    assert.deepEqual(
      items.map((r: Record<string, unknown>) => [
        r.event,
        r.date,
        r.predecessor,
        r.successor,
        r.note,
      ]),
      [
        ['merge', '2026-01-01', 'VN25-37-T002', 'VN25-37-T023', 'test merge'],
        ['merge', '2026-01-01', 'VN25-37-T003', 'VN25-37-T023', 'test merge'],
      ],
    );

    const successor = await app.inject(url);
    assert.notEqual(successor.headers.etag, first.headers.etag);
    assert.deepEqual(successor.json().predecessors, [
      { code: 'VN25-37-T002', event: 'merge', date: '2026-01-01' },
      { code: 'VN25-37-T003', event: 'merge', date: '2026-01-01' },
    ]);
    for (const code of merge.predecessors) {
      const p = await unit(code);
      assert.equal(p.valid_to, '2025-12-31');
      assert.deepEqual(p.successors, [
        { code: 'VN25-37-T023', event: 'merge', date: '2026-01-01' },
      ]);
    }
    const listed = (await app.inject('/api/lineage?unit=VN25-37-T023')).json();
    assert.equal(listed.total, 2);
    assert.deepEqual(listed.items, items);
    assert.equal((await app.inject('/api/lineage?event=merge&date=2025-07-01')).json().total, 52);

    // Recorded twice: a conflict, nothing written.
    const before = await counts();
    const again = await send('admin', 'POST', '/api/lineage', merge);
    assert.equal(again.statusCode, 409, again.body);
    assert.deepEqual(Object.keys(fieldsOf(again.json())), [
      'body.predecessors[0]',
      'body.predecessors[1]',
      'body.successors[0]',
    ]);
    assert.match(again.json().fields[0].message, /already recorded: merge of 2026-01-01/);
    // A predecessor's last day is fixed by its lineage.
    const reopen = await send('admin', 'PATCH', '/api/units/VN25-37-T002', { valid_to: null });
    assert.equal(reopen.statusCode, 422);
    assert.match(
      reopen.json().fields[0].message,
      /ends with the merge of 2026-01-01 into VN25-37-T023: its last day is 2025-12-31/,
    );
    assert.deepEqual(await counts(), before);
  });

  test('lineage that does not fit the units is refused, naming the field', async () => {
    await created(testUnit('VN25-37-T004'));
    await created(testUnit('VN25-37-T005', '2026-01-01'));
    await created(testUnit('VN25-37-T006', '2026-01-01'));
    // Values of T004 in 2026: closing it on 2025-12-31 would leave them without their unit.
    const entered = await send('admin', 'POST', '/api/data-values', {
      values: [{ unit: 'VN25-37-T004', indicator: 'population', period: '2026', value: 1200 }],
    });
    assert.equal(entered.statusCode, 200, entered.body);
    const before = await counts();
    const bad = async (
      payload: Record<string, unknown>,
      status: number,
      fields: Record<string, unknown>,
      message?: RegExp,
    ) => {
      const res = await send('admin', 'POST', '/api/lineage', payload);
      assert.equal(res.statusCode, status, `${JSON.stringify(payload)}: ${res.body}`);
      const body = res.json() as Problem;
      assert.deepEqual(fieldsOf(body), fields, JSON.stringify(body));
      if (message) assert.match(body.fields.map((f) => f.message).join('; '), message);
    };
    const split = { event: 'split', date: '2026-01-01', predecessors: ['VN25-37-T004'] };
    await bad(
      { ...split, successors: ['VN25-37-T005', 'VN25-37-T006'] },
      422,
      { 'body.predecessors[0]': 'VN25-37-T004' },
      /1 data value of VN25-37-T004 is for periods after 2025-12-31, which would be left without their unit: 2026 \(1\)/,
    );
    await bad(
      { ...split, successors: ['VN25-37-T005'] },
      422,
      { 'body.successors': undefined },
      /two or more successors/,
    );
    await bad(
      {
        event: 'merge',
        date: '2026-01-01',
        predecessors: ['VN25-37-T004'],
        successors: ['VN25-37-T005'],
      },
      422,
      { 'body.predecessors': undefined },
      /a merge has two or more predecessors/,
    );
    await bad(
      { event: 'rename', date: '2026-01-01', predecessors: ['VN-01'], successors: ['VN-99'] },
      422,
      { 'body.successors[0]': 'VN-99' },
      /no such unit/,
    );
    await bad(
      {
        event: 'rename',
        date: '2026-01-01',
        predecessors: ['VN-02'],
        successors: ['VN25-37-T005'],
      },
      422,
      { 'body.predecessors[0]': 'VN-02' },
      /VN-02 ends on 2025-06-30: a predecessor's last day is the day before the event, 2025-12-31/,
    );
    await bad(
      {
        event: 'rename',
        date: '2025-12-01',
        predecessors: ['VN-01'],
        successors: ['VN25-37-T005'],
      },
      422,
      { 'body.successors[0]': 'VN25-37-T005' },
      /begins on 2026-01-01: a successor begins on the day of the event, 2025-12-01/,
    );
    await bad(
      {
        event: 'merge',
        date: '2026-01-01',
        predecessors: ['VN-01', 'VN-01'],
        successors: ['VN-01'],
      },
      422,
      { 'body.predecessors[1]': 'VN-01', 'body.successors[0]': 'VN-01' },
      /given twice; .*cannot succeed itself/,
    );
    await bad({ ...split, event: 'annex', successors: [] }, 400, { 'body.event': 'annex' });
    await bad({ ...split, date: '2026-02-30', successors: [] }, 400, { 'body.date': '2026-02-30' });
    assert.deepEqual(await counts(), before, 'nothing written');
    // The open predecessor was not closed by the refused events.
    assert.equal((await unit('VN25-37-T004')).valid_to, null);
  });

  test('a wrongly recorded event is deleted by the id of one of its rows', async () => {
    const [row] = (await app.inject('/api/lineage?unit=VN25-37-T023')).json().items;
    const removed = await send('admin', 'DELETE', `/api/lineage/${row.id}`);
    assert.equal(removed.statusCode, 200, removed.body);
    assert.deepEqual(
      removed.json().items.map((r: { predecessor: string }) => r.predecessor),
      ['VN25-37-T002', 'VN25-37-T003'],
      'every row of the merge',
    );
    assert.deepEqual((await unit('VN25-37-T023')).predecessors, []);
    assert.deepEqual((await unit('VN25-37-T002')).successors, []);
    assert.equal((await send('admin', 'DELETE', `/api/lineage/${row.id}`)).statusCode, 404);
    // The units kept their last day; now free of the lineage, a predecessor reopens.
    const reopened = await send('admin', 'PATCH', '/api/units/VN25-37-T002', { valid_to: null });
    assert.equal(reopened.statusCode, 200, reopened.body);
    assert.equal(reopened.json().valid_to, null);
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
    const u = { ...commune, code: 'VN25-37-T099' };
    await bad('POST', '/api/units', { ...u, names: { en: 5 } }, 400, { 'body.names.en': 5 });
    await bad('POST', '/api/units', { ...u, names: { en: '  ' } }, 422, {
      'body.names.en': undefined,
    });
    await bad('POST', '/api/units', { ...u, code: 'bad code' }, 400, { 'body.code': 'bad code' });
    await bad('POST', '/api/units', { ...u, valid_from: '2025-02-30' }, 400, {
      'body.valid_from': '2025-02-30',
    });
    await bad('POST', '/api/units', { ...u, attributes: { region: 1 } }, 400, {
      'body.attributes.region': 1,
    });
    await bad('POST', '/api/units', { ...u, valid_to: '2025-06-30' }, 422, {
      'body.valid_to': '2025-06-30',
    });
    await bad('POST', '/api/units', { ...u, parent: 'VN-99' }, 422, { 'body.parent': 'VN-99' });
    // Ninh Binh of 2008-2025 ended the day before the commune begins.
    await bad('POST', '/api/units', { ...u, parent: 'VN-37' }, 422, { 'body.parent': 'VN-37' });
    await bad('POST', '/api/units', commune, 409, { 'body.code': commune.code });
    await bad('PATCH', '/api/units/VN-01', { code: 'VN-001' }, 400, { 'body.code': 'VN-001' });
    await bad('PATCH', '/api/units/VN-01', { valid_from: '2000-01-01' }, 400, {
      'body.valid_from': '2000-01-01',
    });
    await bad('PATCH', '/api/units/VN-01', {}, 400, { body: undefined });
    await bad('PATCH', '/api/units/VN-01', { names: { en: '' } }, 422, {
      'body.names.en': undefined,
    });
    await bad('PATCH', '/api/units/VN-01', { valid_to: '2025-13-01' }, 400, {
      'body.valid_to': '2025-13-01',
    });
    // A unit cannot be below itself.
    await bad('PATCH', '/api/units/VN', { parent: 'VN25-37' }, 422, { 'body.parent': 'VN25-37' });
    await bad('PATCH', '/api/units/VN25-37', { parent: 'VN25-37' }, 422, {
      'body.parent': 'VN25-37',
    });
    const missing = await send('admin', 'PATCH', '/api/units/VN-99', { names: { en: 'x' } });
    assert.equal(missing.statusCode, 404);
    assert.match(missing.json().detail, /VN-99/);
    assert.deepEqual(await counts(), before, 'no row, audit entry or revision was written');
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
    const rows = await audit(`entity=unit&key=${commune.code}`);
    assert.deepEqual(
      rows.map((r) => [r.action, r.actor, r.unit]),
      [
        ['create', 'admin@demo.dxmon.org', commune.code],
        ['update', 'admin@demo.dxmon.org', commune.code],
      ],
    );
    assert.equal(rows[0]?.before, null);
    assert.deepEqual(rows[0]?.after, { ...commune, valid_to: null });
    assert.deepEqual(rows[1]?.before, rows[0]?.after);
    assert.deepEqual(rows[1]?.after?.names, {
      en: 'Test Commune',
      vi: 'Xã Thử Nghiệm',
      ar: null,
    });

    const closing = await audit('entity=unit&key=VN25-37-T002');
    assert.deepEqual(
      closing.map((r) => r.action),
      ['create', 'update (closed by the merge of 2026-01-01)', 'update'],
    );
    assert.equal(closing[1]?.before?.valid_to, null);
    assert.equal(closing[1]?.after?.valid_to, '2025-12-31');
    assert.equal(closing[2]?.after?.valid_to, null);

    const lineage = await audit('entity=lineage');
    assert.deepEqual(
      lineage.map((r) => [r.action, r.unit, (r.after ?? r.before)?.predecessor]),
      [
        ['create', 'VN25-37-T023', 'VN25-37-T002'],
        ['create', 'VN25-37-T023', 'VN25-37-T003'],
        ['delete', 'VN25-37-T023', 'VN25-37-T002'],
        ['delete', 'VN25-37-T023', 'VN25-37-T003'],
      ],
    );
    assert.deepEqual(lineage[2]?.before, lineage[0]?.after);
    assert.equal(lineage[2]?.after, null);
    assert.equal(lineage[0]?.entity_key, String(lineage[0]?.after?.id));
  });

  test('the write routes are in the OpenAPI document with summaries', async () => {
    const paths = (await app.inject('/api/docs/json')).json().paths as Record<
      string,
      Record<string, { summary?: string; tags?: string[] }>
    >;
    for (const [path, method] of [
      ['/api/units', 'post'],
      ['/api/units/{code}', 'patch'],
      ['/api/lineage', 'get'],
      ['/api/lineage', 'post'],
      ['/api/lineage/{id}', 'delete'],
    ] as const) {
      const op = paths[path]?.[method];
      assert.ok(op?.summary, `${method} ${path}`);
      assert.deepEqual(op.tags, ['units']);
    }
  });
});
