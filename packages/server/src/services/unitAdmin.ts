import type { Actor } from '../auth/actor.js';
import { ancestorsOf } from '../auth/unitScope.js';
import type { Database, Sql } from '../db/database.js';
import {
  Conflict,
  NotFound,
  type ProblemField,
  UnprocessableContent,
  ValidationFailed,
} from '../http/problems.js';
import { periodRange } from '../imports/periodRange.js';
import { type AuditEntry, recordAudit } from './audit.js';
import { bumpDataRevision } from './dataRevision.js';
import { lockDataWrites } from './dataWriteLock.js';
import { getUnit, type Unit, type UnitWithLineage } from './units.js';

// Writing units and their lineage (admins). Every write is one transaction with its audit rows
// and raises the data revision, and with it the content revision: the cached public reads
// (units, shapes, results, profiles, series) change at once, and so do the in-memory caches of
// profiles, explanations and uncertainty keyed by the data revision, and the stored assessment
// runs, whose unit set (the units of a level on a date), names and lineage come from these tables.

export interface NewUnit {
  code: string;
  level: string;
  parent?: string | null | undefined;
  names: { en: string; vi?: string | null | undefined; ar?: string | null | undefined };
  valid_from: string;
  valid_to?: string | null | undefined;
  attributes?: Record<string, string> | undefined;
}

export interface UnitChange {
  names?:
    | { en?: string | undefined; vi?: string | null | undefined; ar?: string | null | undefined }
    | undefined;
  attributes?: Record<string, string> | undefined;
  parent?: string | null | undefined;
  valid_to?: string | null | undefined;
}

export const lineageKinds = ['merge', 'split', 'rename'] as const;
export type LineageKind = (typeof lineageKinds)[number];

export interface NewLineageEvent {
  event: LineageKind;
  date: string;
  predecessors: string[];
  successors: string[];
  note?: string | null | undefined;
}

/** One stored row of `lineage_events`: one predecessor to one successor. */
export interface LineageRow {
  id: number;
  event: string;
  date: string;
  predecessor: string;
  successor: string;
  note: string | null;
}

export interface LineageQuery {
  unit?: string | undefined;
  event?: string | undefined;
  date?: string | undefined;
  limit: number;
  offset: number;
}

interface UnitRecord {
  code: string;
  level: string;
  parent: string | null;
  name_en: string;
  name_vi: string | null;
  name_ar: string | null;
  valid_from: string;
  valid_to: string | null;
  attributes: Record<string, string>;
}

const unitColumns =
  'code, level, parent, name_en, name_vi, name_ar, valid_from::text, valid_to::text, attributes';
const lineageColumns = 'id, event, date::text, predecessor, successor, note';

/** The API's (and the audit trail's) shape of a unit. */
function unitOf(r: UnitRecord): Unit {
  return {
    code: r.code,
    level: r.level,
    parent: r.parent,
    names: { en: r.name_en, vi: r.name_vi, ar: r.name_ar },
    valid_from: r.valid_from,
    valid_to: r.valid_to,
    attributes: r.attributes ?? {},
  };
}

function refuse(problems: ProblemField[]): never {
  throw new UnprocessableContent(
    `${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}; nothing was written`,
    problems,
  );
}

/** `2025-07-01` -> `2025-06-30`. */
export function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

const blank = (v: string | null | undefined) =>
  v === undefined || v === null ? null : v.trim() || null;
const lifetime = (u: { valid_from: string; valid_to: string | null }) =>
  `${u.valid_from} to ${u.valid_to ?? 'today'}`;

async function unitRecords(
  sql: Sql,
  codes: readonly string[],
  lock = '',
): Promise<Map<string, UnitRecord>> {
  const { rows } = await sql.query<UnitRecord>(
    `select ${unitColumns} from units where code = any($1::text[]) order by code ${lock}`,
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r]));
}

