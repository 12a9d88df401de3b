import { sql as drizzleSql } from 'drizzle-orm';
import type { Db, Sql } from '../db/database.js';
import { meta } from '../db/schema.js';

/**
 * Listeners (the response cache on PGlite) hear of a new content revision when it commits. Also
 * named by the trigger that raises the revisions of data writers (migration 0006).
 */
export const contentChannel = 'dxmon_content';

/**
 * The data revision: a counter raised by every change to data values. Stored results record the
 * revision they were computed from, so a later revision marks them for recomputation.
 */
export async function dataRevision(sql: Sql): Promise<number> {
  return counter(sql, 'data_revision');
}

/**
 * Raises the data revision, and with it the content revision, in one statement. Their rows stay
 * locked until the transaction commits, so writers that run side by side raise them at commit
 * instead (`raiseAtCommit`).
 */
export async function bumpDataRevision(sql: Sql): Promise<number> {
  const { rows } = await sql.query<{ value: number }>(
    `with ${raiseNow.with} select (select value from raised where key = 'data_revision') as value,
       ${raiseNow.select}`,
  );
  return rows[0]?.value ?? 0;
}

/** How a writer raises the revisions in its own statement: a `with` query and a select column. */
export interface RevisionRaise {
  with: string;
  select: string;
}

/**
 * At once, announcing the new content revision: for writers that run one at a time (PGlite, or
 * under the whole data-write lock). One insert, so the two rows are locked in one order (the
 * content revision's first, as when it is raised alone).
 */
export const raiseNow: RevisionRaise = {
  with: `raised as (
       insert into meta (key, value) values ('content_revision', 1), ('data_revision', 1)
       on conflict (key) do update set value = meta.value + 1 returning key, value)`,
  select: `(select pg_notify('${contentChannel}', value::text) from raised
         where key = 'content_revision') as notified`,
};

/**
 * At commit: a request row `raise:<transaction>` (one per transaction however often asked) that a
 * trigger turns into the raised rows and the announcement as the writer commits (migration 0006).
 * For writers that run side by side (forms on PostgreSQL): each holds the two rows for its commit
 * only, not for the rest of its transaction and the round trip before COMMIT.
 */
export const raiseAtCommit: RevisionRaise = {
  with: `raise as (insert into meta (key, value) values ('raise:' || txid_current(), 0)
       on conflict (key) do nothing)`,
  select: 'null as notified',
};

/**
 * The content revision: a counter raised by every change to anything a public read shows (data,
 * units, frameworks, criteria models, plans and targets). Cached responses and their ETags are
 * valid for one content revision.
 */
export async function contentRevision(sql: Sql): Promise<number> {
  return counter(sql, 'content_revision');
}

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
