import pg from 'pg';
import { installJobs } from '../services/jobs.js';
import { grantApplicationRole } from './applicationRole.js';
import type { Sql } from './database.js';
import { applyMigrations, schemaLock } from './migrations.js';

export interface OwnerMigrationOptions {
  /** The owner's connection string (DATABASE_MIGRATION_URL, else DATABASE_URL). */
  databaseUrl: string;
  /** The application role to grant the server's privileges to; none granted without it. */
  appRole?: string | undefined;
}

export interface OwnerMigrationReport {
  /** The role that ran the migrations and owns what they created. */
  owner: string;
  /** drizzle-kit migrations applied now, by tag (none when the schema was current). */
  applied: string[];
  /** The role given the application's privileges; absent without one, or when it is the owner. */
  grantedTo?: string;
}

/**
 * `dxmon migrate` on PostgreSQL, and the server's first step when it has DATABASE_MIGRATION_URL:
 * as the owner, applies drizzle-kit's migrations, installs or migrates pg-boss's schema and its
 * queues, then gives the application role exactly its privileges (db/applicationRole.ts). Each
 * step does nothing when already done, so it may run any number of times, from several processes.
 */
export async function migrateAsOwner(
  options: OwnerMigrationOptions,
): Promise<OwnerMigrationReport> {
  // One connection, queued: pg-boss sends queries concurrently, which a bare client refuses.
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 1 });
  pool.on('error', () => {});
  try {
    const sql: Sql = {
      query: async (text, params) =>
        (await pool.query(text, params)) as unknown as { rows: never[] },
    };
    const { rows } = await pool.query<{ role: string }>('select current_user as role');
    const owner = rows[0]?.role ?? '';
    const applied = await onOneClient(pool, applyMigrations);
    await installJobs({
      query: sql.query,
      exec: async (text) => {
        const result = (await pool.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
        return { rows: (Array.isArray(result) ? result.at(-1)?.rows : result.rows) ?? [] };
      },
    });
    const appRole = options.appRole;
    if (!appRole || appRole === owner) return { owner, applied };
    await onOneClient(pool, async (client) => {
      await client.query('begin');
      try {
        // GRANT and REVOKE on one object from two sessions at once fail ("tuple concurrently
        // updated"): servers starting together take turns.
        await client.query(`select pg_advisory_xact_lock(${schemaLock})`);
        await grantApplicationRole(
          {
            query: async (text, params) =>
              (await client.query(text, params)) as unknown as { rows: never[] },
          },
          appRole,
        );
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      }
    });
    return { owner, applied, grantedTo: appRole };
  } finally {
    await pool.end();
  }
}

async function onOneClient<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}
