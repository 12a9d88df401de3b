import { readFileSync } from 'node:fs';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';
import type { Sql } from './database.js';

/** drizzle-kit's migrations (SQL files and `meta/_journal.json`), in src and dist alike. */
export const migrationsFolder = new URL('../../drizzle', import.meta.url).pathname;

/** What an application role is told to do when the schema is not ready for it. */
export const runMigrate =
  "run dxmon migrate with the owner's URL (DATABASE_MIGRATION_URL), or give the server DATABASE_MIGRATION_URL";

/**
 * Raised, instead of running DDL, when a role that may not migrate finds the schema not ready:
 * migrations pending, the job queue's schema missing, or its own privileges not granted yet.
 */
export class MigrationsPending extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationsPending';
  }
}

/**
 * The migrations of drizzle-kit's journal not yet applied to the database, by tag, in order.
 * drizzle's migrator applies every journal entry newer than the newest row of
 * `drizzle.__drizzle_migrations`; this asks the same question without creating anything.
 */
export async function pendingMigrations(sql: Sql): Promise<string[]> {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  // The catalogue, not to_regclass: naming a schema without USAGE on it is an error.
  const { rows: tables } = await sql.query(
    `select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'drizzle' and c.relname = '__drizzle_migrations'`,
  );
  let newest = Number.NEGATIVE_INFINITY;
  if (tables.length > 0) {
    const { rows } = await sql.query<{ newest: string | null }>(
      'select max(created_at)::text as newest from drizzle.__drizzle_migrations',
    );
    if (rows[0]?.newest != null) newest = Number(rows[0].newest);
  }
  return journal.entries.filter((entry) => entry.when > newest).map((entry) => entry.tag);
}

/**
 * Whether the connected role may apply migrations: it owns (or is a member of the owner of)
 * drizzle's migrations table, or, on a database never migrated, may create schemas in it and
 * tables in `public`. An application role may not, and so never runs DDL.
 */
export async function mayMigrate(sql: Sql): Promise<boolean> {
  const { rows } = await sql.query<{ may: boolean }>(
    `select coalesce(
              (select pg_has_role(current_user, c.relowner, 'USAGE')
                 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'drizzle' and c.relname = '__drizzle_migrations'),
              has_database_privilege(current_database(), 'CREATE')
                and has_schema_privilege('public', 'CREATE')) as may`,
  );
  return rows[0]?.may === true;
}

/**
 * Prepares the schema for a PostgreSQL pool's role: applies pending migrations if the role may,
 * refuses with {@link MigrationsPending} if it may not, and runs no DDL when nothing is pending.
 * Returns whether the role may migrate (and so may install the job queue's schema too).
 */
export async function prepareSchema(pool: pg.Pool): Promise<boolean> {
  const query: Sql['query'] = async (text, params) =>
    (await pool.query(text, params)) as unknown as { rows: never[] };
  const [pending, may] = await Promise.all([readableMigrations({ query }), mayMigrate({ query })]);
  if (pending.length === 0) return may;
  if (!may) {
    const { rows } = await pool.query<{ role: string }>('select current_user as role');
    throw new MigrationsPending(
      `the database needs migrations: ${runMigrate} (pending: ${pending.join(', ')}; the role ${rows[0]?.role} may not apply them)`,
    );
  }
  const client = await pool.connect();
  try {
    await applyMigrations(client);
  } finally {
    client.release();
  }
  return true;
}

/** {@link pendingMigrations}, with a role that may not read drizzle's table told what to do. */
async function readableMigrations(sql: Sql): Promise<string[]> {
  try {
    return await pendingMigrations(sql);
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    const { rows } = await sql.query<{ role: string }>('select current_user as role');
    const role = rows[0]?.role ?? '';
    throw new MigrationsPending(
      `the role ${role} may not read the database's migrations: as the owner, run dxmon migrate --app-role ${role}`,
    );
  }
}

/** The advisory lock under which the schema changes: migrations, and the grants after them. */
export const schemaLock = 7312024;

/**
 * Applies drizzle-kit's migrations on one connection and returns the tags it applied. Several
 * servers may start at once: a session-level advisory lock lets one migrate while the others
 * wait, then find nothing to do.
 */
export async function applyMigrations(client: pg.Client | pg.PoolClient): Promise<string[]> {
  try {
    await client.query(`select pg_advisory_lock(${schemaLock})`);
    const pending = await pendingMigrations({
      query: async (text, params) =>
        (await client.query(text, params)) as unknown as { rows: never[] },
    });
    if (pending.length > 0) await migratePg(drizzlePg(client), { migrationsFolder });
    return pending;
  } finally {
    await client.query(`select pg_advisory_unlock(${schemaLock})`).catch(() => {});
  }
}
