import { sql as drizzleSql } from 'drizzle-orm';
import type { Db, Sql } from '../db/database.js';
import { meta } from '../db/schema.js';

/**
 * The data revision: a counter raised by every change to data values. Stored results record the
 * revision they were computed from, so a later revision marks them for recomputation.
 */
export async function dataRevision(sql: Sql): Promise<number> {
  return counter(sql, 'data_revision');
}

/** Raises the data revision, and with it the content revision. */
export async function bumpDataRevision(sql: Sql): Promise<number> {
  await bumpContentRevision(sql);
  return bump(sql, 'data_revision');
}

/**
 * The content revision: a counter raised by every change to anything a public read shows (data,
 * units, frameworks, criteria models, plans and targets). Cached responses and their ETags are
 * valid for one content revision.
 */
export async function contentRevision(sql: Sql): Promise<number> {
  return counter(sql, 'content_revision');
}

/** Listeners (the response cache on PGlite) hear of a new content revision when it commits. */
export const contentChannel = 'dxmon_content';

export async function bumpContentRevision(sql: Sql): Promise<number> {
  const value = await bump(sql, 'content_revision');
  await sql.query(`select pg_notify('${contentChannel}', $1)`, [String(value)]);
  return value;
}

/** The same, inside a Drizzle transaction (definitions are saved through Drizzle). */
export async function bumpContentRevisionIn(tx: Pick<Db, 'insert' | 'execute'>): Promise<void> {
  await tx
    .insert(meta)
    .values({ key: 'content_revision', value: 1 })
    .onConflictDoUpdate({ target: meta.key, set: { value: drizzleSql`${meta.value} + 1` } });
  // Delivered when the transaction commits (the channel is a constant, nothing to bind).
  await tx.execute(drizzleSql.raw(`notify ${contentChannel}`));
}

async function counter(sql: Sql, key: string): Promise<number> {
  const { rows } = await sql.query<{ value: number }>('select value from meta where key = $1', [
    key,
  ]);
  return rows[0]?.value ?? 0;
}

async function bump(sql: Sql, key: string): Promise<number> {
  const { rows } = await sql.query<{ value: number }>(
    `insert into meta (key, value) values ($1, 1)
     on conflict (key) do update set value = meta.value + 1 returning value`,
    [key],
  );
  return rows[0]?.value ?? 0;
}
