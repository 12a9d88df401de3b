import { didYouMean } from '@dxmon/engine';
import type { Actor } from '../../auth/actor.js';
import { requireRole } from '../../auth/permissions.js';
import type { Database, Sql } from '../../db/database.js';
import { NotFound, UnprocessableContent } from '../../http/problems.js';
import { periodRange } from '../../imports/periodRange.js';
import { recordAudit } from '../audit.js';
import { reportingDataset, reportingLevel } from './dataset.js';

/** A reporting round's calendar, as the API shows it. */
export interface ReportingCalendar {
  dataset: string;
  dataset_kind: 'framework' | 'criteria';
  period: string;
  opens_on: string;
  due_on: string;
  late_until: string;
  created_by: string;
  updated_at: string;
}

export interface CalendarRequest {
  dataset: string;
  period: string;
  opens_on: string;
  due_on: string;
  late_until: string;
}

const columns = `dataset, dataset_kind, period, opens_on::text as opens_on, due_on::text as due_on,
  late_until::text as late_until, created_by, updated_at`;

type CalendarRow = Omit<ReportingCalendar, 'updated_at'> & { updated_at: Date | string };

function toCalendar(row: CalendarRow): ReportingCalendar {
  return { ...row, updated_at: new Date(row.updated_at).toISOString() };
}

/** The calendars, optionally of one data set and period, by data set then period. */
export async function listCalendars(
  sql: Sql,
  q: { dataset?: string | undefined; period?: string | undefined },
): Promise<ReportingCalendar[]> {
  const { rows } = await sql.query<CalendarRow>(
    `select ${columns} from reporting_calendars
      where ($1::text is null or dataset = $1) and ($2::text is null or period = $2)
      order by dataset, period`,
    [q.dataset ?? null, q.period ?? null],
  );
  return rows.map(toCalendar);
}

/** The calendar of a data set and period, if one is set. */
export async function calendarOf(
  sql: Sql,
  dataset: string,
  period: string,
): Promise<ReportingCalendar | undefined> {
  return (await listCalendars(sql, { dataset, period }))[0];
}

const allowed = ['admin', 'analyst'] as const;

/**
 * Sets (creates or replaces) the calendar of a data set and period: admins and analysts, audited.
 * Refused with a 422 naming the field: a data set that is neither a framework nor a criteria
 * model, a period in which no unit of the data set's level existed, dates out of order
 * (opens_on <= due_on <= late_until).
 */
export async function putCalendar(
  database: Database,
  actorOrNone: Actor | undefined,
  request: CalendarRequest,
): Promise<ReportingCalendar> {
  const actor = requireRole(actorOrNone, allowed, 'setting a reporting calendar');
  const dataset = await reportingDataset(database, request.dataset, 'body.dataset');
  await requirePeriod(database, dataset.elements, request.period);
  requireOrder(request);
  return database.transaction(async (sql) => {
    const before = (await calendarOf(sql, dataset.id, request.period)) ?? null;
    const { rows } = await sql.query<CalendarRow>(
      `insert into reporting_calendars
         (dataset_kind, dataset, period, opens_on, due_on, late_until, created_by)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (dataset_kind, dataset, period) do update
          set opens_on = excluded.opens_on, due_on = excluded.due_on,
              late_until = excluded.late_until, created_by = excluded.created_by,
              updated_at = now()
       returning ${columns}`,
      [
        dataset.kind,
        dataset.id,
        request.period,
        request.opens_on,
        request.due_on,
        request.late_until,
        actor.email ?? actor.name,
      ],
    );
    const after = toCalendar(rows[0] as CalendarRow);
    await recordAudit(sql, actor, [
      {
        entity: 'reporting_calendar',
        key: `${dataset.id}|${request.period}`,
        action: before ? 'update' : 'create',
        before,
        after,
      },
    ]);
    return after;
  });
}

/** Removes the calendar of a data set and period (admins and analysts, audited), or a 404. */
export async function deleteCalendar(
  database: Database,
  actorOrNone: Actor | undefined,
  dataset: string,
  period: string,
): Promise<void> {
  const actor = requireRole(actorOrNone, allowed, 'removing a reporting calendar');
  await database.transaction(async (sql) => {
    const before = await calendarOf(sql, dataset, period);
    if (!before) throw new NotFound(`no reporting calendar for ${dataset} ${period}`);
    await sql.query('delete from reporting_calendars where dataset = $1 and period = $2', [
      dataset,
      period,
    ]);
    await recordAudit(sql, actor, [
      { entity: 'reporting_calendar', key: `${dataset}|${period}`, action: 'delete', before },
    ]);
  });
}

/** A period in which some unit of the data set's level existed, or a 422 naming body.period. */
async function requirePeriod(sql: Sql, elements: string[], period: string): Promise<void> {
  const range = periodRange(period);
  const level = await reportingLevel(sql, elements);
  if (range && level) {
    const { rows } = await sql.query(
      `select 1 from units
        where level = $1 and valid_from <= $2 and (valid_to is null or valid_to >= $2) limit 1`,
      [level, range.end],
    );
    if (rows.length > 0) return;
  }
  const { rows } = await sql.query<{ period: string }>(
    'select distinct period from data_values where element = any($1::text[]) order by period',
    [elements],
  );
  const periods = rows.map((r) => r.period);
  const message = `no unit ${level ? `of level ${level} ` : ''}existed in ${period}${didYouMean(period, periods)} (the data set has values in ${periods.join(', ') || 'no period yet'})`;
  throw new UnprocessableContent(`body.period "${period}": ${message}`, [
    { field: 'body.period', message, value: period },
  ]);
}

/** opens_on <= due_on <= late_until, or a 422 naming the date out of order. */
function requireOrder(c: CalendarRequest): void {
  if (c.due_on < c.opens_on) {
    const message = `the due date ${c.due_on} is before the opening date ${c.opens_on}`;
    throw new UnprocessableContent(`body.due_on: ${message}`, [
      { field: 'body.due_on', message, value: c.due_on },
    ]);
  }
  if (c.late_until < c.due_on) {
    const message = `the last day for late entry ${c.late_until} is before the due date ${c.due_on}`;
    throw new UnprocessableContent(`body.late_until: ${message}`, [
      { field: 'body.late_until', message, value: c.late_until },
    ]);
  }
}
