import type { Sql } from '../db/database.js';

/**
 * For each unit, the unit that stands for it on `at`: itself if it still existed, else its
 * successor after merges and renames (followed through several events), or undefined if it has
 * none. Splits are not followed: a split unit's territory has no single successor.
 */
export async function unitsOn(
  sql: Sql,
  codes: readonly string[],
  at: string,
): Promise<Map<string, string | undefined>> {
  const { rows: existing } = await sql.query<{ code: string }>(
    `select code from units where valid_from <= $1 and (valid_to is null or valid_to >= $1)`,
    [at],
  );
  const alive = new Set(existing.map((r) => r.code));
  const { rows: events } = await sql.query<{ predecessor: string; successor: string }>(
    `select predecessor, successor from lineage_events where event in ('merge', 'rename') and date <= $1 order by date`,
    [at],
  );
  const next = new Map(events.map((e) => [e.predecessor, e.successor]));
  const result = new Map<string, string | undefined>();
  for (const code of codes) {
    let current: string | undefined = code;
    const seen = new Set<string>();
    while (current !== undefined && !alive.has(current) && !seen.has(current)) {
      seen.add(current);
      current = next.get(current);
    }
    result.set(code, current !== undefined && alive.has(current) ? current : undefined);
  }
  return result;
}
