import type { Sql } from '../db/database.js';

/**
 * Every writer of data values takes this transaction lock first: imports, form entries and
 * workflow transitions never interleave, so a value cannot slip into a data set being approved,
 * and the checks a writer makes before writing (units, elements, locks) still hold when it writes.
 */
export async function lockDataWrites(sql: Sql): Promise<void> {
  await sql.query('select pg_advisory_xact_lock(7312025)');
}
