import { and, asc, count, eq, gte, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { lineageEvents, units } from '../db/schema.js';
import { NotFound } from '../http/problems.js';

export interface Unit {
  code: string;
  level: string;
  parent: string | null;
  names: { en: string; vi: string | null; ar: string | null };
  valid_from: string;
  valid_to: string | null;
  attributes: Record<string, string>;
}

export interface UnitWithLineage extends Unit {
  predecessors: { code: string; event: string; date: string }[];
  successors: { code: string; event: string; date: string }[];
}

export interface UnitQuery {
  level?: string | undefined;
  parent?: string | undefined;
  /** Units that existed on this date (YYYY-MM-DD). */
  at?: string | undefined;
  limit: number;
  offset: number;
}

type UnitRow = typeof units.$inferSelect;

export function toUnit(row: UnitRow): Unit {
  return {
    code: row.code,
    level: row.level,
    parent: row.parent,
    names: { en: row.nameEn, vi: row.nameVi, ar: row.nameAr },
    valid_from: row.validFrom,
    valid_to: row.validTo,
    attributes: row.attributes,
  };
}

/** The condition "the unit existed on `at`". */
export function existedOn(at: string): SQL {
  return and(lte(units.validFrom, at), or(isNull(units.validTo), gte(units.validTo, at))) as SQL;
}

/** The levels of the units that existed on `at`, in alphabetical order. */
export async function levelsOn(db: Db, at: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ level: units.level })
    .from(units)
    .where(existedOn(at))
    .orderBy(asc(units.level));
  return rows.map((r) => r.level);
}

export async function listUnits(db: Db, q: UnitQuery): Promise<{ items: Unit[]; total: number }> {
  const where = and(
    q.level ? eq(units.level, q.level) : undefined,
    q.parent ? eq(units.parent, q.parent) : undefined,
    q.at ? existedOn(q.at) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db.select().from(units).where(where).orderBy(asc(units.code)).limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(units).where(where),
  ]);
  return { items: rows.map(toUnit), total: total?.n ?? 0 };
}

export async function getUnit(db: Db, code: string): Promise<UnitWithLineage> {
  const [row] = await db.select().from(units).where(eq(units.code, code));
  if (!row) throw new NotFound(`unit "${code}" does not exist`);
  const events = await db
    .select()
    .from(lineageEvents)
    .where(or(eq(lineageEvents.predecessor, code), eq(lineageEvents.successor, code)))
    .orderBy(asc(lineageEvents.date), asc(lineageEvents.id));
  return {
    ...toUnit(row),
    predecessors: events
      .filter((e) => e.successor === code)
      .map((e) => ({ code: e.predecessor, event: e.event, date: e.date })),
    successors: events
      .filter((e) => e.predecessor === code)
      .map((e) => ({ code: e.successor, event: e.event, date: e.date })),
  };
}