/** Problems with the parent: it exists, is not the unit or below it, and overlaps its lifetime. */
async function parentProblems(sql: Sql, unit: UnitRecord): Promise<ProblemField[]> {
  if (unit.parent === null) return [];
  const parent = (await unitRecords(sql, [unit.parent], 'for share')).get(unit.parent);
  if (!parent) return [{ field: 'body.parent', message: 'no such unit', value: unit.parent }];
  if ((await ancestorsOf(sql, unit.parent)).includes(unit.code))
    return [
      {
        field: 'body.parent',
        message: `${unit.parent} is ${unit.code} or lies below it: a unit cannot be its own ancestor`,
        value: unit.parent,
      },
    ];
  // A lifetime that ends before it begins is a problem of its own, not the parent's.
  if (unit.valid_to !== null && unit.valid_to < unit.valid_from) return [];
  const overlaps =
    (unit.valid_to === null || parent.valid_from <= unit.valid_to) &&
    (parent.valid_to === null || parent.valid_to >= unit.valid_from);
  return overlaps
    ? []
    : [
        {
          field: 'body.parent',
          message: `${unit.parent} existed from ${lifetime(parent)}, which does not overlap ${lifetime(unit)}`,
          value: unit.parent,
        },
      ];
}

/** Problems of the record as a whole: empty names or level, validity, attribute keys. */
function recordProblems(unit: UnitRecord): ProblemField[] {
  const problems: ProblemField[] = [];
  if (unit.code === '')
    problems.push({ field: 'body.code', message: 'the code is empty', value: '' });
  if (unit.level === '') problems.push({ field: 'body.level', message: 'the level is empty' });
  if (unit.name_en === '')
    problems.push({ field: 'body.names.en', message: 'the English name is empty' });
  if (unit.valid_to !== null && unit.valid_to < unit.valid_from)
    problems.push({
      field: 'body.valid_to',
      message: `the last day comes before the first (valid_from ${unit.valid_from})`,
      value: unit.valid_to,
    });
  for (const key of Object.keys(unit.attributes)) {
    if (key.trim() === '')
      problems.push({
        field: 'body.attributes',
        message: 'an attribute name is empty',
        value: key,
      });
  }
  return problems;
}

/**
 * Problems with ending `code` on `validTo` (null: reopening it), named under `field`: data values
 * of periods that begin after that day (periods map to days as imports check them: a value
 * belongs to a unit whose lifetime overlaps its period), units below it that begin after it, and
 * lineage that ends it on another day.
 */
async function closingProblems(
  sql: Sql,
  code: string,
  validTo: string | null,
  field: string,
  value: unknown = validTo,
): Promise<ProblemField[]> {
  const problems: ProblemField[] = [];
  const { rows: ends } = await sql.query<{ date: string; event: string; successor: string }>(
    `select date::text, event, successor from lineage_events where predecessor = $1 order by date, successor`,
    [code],
  );
  const end = ends[0];
  if (end && validTo !== dayBefore(end.date))
    problems.push({
      field,
      message: `${code} ends with the ${end.event} of ${end.date} into ${ends
        .filter((e) => e.date === end.date)
        .map((e) => e.successor)
        .join(', ')}: its last day is ${dayBefore(end.date)} (delete that lineage event first)`,
      value,
    });
  if (validTo === null) return problems;
  const { rows: periods } = await sql.query<{ period: string; n: number }>(
    'select period, count(*)::int as n from data_values where unit = $1 group by period order by period',
    [code],
  );
  const after = periods.filter((p) => {
    const range = periodRange(p.period);
    return range !== undefined && range.start > validTo;
  });
  if (after.length > 0) {
    const values = after.reduce((sum, p) => sum + p.n, 0);
    const listed = after.slice(0, 12).map((p) => `${p.period} (${p.n})`);
    problems.push({
      field,
      message: `${values} data value${values === 1 ? '' : 's'} of ${code} ${values === 1 ? 'is' : 'are'} for periods after ${validTo}, which would be left without their unit: ${listed.join(', ')}${after.length > listed.length ? ` and ${after.length - listed.length} more periods` : ''}`,
      value,
    });
  }
  const { rows: children } = await sql.query<{ code: string; valid_from: string }>(
    'select code, valid_from::text from units where parent = $1 and valid_from > $2 order by code',
    [code, validTo],
  );
  if (children.length > 0) {
    const listed = children.slice(0, 10).map((c) => `${c.code} (from ${c.valid_from})`);
    problems.push({
      field,
      message: `${children.length} unit${children.length === 1 ? '' : 's'} below ${code} begin after ${validTo}: ${listed.join(', ')}${children.length > listed.length ? ', ...' : ''}`,
      value,
    });
  }
  return problems;
}

/**
 * Creates a unit: 409 if the code is taken; the parent must exist and overlap its lifetime.
 * Answers the unit as `GET /api/units/:code` gives it.
 */
