// PostgreSQL with two roles: the owner migrates, the application role serves and cannot switch
// off or rewrite the audit trail. PostgreSQL only: PGlite has one user and no roles.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { systemActor } from '../src/auth/actor.js';
import { loadConfig } from '../src/config.js';
import { MigrationsPending } from '../src/db/migrations.js';
import { migrateAsOwner } from '../src/db/ownerMigration.js';
import { createServer, type Server } from '../src/server.js';
import { createApiToken } from '../src/services/apiTokens.js';
import { saveFramework } from '../src/services/frameworks.js';
import { createUser } from '../src/services/users.js';
import { miniData, miniFramework, seedProvinces } from './fixtures.js';

const adminUrl = process.env.DATABASE_URL;
const dxmonBin = new URL('../../cli/bin/dxmon.js', import.meta.url).pathname;
/** Every migration the repository holds, as drizzle-kit's journal lists them. */
const migrations = (
  JSON.parse(readFileSync(new URL('../drizzle/meta/_journal.json', import.meta.url), 'utf8')) as {
    entries: { tag: string }[];
  }
).entries.map((e) => e.tag);
const pendingMessage =
  /^the database needs migrations: run dxmon migrate with the owner's URL \(DATABASE_MIGRATION_URL\)/;

describe('database roles [postgres]', {
  skip: adminUrl
    ? false
    : 'PostgreSQL only (roles): set DATABASE_URL (a role that may create roles and databases)',
}, () => {
  const id = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const owner = `dxmon_owner_${id}`;
  const appRole = `dxmon_app_${id}`;
  // main: migrated by the owner; fresh: never migrated, then migrated by the CLI; split: the
  // server migrates it itself with DATABASE_MIGRATION_URL.
  const databases = {
    main: `dxmon_roles_${id}`,
    fresh: `dxmon_roles_fresh_${id}`,
    split: `dxmon_roles_split_${id}`,
  };
  const urlOf = (role: string, database: string) => {
    const url = new URL(adminUrl as string);
    url.username = role;
    url.password = '';
    url.pathname = `/${database}`;
    return url.toString();
  };
  const asAdmin = async (text: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  /** A connection as `role` to `database`, closed after `work`. */
  const as = async <T>(role: string, database: string, work: (c: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: urlOf(role, database) });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  /** The server as configured from this environment (as `dxmon serve` would be). */
  const serve = (env: Record<string, string>) =>
    createServer(loadConfig({ logLevel: 'silent' }, env));

  before(async () => {
    // Trust authentication: the roles need no passwords. Neither is a superuser; the
    // application role is not a member of the owner.
    await asAdmin(`create role ${owner} login nosuperuser nocreatedb nocreaterole`);
    await asAdmin(`create role ${appRole} login nosuperuser nocreatedb nocreaterole`);
    for (const name of Object.values(databases)) {
      await asAdmin(`create database ${name} owner ${owner}`);
    }
  });

  after(async () => {
    for (const name of Object.values(databases)) {
      await asAdmin(`drop database if exists ${name} with (force)`);
    }
    await asAdmin(`drop role if exists ${appRole}`);
    await asAdmin(`drop role if exists ${owner}`);
  });

  test('the migrate step applies the migrations as the owner and grants the application role', async () => {
    const first = await migrateAsOwner({ databaseUrl: urlOf(owner, databases.main), appRole });
    assert.deepEqual(first, { owner, applied: migrations, grantedTo: appRole });
    const again = await migrateAsOwner({ databaseUrl: urlOf(owner, databases.main), appRole });
    assert.deepEqual(again, { owner, applied: [], grantedTo: appRole }, 'idempotent');

    const privileges = await as(owner, databases.main, async (c) => {
      const { rows } = await c.query<{ name: string; granted: string }>(
        `select t.name, string_agg(p.privilege, ',' order by p.privilege) filter (where has_table_privilege($1, t.name, p.privilege)) as granted
           from unnest(array['audit_log', 'data_value_history', 'data_values', 'units', 'sessions',
                             'report_cache', 'report_batches', 'reporting_calendars', 'quality_rules',
                             'drizzle.__drizzle_migrations',
                             'pgboss.job', 'pgboss.queue']) as t(name),
                unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) as p(privilege)
          group by t.name order by t.name`,
        [appRole],
      );
      return Object.fromEntries(rows.map((r) => [r.name, r.granted]));
    });
    assert.deepEqual(privileges, {
      audit_log: 'INSERT,SELECT',
      data_value_history: 'INSERT,SELECT',
      data_values: 'DELETE,INSERT,SELECT,UPDATE',
      'drizzle.__drizzle_migrations': 'SELECT',
      'pgboss.job': 'DELETE,INSERT,SELECT,UPDATE',
      'pgboss.queue': 'DELETE,INSERT,SELECT,UPDATE',
      // Report documents are stored, read and pruned by the application.
      report_cache: 'DELETE,INSERT,SELECT,UPDATE',
      // Batches of reports are recorded, counted and given their archive by the application.
      report_batches: 'DELETE,INSERT,SELECT,UPDATE',
      // Validation rules are set, changed and removed by admins and analysts.
      quality_rules: 'DELETE,INSERT,SELECT,UPDATE',
      // Reporting calendars are set, changed and removed by admins and analysts.
      reporting_calendars: 'DELETE,INSERT,SELECT,UPDATE',
      sessions: 'DELETE,INSERT,SELECT,UPDATE',
      units: 'DELETE,INSERT,SELECT,UPDATE',
    });
    const owners = await as(owner, databases.main, async (c) => {
      const { rows } = await c.query<{ owner: string; n: number }>(
        `select pg_get_userbyid(c.relowner) as owner, count(*)::int as n
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname in ('public', 'drizzle', 'pgboss') and c.relkind in ('r', 'p', 'S')
          group by 1`,
      );
      return rows;
    });
    assert.equal(owners.length, 1, 'one owner of every table and sequence');
    assert.equal(owners[0]?.owner, owner);
  });

  test('the migrate step refuses an application role that could disable the trigger', async () => {
    const url = urlOf(owner, databases.main);
    await assert.rejects(
      migrateAsOwner({ databaseUrl: url, appRole: 'postgres' }),
      /is a superuser/,
    );
    await assert.rejects(
      migrateAsOwner({ databaseUrl: url, appRole: `${appRole}_missing` }),
      /does not exist: create it first/,
    );
    const member = `${appRole}_member`;
    await asAdmin(`create role ${member} login in role ${owner}`);
    try {
      await assert.rejects(migrateAsOwner({ databaseUrl: url, appRole: member }), /a member of it/);
    } finally {
      await asAdmin(`drop role ${member}`);
    }
  });

  describe('the server as the application role', () => {
    let server: Server;
    let admin: Record<string, string>;
    before(async () => {
      server = await serve({ DATABASE_URL: urlOf(appRole, databases.main) });
      // The fixtures' rows and an account, written as the application role.
      await seedProvinces(server.database);
      await saveFramework(server.database.db, miniFramework);
      const user = await createUser(
        server.database,
        { email: 'admin@roles.test', name: 'Roles admin', role: 'admin' },
        systemActor,
      );
      const { token } = await createApiToken(server.database, user.id, 'roles', systemActor);
      admin = { authorization: `Bearer ${token}` };
    });
    after(() => server?.close());

    test('it starts without running DDL: the schema is the owner’s', async () => {
      assert.equal(server.database.runsMigrations, false);
      const { rows } = await server.database.query<{ me: string }>('select current_user as me');
      assert.equal(rows[0]?.me, appRole);
    });

    test('it imports, writes values, runs jobs and reads the audit trail', async () => {
      const imported = await server.app.inject({
        method: 'POST',
        url: '/api/imports',
        headers: { ...admin, 'content-type': 'text/csv' },
        body: miniData,
      });
      assert.equal(imported.statusCode, 200, imported.body);
      // A changed value keeps its earlier version in data_value_history.
      const changed = await server.app.inject({
        method: 'POST',
        url: '/api/imports',
        headers: { ...admin, 'content-type': 'text/csv' },
        body: 'unit,indicator,period,value\nVN-02,days,2024,2\n',
      });
      assert.equal(changed.statusCode, 200, changed.body);
      const entry = await server.app.inject({
        method: 'POST',
        url: '/api/data-values',
        headers: admin,
        payload: { values: [{ unit: 'VN-01', indicator: 'days', period: '2022', value: 9 }] },
      });
      assert.equal(entry.statusCode, 200, entry.body);

      const { rows } = await server.database.query<{ history: number; value: number }>(
        `select (select count(*)::int from data_value_history) as history,
                (select value from data_values where unit = 'VN-02' and element = 'days' and period = '2024') as value`,
      );
      assert.deepEqual(rows[0], { history: 1, value: 2 });

      // A run goes through pg-boss: the application role sends, fetches and completes jobs.
      const start = await server.app.inject({
        method: 'POST',
        url: '/api/runs',
        headers: admin,
        payload: { framework: 'mini', period: '2024' },
      });
      assert.equal(start.statusCode, 202, start.body);
      let run = start.json();
      for (let i = 0; i < 100 && run.status !== 'done' && run.status !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        run = (await server.app.inject(`/api/runs/${start.json().id}`)).json();
      }
      assert.equal(run.status, 'done', JSON.stringify(run));

      const audit = await server.app.inject({ url: '/api/audit?limit=100', headers: admin });
      assert.equal(audit.statusCode, 200, audit.body);
      const entities = new Set(audit.json().items.map((r: { entity: string }) => r.entity));
      for (const entity of ['user', 'api_token', 'framework', 'import', 'data_value']) {
        assert.ok(entities.has(entity), `the audit trail holds a ${entity} row`);
      }
    });

    test('it cannot switch off, rewrite or remove the audit trail', async () => {
      const refusals = [
        'alter table audit_log disable trigger audit_log_append_only',
        'alter table audit_log disable trigger all',
        'drop trigger audit_log_append_only on audit_log',
        'drop function audit_log_append_only() cascade',
        `create or replace function audit_log_append_only() returns trigger language plpgsql as $$ begin return null; end $$`,
        'alter table audit_log owner to current_user',
        'drop table audit_log',
        "update audit_log set action = 'nothing happened'",
        'delete from audit_log',
        'truncate audit_log',
        'update data_value_history set value = 0',
        'delete from data_value_history',
        'truncate data_value_history',
        // Replication mode skips ordinary triggers: a superuser's setting only.
        'set session_replication_role = replica',
        'create schema elsewhere',
      ];
      const refused = await as(appRole, databases.main, async (c) => {
        const codes: string[] = [];
        for (const statement of refusals) {
          try {
            await c.query(statement);
            codes.push(`accepted: ${statement}`);
          } catch (error) {
            const { code, message } = error as { code?: string; message: string };
            codes.push(code === '42501' ? code : `${code} ${message}: ${statement}`);
          }
        }
        return codes;
      });
      assert.deepEqual(
        refused,
        refusals.map(() => '42501'),
      );
      const { rows } = await as(owner, databases.main, (c) =>
        c.query<{ enabled: string; rows: number }>(
          `select tgenabled as enabled, (select count(*)::int from audit_log) as rows
             from pg_trigger where tgname = 'audit_log_append_only'`,
        ),
      );
      assert.equal(rows[0]?.enabled, 'O', 'the trigger is still enabled');
      assert.ok((rows[0]?.rows ?? 0) >= 5, 'no audit row was removed');
    });
  });

  test('the server as the application role refuses, running no DDL, while migrations are pending', async () => {
    await assert.rejects(
      serve({ DATABASE_URL: urlOf(appRole, databases.fresh) }),
      (error: Error) => {
        assert.ok(error instanceof MigrationsPending, String(error));
        assert.match(error.message, pendingMessage);
        assert.match(
          error.message,
          new RegExp(
            `\\(pending: ${migrations.join(', ')}; the role ${appRole} may not apply them\\)`,
          ),
        );
        return true;
      },
    );
    const { rows } = await as(owner, databases.fresh, (c) =>
      c.query<{ n: number }>(
        `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')`,
      ),
    );
    assert.equal(rows[0]?.n, 0, 'nothing was created');
  });

  test('a role the owner has not granted is told to run dxmon migrate --app-role', async () => {
    const stranger = `${appRole}_ungranted`;
    await asAdmin(`create role ${stranger} login`);
    try {
      await assert.rejects(
        serve({ DATABASE_URL: urlOf(stranger, databases.main) }),
        new RegExp(
          `^MigrationsPending: the role ${stranger} may not read the database's migrations: as the owner, run dxmon migrate --app-role ${stranger}$`,
        ),
      );
    } finally {
      await asAdmin(`drop role ${stranger}`);
    }
  });

  test('dxmon migrate --app-role, run as the owner, readies a database for the application role', async () => {
    const env = {
      ...process.env,
      DATABASE_URL: urlOf(appRole, databases.fresh),
      DATABASE_MIGRATION_URL: urlOf(owner, databases.fresh),
    };
    const dxmon = (...args: string[]) =>
      spawnSync(process.execPath, [dxmonBin, ...args], { env, encoding: 'utf8' });
    const first = dxmon('migrate', '--app-role', appRole);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(
      first.stdout,
      `applied ${migrations.length} migrations as ${owner}: ${migrations.join(', ')}\n` +
        `granted ${appRole} the application's privileges (audit_log: select and insert only)\n`,
    );
    const again = dxmon('migrate', '--app-role', appRole);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, new RegExp(`^the schema is current \\(owner ${owner}\\)\n`));
    const ownerAsApp = dxmon('migrate', '--app-role', owner);
    assert.equal(ownerAsApp.status, 1);
    assert.match(ownerAsApp.stderr, new RegExp(`^dxmon: --app-role ${owner} is the owner`));

    const server = await serve({ DATABASE_URL: urlOf(appRole, databases.fresh) });
    try {
      const health = await server.app.inject('/api/health');
      assert.equal(health.statusCode, 200, health.body);
      assert.equal(server.database.runsMigrations, false);
    } finally {
      await server.close();
    }
  });

  test('with DATABASE_MIGRATION_URL the server migrates as the owner, then serves as the application role', async () => {
    const server = await serve({
      DATABASE_URL: urlOf(appRole, databases.split),
      DATABASE_MIGRATION_URL: urlOf(owner, databases.split),
    });
    try {
      assert.equal(server.database.runsMigrations, false);
      const user = await createUser(
        server.database,
        { email: 'split@roles.test', name: 'Split', role: 'analyst' },
        systemActor,
      );
      assert.equal(user.email, 'split@roles.test');
    } finally {
      await server.close();
    }
    const refused = await as(appRole, databases.split, async (c) => {
      try {
        await c.query('alter table audit_log disable trigger audit_log_append_only');
        return 'accepted';
      } catch (error) {
        return (error as { code?: string }).code;
      }
    });
    assert.equal(refused, '42501');
  });
});
