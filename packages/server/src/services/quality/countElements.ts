import type { Sql } from '../../db/database.js';

/**
 * Which of `elements` are counts: those that add up the hierarchy (`aggregation = 'sum'`: people,
 * enterprises, subscriptions). Their outliers are scored on the log scale, since their spread
 * grows with the size of the unit.
 */
export async function countElements(sql: Sql, elements: readonly string[]): Promise<Set<string>> {
  const { rows } = await sql.query<{ code: string }>(
    `select code from data_elements where code = any($1::text[]) and aggregation = 'sum'`,
    [elements],
  );
  return new Set(rows.map((r) => r.code));
}
