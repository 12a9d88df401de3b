import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../src/auth/actor.js';
import { units } from '../src/db/schema.js';
import { createApiToken } from '../src/services/apiTokens.js';
import { saveFramework } from '../src/services/frameworks.js';
import { createUser } from '../src/services/users.js';
import { onEachDatabase } from './databases.js';
import {
  adminAuthorization,
  type Headers,
  miniData,
  miniFramework,
  seedProvinces,
  testApp,
} from './fixtures.js';

// Data quality: validation rules set through the API, checked at form entry (blocking refused
// naming the field, warnings returned), at import (rows named, nothing written) and in a run
// (every violation and outlier); a planted outlier flagged, also in the approval queue.

// Six more provinces, so that each element has enough peers for the modified z-score.
const extra = ['VN-11', 'VN-12', 'VN-14', 'VN-15', 'VN-16', 'VN-17'];
// 2024 and 2023: online share 51..56, days 5..9; VN-17's 2024 days are planted at 400 (it had 6).
const extraData = extra
  .flatMap((unit, i) => [
    `${unit},online_share,2024,${51 + i}`,
    `${unit},online_share,2023,${50 + i}`,
    `${unit},days,2024,${unit === 'VN-17' ? 400 : 5 + (i % 5)}`,
    `${unit},days,2023,6`,
  ])
  .join('\n');