export async function createUnit(
  database: Database,
  input: NewUnit,
  actor: Actor,
): Promise<UnitWithLineage> {
  const unit: UnitRecord = {
    code: input.code.trim(),
    level: input.level.trim(),
    parent: blank(input.parent),
    name_en: input.names.en.trim(),
    name_vi: blank(input.names.vi),
    name_ar: blank(input.names.ar),
    valid_from: input.valid_from,
    valid_to: input.valid_to ?? null,
    attributes: input.attributes ?? {},
  };
  await database.transaction(async (sql) => {
    const problems = [...recordProblems(unit), ...(await parentProblems(sql, unit))];
    if (problems.length > 0) refuse(problems);
    const { rows } = await sql.query<UnitRecord>(
      `insert into units (code, level, parent, name_en, name_vi, name_ar, valid_from, valid_to, attributes)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)
       on conflict (code) do nothing returning ${unitColumns}`,
      [
        unit.code,
        unit.level,
        unit.parent,
        unit.name_en,
        unit.name_vi,
        unit.name_ar,
        unit.valid_from,
        unit.valid_to,
        JSON.stringify(unit.attributes),
      ],
    );
    const created = rows[0];
    if (!created)
      throw new Conflict(`there is already a unit "${unit.code}"`, [
        { field: 'body.code', message: 'already used', value: unit.code },
      ]);
    await recordAudit(sql, actor, [
      { entity: 'unit', key: unit.code, unit: unit.code, action: 'create', after: unitOf(created) },
    ]);
    await bumpDataRevision(sql);
  });
  return getUnit(database.db, unit.code);
}

/**
 * Changes a unit's names (each given replaces the stored one; null clears vi or ar), attributes
 * (replaced as a whole), parent (null: none) or last day (`valid_to`; null reopens it). The code,
 * level and first day never change: a new code is a new unit and a rename in the lineage.
 */
export async function updateUnit(
  database: Database,
  code: string,
  change: UnitChange,
  actor: Actor,
): Promise<UnitWithLineage> {
  const fields = ['names', 'attributes', 'parent', 'valid_to'] as const;
  const given = (f: (typeof fields)[number]) =>
    f === 'names'
      ? Object.values(change.names ?? {}).some((v) => v !== undefined)
      : change[f] !== undefined;
  if (!fields.some(given))
    throw new ValidationFailed(`nothing to change: give at least one of ${fields.join(', ')}`, [
      { field: 'body', message: `give at least one of ${fields.join(', ')}` },
    ]);
  await database.transaction(async (sql) => {
    // Data writers take this lock: no value slips in for a day the unit no longer covers, nor
    // by an officer whose subtree the unit is leaving.
    if (change.valid_to !== undefined || change.parent !== undefined) await lockDataWrites(sql);
    const row = (await unitRecords(sql, [code], 'for update')).get(code);
    if (!row) throw new NotFound(`unit "${code}" does not exist`);
    const names = change.names ?? {};
    const unit: UnitRecord = {
      ...row,
      name_en: names.en === undefined ? row.name_en : names.en.trim(),
      name_vi: names.vi === undefined ? row.name_vi : blank(names.vi),
      name_ar: names.ar === undefined ? row.name_ar : blank(names.ar),
      attributes: change.attributes ?? row.attributes,
      parent: change.parent === undefined ? row.parent : blank(change.parent),
      valid_to: change.valid_to === undefined ? row.valid_to : change.valid_to,
    };
    const problems = recordProblems(unit);
    if (unit.parent !== row.parent || unit.valid_to !== row.valid_to)
      problems.push(...(await parentProblems(sql, unit)));
    if (unit.valid_to !== row.valid_to && !problems.some((p) => p.field === 'body.valid_to'))
      problems.push(...(await closingProblems(sql, code, unit.valid_to, 'body.valid_to')));
    if (problems.length > 0) refuse(problems);
    const { rows } = await sql.query<UnitRecord>(
      `update units set name_en = $2, name_vi = $3, name_ar = $4, attributes = $5::jsonb,
              parent = $6, valid_to = $7
        where code = $1 returning ${unitColumns}`,
      [
        code,
        unit.name_en,
        unit.name_vi,
        unit.name_ar,
        JSON.stringify(unit.attributes),
        unit.parent,
        unit.valid_to,
      ],
    );
    const closing = row.valid_to === null && unit.valid_to !== null;
    await recordAudit(sql, actor, [
      {
        entity: 'unit',
        key: code,
        unit: code,
        action: closing ? 'update (closed)' : 'update',
        before: unitOf(row),
        after: unitOf(rows[0] as UnitRecord),
      },
    ]);
    await bumpDataRevision(sql);
  });
  return getUnit(database.db, code);
}

