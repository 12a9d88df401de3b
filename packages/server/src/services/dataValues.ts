import { and, asc, count, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { dataValues } from '../db/schema.js';

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
}

/**
 * Data values with their provenance. The public sees approved values; `privateUnits` adds the
 * drafts and submissions of those units (a signed-in user's subtree), `'all'` everything.
 */
export async function listDataValues(
  db: Db,
  q: DataQuery,
  privateUnits: readonly string[] | 'all' = [],
): Promise<{ items: DataValue[]; total: number }> {
  const visible =
    privateUnits === 'all'
      ? undefined
      : privateUnits.length > 0
        ? or(eq(dataValues.status, 'approved'), inArray(dataValues.unit, [...privateUnits]))
        : eq(dataValues.status, 'approved');
  const where = and(
    visible,
    q.unit ? eq(dataValues.unit, q.unit) : undefined,
    q.indicator ? eq(dataValues.element, q.indicator) : undefined,
    q.period ? eq(dataValues.period, q.period) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(dataValues)
      .where(where)
      .orderBy(asc(dataValues.unit), asc(dataValues.element), asc(dataValues.period))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(dataValues).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      unit: r.unit,
      indicator: r.element,
      period: r.period,
      value: r.value,
      source: r.source,
      evidence: r.evidence,
      status: r.status,
      version: r.version,
      updated_at: r.updatedAt.toISOString(),
    })),
    total: total?.n ?? 0,
  };
}
