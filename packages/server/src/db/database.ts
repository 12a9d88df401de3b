import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { claimDataDir, type DataDirClaim } from '../local/dataDirOwner.js';
import { migrationsFolder, prepareSchema } from './migrations.js';
import { migrateAsOwner } from './ownerMigration.js';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Raw SQL on one connection (inside a transaction, or the database as a whole). */
export interface Sql {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** The database the server runs on: PGlite in a folder (default) or PostgreSQL. */
export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Raw parameterised SQL, for the job queue and bulk loads. */
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
  /** Several statements without parameters (PGlite's exec; simple protocol on PostgreSQL); the last one's rows. */
  exec(text: string): Promise<{ rows: Record<string, unknown>[] }>;
  /** Runs `work` in one transaction on one connection: committed if it returns, rolled back if it throws. */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * PGlite only (it is this process's own database): calls `onNotify` when a transaction that
   * ran `pg_notify(channel, ...)` commits, so that caches can trust memory between changes.
   */
  watch?: (channel: string, onNotify: () => void) => Promise<void>;
  /** PGlite only: its data directory as a tarball (test templates, backups). */
  dump?: () => Promise<Blob>;
  /**
   * Whether this connection's role applies migrations and the job queue's schema. False for an
   * application role without ownership (db/applicationRole.ts), which runs no DDL at all.
   */
  runsMigrations?: boolean;
  /** PGlite in a folder: this process's hold on the folder, released by `close`. */
  claim?: DataDirClaim;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; without it, PGlite stores the data in `dataDir`. */
  databaseUrl?: string | undefined;
  /** Folder for PGlite's files; `memory://` keeps them in memory (tests). */
  dataDir?: string | undefined;
  /** A PGlite data directory dump to start from (tests: a migrated template). */
  loadDataDir?: Blob | File | undefined;
  /**
   * PostgreSQL: the owner's connection string. Migrations run with it first, and the role of
   * `databaseUrl` (the application role) is given its privileges and runs no DDL.
   */
  migrationUrl?: string | undefined;
  /** Who opens a PGlite folder (`dxmon serve`...), for the message another process gets. */
  holder?: string | undefined;
}

/** Opens the database and applies any migration not yet applied. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const pool = options.databaseUrl
    ? new pg.Pool({ connectionString: options.databaseUrl, max: 10 })
    : undefined;
  // An idle client closed by the server (restart, administrator) is dropped from the pool and
  // replaced on next use; without a listener pg would raise it as an uncaught error.
  pool?.on('error', (error) => console.error(`database: idle connection lost: ${error.message}`));
  const database = pool
    ? postgres(pool)
    : await openPglite(options.dataDir, options.loadDataDir, options.holder);
  try {
    database.runsMigrations = await migrateDatabase(database, pool, options.migrationUrl);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

async function openPglite(
  dataDir: string | undefined,
  loadDataDir?: Blob | File,
  holder = `dxmon (${process.argv.slice(2, 3).join(' ') || 'node'})`,
): Promise<Database> {
  let dir: string | undefined;
  let claim: DataDirClaim | undefined;
  if (dataDir && dataDir !== 'memory://') {
    // Before PGlite reads a byte: a second process on the same files would destroy them.
    claim = await claimDataDir(dataDir, holder);
    dir = join(dataDir, 'pglite');
  }
  let client: PGlite;
  try {
    client = await PGlite.create(dir, loadDataDir ? { loadDataDir } : {});
  } catch (error) {
    await claim?.release();
    throw error;
  }
  return {
    claim,
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: 'pglite',
    query: async <R>(text: string, params?: unknown[]) =>
      (await client.query<R>(text, params as unknown[])) as { rows: R[] },
    exec: async (text) => ({ rows: (await client.exec(text)).at(-1)?.rows ?? [] }),
    transaction: (work) =>
      client.transaction((tx) =>
        work({
          query: async <R>(text: string, params?: unknown[]) =>
            (await tx.query<R>(text, params as unknown[])) as { rows: R[] },
        }),
      ),
    close: async () => {
      try {
        await client.close();
      } finally {
        await claim?.release();
      }
    },
    watch: async (channel, onNotify) => {
      await client.listen(channel, () => onNotify());
    },
    dump: () => client.dumpDataDir('gzip'),
  };
}

function postgres(pool: pg.Pool): Database {
  return {
    db: drizzlePg(pool, { schema }) as unknown as Db,
    kind: 'postgres',
    query: async <R>(text: string, params?: unknown[]) =>
      (await pool.query(text, params)) as unknown as { rows: R[] },
    exec: async (text) => {
      const result = (await pool.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
      return { rows: (Array.isArray(result) ? result.at(-1)?.rows : result.rows) ?? [] };
    },
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({
          query: async <R>(text: string, params?: unknown[]) =>
            (await client.query(text, params)) as unknown as { rows: R[] },
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Applies drizzle-kit's migrations; returns whether this connection's role runs DDL. On
 * PostgreSQL with a migration URL the owner migrates and the pool's role is the application's;
 * without one, a role that may not migrate checks that nothing is pending (db/migrations.ts).
 */
async function migrateDatabase(
  database: Database,
  pool: pg.Pool | undefined,
  migrationUrl: string | undefined,
): Promise<boolean> {
  if (database.kind === 'pglite' || !pool) {
    await migratePglite(database.db as never, { migrationsFolder });
    return true;
  }
  if (!migrationUrl) return prepareSchema(pool);
  const { rows } = await pool.query<{ role: string }>('select current_user as role');
  await migrateAsOwner({ databaseUrl: migrationUrl, appRole: rows[0]?.role });
  return false;
}
