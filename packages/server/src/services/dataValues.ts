import type { Database } from '../db/database.js';

export interface DataValue {
  unit: string;
  indicator: string;
  period: string;
  value: number | null;
  source: string | null;
  evidence: string | null;
  status: string;
  version: number;
  updated_at: string;
}

export interface DataQuery {
  unit?: string | undefined;
  indicator?: string | undefined;
  period?: string | undefined;
  limit: number;
  offset: number;
  /** Only the cells after this one in (unit, element, period) order: the next page by keyset. */
  after?: { unit: string; indicator: string; period: string } | undefined;
  /** False: skip counting every match (`total` is then -1), for the pages after the first. */
  countTotal?: boolean | undefined;
}

/**
 * Data values with their provenance. The public sees each cell's last approved value (a cell
 * never approved is not shown); `privateUnits` shows those units' working values instead, drafts
 * and submissions included (a signed-in user's subtree), `'all'` every unit's.
 */
export async function listDataValues(
  database: Database,
  q: DataQuery,
  privateUnits: readonly string[] | 'all' = [],
): Promise<{ items: DataValue[]; total: number }> {
  const all = privateUnits === 'all';
  const mine = all ? [] : [...privateUnits];
  // $1 all, $2 private units: a row is "working" (shown as it is) for those, else its approved state.
  const working = '($1 or unit = any($2::text[]))';
  const where = `(${working} or approved_version is not null)
      and ($3::text is null or unit = $3) and ($4::text is null or element = $4)
      and ($5::text is null or period = $5)`;
  const params = [all, mine, q.unit ?? null, q.indicator ?? null, q.period ?? null];
  const [rows, total] = await Promise.all([
    database.query<{
      unit: string;
      element: string;
      period: string;
      value: number | null;
      source: string | null;
      evidence: string | null;
      status: string;
      version: number;
      updated_at: Date | string;
    }>(
      `select unit, element, period, source, evidence, updated_at,
              case when ${working} then value else approved_value end as value,
              case when ${working} then status else 'approved' end as status,
              case when ${working} then version else approved_version end as version
         from data_values where ${where}
          and ($8::text is null or (unit, element, period) > ($8::text, $9::text, $10::text))
        order by unit, element, period limit $6 offset $7`,
      [
        ...params,
        q.limit,
        q.offset,
        q.after?.unit ?? null,
        q.after?.indicator ?? null,
        q.after?.period ?? null,
      ],
    ),
    q.countTotal === false
      ? { rows: [{ n: -1 }] }
      : database.query<{ n: number }>(
          `select count(*)::int as n from data_values where ${where}`,
          params,
        ),
  ]);
  return {
    items: rows.rows.map((r) => ({
      unit: r.unit,
      indicator: r.element,
      period: r.period,
      value: r.value,
      source: r.source,
      evidence: r.evidence,
      status: r.status,
      version: r.version,
      updated_at: new Date(r.updated_at).toISOString(),
    })),
    total: total.rows[0]?.n ?? 0,
  };
}
