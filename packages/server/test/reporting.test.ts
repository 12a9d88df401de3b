import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { demoRound } from '../src/demo/demoRound.js';
import { loadDemo } from '../src/demo/loadDemo.js';
import { onEachDatabase } from './databases.js';
import { demoSessions, type Headers, testApp } from './fixtures.js';

interface Status {
  level: string;
  parent: string;
  calendar: { due_on: string } | null;
  summary: {
    expected: number;
    with_values: number;
    submitted: number;
    on_time: number;
    late: number;
    overdue: number;
    approved: number;
    value_completeness: number;
  };
  items: {
    unit: string;
    state: string;
    submitted_at: string | null;
    approved_at: string | null;
    on_time: boolean | null;
    values: number;
  }[];
}

interface Problem {
  status: number;
  detail: string;
  fields: { field: string; message: string }[];
}

// Reporting rounds on the demo: its calendar for the provincial index 2026 (due 15 November
// 2026) and the round replayed by the demo loader (six provinces on time, three late, Tuyen
// Quang submitting as the demo loads), checked against counts made here with plain SQL.
onEachDatabase('reporting rounds on the demo', (database) => {
  let app: FastifyInstance;
  let as: Record<string, Headers>;
  before(async () => {
    await loadDemo(database());
    app = await testApp(database());
    as = await demoSessions(app, [
      ['analyst', 'analyst@demo.dxmon.org'],
      ['admin', 'admin@demo.dxmon.org'],
      ['officer', 'officer.ninhbinh@demo.dxmon.org'],
      ['approver', 'approver@demo.dxmon.org'],
      ['viewer', 'viewer@demo.dxmon.org'],
    ]);
  });
  after(() => app?.close());

  const status = async (query: string, who = 'analyst'): Promise<Status> => {
    const res = await app.inject({ url: `/api/reporting?${query}`, headers: as[who] });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as Status;
  };
  const put = (body: Record<string, unknown>, who = 'analyst') =>
    app.inject({
      method: 'PUT',
      url: '/api/reporting/calendars',
      headers: as[who],
      payload: { dataset: 'dti-province', period: '2026', ...body },
    });
  const refused = async (
    body: Record<string, unknown>,
    statusCode: number,
    field: string,
    message: RegExp,
  ) => {
    const res = await put(body);
    assert.equal(res.statusCode, statusCode, res.body);
    const problem = res.json() as Problem;
    const named = problem.fields.find((f) => f.field === field);
    assert.ok(named, `${field} named in ${res.body}`);
    assert.match(named.message, message);
  };
  const dates = { opens_on: '2026-10-01', due_on: '2026-11-15', late_until: '2026-12-31' };

  test('the 2026 provincial round: counts as computed with plain SQL', async () => {
    const got = await status('dataset=dti-province&period=2026');
    assert.equal(got.level, 'province');
    assert.equal(got.parent, 'VN', 'the country by default');
    assert.equal(got.calendar?.due_on, '2026-11-15');

    const sql = database();
    const { rows: expected } = await sql.query<{ code: string }>(
      `select code from units where level = 'province' and valid_from <= '2026-12-31'
          and (valid_to is null or valid_to >= '2026-12-31') order by code`,
    );
    assert.equal(expected.length, 34);
    assert.deepEqual(
      got.items.map((i) => i.unit),
      expected.map((r) => r.code),
    );
    const codes = expected.map((r) => r.code);
    const { rows: states } = await sql.query<{ state: string; n: number }>(
      `select state, count(*)::int as n from workflow_states
        where dataset = 'dti-province' and period = '2026' and unit = any($1::text[])
        group by state`,
      [codes],
    );
    const n = (state: string) => states.find((s) => s.state === state)?.n ?? 0;
    assert.equal(got.summary.submitted, n('submitted') + n('approved'));
    assert.equal(got.summary.approved, n('approved'));
    assert.equal(got.summary.approved, demoRound.length);
    assert.equal(got.summary.submitted, demoRound.length + 1, "and Tuyen Quang's");

    const framework = await sql.query<{ n: number }>(
      `select count(distinct element)::int as n from data_values
        where unit = 'VN25-10' and period = '2026'`,
    );
    const { rows: values } = await sql.query<{ units: number; cells: number }>(
      `select count(distinct unit)::int as units, count(*)::int as cells from data_values
        where period = '2026' and unit = any($1::text[]) and value is not null
          and element in (select distinct element from data_values where unit = 'VN25-10' and period = '2026')`,
      [codes],
    );
    assert.equal(got.summary.with_values, values[0]?.units);
    assert.equal(got.summary.expected, 34);
    // Every demo province has all of the index's elements for 2026.
    assert.ok((framework.rows[0]?.n ?? 0) > 0);
    assert.equal(
      got.summary.value_completeness,
      (values[0]?.cells ?? 0) / (34 * (framework.rows[0]?.n ?? 1)),
    );

    // On time: submitted on or before 15 November (the demo's recorded days, from the audit).
    const { rows: submits } = await sql.query<{ unit: string; at: Date }>(
      `select unit, max(at) as at from audit_log
        where entity = 'workflow' and action = 'submit' and entity_key like '%|dti-province|2026'
        group by unit`,
    );
    const onTime = submits.filter((s) => new Date(s.at).toISOString().slice(0, 10) <= '2026-11-15');
    assert.equal(got.summary.on_time, onTime.length);
    assert.equal(got.summary.on_time, 6);
    assert.equal(got.summary.late, 4);
    const item = (unit: string) => got.items.find((i) => i.unit === unit);
    assert.equal(item('VN25-10')?.on_time, true);
    assert.equal(item('VN25-10')?.submitted_at, '2026-11-03T02:10:00.000Z');
    assert.equal(item('VN25-10')?.approved_at, '2026-11-05T07:00:00.000Z');
    assert.equal(item('VN25-64')?.on_time, false);
    assert.equal(item('VN25-08')?.state, 'submitted');
    assert.equal(item('VN25-08')?.on_time, false, 'submitted as the demo loads, after the due day');
    assert.equal(item('VN25-79')?.state, 'draft');
    assert.equal(item('VN25-79')?.on_time, null);
    assert.equal(got.summary.overdue, 34 - 10, 'every other province is overdue');
  });

  test('moving the due date moves units between on time and late', async () => {
    const res = await put({ ...dates, due_on: '2026-11-25' });
    assert.equal(res.statusCode, 200, res.body);
    const later = await status('dataset=dti-province&period=2026');
    // Quang Ngai (20 November) and Khanh Hoa (25 November, 14:10 in Ha Noi) are now on time.
    assert.equal(later.summary.on_time, 8);
    assert.equal(later.summary.late, 2);
    assert.equal((await put({ ...dates, due_on: '2026-11-05' })).statusCode, 200);
    const earlier = await status('dataset=dti-province&period=2026');
    assert.equal(earlier.summary.on_time, 1);
    assert.equal(earlier.summary.late, 9);
    assert.equal((await put(dates)).statusCode, 200);
    assert.equal((await status('dataset=dti-province&period=2026')).summary.on_time, 6);
    const audit = await database().query<{ n: number }>(
      `select count(*)::int as n from audit_log where entity = 'reporting_calendar'`,
    );
    assert.equal(audit.rows[0]?.n, 3, 'every change audited');
  });

  test('units that did not exist in the period are not expected: 34 provinces in 2025, 63 in 2024', async () => {
    const y2025 = await status('dataset=dti-province&period=2025');
    assert.equal(y2025.summary.expected, 34);
    assert.ok(!y2025.items.some((i) => i.unit === 'VN-37'), 'Ninh Binh before the merger ended');
    const y2024 = await status('dataset=dti-province&period=2024');
    assert.equal(y2024.summary.expected, 63);
    assert.ok(y2024.items.some((i) => i.unit === 'VN-37'));
    assert.ok(
      !y2024.items.some((i) => i.unit.startsWith('VN25-')),
      'the 2025 provinces began later',
    );
    assert.equal(y2024.calendar, null);
    assert.ok(y2024.items.every((i) => i.on_time === null));
  });

  test('history over periods: each round counted with the units of its own period', async () => {
    const res = await app.inject({
      url: '/api/reporting/history?dataset=dti-province',
      headers: as.analyst,
    });
    assert.equal(res.statusCode, 200, res.body);
    const history = res.json() as {
      level: string;
      items: { period: string; calendar: unknown; summary: Status['summary'] }[];
    };
    assert.equal(history.level, 'province');
    const periods = history.items.map((i) => i.period);
    const { rows } = await database().query<{ period: string }>(
      `select distinct period from data_values where element = 'online_services_share'`,
    );
    for (const { period } of rows) assert.ok(periods.includes(period), `${period} in the history`);
    assert.deepEqual(periods, [...periods].sort(), 'oldest first');
    assert.ok(periods.includes('2026'), 'the round with a calendar');
    const round = (period: string) => history.items.find((i) => i.period === period);
    assert.equal(round('2024')?.summary.expected, 63);
    assert.equal(round('2025')?.summary.expected, 34);
    assert.equal(round('2026')?.summary.submitted, 10);
    assert.equal(round('2026')?.summary.on_time, 6);
    assert.notEqual(round('2026')?.calendar, null);
    assert.equal(round('2024')?.calendar, null);
    for (const period of ['2024', '2025', '2026'])
      assert.deepEqual(
        round(period)?.summary,
        (await status(`dataset=dti-province&period=${period}`)).summary,
        `${period} as GET /api/reporting counts it`,
      );
    const outside = await app.inject({
      url: '/api/reporting/history?dataset=dti-province&parent=VN-01',
      headers: as.officer,
    });
    assert.equal(outside.statusCode, 403, outside.body);
    const unknown = await app.inject({
      url: '/api/reporting/history?dataset=dti-provnce',
      headers: as.analyst,
    });
    assert.equal(unknown.statusCode, 422, unknown.body);
    assert.match(unknown.body, /dti-province/, 'a close match named');
  });

  test("the commune model's 2024 round under Ninh Binh", async () => {
    const got = await status('dataset=commune-dx-model&period=2024&parent=VN-37', 'officer');
    const { rows } = await database().query<{ n: number }>(
      `select count(*)::int as n from units where level = 'commune' and parent like 'VN-37%'
          and valid_from <= '2024-12-31' and (valid_to is null or valid_to >= '2024-12-31')`,
    );
    assert.equal(got.level, 'commune');
    assert.equal(got.summary.expected, rows[0]?.n);
    assert.equal(got.summary.submitted, 2);
    assert.equal(got.summary.late, 2, 'submitted as the demo loads, after 15 January 2025');
  });

  test('bad calendars are refused naming the field', async () => {
    await refused({ ...dates, due_on: '2026-09-30' }, 422, 'body.due_on', /before the opening/);
    await refused({ ...dates, late_until: '2026-11-14' }, 422, 'body.late_until', /before the due/);
    await refused({ ...dates, opens_on: '2026-02-30' }, 400, 'body.opens_on', /YYYY-MM-DD/);
    await refused(
      { ...dates, dataset: 'dti-provinc' },
      422,
      'body.dataset',
      /did you mean "dti-province"/,
    );
    await refused({ ...dates, period: '1900' }, 422, 'body.period', /no unit of level province/);
    await refused({ ...dates, period: '2026Q5' }, 400, 'body.period', /period/);
    const unknown = await app.inject({
      url: '/api/reporting?dataset=commune-model&period=2024',
      headers: as.analyst,
    });
    assert.equal(unknown.statusCode, 422, unknown.body);
    assert.equal((unknown.json() as Problem).fields[0]?.field, 'query.dataset');
    assert.match(unknown.body, /did you mean \\"commune-dx-model\\"/);
  });

  test('permissions: admins and analysts set calendars; officers, approvers and viewers 403', async () => {
    for (const who of ['officer', 'approver', 'viewer']) {
      assert.equal((await put(dates, who)).statusCode, 403, who);
      const del = await app.inject({
        method: 'DELETE',
        url: '/api/reporting/calendars?dataset=dti-province&period=2026',
        headers: as[who],
      });
      assert.equal(del.statusCode, 403, who);
    }
    assert.equal((await put(dates, 'anonymous')).statusCode, 401);
    assert.equal((await put(dates, 'admin')).statusCode, 200);
    // The officer reads their own units' round, not the country's.
    const own = await status('dataset=dti-province&period=2024', 'officer');
    assert.equal(own.parent, 'VN-37');
    assert.deepEqual(
      own.items.map((i) => i.unit),
      ['VN-37'],
    );
    const country = await app.inject({
      url: '/api/reporting?dataset=dti-province&period=2026&parent=VN',
      headers: as.officer,
    });
    assert.equal(country.statusCode, 403);
    const anonymous = await app.inject({ url: '/api/reporting?dataset=dti-province&period=2026' });
    assert.equal(anonymous.statusCode, 401);
  });

  test('calendars are listed and removed', async () => {
    const list = await app.inject({ url: '/api/reporting/calendars', headers: as.viewer });
    assert.equal(list.statusCode, 200);
    assert.deepEqual(
      (list.json() as { items: { dataset: string; period: string }[] }).items.map(
        (c) => `${c.dataset} ${c.period}`,
      ),
      ['commune-dx-model 2024', 'dti-province 2026'],
    );
    const del = await app.inject({
      method: 'DELETE',
      url: '/api/reporting/calendars?dataset=commune-dx-model&period=2024',
      headers: as.analyst,
    });
    assert.equal(del.statusCode, 204, del.body);
    const again = await app.inject({
      method: 'DELETE',
      url: '/api/reporting/calendars?dataset=commune-dx-model&period=2024',
      headers: as.analyst,
    });
    assert.equal(again.statusCode, 404);
    const got = await status('dataset=commune-dx-model&period=2024&parent=VN-37');
    assert.equal(got.calendar, null);
    assert.equal(got.summary.late, 0);
  });
});
