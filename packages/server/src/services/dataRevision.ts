import type { Sql } from '../db/database.js';

/**
 * The data revision: a counter raised by every change to data values. Stored results record the
 * revision they were computed from, so a later revision marks them for recomputation.
 */
export async function dataRevision(sql: Sql): Promise<number> {
  const { rows } = await sql.query<{ value: number }>(
    `select value from meta where key = 'data_revision'`,
  );
  return rows[0]?.value ?? 0;
}

export async function bumpDataRevision(sql: Sql): Promise<number> {
  const { rows } = await sql.query<{ value: number }>(
    `insert into meta (key, value) values ('data_revision', 1)
     on conflict (key) do update set value = meta.value + 1 returning value`,
  );
  return rows[0]?.value ?? 0;
}
