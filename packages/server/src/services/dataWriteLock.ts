import type { Sql } from '../db/database.js';

/** The data-write lock (a transaction-level advisory lock). */
const dataWrites = 7312025;
/** The space of the units' own locks (two-key advisory locks: this, then the unit's key). */
const unitWrites = 7312026;
/** A form writing more units than this takes the data-write lock whole (the lock table is finite). */
const maxUnitLocks = 32;

/**
 * Every writer of data values takes this transaction lock first, except form entries (below):
 * imports, workflow transitions and changes to units never interleave with any other writer, so
 * a value cannot slip into a data set being approved, and the checks a writer makes before
 * writing (units, elements, locks) still hold when it writes.
 */
export async function lockDataWrites(sql: Sql): Promise<void> {
  await sql.query(`select pg_advisory_xact_lock(${dataWrites})`);
}

/**
 * The lock of a form entry, which writes a few cells of a few units: the data-write lock shared
 * (the writers above hold it exclusively, so they still never interleave with a form), then each
 * unit's own lock, in one order so that two forms cannot deadlock. Forms for different units run
 * side by side; two for the same unit one after the other, so that the cells and versions one
 * checked (a new cell too, which has no row to lock) are still the ones it replaces when it
 * writes. A form for many units takes the data-write lock whole, as an import does.
 */
export async function lockUnitDataWrites(sql: Sql, units: Iterable<string>): Promise<void> {
  const keys = [...new Set([...units].map(unitKey))].sort((a, b) => a - b);
  if (keys.length > maxUnitLocks) return lockDataWrites(sql);
  // One round trip: the filter, volatile, runs for each key before the key's own lock is taken,
  // so the shared lock comes first (taking it again is free); the keys in the array's order.
  await sql.query(
    `select pg_advisory_xact_lock(${unitWrites}, k) from unnest($1::int[]) as k
      where pg_advisory_xact_lock_shared(${dataWrites}) is not null`,
    [keys],
  );
}

/** A unit's lock key: its code's 32-bit FNV-1a hash (two units sharing one only wait for each other). */
function unitKey(code: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) {
    hash ^= code.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
