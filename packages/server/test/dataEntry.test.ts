import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../src/auth/actor.js';
import type { Database } from '../src/db/database.js';
import { createApiToken } from '../src/services/apiTokens.js';
import { lockDataWrites, lockUnitDataWrites } from '../src/services/dataWriteLock.js';
import { saveFramework } from '../src/services/frameworks.js';
import { createUnit } from '../src/services/unitAdmin.js';
import { createUser } from '../src/services/users.js';
import { onEachDatabase } from './databases.js';
import { adminAuthorization, miniData, miniFramework, seedProvinces, testApp } from './fixtures.js';

// Form entry (POST /api/data-values): a value that has one is changed only by someone who read
// it (its version), and forms for different units write side by side while imports, workflow
// transitions and unit changes still exclude every form.

const oneConnection =
  'PGlite has one connection: a second transaction cannot start while one is open';

onEachDatabase('form entry: versions and the write lock', (database, kind) => {
  let app: FastifyInstance;
  const as: Record<string, Record<string, string>> = {};
  before(async () => {
    await seedProvinces(database());
    await saveFramework(database().db, miniFramework);
    for (const [who, unit] of [
      ['hanoi', 'VN-01'],
      ['hagiang', 'VN-02'],
    ] as const) {
      const user = await createUser(
        database(),
        { email: `${who}@entry.test`, name: who, role: 'officer', unit },
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

  const enter = (who: string, values: object[]) =>
    app.inject({ method: 'POST', url: '/api/data-values', headers: as[who], payload: { values } });
  const cell = async (unit: string, indicator: string, period: string) => {
    const { rows } = await database().query<{ value: number; version: number }>(
      'select value, version from data_values where unit = $1 and element = $2 and period = $3',
      [unit, indicator, period],
    );
    return rows[0];
  };
  /** Rows of the tables a write touches: a refused form must leave every one unchanged. */
  const counts = async () => {
    const { rows } = await database().query<{ data: string; history: string; audit: string }>(
      `select (select count(*) from data_values) as data,
              (select count(*) from data_value_history) as history,
              (select count(*) from audit_log) as audit`,
    );
    return rows[0];
  };

  test('changing a value without the version read is a 409 naming it and the current version; nothing is written', async () => {
    const before = await counts();
    const res = await enter('hanoi', [
      // A new cell needs no version...
      { unit: 'VN-01', indicator: 'online_share', period: '2022', value: 10 },
      // ...but the 2024 value (80, imported: version 1) is changed only by someone who read it.
      { unit: 'VN-01', indicator: 'online_share', period: '2024', value: 81 },
    ]);
    assert.equal(res.statusCode, 409, res.body);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    assert.deepEqual(res.json().fields, [
      {
        field: 'body.values[1].version',
        message: 'required to change a value: send the version you read (the current version is 1)',
      },
    ]);
    assert.deepEqual(await cell('VN-01', 'online_share', '2024'), { value: 80, version: 1 });
    assert.equal(await cell('VN-01', 'online_share', '2022'), undefined);
    assert.deepEqual(await counts(), before);
  });

  test('with the version read, the value is changed; a new cell takes version 0 or none', async () => {
    const changed = await enter('hanoi', [
      { unit: 'VN-01', indicator: 'online_share', period: '2024', value: 81, version: 1 },
      { unit: 'VN-01', indicator: 'online_share', period: '2022', value: 10 },
      { unit: 'VN-01', indicator: 'days', period: '2022', value: 6, version: 0 },
    ]);
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual(
      changed.json().items.map((v: { value: number; version: number }) => [v.value, v.version]),
      [
        [81, 2],
        [10, 1],
        [6, 1],
      ],
    );
    // Once written, the new cells too are changed only with their version.
    const again = await enter('hanoi', [
      { unit: 'VN-01', indicator: 'days', period: '2022', value: 7 },
    ]);
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json().fields[0].field, 'body.values[0].version');
    assert.match(again.json().fields[0].message, /the current version is 1/);
    assert.deepEqual(await cell('VN-01', 'days', '2022'), { value: 6, version: 1 });
  });

  test('a form raises the data and content revisions once, as it commits; a refused one not at all', async () => {
    const revisions = async () => {
      const { rows } = await database().query<{ key: string; value: number }>(
        'select key, value from meta order by key',
      );
      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    };
    const before = await revisions();
    const res = await enter('hanoi', [
      { unit: 'VN-01', indicator: 'ehr_people', period: '2022', value: 400 },
      { unit: 'VN-01', indicator: 'population', period: '2022', value: 1000 },
    ]);
    assert.equal(res.statusCode, 200, res.body);
    const after = await revisions();
    // Only the two counters, each one higher: no request row left behind.
    assert.deepEqual(after, {
      content_revision: (before.content_revision ?? 0) + 1,
      data_revision: (before.data_revision ?? 0) + 1,
    });
    const refused = await enter('hanoi', [
      { unit: 'VN-01', indicator: 'population', period: '2022', value: 1001 },
    ]);
    assert.equal(refused.statusCode, 409, refused.body);
    assert.deepEqual(await revisions(), after);
  });

  test('two forms for the same new cell: one is written, the other refused, never both', async () => {
    for (const period of ['2018', '2019', '2020']) {
      const [a, b] = await Promise.all([
        enter('hanoi', [{ unit: 'VN-01', indicator: 'days', period, value: 1, version: 0 }]),
        enter('admin', [{ unit: 'VN-01', indicator: 'days', period, value: 2, version: 0 }]),
      ]);
      assert.deepEqual(
        [a.statusCode, b.statusCode].sort(),
        [200, 409],
        `${period}: ${a.body} ${b.body}`,
      );
      const winner = a.statusCode === 200 ? 1 : 2;
      assert.deepEqual(await cell('VN-01', 'days', period), { value: winner, version: 1 });
    }
  });

  test('a form for one unit does not wait for a form of another unit', {
    skip: kind === 'pglite' && oneConnection,
    timeout: 60_000,
  }, async () => {
    let vn01: Awaited<ReturnType<typeof enter>> | undefined;
    await database().transaction(async (sql) => {
      await lockUnitDataWrites(sql, ['VN-01']); // a form of Ha Noi, not yet committed
      void enter('hanoi', [
        { unit: 'VN-01', indicator: 'days', period: '2021', value: 5, version: 0 },
      ]).then((res) => {
        vn01 = res;
      });
      await waitForLock(database(), 'a form of the same unit');
      // Ha Giang's form goes through meanwhile; Ha Noi's second form waits for the first.
      const vn02 = await enter('hagiang', [
        { unit: 'VN-02', indicator: 'days', period: '2021', value: 9, version: 0 },
      ]);
      assert.equal(vn02.statusCode, 200, vn02.body);
      assert.equal(vn01, undefined);
    });
    await waitFor(() => vn01 !== undefined);
    assert.equal(vn01?.statusCode, 200, vn01?.body);
  });

  test('a value cannot slip into a data set being submitted: the form waits, then finds it locked', {
    skip: kind === 'pglite' && oneConnection,
    timeout: 60_000,
  }, async () => {
    const now = await cell('VN-02', 'online_share', '2024');
    assert.ok(now);
    let res: Awaited<ReturnType<typeof enter>> | undefined;
    await database().transaction(async (sql) => {
      // A workflow transition holds the data-write lock while it moves the data set.
      await lockDataWrites(sql);
      void enter('hagiang', [
        {
          unit: 'VN-02',
          indicator: 'online_share',
          period: '2024',
          value: 1,
          version: now.version,
        },
      ]).then((r) => {
        res = r;
      });
      await waitForLock(database(), 'a form');
      await sql.query(
        `insert into workflow_states (unit, dataset, period, state, version, updated_by)
         values ('VN-02', 'mini', '2024', 'submitted', 1, null)`,
      );
    });
    await waitFor(() => res !== undefined);
    assert.equal(res?.statusCode, 409, res?.body);
    assert.match(res?.json().fields[0].message, /locked: mini for VN-02 2024 is submitted/);
    assert.deepEqual(await cell('VN-02', 'online_share', '2024'), now);
  });

  test('a unit closed while a form waits for the lock takes no value past its new last day', {
    skip: kind === 'pglite' && oneConnection,
    timeout: 60_000,
  }, async () => {
    await createUnit(
      database(),
      {
        code: 'T-ENTRY',
        level: 'province',
        parent: 'VN',
        names: { en: 'T' },
        valid_from: '2020-01-01',
      },
      systemActor,
    );
    let res: Awaited<ReturnType<typeof enter>> | undefined;
    await database().transaction(async (sql) => {
      await lockDataWrites(sql); // an admin closing the unit
      void enter('admin', [{ unit: 'T-ENTRY', indicator: 'days', period: '2025', value: 3 }]).then(
        (r) => {
          res = r;
        },
      );
      await waitForLock(database(), 'a form');
      await sql.query(`update units set valid_to = '2024-12-31' where code = 'T-ENTRY'`);
    });
    await waitFor(() => res !== undefined);
    assert.equal(res?.statusCode, 422, res?.body);
    assert.deepEqual(res?.json().fields, [
      { field: 'body.values[0].period', message: 'T-ENTRY did not exist in 2025', value: '2025' },
    ]);
    assert.equal(await cell('T-ENTRY', 'days', '2025'), undefined);
  });
});

/** Waits until some transaction waits for an advisory lock (the data-write lock or a unit's). */
async function waitForLock(database: Database, who: string): Promise<void> {
  await waitFor(async () => {
    const { rows } = await database.query<{ n: number }>(
      `select count(*)::int as n from pg_locks
        where locktype = 'advisory' and not granted
          and database = (select oid from pg_database where datname = current_database())`,
    );
    return rows[0]?.n === 1;
  }, `${who} never waited for the lock`);
}

async function waitFor(
  done: () => boolean | Promise<boolean>,
  message = 'timed out',
): Promise<void> {
  for (let waited = 0; !(await done()); waited += 10) {
    assert.ok(waited < 20_000, message);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