onEachDatabase('data quality', (database) => {
  let app: FastifyInstance;
  const as: Record<string, Headers> = { anonymous: {} };
  before(async () => {
    await seedProvinces(database());
    await database()
      .db.insert(units)
      .values(
        extra.map((code) => ({
          code,
          level: 'province',
          parent: 'VN',
          nameEn: code,
          validFrom: '2008-08-01',
        })),
      );
    await saveFramework(database().db, miniFramework);
    for (const [who, role, unit] of [
      ['analyst', 'analyst', null],
      ['hanoi', 'officer', 'VN-01'],
      ['planted', 'officer', 'VN-17'],
      ['viewer', 'viewer', 'VN-01'],
    ] as const) {
      const user = await createUser(
        database(),
        { email: `${who}@quality.test`, name: who, role, unit },
        systemActor,
      );
      const { token } = await createApiToken(database(), user.id, 'test', systemActor);
      as[who] = { authorization: `Bearer ${token}` };
    }
    as.admin = { authorization: await adminAuthorization(database()) };
    app = await testApp(database());
    const res = await importCsv(`${miniData}${extraData}\n`);
    assert.equal(res.statusCode, 200, res.body);
  });
  after(() => app?.close());

  const importCsv = (body: string, who = 'admin') =>
    app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...as[who], 'content-type': 'text/csv' },
      body,
    });
  const putRule = (who: string, id: string, payload: object) =>
    app.inject({ method: 'PUT', url: `/api/quality/rules/${id}`, headers: as[who], payload });
  const enter = (who: string, values: object[]) =>
    app.inject({ method: 'POST', url: '/api/data-values', headers: as[who], payload: { values } });
  const value = async (unit: string, element: string, period: string) => {
    const { rows } = await database().query<{ value: number; version: number }>(
      'select value, version from data_values where unit = $1 and element = $2 and period = $3',
      [unit, element, period],
    );
    return rows[0];
  };
  const run = (who: string, query = 'dataset=mini&period=2024') =>
    app.inject({ method: 'GET', url: `/api/quality/run?${query}`, headers: as[who] });

  describe('rules', () => {
    test('an unknown element is a 400 naming body.expression, the element and its position', async () => {
      const res = await putRule('analyst', 'ehr', {
        dataset: 'mini',
        expression: 'ehr_people <= populaton',
        severity: 'blocking',
      });
      assert.equal(res.statusCode, 400, res.body);
      const [field] = res.json().fields;
      assert.equal(field.field, 'body.expression');
      assert.equal(field.value, 'populaton');
      assert.match(
        field.message,
        /unknown element "populaton"; did you mean "population"\? at character 15/,
      );
    });

    test('a syntax error is a 400 naming its position; an unknown data set names body.dataset', async () => {
      const syntax = await putRule('analyst', 'bad', {
        dataset: 'mini',
        expression: 'ehr_people <= (population',
        severity: 'warning',
      });
      assert.equal(syntax.statusCode, 400, syntax.body);
      assert.equal(syntax.json().fields[0].field, 'body.expression');
      assert.match(syntax.json().fields[0].message, /expected "\)" at character 26/);
      const noComparison = await putRule('analyst', 'bad', {
        dataset: 'mini',
        expression: 'ehr_people = population',
        severity: 'warning',
      });
      assert.match(
        noComparison.json().fields[0].message,
        /"=" is not a comparison .* at character 12/,
      );
      const dataset = await putRule('analyst', 'bad', {
        dataset: 'maxi',
        expression: 'ehr_people <= population',
        severity: 'warning',
      });
      assert.equal(dataset.statusCode, 400, dataset.body);
      assert.equal(dataset.json().fields[0].field, 'body.dataset');
    });

    test('admins and analysts set rules; officers and viewers may not; anyone reads them', async () => {
      const rule = {
        dataset: 'mini',
        expression: 'ehr_people <= population',
        severity: 'blocking',
        message: {
          en: 'More people with a record than people',
          vi: 'Số người có hồ sơ vượt dân số',
        },
      };
      assert.equal((await putRule('anonymous', 'ehr', rule)).statusCode, 401);
      assert.equal((await putRule('hanoi', 'ehr', rule)).statusCode, 403);
      assert.equal((await putRule('viewer', 'ehr', rule)).statusCode, 403);
      const set = await putRule('analyst', 'ehr', rule);
      assert.equal(set.statusCode, 200, set.body);
      assert.deepEqual(set.json().message, { ...rule.message, ar: null });
      const share = await putRule('admin', 'online', {
        dataset: 'mini',
        expression: 'online_share <= 100',
        severity: 'warning',
      });
      assert.equal(share.statusCode, 200, share.body);
      const list = await app.inject({ method: 'GET', url: '/api/quality/rules?dataset=mini' });
      assert.deepEqual(
        list.json().items.map((r: { id: string; severity: string }) => [r.id, r.severity]),
        [
          ['ehr', 'blocking'],
          ['online', 'warning'],
        ],
      );
      const { rows } = await database().query(
        `select action from audit_log where entity = 'quality_rule' order by id`,
      );
      assert.deepEqual(rows, [{ action: 'create' }, { action: 'create' }]);
    });
  });

  describe('at entry', () => {
    test('a blocking rule broken is a 422 naming the value as typed; nothing is written', async () => {
      const res = await enter('hanoi', [
        { unit: 'VN-01', indicator: 'online_share', period: '2022', value: 20 },
        { unit: 'VN-01', indicator: 'ehr_people', period: '2024', value: 5000, version: 1 },
      ]);
      assert.equal(res.statusCode, 422, res.body);
      assert.deepEqual(
        res.json().fields.map((f: { field: string; value: number }) => [f.field, f.value]),
        [['body.values[1].value', 5000]],
      );
      assert.match(res.json().fields[0].message, /More people with a record than people/);
      assert.equal((await value('VN-01', 'ehr_people', '2024'))?.value, 500);
      assert.equal(await value('VN-01', 'online_share', '2022'), undefined);
      // The other side of the rule: a population below the records is refused too.
      const population = await enter('hanoi', [
        { unit: 'VN-01', indicator: 'population', period: '2024', value: 100, version: 1 },
      ]);
      assert.equal(population.statusCode, 422, population.body);
      assert.equal(population.json().fields[0].field, 'body.values[0].value');
    });

    test('a warning rule broken and an outlier are returned with the values stored', async () => {
      const res = await enter('hanoi', [
        { unit: 'VN-01', indicator: 'online_share', period: '2024', value: 120, version: 1 },
      ]);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().items[0].value, 120);
      const warnings = res.json().warnings;
      const rule = warnings.find((w: { kind: string }) => w.kind === 'rule');
      assert.deepEqual(
        { rule: rule.rule, fields: rule.fields, left: rule.left, right: rule.right },
        { rule: 'online', fields: ['body.values[0].value'], left: 120, right: 100 },
      );
      const outlier = warnings.find((w: { kind: string }) => w.kind === 'outlier');
      assert.equal(outlier.test, 'peers');
      assert.equal(outlier.element, 'online_share');
      assert.ok(outlier.score > 3.5, `score ${outlier.score}`);
      assert.deepEqual(outlier.fields, ['body.values[0].value']);
    });

    test('a jump from the unit’s previous value is a warning', async () => {
      // 2024 has 120 (entered above); 480 is four times that.
      const res = await enter('hanoi', [
        { unit: 'VN-01', indicator: 'online_share', period: '2025', value: 480 },
      ]);
      assert.equal(res.statusCode, 200, res.body);
      const jump = res.json().warnings.find((w: { test?: string }) => w.test === 'history');
      assert.deepEqual([jump.previous_period, jump.previous_value, jump.ratio], ['2024', 120, 4]);
    });
  });

  describe('at import', () => {
    test('a blocking rule broken refuses the import naming the rows; nothing is written', async () => {
      const before = await value('VN-02', 'ehr_people', '2024');
      const res = await importCsv(
        'unit,indicator,period,value\nVN-02,online_share,2024,41\nVN-02,ehr_people,2024,3000\n',
      );
      assert.equal(res.statusCode, 422, res.body);
      assert.deepEqual(
        res.json().report.problems.map((p: { row: number; field: string }) => [p.row, p.field]),
        [[3, 'value']],
      );
      assert.match(res.json().fields[0].field, /^row 3: value$/);
      assert.deepEqual(await value('VN-02', 'ehr_people', '2024'), before);
      assert.equal((await value('VN-02', 'online_share', '2024'))?.value, 40);
    });

    test('a warning rule broken is reported with its rows; the import is applied', async () => {
      const res = await importCsv('unit,indicator,period,value\nVN-08,online_share,2024,150\n');
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, 'applied');
      assert.deepEqual(
        res
          .json()
          .warnings.filter((w: { kind: string }) => w.kind === 'rule')
          .map((w: { rule: string; unit: string; rows: number[] }) => [w.rule, w.unit, w.rows]),
        [['online', 'VN-08', [2]]],
      );
    });

    test('an outlier is a warning naming its row, against peers and its own history; the import is applied', async () => {
      // Days of the other provinces in 2024 are 5 to 9; 900 is far from them and from its 6 of 2023.
      const res = await importCsv(
        'unit,indicator,period,value\nVN-14,online_share,2024,53\nVN-14,days,2024,900\n',
      );
      assert.equal(res.statusCode, 200, res.body);
      const report = res.json();
      assert.equal(report.status, 'applied');
      const outliers = report.warnings
        .filter((w: { kind: string }) => w.kind === 'outlier')
        .map((w: { unit: string; element: string; test: string; rows: number[] }) => [
          w.unit,
          w.element,
          w.test,
          w.rows,
        ]);
      assert.deepEqual(outliers, [
        ['VN-14', 'days', 'peers', [3]],
        ['VN-14', 'days', 'history', [3]],
      ]);
      assert.equal(report.warnings_total, report.warnings.length);
      assert.equal(report.outliers_checked, undefined, 'checked');
      assert.equal((await value('VN-14', 'days', '2024'))?.value, 900, 'written, not changed');
      // An ordinary value draws no outlier warning.
      const calm = await importCsv('unit,indicator,period,value\nVN-14,days,2024,7\n');
      assert.equal(calm.statusCode, 200, calm.body);
      assert.equal(
        (calm.json().warnings ?? []).filter((w: { kind: string }) => w.kind === 'outlier').length,
        0,
      );
    });
  });

  describe('a run', () => {
    test('lists every violation and the planted outlier, with its values', async () => {
      const res = await run('analyst');
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.rules, 2);
      const rules = body.items
        .filter((i: { kind: string }) => i.kind === 'rule')
        .map((i: { unit: string; rule: string; left: number }) => [i.unit, i.rule, i.left]);
      assert.deepEqual(rules, [
        ['VN-01', 'online', 120],
        ['VN-08', 'online', 150],
      ]);
      const planted = body.items.filter(
        (i: { unit: string; kind: string }) => i.unit === 'VN-17' && i.kind === 'outlier',
      );
      assert.deepEqual(
        planted.map((i: { test: string; element: string; value: number }) => [
          i.test,
          i.element,
          i.value,
        ]),
        [
          ['peers', 'days', 400],
          ['history', 'days', 400],
        ],
      );
      assert.ok(planted[0].score > 3.5);
      assert.equal(planted[0].peers, 9);
      assert.equal(planted[1].previous_value, 6);
      assert.equal(body.summary.warnings, 2);
      assert.equal(body.summary.blocking, 0);
      assert.ok(body.summary.outliers >= 2);
    });

    test('officers see their units only; viewers and the signed-out none; a bad query names the field', async () => {
      const mine = await run('hanoi');
      assert.equal(mine.statusCode, 200, mine.body);
      assert.ok(mine.json().items.length > 0);
      assert.ok(mine.json().items.every((i: { unit: string }) => i.unit === 'VN-01'));
      assert.equal((await run('viewer')).statusCode, 403);
      assert.equal((await run('anonymous')).statusCode, 401);
      const dataset = await run('admin', 'dataset=maxi&period=2024');
      assert.equal(dataset.statusCode, 400, dataset.body);
      assert.equal(dataset.json().fields[0].field, 'query.dataset');
    });

    test("one unit's issues; a run follows a value changed since the last", async () => {
      const all = (await run('admin')).json();
      const one = await run('admin', 'dataset=mini&period=2024&unit=VN-17');
      assert.equal(one.statusCode, 200, one.body);
      assert.deepEqual(
        one.json().items,
        all.items.filter((i: { unit: string }) => i.unit === 'VN-17'),
      );
      assert.equal(one.json().summary.outliers, one.json().items.length);
      // Hanoi's officer asking for another unit gets nothing of it.
      const outside = await run('hanoi', 'dataset=mini&period=2024&unit=VN-17');
      assert.deepEqual(outside.json().items, []);
      // VN-16's days become an outlier: the next run sees it (no stale answer).
      const version = (await value('VN-16', 'days', '2024'))?.version;
      const entered = await enter('admin', [
        { unit: 'VN-16', indicator: 'days', period: '2024', value: 300, version },
      ]);
      assert.equal(entered.statusCode, 200, entered.body);
      const after = (await run('admin', 'dataset=mini&period=2024&unit=VN-16')).json();
      assert.ok(
        after.items.some((i: { kind: string; test: string }) => i.kind === 'outlier'),
        JSON.stringify(after.items),
      );
      const back = await enter('admin', [
        { unit: 'VN-16', indicator: 'days', period: '2024', value: 9, version: (version ?? 0) + 1 },
      ]);
      assert.equal(back.statusCode, 200, back.body);
    });

    test("the approval queue shows a submission's issues; nothing is changed", async () => {
      const submit = await app.inject({
        method: 'POST',
        url: '/api/workflow/submit',
        headers: as.planted,
        payload: { unit: 'VN-17', dataset: 'mini', period: '2024' },
      });
      assert.equal(submit.statusCode, 200, submit.body);
      const queue = await app.inject({
        method: 'GET',
        url: '/api/workflow/queue',
        headers: as.admin,
      });
      assert.equal(queue.statusCode, 200, queue.body);
      const item = queue.json().items.find((i: { unit: string }) => i.unit === 'VN-17');
      assert.deepEqual(item.quality, { blocking: 0, warnings: 0, outliers: 2 });
      assert.equal((await value('VN-17', 'days', '2024'))?.value, 400);
    });

    test('a rule removed is no longer checked', async () => {
      const remove = (who: string) =>
        app.inject({ method: 'DELETE', url: '/api/quality/rules/online', headers: as[who] });
      assert.equal((await remove('hanoi')).statusCode, 403);
      assert.equal((await remove('admin')).statusCode, 204);
      assert.equal((await remove('admin')).statusCode, 404);
      assert.equal((await run('admin')).json().rules, 1);
    });
  });
});