/** The shape of an event: how many predecessors and successors each kind links. */
const shapes: Record<LineageKind, { predecessors: 'one' | 'many'; successors: 'one' | 'many' }> = {
  merge: { predecessors: 'many', successors: 'one' },
  split: { predecessors: 'one', successors: 'many' },
  rename: { predecessors: 'one', successors: 'one' },
};

/**
 * Records a boundary change on `date`: a row for every predecessor x successor. Every code must
 * exist, each list hold no code twice and no code be in both. Successors begin on `date`; each
 * predecessor began before it and ends the day before: one still open is closed on that day in
 * the same transaction (refused, like a `PATCH` of `valid_to`, if it has data values of later
 * periods or units below it beginning later), one with another last day is refused. A unit ends
 * through one event and begins through one: a second event ending a predecessor or creating a
 * successor (the same one recorded twice included) is a 409.
 */
export async function recordLineage(
  database: Database,
  input: NewLineageEvent,
  actor: Actor,
): Promise<{ items: LineageRow[]; closed: string[] }> {
  const predecessors = input.predecessors.map((c) => c.trim());
  const successors = input.successors.map((c) => c.trim());
  const note = blank(input.note);
  const problems: ProblemField[] = [];
  const shape = shapes[input.event];
  for (const [side, codes] of [
    ['predecessors', predecessors],
    ['successors', successors],
  ] as const) {
    const many = shape[side] === 'many';
    if (many ? codes.length < 2 : codes.length !== 1)
      problems.push({
        field: `body.${side}`,
        message: `a ${input.event} has ${many ? 'two or more' : 'exactly one'} ${side.slice(0, -1)}${many ? 's' : ''} (${shape.predecessors} to ${shape.successors}); ${codes.length} given`,
      });
    codes.forEach((code, i) => {
      if (code === '')
        problems.push({ field: `body.${side}[${i}]`, message: 'the code is empty', value: code });
      else if (codes.indexOf(code) !== i)
        problems.push({ field: `body.${side}[${i}]`, message: 'given twice', value: code });
    });
  }
  successors.forEach((code, i) => {
    if (predecessors.includes(code))
      problems.push({
        field: `body.successors[${i}]`,
        message: 'also a predecessor: a unit cannot succeed itself',
        value: code,
      });
  });
  if (problems.length > 0) refuse(problems);

  const lastDay = dayBefore(input.date);
  return database.transaction(async (sql) => {
    await lockDataWrites(sql);
    // Locking every unit of the event serialises events on the same units: no event twice.
    const found = await unitRecords(sql, [...predecessors, ...successors], 'for update');
    const toClose: string[] = [];
    for (const [i, code] of predecessors.entries()) {
      const field = `body.predecessors[${i}]`;
      const unit = found.get(code);
      if (!unit) {
        problems.push({ field, message: 'no such unit', value: code });
      } else if (unit.valid_from >= input.date) {
        problems.push({
          field,
          message: `${code} begins on ${unit.valid_from}: a predecessor exists before ${input.date}`,
          value: code,
        });
      } else if (unit.valid_to === null) {
        toClose.push(code);
      } else if (unit.valid_to !== lastDay) {
        problems.push({
          field,
          message: `${code} ends on ${unit.valid_to}: a predecessor's last day is the day before the event, ${lastDay}`,
          value: code,
        });
      }
    }
    for (const [i, code] of successors.entries()) {
      const unit = found.get(code);
      if (!unit)
        problems.push({ field: `body.successors[${i}]`, message: 'no such unit', value: code });
      else if (unit.valid_from !== input.date)
        problems.push({
          field: `body.successors[${i}]`,
          message: `${code} begins on ${unit.valid_from}: a successor begins on the day of the event, ${input.date}`,
          value: code,
        });
    }
    if (problems.length > 0) refuse(problems);

    const { rows: earlier } = await sql.query<LineageRow>(
      `select ${lineageColumns} from lineage_events
        where predecessor = any($1::text[]) or successor = any($2::text[]) order by id`,
      [predecessors, successors],
    );
    const conflicts: ProblemField[] = [];
    for (const [side, codes, column] of [
      ['predecessors', predecessors, 'predecessor'],
      ['successors', successors, 'successor'],
    ] as const) {
      codes.forEach((code, i) => {
        const e = earlier.find((r) => r[column] === code);
        if (e)
          conflicts.push({
            field: `body.${side}[${i}]`,
            message: `already recorded: ${e.event} of ${e.date}, ${e.predecessor} -> ${e.successor} (lineage row ${e.id})`,
            value: code,
          });
      });
    }
    if (conflicts.length > 0)
      throw new Conflict(
        `${conflicts.map((c) => `${c.field}: ${c.message}`).join('; ')}; nothing was written`,
        conflicts,
      );

    const closing: ProblemField[] = [];
    for (const code of toClose) {
      const i = predecessors.indexOf(code);
      closing.push(...(await closingProblems(sql, code, lastDay, `body.predecessors[${i}]`, code)));
    }
    if (closing.length > 0) refuse(closing);

    const audit: AuditEntry[] = [];
    for (const code of toClose) {
      const { rows } = await sql.query<UnitRecord>(
        `update units set valid_to = $2 where code = $1 returning ${unitColumns}`,
        [code, lastDay],
      );
      audit.push({
        entity: 'unit',
        key: code,
        unit: code,
        action: `update (closed by the ${input.event} of ${input.date})`,
        before: unitOf(found.get(code) as UnitRecord),
        after: unitOf(rows[0] as UnitRecord),
      });
    }
    const pairs = predecessors.flatMap((p) => successors.map((s) => [p, s] as const));
    const { rows } = await sql.query<LineageRow>(
      `insert into lineage_events (event, date, predecessor, successor, note)
       select $1::text, $2::date, p, s, $5::text from unnest($3::text[], $4::text[]) as t(p, s)
       returning ${lineageColumns}`,
      [input.event, input.date, pairs.map((p) => p[0]), pairs.map((p) => p[1]), note],
    );
    const items = rows.sort((a, b) => a.id - b.id);
    for (const row of items) {
      audit.push({
        entity: 'lineage',
        key: String(row.id),
        unit: row.successor,
        action: 'create',
        after: row,
      });
    }
    await recordAudit(sql, actor, audit);
    await bumpDataRevision(sql);
    return { items, closed: toClose };
  });
}

