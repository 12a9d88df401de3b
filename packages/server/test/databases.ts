// Runs a test suite on every database: PGlite always, PostgreSQL too when DATABASE_URL is set
// (drizzle's idea of one suite for both drivers). Each suite gets a database of its own.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/database.js';

export type DatabaseKind = 'pglite' | 'postgres';

export function databaseKinds(): DatabaseKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * `describe(kind)` for each database kind, with a fresh migrated database opened before the
 * suite and dropped after it. `body` receives a getter, valid inside tests and hooks.
 */
export function onEachDatabase(
  name: string,
  body: (database: () => Database, kind: DatabaseKind) => void,
): void {
  for (const kind of databaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      let database: Database | undefined;
      let drop: (() => Promise<void>) | undefined;
      before(async () => {
        ({ database, drop } = await freshDatabase(kind));
      });
      body(() => {
        if (!database) throw new Error('the database is not open yet');
        return database;
      }, kind);
      // Registered after the body's hooks so that they run first: apps and job queues close
      // before their database does.
      after(async () => {
        await database?.close();
        await drop?.();
      });
    });
  }
}

export async function freshDatabase(
  kind: DatabaseKind,
): Promise<{ database: Database; url?: string; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://', loadDataDir: await template() });
    return { database, drop: async () => {} };
  }
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const name = `dxmon_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * A PGlite data directory with every migration applied, cached in the temporary folder under a
 * hash of the migrations: creating a cluster takes seconds, loading a dump a fraction of one.
 */
async function template(): Promise<Blob> {
  const folder = new URL('../drizzle/', import.meta.url).pathname;
  const hash = createHash('sha256');
  for (const file of readdirSync(folder).sort()) {
    if (file.endsWith('.sql')) hash.update(readFileSync(join(folder, file)));
  }
  const path = join(tmpdir(), `dxmon-pglite-${hash.digest('hex').slice(0, 16)}.tar.gz`);
  if (!existsSync(path)) {
    const database = await openDatabase({ dataDir: 'memory://' });
    const dump = await dumpOf(database);
    await database.close();
    writeFileSync(`${path}.${process.pid}`, Buffer.from(await dump.arrayBuffer()));
    // Rename is atomic: parallel test files never read a half-written template.
    renameSync(`${path}.${process.pid}`, path);
  }
  return new Blob([readFileSync(path)]);
}

async function dumpOf(database: Database): Promise<Blob> {
  if (!database.dump) throw new Error('only PGlite databases can be dumped');
  return database.dump();
}