/**
 * Removes a wrongly recorded event: every row of the event that row `id` belongs to (a merge's
 * rows share their kind, date and successor; a split's their kind, date and predecessor; a
 * rename is one row), since part of an event is not a valid event. Units keep their validity: a
 * predecessor closed by the event is reopened with `PATCH /api/units/:code` (`valid_to: null`).
 */
export async function deleteLineage(
  database: Database,
  id: number,
  actor: Actor,
): Promise<{ items: LineageRow[] }> {
  return database.transaction(async (sql) => {
    const { rows: found } = await sql.query<LineageRow>(
      `select ${lineageColumns} from lineage_events where id = $1`,
      [id],
    );
    const row = found[0];
    if (!row) throw new NotFound(`there is no lineage row ${id}`);
    // The rows of the event: a merge's share its successor, a split's its predecessor.
    const [same, key] =
      row.event === 'merge'
        ? ['successor', row.successor]
        : row.event === 'split'
          ? ['predecessor', row.predecessor]
          : ['id::text', String(row.id)];
    const { rows } = await sql.query<LineageRow>(
      `delete from lineage_events where event = $1 and date = $2::date and ${same} = $3
       returning ${lineageColumns}`,
      [row.event, row.date, key],
    );
    const items = rows.sort((a, b) => a.id - b.id);
    await recordAudit(
      sql,
      actor,
      items.map((r) => ({
        entity: 'lineage',
        key: String(r.id),
        unit: r.successor,
        action: 'delete',
        before: r,
      })),
    );
    await bumpDataRevision(sql);
    return { items };
  });
}

/** Lineage rows, oldest event first: of a unit (as predecessor or successor), a kind, a date. */
export async function listLineage(
  database: Database,
  q: LineageQuery,
): Promise<{ items: LineageRow[]; total: number }> {
  const where = `($1::text is null or predecessor = $1 or successor = $1)
       and ($2::text is null or event = $2) and ($3::date is null or date = $3::date)`;
  const params = [q.unit ?? null, q.event ?? null, q.date ?? null];
  const [rows, total] = await Promise.all([
    database.query<LineageRow>(
      `select ${lineageColumns} from lineage_events where ${where} order by date, id limit $4 offset $5`,
      [...params, q.limit, q.offset],
    ),
    database.query<{ n: number }>(
      `select count(*)::int as n from lineage_events where ${where}`,
      params,
    ),
  ]);
  return { items: rows.rows, total: total.rows[0]?.n ?? 0 };
}
